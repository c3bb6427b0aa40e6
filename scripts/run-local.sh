#!/usr/bin/env bash
# Runs PayFunctions on this machine: Azurite, the channel sandbox and LocalHost with the demo merchant.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# npm writes node_modules/.package-lock.json on install: older than package-lock.json means out of date.
[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
dotnet build tools/ChannelSandbox/ChannelSandbox.csproj -v q -nologo
dotnet build functions/PayFunctions.LocalHost/PayFunctions.LocalHost.csproj -v q -nologo

export Sandbox__SecretsDirectory="$root/.local/secrets"
export Sandbox__StateDirectory="$root/.local/sandbox"
export Secrets__LocalDirectory="$root/.local/secrets"
export ASPNETCORE_ENVIRONMENT=Development

(cd tools/ChannelSandbox && exec dotnet run --no-build) &
sandbox=$!
trap 'kill "$sandbox" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs http://127.0.0.1:7080/health >/dev/null && break
  sleep 0.2
done

cd functions/PayFunctions.LocalHost
dotnet run --no-build
