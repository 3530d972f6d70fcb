#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or older than package-lock.json.
# Browsers are never downloaded by npm: they come from the system (scripts/ensure-browsers.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 20 ]; then
  echo "Observatoire needs Node.js 20 or later (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi
export PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
stamp=node_modules/.observatoire-install
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  echo "› Installing npm dependencies (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
  touch "$stamp"
fi
