#!/usr/bin/env bash
# Everything CI runs: install what is missing, typecheck, then unit, API (SQLite and PostgreSQL) and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  echo "Installing dependencies (npm install)…"
  npm install --no-audit --no-fund
fi
bash scripts/ensure-chromium.sh

# Seconds per step, printed at the end (each vitest run also prints seconds per project and its slowest files).
run_start=$SECONDS
timings=()
timed() {
  local name=$1 start=$SECONDS status=0
  shift
  "$@" || status=$?
  timings+=("$(printf '%-34s %5d s' "$name" $((SECONDS - start)))")
  if [ "$status" -ne 0 ]; then
    print_timings
    exit "$status"
  fi
}
print_timings() {
  echo "Time per step:"
  printf '  %s\n' "${timings[@]}"
  printf '  %-34s %5d s\n' "total" $((SECONDS - run_start))
}

# Typecheck, lint (type-aware rules, import cycles) and format check run beside the tests (they
# are mostly waiting on HTTP and databases); the check's output is shown when it is done.
check_log=$(mktemp)
check_start=$SECONDS
npm run --silent check >"$check_log" 2>&1 &
check_pid=$!
finish_check() {
  local status=0
  wait "$check_pid" || status=$?
  cat "$check_log"
  rm -f "$check_log"
  timings+=("$(printf '%-34s %5d s' "check (beside the tests)" $((SECONDS - check_start)))")
  if [ "$status" -ne 0 ]; then
    echo "npm run check failed (see above)." >&2
    exit "$status"
  fi
}
trap 'kill "$check_pid" 2>/dev/null || true' EXIT

timed "vite build" npx vite build --logLevel warn
if [ "$#" -gt 0 ]; then
  timed "vitest $*" npx vitest run "$@"
  finish_check
  print_timings
  exit 0
fi
# Browser tests run after the others, so Chromium does not compete with two database suites for 2 cores.
# Two files at a time (vitest's default on 2 cores is one): API tests mostly wait on HTTP and databases.
timed "unit + api-sqlite + api-postgres" npx vitest run --maxWorkers=2 --project unit --project api-sqlite --project api-postgres
timed "browser" npx vitest run --project browser
finish_check
print_timings
