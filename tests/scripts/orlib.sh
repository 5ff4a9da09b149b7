#!/bin/sh
# OR-Library: the 55 mknap1/mknap2 optima must be reached exactly.
# usage: tests/scripts/orlib.sh PARTNERVAL
set -u
bin=${1:?usage: orlib.sh PARTNERVAL}
here=$(cd "$(dirname "$0")/../orlib" && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
python3 "$here/convert.py" "$tmp" >/dev/null || { echo "FAIL orlib-convert: converter failed"; exit 1; }
python3 "$here/check.py" "$bin" "$tmp"
