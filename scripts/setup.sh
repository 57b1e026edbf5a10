#!/usr/bin/env bash
# Installs what the portal needs beside the .NET SDK, only where it is missing:
#   - Node.js and npm (Debian packages), used by the build to install the NL Design System CSS;
#   - with --test: Debian's Chromium (PDF rendering and browser tests) and poppler-utils (pdftotext);
#   - the local dotnet tools (dotnet-ef) from dotnet-tools.json.
set -euo pipefail

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd="sudo"
fi

packages=()
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if $want_test; then
  command -v chromium >/dev/null 2>&1 || packages+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)
  fc-list 2>/dev/null | grep -qi dejavu || packages+=(fonts-dejavu-core)
fi

if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing with apt-get: ${packages[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
