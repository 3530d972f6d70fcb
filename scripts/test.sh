#!/usr/bin/env bash
# npm test: installs what is missing, then runs every test suite. Stops at the first failing suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh

browsers=${BROWSERS:-chromium,firefox}
bash scripts/ensure-browsers.sh ${browsers//,/ }

step() { printf '\n\033[1m› %s\033[0m\n' "$*"; }

step "Type-checking (tsc --noEmit)"
npx tsc -p tsconfig.json

step "Content check (schemas, codes, staircase, shared items, reading scores)"
npm run --silent content:check

step "Words (docs/glossary.md: vocabulary, French typography, sentence length, reading scores)"
npm run --silent lint:words

step "Import graph (no cycle, no arrow up a floor)"
node scripts/import-graph.mjs

step "Building (packages, bundles, manifest)"
node scripts/build.mjs

step "Node tests (core, content, collector, report, the API report)"
mapfile -t node_tests < <(find packages/core/src packages/report/src packages/*/test -name '*.test.ts' -not -path '*/node_modules/*' | sort; ls scripts/*.test.mjs)
node --conditions=source --import tsx --test --test-concurrency=1 "${node_tests[@]}"

if [ -f scripts/test-collector.sh ]; then
  step "Collector contract tests (PGlite and PostgreSQL)"
  bash scripts/test-collector.sh
fi

IFS=',' read -ra list <<< "$browsers"
for browser in "${list[@]}"; do
  step "Browser tests in ${browser}"
  BROWSERS=$browser npx wtr --config web-test-runner.config.mjs
done
