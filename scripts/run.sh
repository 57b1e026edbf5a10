#!/usr/bin/env bash
# Runs the portal on SQLite with demo data at http://localhost:5080 (Development environment).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec dotnet run --project src/Zout.Basisondersteuning.Web --launch-profile Zout.Basisondersteuning.Web "$@"
