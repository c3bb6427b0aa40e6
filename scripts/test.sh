#!/usr/bin/env bash
# Runs every test: unit, Bicep, sandbox and the integration tests against Azurite + sandbox + LocalHost.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

[ -f node_modules/azurite/dist/src/azurite.js ] && [ -f node_modules/alipay-sdk/package.json ] || npm ci --no-audit --no-fund
dotnet build PayFunctions.sln -c Release -nologo -v q
dotnet test PayFunctions.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
