#!/usr/bin/env bash
# Builds the npm tarball offline into dist/, checks it installs and imports, then runs every test:
# the client alone against loopback servers, the live host and sandbox, and coverage of the OpenAPI document.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

rm -rf dist
mkdir -p dist
npm pack --offline --silent --pack-destination dist >/dev/null
tarball="dist/payfunctions-$(node -p "require('./package.json').version").tgz"

# The tarball ships the code, its types and the README, never the tests.
listing="$(tar -tzf "$tarball")"
for file in package/package.json package/README.md package/src/index.js package/types/index.d.ts; do
  grep -qx "$file" <<<"$listing" || { echo "$tarball lacks $file" >&2; exit 1; }
done
if grep -q '^package/test' <<<"$listing"; then
  echo "$tarball ships the tests" >&2
  exit 1
fi

# Installed as a dependency would be, the package resolves by name and exposes the client.
mkdir -p dist/consumer/node_modules
tar -xzf "$tarball" -C dist/consumer/node_modules
mv dist/consumer/node_modules/package dist/consumer/node_modules/payfunctions
(cd dist/consumer && node --input-type=module -e "
import PayFunctions, { OPERATIONS } from 'payfunctions';
const client = new PayFunctions('sk_test_packaged');
if (typeof client.payments.create !== 'function' || Object.keys(OPERATIONS).length === 0) process.exit(1);
")

node --test --test-reporter=spec test/*.test.js
