#!/bin/sh
# Quality thresholds and a weighted objective on generated cases: a case from
# tests/gen/gen_select.py gets min_score, a criterion "min" on a leaf and on a
# parent, and the objective Σ score × participants (threshold_milp.py patch).
# Then `select`'s optimum must equal that of a MILP built independently from
# the CSVs (threshold_milp.py solve, solved by glpsol) and that of glpsol on
# `export --lp`; no selected project may break a threshold, each project's
# below_threshold must match the independent evaluation, and the objective must
# be Σ score × participants of the selection. A compare scenario that moves
# the weights must re-evaluate the thresholds; sensitivity and robust must run.
# usage: tests/scripts/select_thresholds.sh PARTNERVAL
set -u
bin=${1:?usage: select_thresholds.sh PARTNERVAL}
root=$(cd "$(dirname "$0")/../.." && pwd)
gen="$root/tests/gen/gen_select.py"
thr="$root/tests/gen/threshold_milp.py"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
pass() { echo "PASS $1"; }
bad() { echo "FAIL $1: $2"; fail=1; }
same() { python3 -c 'import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); sys.exit(0 if abs(a-b) <= 1e-6*max(1,abs(b)) else 1)' "$1" "$2" 2>/dev/null; }
objective() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["objective"])' "$1"; }

for spec in "30 10 2 1" "60 20 3 2" "120 40 4 3" "80 0 2 6" "150 30 3 7"; do
    set -- $spec
    name="thr-$1x$2x$3-s$4"
    d="$tmp/$name"
    python3 "$gen" "$d" "$1" "$2" "$3" "$4" comma && python3 "$thr" patch "$d" "$4" ||
        { bad "$name" "generator failed"; continue; }
    if ! "$bin" select "$d/case.json" --no-why --format json >"$d/res.json" 2>"$d/err"; then
        bad "$name" "select failed: $(cat "$d/err")"
        continue
    fi
    s=$(objective "$d/res.json")
    i=$(python3 "$thr" solve "$d/case.json" "$d")
    if same "$s" "$i"; then pass "$name-independent-milp"; else bad "$name-independent-milp" "select $s, independent MILP $i"; fi
    if msg=$(python3 "$thr" check "$d/case.json" "$d/res.json"); then
        pass "$name-thresholds-held"
    else
        bad "$name-thresholds-held" "$msg"
    fi
    "$bin" export "$d/case.json" --lp "$d/m.lp" 2>"$d/err" &&
        glpsol --lp "$d/m.lp" --tmlim 120 -w "$d/w.txt" >/dev/null 2>&1
    g=$(awk '$1 == "s" && $2 == "mip" { print $6 }' "$d/w.txt" 2>/dev/null)
    if same "$s" "${g:-x}"; then pass "$name-export-lp"; else bad "$name-export-lp" "select $s, glpsol on export ${g:-none}"; fi
done

# A scenario that drops the parent's min and moves weight to funding moves
# projects across min_score and funding.min: the scenario's selection must hold
# the thresholds re-evaluated with its own weights (checked independently on
# the scenario's case), and its set of eligible projects must differ.
d="$tmp/thr-60x20x3-s2"
python3 - "$d" <<'PY'
import json, os, sys
d = sys.argv[1]
json.dump({"name": "funding first", "patch": {"model": {"criteria": {
    "quality": {"weight": 1, "min": None}, "funding": {"weight": 6}}}}},
          open(os.path.join(d, "light.json"), "w"))
c = json.load(open(os.path.join(d, "case.json")))
m = json.load(open(os.path.join(d, "model.json")))
m["criteria"]["quality"]["weight"] = 1
del m["criteria"]["quality"]["min"]
m["criteria"]["funding"]["weight"] = 6
c["model"] = m
json.dump(c, open(os.path.join(d, "case-light.json"), "w"))
PY
if "$bin" compare "$d/case.json" "$d/light.json" --format json >"$d/cmp.json" 2>"$d/err" &&
   python3 - "$d/cmp.json" "$d/res-light.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
last = r["scenarios"][-1]
elig = lambda run: {p["id"] for p in run["projects"] if p["eligible"]}
if elig(r["base"]) == elig(last):
    sys.exit("the scenario does not change which projects are eligible")
json.dump(last, open(sys.argv[2], "w"))
PY
then
    if msg=$(python3 "$thr" check "$d/case-light.json" "$d/res-light.json"); then
        pass "compare-thresholds-reevaluated"
    else
        bad "compare-thresholds-reevaluated" "$msg"
    fi
else
    bad "compare-thresholds-reevaluated" "compare failed: $(cat "$d/err")"
fi
for cmd in sensitivity robust frontier; do
    extra=""
    [ "$cmd" = robust ] && extra="--samples 20"
    [ "$cmd" = frontier ] && extra="--resource budget_sek"
    if "$bin" $cmd "$d/case.json" $extra --format json >"$d/$cmd.json" 2>"$d/err"; then
        pass "$cmd-runs-with-thresholds"
    else
        bad "$cmd-runs-with-thresholds" "$(cat "$d/err")"
    fi
done
exit $fail
