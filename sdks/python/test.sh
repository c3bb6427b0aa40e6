#!/usr/bin/env bash
# Builds the wheel and sdist offline into dist/, then runs every test (unit, live, coverage)
# against the package unpacked from the built wheel, so what ships is what is tested.
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-/usr/bin/python3}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

rm -rf dist build src/*.egg-info
if ! "$PYTHON" -m build --no-isolation --outdir dist . >"$log" 2>&1; then
    cat "$log"
    exit 1
fi
# setuptools leaves its work folders behind; only dist/ is the output.
rm -rf build src/*.egg-info
ls dist

wheel=(dist/payfunctions-*-py3-none-any.whl)
"$PYTHON" -m zipfile -e "${wheel[0]}" dist/site
test -f dist/site/payfunctions/py.typed

export PYTHONPATH="$PWD/dist/site"
"$PYTHON" -c 'import payfunctions, sys; sys.exit(0 if "/dist/site/" in payfunctions.__file__ else 1)'
"$PYTHON" -m pytest -p no:cacheprovider "$@" tests
