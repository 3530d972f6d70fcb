#!/usr/bin/env bash
# Makes sure the browsers used by the tests are installed (Debian's packages; nothing is downloaded by npm).
# Usage: scripts/ensure-browsers.sh chromium [firefox]
set -euo pipefail
declare -A binary=([chromium]=/usr/bin/chromium [firefox]=/usr/bin/firefox-esr)
declare -A package=([chromium]=chromium [firefox]=firefox-esr)
missing=()
for browser in "$@"; do
  [ -x "${binary[$browser]}" ] || missing+=("${package[$browser]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "› Installing ${missing[*]} from Debian's packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The browser tests need: ${missing[*]}." >&2
  echo "Install them as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
  echo "(or set CHROMIUM_PATH / FIREFOX_PATH to an installed binary)" >&2
  exit 1
fi
