#!/bin/sh
# Generated selection cases: the selected set must satisfy every constraint
# when recomputed from the CSVs, `select`'s objective must equal glpsol's on
# the exported LP (1e-6 relative), and the Swedish-dialect twin must give the
# same JSON. Also: an infeasible case exits 3 with a diagnosis, and forcing in
# an excluded project is an input error naming the rule.
# usage: tests/scripts/select_generated.sh PARTNERVAL
set -u
bin=${1:?usage: select_generated.sh PARTNERVAL}
root=$(cd "$(dirname "$0")/../.." && pwd)
gen="$root/tests/gen/gen_select.py"
chk="$root/tests/gen/check_feasible.py"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
pass() { echo "PASS $1"; }
bad() { echo "FAIL $1: $2"; fail=1; }

objective() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["objective"])' "$1"; }

for spec in "30 10 2 1" "60 20 3 2" "120 40 4 3" "200 50 5 4" "40 0 3 5"; do
    set -- $spec
    name="gen-$1x$2x$3-s$4"
    for dialect in comma swedish; do
        d="$tmp/$name-$dialect"
        python3 "$gen" "$d" "$1" "$2" "$3" "$4" "$dialect" || { bad "$name-$dialect" "generator failed"; continue; }
        if ! "$bin" select "$d/case.json" --no-why --format json >"$d/res.json" 2>"$d/err"; then
            bad "$name-$dialect" "select failed: $(cat "$d/err")"
            continue
        fi
        if msg=$(python3 "$chk" "$d/case.json" "$d/res.json"); then
            pass "$name-$dialect-feasible"
        else
            bad "$name-$dialect-feasible" "$msg"
        fi
    done
    if cmp -s "$tmp/$name-comma/res.json" "$tmp/$name-swedish/res.json"; then
        pass "$name-dialects-identical"
    else
        bad "$name-dialects-identical" "comma and Swedish twins differ"
    fi
    d="$tmp/$name-comma"
    if ! "$bin" export "$d/case.json" --lp "$d/m.lp" 2>"$d/err"; then
        bad "$name-glpsol" "export failed: $(cat "$d/err")"
        continue
    fi
    glpsol --lp "$d/m.lp" --tmlim 120 -w "$d/w.txt" >/dev/null 2>&1
    g=$(awk '$1 == "s" && $2 == "mip" { print $6 }' "$d/w.txt" 2>/dev/null)
    s=$(objective "$d/res.json")
    if [ -n "$g" ] && python3 -c 'import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); sys.exit(0 if abs(a-b) <= 1e-6*max(1,abs(b)) else 1)' "$s" "$g"; then
        pass "$name-glpsol"
    else
        bad "$name-glpsol" "select $s, glpsol ${g:-none}"
    fi
    # MPS carries no objective sense: the file says to maximise, and with
    # --max glpsol reaches select's objective
    if "$bin" export "$d/case.json" --mps "$d/m.mps" 2>/dev/null && glpsol --freemps "$d/m.mps" --max -w "$d/w2.txt" --tmlim 120 >/dev/null 2>&1; then
        g2=$(awk '$1 == "s" && $2 == "mip" { print $6 }' "$d/w2.txt" 2>/dev/null)
        if ! grep -q '^\* Objective: maximise .*glpsol --max, cbc -max' "$d/m.mps"; then
            bad "$name-mps" "the MPS file does not say the model maximises"
        elif [ -n "$g2" ] && python3 -c 'import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); sys.exit(0 if abs(a-b) <= 1e-6*max(1,abs(b)) else 1)' "$s" "$g2"; then
            pass "$name-mps"
        else
            bad "$name-mps" "select $s, glpsol --max on the MPS ${g2:-none}"
        fi
    else
        bad "$name-mps" "MPS export not readable by glpsol"
    fi
done

# Infeasible: minimum of partners above what exists, and a force beyond budget.
d="$tmp/infeasible"
python3 "$gen" "$d" 40 12 3 9 comma
python3 - "$d/case.json" <<'PY'
import json, sys
p = sys.argv[1]
c = json.load(open(p))
c["resources"]["budget_sek"]["limit"] = 1000
c["constraints"] = [x for x in c["constraints"] if x["type"] != "force"]
c["constraints"].append({"id": "must_learn", "type": "count", "column": "priority_area", "value": "lifelong_learning", "min": 2})
json.dump(c, open(p, "w"))
PY
for fmt in text md csv json; do
    "$bin" select "$d/case.json" --format $fmt --lang en >"$d/out.$fmt" 2>"$d/err"
    rc=$?
    if [ $rc -eq 3 ] && grep -q "must_learn" "$d/out.$fmt" && grep -q "budget_sek" "$d/out.$fmt"; then
        pass "infeasible-$fmt"
    else
        bad "infeasible-$fmt" "exit $rc, or the diagnosis does not name must_learn and budget_sek"
    fi
done

# Forcing in an excluded project is an input error naming the rule.
d="$tmp/forced-excluded"
python3 "$gen" "$d" 40 12 3 11 comma
python3 - "$d" <<'PY'
import csv, json, os, sys
d = sys.argv[1]
rows = list(csv.DictReader(open(os.path.join(d, "projects.csv"))))
ex = [r["id"] for r in rows if r["risk_level"] == "high" and float(r["benefit"]) <= 2][0]
c = json.load(open(os.path.join(d, "case.json")))
c["constraints"] = [{"id": "politics", "type": "force", "in": [ex]}]
json.dump(c, open(os.path.join(d, "case.json"), "w"))
PY
"$bin" select "$d/case.json" >/dev/null 2>"$d/err"
rc=$?
if [ $rc -eq 2 ] && grep -q "high_risk_low_benefit" "$d/err"; then
    pass "force-excluded-is-error"
else
    bad "force-excluded-is-error" "exit $rc: $(cat "$d/err")"
fi
exit $fail
