#!/usr/bin/env bash
# The collector's contract suite over a real PostgreSQL (the PGlite and memory runs are in the Node tests).
# Starts a private server when none is given (scripts/ensure-postgres.sh) and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
started_here=0
if [ -z "${DATABASE_URL:-}" ]; then started_here=1; fi
DATABASE_URL=$(bash scripts/ensure-postgres.sh)
export DATABASE_URL
status=0
node --conditions=source --import tsx --test --test-concurrency=1 packages/collector/test/postgres/*.pg-test.ts || status=$?
if [ "$started_here" -eq 1 ] && [ -z "${KEEP_POSTGRES:-}" ]; then bash scripts/ensure-postgres.sh stop; fi
exit $status
