#!/bin/sh
# The frontier against select: for every example case and every resource,
# each breakpoint the frontier reports is checked by solving the case again
# (compare scenarios that set the resource's limit): at the breakpoint's limit
# the optimum must be the breakpoint's value, and just below it the value of
# the breakpoint before (or infeasible). This holds the frontier's walk to the
# same model select solves, co-financing commitments included (Tranås commits
# "chance", a joint limit on overruns over all resources).
# usage: tests/scripts/frontier_check.sh PARTNERVAL
set -u
bin=${1:?usage: frontier_check.sh PARTNERVAL}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
pass() { echo "PASS $1"; }
bad() { echo "FAIL $1: $2"; fail=1; }

for dir in "$root"/examples/*/; do
    case=$dir/case.json
    [ -f "$case" ] || continue
    ex=$(basename "$dir")
    for res in $(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["resources"]))' "$case"); do
        name="frontier-$ex-$res"
        d="$tmp/$name"
        mkdir -p "$d"
        if ! "$bin" frontier "$case" --resource "$res" --format json >"$d/f.json" 2>"$d/err"; then
            bad "$name" "frontier failed: $(cat "$d/err")"
            continue
        fi
        # one scenario at each breakpoint and one just below it
        python3 - "$d" "$res" <<'EOF' || { bad "$name" "no breakpoints"; continue; }
import json, sys
d, res = sys.argv[1], sys.argv[2]
f = json.load(open(d + "/f.json"))
bp = f["breakpoints"]
checks = []
for i, b in enumerate(bp):
    if not b["feasible"] or i == 0:
        continue
    prev = bp[i - 1]
    below = b["limit"] - min(0.5, (b["limit"] - prev["limit"]) / 2)
    checks.append((b["limit"], b["objective"], b["limit"]))
    checks.append((below, prev["objective"] if prev["feasible"] else None, b["limit"]))
if not checks:
    sys.exit(1)
json.dump(checks, open(d + "/checks.json", "w"))
for k, (lim, _, _) in enumerate(checks):
    json.dump({"name": "s%03d" % k, "patch": {"resources": {res: {"limit": lim}}}}, open("%s/s%03d.json" % (d, k), "w"))
EOF
        if ! "$bin" compare "$case" "$d"/s*.json --format json >"$d/c.json" 2>"$d/err"; then
            bad "$name" "compare failed: $(cat "$d/err")"
            continue
        fi
        if msg=$(python3 - "$d" <<'EOF'
import json, sys
d = sys.argv[1]
checks = json.load(open(d + "/checks.json"))
sc = json.load(open(d + "/c.json"))["scenarios"]
errs = []
for (lim, want, at), s in zip(checks, sc):
    got = s["objective"] if s["status"] in ("optimal", "feasible") else None
    if (want is None) != (got is None) or (want is not None and abs(want - got) > 1e-6 * max(1, abs(want))):
        errs.append("limit %g (breakpoint %g): frontier says %s, select %s" % (lim, at, want, got))
print("; ".join(errs))
sys.exit(1 if errs else 0)
EOF
        ); then
            pass "$name"
        else
            bad "$name" "$msg"
        fi
    done
done
exit $fail
