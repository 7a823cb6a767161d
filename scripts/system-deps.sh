#!/usr/bin/env bash
# The Debian packages stukken needs at run time (WeasyPrint) and for its tests
# (pdftotext, LibreOffice, Chromium for the browser test of `stukken serve`). Installs what is missing when we are root; otherwise says
# what to install.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils libreoffice-writer-nogui chromium)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Systeempakketten installeren: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Let op: deze systeempakketten ontbreken: ${missing[*]}" >&2
  echo "Installeer ze met: sudo apt-get install ${missing[*]}" >&2
fi
