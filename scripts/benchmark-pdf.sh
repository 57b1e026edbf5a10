#!/usr/bin/env bash
# Measures PDF rendering and published-SOP downloads on this machine (not a test):
#   bash scripts/benchmark-pdf.sh [--renders 20] [--downloads 200]
# Builds in Release, starts the portal on a fresh demo database in a temporary folder, renders the SOP of an
# adopted demo scan N times with a warm browser, publishes it and downloads /sop/{code}.pdf over HTTP.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir="$(mktemp -d)"
trap 'rm -rf "$data_dir"' EXIT
dotnet build src/Zout.Basisondersteuning.Web -c Release -v quiet -nologo >/dev/null
cd src/Zout.Basisondersteuning.Web
ASPNETCORE_ENVIRONMENT=Development Serilog__MinimumLevel__Default=Warning \
  dotnet bin/Release/net10.0/Zout.Basisondersteuning.Web.dll benchmark-pdf "$@" \
  --urls http://127.0.0.1:0 --Storage:DataDirectory="$data_dir" --Demo:PublishDocuments=false
