#!/bin/sh
# Contingent co-financing on generated cases: worst_case, expected and chance
# optima equal an independent MILP built from the CSVs and solved by glpsol;
# the chosen portfolio's reported overrun probability agrees with 100,000
# independent draws, and alpha_met says whether it is within alpha.
# usage: tests/scripts/cofinancing.sh PARTNERVAL
set -u
bin=${1:?usage: cofinancing.sh PARTNERVAL}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
python3 "$root/tests/gen/cofin_check.py" "$bin" "$tmp" cofin
