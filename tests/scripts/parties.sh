#!/bin/sh
# Party weight sets on generated cases with 3, 4 and 6 sets: each set's own
# optimum, the max-min and the minimax-regret optima equal independent MILPs
# (glpsol, with the continuous t or r), and every satisfaction, regret and
# share recomputes from the scores.
# usage: tests/scripts/parties.sh PARTNERVAL
set -u
bin=${1:?usage: parties.sh PARTNERVAL}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
python3 "$root/tests/gen/cofin_check.py" "$bin" "$tmp" parties
