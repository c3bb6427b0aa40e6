#!/usr/bin/env bash
# Runs every SDK's tests (sdks/*/test.sh) against a running platform: the one run-local.sh serves on 127.0.0.1:7071 if
# it answers, else Azurite, the channel sandbox and LocalHost started here on the same ports, with data in a fresh
# folder, and stopped at the end. The SDKs run side by side, as the merchants they stand for would; each one's output
# is printed whole when it ends.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

api=http://127.0.0.1:7071/api
sandbox=http://127.0.0.1:7080
work="$(mktemp -d)"
pids=()
cleanup() {
  # Azurite ignores SIGTERM, and the data is thrown away with the folder.
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() {
  for _ in $(seq 1 300); do
    curl -fs "$1" >/dev/null && return 0
    sleep 0.2
  done
  echo "$2 did not answer at $1; its log:" >&2
  tail -n 50 "$3" >&2
  exit 1
}

if curl -fs "$api/health" >/dev/null; then
  echo "Testing the SDKs against the platform already running at $api"
else
  for port in 7080 10000 10001 10002; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "Port $port is taken but no platform answers at $api; stop what holds it and try again." >&2
      exit 1
    fi
  done
  [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund
  dotnet build tools/ChannelSandbox/ChannelSandbox.csproj -c Release -v q -nologo
  dotnet build functions/PayFunctions.LocalHost/PayFunctions.LocalHost.csproj -c Release -v q -nologo

  echo "Starting Azurite, the channel sandbox and LocalHost for the SDKs' tests"
  node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --location "$work/azurite" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 > "$work/azurite.log" 2>&1 &
  pids+=($!)
  export Sandbox__SecretsDirectory="$work/secrets" Sandbox__StateDirectory="$work/sandbox" Secrets__LocalDirectory="$work/secrets"
  export ASPNETCORE_ENVIRONMENT=Development
  (cd tools/ChannelSandbox && exec dotnet bin/Release/net10.0/ChannelSandbox.dll) > "$work/sandbox.log" 2>&1 &
  pids+=($!)
  wait_for "$sandbox/health" "The channel sandbox" "$work/sandbox.log"
  (cd functions/PayFunctions.LocalHost && exec dotnet bin/Release/net10.0/PayFunctions.LocalHost.dll) > "$work/localhost.log" 2>&1 &
  pids+=($!)
  wait_for "$api/health" "LocalHost" "$work/localhost.log"
fi

sdks=()
runs=()
for script in sdks/*/test.sh; do
  sdk="$(basename "$(dirname "$script")")"
  "$script" > "$work/$sdk.out" 2>&1 &
  sdks+=("$sdk")
  runs+=($!)
done

failed=()
for i in "${!sdks[@]}"; do
  if wait "${runs[$i]}"; then status=passed; else status=FAILED; failed+=("${sdks[$i]}"); fi
  echo "=== SDK ${sdks[$i]}: $status ==="
  cat "$work/${sdks[$i]}.out"
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "=== failed SDKs: ${failed[*]} ==="
  [ -f "$work/localhost.log" ] && { echo "=== LocalHost log (tail) ==="; tail -n 80 "$work/localhost.log"; }
  exit 1
fi
echo "=== every SDK passed: ${sdks[*]} ==="
