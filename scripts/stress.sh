#!/usr/bin/env bash
# pnpm test:stress: the files that were slow or flaky under load, 20 runs in a
# row, then the Chromium journey 10 runs in a row. Stops at the first red run.
# Usage: scripts/stress.sh [test runs] [journey runs]
set -euo pipefail
cd "$(dirname "$0")/.."

TEST_RUNS="${1:-20}"
JOURNEY_RUNS="${2:-10}"
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
FILES=(
  apps/server/src/readiness.test.ts
  apps/server/src/shutdown.test.ts
  apps/server/src/http.test.ts
  apps/cli/src/cli.test.ts
  packages/db/src/migrate.test.ts
  packages/db/src/cli.test.ts
  packages/db/src/tenant.test.ts
  packages/api/src/cross-tenant.test.ts
  packages/api/src/router/domain.test.ts
  packages/client/src/client.test.ts
)

pnpm exec turbo run db:generate --output-logs=errors-only >/dev/null
for i in $(seq 1 "$TEST_RUNS"); do
  start=$SECONDS
  if ! pnpm exec vitest run --configLoader runner "${FILES[@]}" >"$LOG" 2>&1; then
    cat "$LOG"
    echo "stress: test run $i/$TEST_RUNS FAILED (log above)"
    exit 1
  fi
  echo "stress: test run $i/$TEST_RUNS green in $((SECONDS - start)) s ($(sed 's/\x1b\[[0-9;]*m//g' "$LOG" | grep -Eo 'Tests +[0-9]+ passed' | tr -s ' '))"
done

pnpm --filter @tenantry/web build >/dev/null
for i in $(seq 1 "$JOURNEY_RUNS"); do
  start=$SECONDS
  if ! pnpm --filter @tenantry/web exec vitest run --config e2e/vitest.config.ts >"$LOG" 2>&1; then
    cat "$LOG"
    echo "stress: journey run $i/$JOURNEY_RUNS FAILED (log above)"
    exit 1
  fi
  echo "stress: journey run $i/$JOURNEY_RUNS green in $((SECONDS - start)) s"
done
echo "stress: $TEST_RUNS test runs and $JOURNEY_RUNS journey runs, all green"
