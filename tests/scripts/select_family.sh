#!/bin/sh
# The benchmark family's structures (tests/bench/gen_family.py: partners per
# project 0-5, fees, tight and loose limits, correlated scores, 1 and 8
# resources, every constraint type) at sizes and seeds the benchmark does not
# use: `select`'s portfolio must hold when recomputed from the CSVs and its
# objective must equal glpsol's on the exported LP (1e-6 relative). The
# proof on these cases runs through small_bb.c, whose rounding this checks
# against an independent solver.
# usage: tests/scripts/select_family.sh PARTNERVAL
set -u
bin=${1:?usage: select_family.sh PARTNERVAL}
root=$(cd "$(dirname "$0")/../.." && pwd)
gen="$root/tests/bench/gen_family.py"
chk="$root/tests/gen/check_feasible.py"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
pass() { echo "PASS $1"; }
bad() { echo "FAIL $1: $2"; fail=1; }

same() {
    python3 -c 'import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); sys.exit(abs(a - b) > 1e-6 * max(1, abs(a)))' "$1" "$2"
}

# name resources keys...
while read -r name k keys; do
    for size in "60 20 3" "90 30 4"; do
        set -- $size
        case_name="$name-$1-s$3"
        d="$tmp/$case_name"
        # shellcheck disable=SC2086
        python3 "$gen" "$d" "$1" "$2" "$k" "$3" $keys tl=60 >/dev/null || { bad "$case_name" "generator failed"; continue; }
        if ! "$bin" select "$d/case.json" --no-why --format json >"$d/res.json" 2>"$d/err"; then
            bad "$case_name" "select failed: $(cat "$d/err")"
            continue
        fi
        st=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$d/res.json")
        if [ "$st" != optimal ]; then
            bad "$case_name" "status $st"
            continue
        fi
        if ! msg=$(python3 "$chk" "$d/case.json" "$d/res.json"); then
            bad "$case_name-feasible" "$msg"
            continue
        fi
        s=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["objective"])' "$d/res.json")
        "$bin" export "$d/case.json" --lp "$d/m.lp" 2>"$d/err" || { bad "$case_name" "export failed"; continue; }
        glpsol --lp "$d/m.lp" --tmlim 120 -w "$d/w.txt" >/dev/null 2>&1
        g=$(awk '$1 == "s" && $2 == "mip" && $5 == "o" { print $6 }' "$d/w.txt" 2>/dev/null)
        if [ -n "$g" ] && same "$s" "$g"; then
            pass "$case_name"
        else
            bad "$case_name" "select $s, glpsol ${g:-none}"
        fi
    done
done <<'LIST'
base 4
no_partners 4 pp=0-0
partners_1_5 4 pp=1-5 fees=0.5
no_fees 4 fees=0
all_fees 4 pp=1-3 fees=1
tight_0.1 4 tight=0.1
loose_0.6 4 tight=0.6
correlated 4 corr=1
corr_tight_0.1 4 corr=1 tight=0.1
one_resource 1
eight_resources 8
count 4 cons=count
share 4 cons=share
requires 4 cons=requires
exclusive 4 cons=exclusive
force 4 cons=force
max_partners 4 cons=max_partners
min_partners 4 cons=min_partners pp=1-3
all_constraints 4 cons=all pp=1-3
LIST
exit $fail
