#!/usr/bin/env bash
# Manual interop check, not part of test.sh: Alipay's official Node.js SDK (npm alipay-sdk) signs calls to the
# sandbox's Alipay gateway, verifies its answers over the raw text, verifies a notification with
# checkNotifySignV2 and opens a pageExecute URL. TZ is Beijing time because the SDK writes `timestamp` in
# the machine's local time and the gateway reads it as Beijing time, as Alipay does.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
cd "$root"

work="$root/.local/alipay-sdk-interop"
mkdir -p "$work"
[ -f "$work/node_modules/alipay-sdk/package.json" ] || npm install --prefix "$work" --no-audit --no-fund --no-save alipay-sdk@4.14.0
cp tools/ChannelSandbox/Alipay/interop/alipay-sdk-interop.mjs "$work/"

dotnet build tools/ChannelSandbox/ChannelSandbox.csproj -c Release -v q -nologo
rm -rf "$work/secrets" "$work/state"
dotnet tools/ChannelSandbox/bin/Release/net10.0/ChannelSandbox.dll --urls http://127.0.0.1:7181 \
  --Sandbox:SecretsDirectory="$work/secrets" --Sandbox:StateDirectory="$work/state" > "$work/sandbox.log" 2>&1 &
sandbox=$!
trap 'kill "$sandbox" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs http://127.0.0.1:7181/health >/dev/null && break
  sleep 0.2
done

cd "$work"
TZ=Asia/Shanghai SANDBOX=http://127.0.0.1:7181 SECRETS="$work/secrets" node alipay-sdk-interop.mjs
