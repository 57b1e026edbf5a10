#!/usr/bin/env bash
# Installs what the portal needs beside the .NET SDK, only where it is missing (Debian packages, as root or with sudo):
#   - Node.js and npm, used by the build to install the NL Design System CSS;
#   - Chromium's headless shell and fonts (chromium-headless-shell, fonts-dejavu-core, fonts-liberation): the SOP and the
#     other documents are PDFs printed by Debian's Chromium; without them the portal runs but answers "no PDF"
#     (scripts/run.sh needs them as much as the tests). The headless shell prints in a third of the time of the whole
#     browser (ADR 072);
#   - with --test: poppler-utils (pdftotext) and the whole Chromium browser (the browser tests use a real browser);
#   - the local dotnet tools (dotnet-ef) from dotnet-tools.json.
# --list prints the Debian packages this machine still lacks (for the flags given) and installs nothing;
# --needs prints every Debian package the flags given need, installed or not.
set -euo pipefail

want_test=false
list_only=false
needs_only=false
for arg in "$@"; do
  case "$arg" in
    --test) want_test=true ;;
    --list) list_only=true ;;
    --needs) needs_only=true ;;
    *) echo "usage: scripts/setup.sh [--test] [--list | --needs]" >&2; exit 2 ;;
  esac
done

needed=(nodejs npm chromium-headless-shell fonts-dejavu-core fonts-liberation)
$want_test && needed+=(poppler-utils chromium)
if $needs_only; then
  echo "${needed[*]}"
  exit 0
fi

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd="sudo"
fi

has_package() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

packages=()
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
[ -x /usr/bin/chromium-headless-shell ] || packages+=(chromium-headless-shell)
has_package fonts-dejavu-core || packages+=(fonts-dejavu-core)
has_package fonts-liberation || packages+=(fonts-liberation)
if $want_test; then
  command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)
  [ -x /usr/bin/chromium ] || packages+=(chromium)
fi

if $list_only; then
  echo "${packages[*]:-}"
  exit 0
fi

if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing with apt-get: ${packages[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
