#!/usr/bin/env bash
# Everything CI runs: install what is missing, typecheck, then unit, API (SQLite and PostgreSQL) and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  echo "Installing dependencies (npm install)…"
  npm install --no-audit --no-fund
fi
bash scripts/ensure-chromium.sh
# Typecheck, lint (type-aware rules, import cycles) and format check: npm run check.
npm run --silent check
npx vite build --logLevel warn
if [ "$#" -gt 0 ]; then exec npx vitest run "$@"; fi
# Browser tests run after the others, so Chromium does not compete with two database suites for 2 cores.
npx vitest run --project unit --project api-sqlite --project api-postgres
npx vitest run --project browser
