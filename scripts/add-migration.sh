#!/usr/bin/env bash
# Adds a migration with the same name for both providers: bash scripts/add-migration.sh NAME
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh NAME}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
project=src/Zout.Basisondersteuning.Web
for provider in Sqlite SqlServer; do
  dotnet ef migrations add "$name" --project "$project" --context "${provider}AppDbContext" \
    --output-dir "Data/Migrations/$provider" --namespace "Zout.Basisondersteuning.Web.Data.Migrations.$provider"
  # With --namespace, EF writes the model snapshot to a folder named after the namespace: move it back.
  stray="$project/Zout/Basisondersteuning/Web/Data/Migrations/$provider"
  if [ -d "$stray" ]; then mv "$stray"/*.cs "$project/Data/Migrations/$provider/"; fi
done
rm -rf "$project/Zout" "$project"/design-time.db*
