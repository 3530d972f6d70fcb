#!/usr/bin/env bash
# npm start: installs what is missing, builds, then serves the examples on http://localhost:8080
# wired to a collector on the embedded defaults (PGlite in .data/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
node scripts/build.mjs
exec node scripts/start.mjs
