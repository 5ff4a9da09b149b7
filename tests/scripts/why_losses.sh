#!/bin/sh
# Explanations against glpsol: on generated cases of two structures, every
# why-in and why-out must be proven ("proven" absent, not false), and for a
# sample of projects its loss must equal the selection's objective minus the
# optimum glpsol finds on `export --lp` with that project's column fixed
# (0 for a selected project, 1 for one left out). The re-solves run the main
# solve's path (core search, small_bb.c's proof) under a node budget.
# usage: tests/scripts/why_losses.sh PARTNERVAL
set -u
bin=${1:?usage: why_losses.sh PARTNERVAL}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
pass() { echo "PASS $1"; }
bad() { echo "FAIL $1: $2"; fail=1; }
command -v glpsol >/dev/null || { echo "SKIP why_losses: no glpsol"; exit 0; }

python3 "$root/tests/gen/gen_select.py" "$tmp/gen" 60 20 3 4 comma >/dev/null &&
python3 "$root/tests/bench/gen_family.py" "$tmp/fam" 60 20 4 3 tl=60 pp=1-5 fees=0.5 >/dev/null ||
    { bad why-losses "generators failed"; exit 1; }
for name in gen fam; do
    d="$tmp/$name"
    if ! "$bin" select "$d/case.json" --format json -o "$d/res.json" 2>"$d/err" ||
       ! "$bin" export "$d/case.json" --lp "$d/case.lp" 2>>"$d/err"; then
        bad "why-losses-$name" "select or export failed: $(cat "$d/err")"
        continue
    fi
    if msg=$(python3 - "$d" <<'EOF'
import json, re, subprocess, sys
d = sys.argv[1]
res = json.load(open(d + "/res.json"))
lp = open(d + "/case.lp").read()
errs = []
expl = [p for p in res["projects"] if p["why"]["kind"] in ("in", "out")]
unproven = [p["id"] for p in expl if p["why"].get("proven") is False]
if unproven:
    errs.append("unproven: %s" % ", ".join(unproven[:5]))
# every fourth explained project, in the report's order: both kinds
for p in expl[::4]:
    fix = 0 if p["why"]["kind"] == "in" else 1
    col = "x_" + p["id"]
    pat = re.compile(r"^ 0 <= %s <= 1$" % re.escape(col), re.M)
    if not pat.search(lp):
        errs.append("%s: no bound line in the LP" % col)
        continue
    f = "%s/fix_%s.lp" % (d, p["id"])
    open(f, "w").write(pat.sub(" %s = %d" % (col, fix), lp))
    out = subprocess.run(["glpsol", "--lp", f, "-o", f + ".out"], capture_output=True, text=True)
    txt = open(f + ".out").read() if out.returncode == 0 else ""
    m = re.search(r"Objective:\s+\S+ = (\S+)", txt)
    if "INTEGER OPTIMAL" not in txt or not m:
        if "INTEGER EMPTY" in txt or "PROBLEM HAS NO" in txt:
            errs.append("%s: glpsol finds no portfolio, loss %s" % (p["id"], p["why"].get("loss")))
        else:
            errs.append("%s: glpsol failed" % p["id"])
        continue
    want = res["objective"] - float(m.group(1))
    got = p["why"]["loss"]
    if abs(want - got) > 1e-6 * max(1.0, abs(res["objective"])):
        errs.append("%s (%s): loss %.6f, glpsol %.6f" % (p["id"], p["why"]["kind"], got, want))
print("; ".join(errs) if errs else "%d explanations proven, %d checked" % (len(expl), len(expl[::4])))
sys.exit(1 if errs else 0)
EOF
    ); then
        pass "why-losses-$name: $msg"
    else
        bad "why-losses-$name" "$msg"
    fi
done
exit $fail
