#!/usr/bin/env bash
# Runs the portal on SQLite with demo data at http://localhost:5080 (Development environment).
# First installs what it needs where missing (scripts/setup.sh): Node.js/npm for the CSS, Chromium and fonts for the PDFs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec dotnet run --project src/Zout.Basisondersteuning.Web --launch-profile Zout.Basisondersteuning.Web "$@"
