#!/usr/bin/env bash
# Runs every test: unit, Bicep, sandbox and the integration tests against Azurite + sandbox + LocalHost, then each
# SDK's tests against a running platform, then the coverage-guided fuzzing. The fuzzing comes after, not beside, the tests: AFL++ is CPU-bound and time-bounded, so
# beside them on two cores it would slow the integration tests and fuzz at half the rate for the same wall time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# npm writes node_modules/.package-lock.json on install: older than package-lock.json means out of date.
[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
dotnet build PayFunctions.sln -c Release -nologo -v q
# The projects run side by side and interleave their output; a failed test's report is repeated at the end, where a
# CI log's tail shows it.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! dotnet test PayFunctions.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"; then
  echo "=== failed tests ==="
  grep -a -E -A 12 '^\s+Failed [A-Za-z]' "$log" | head -n 200
  exit 1
fi
./scripts/test-sdks.sh
./scripts/fuzz-coverage.sh
