#!/bin/sh
# Selection benchmark figures (issue 3); not a timed test.
# usage: tests/bench/select_bench.sh [PARTNERVAL] [CB_SECONDS]
# ORLIB_DIR overrides where the Chu-Beasley files are (default ../shared/benchmarks/orlib-mknap).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/partnerval}
cbsec=${2:-10}
orlib=${ORLIB_DIR:-$root/../shared/benchmarks/orlib-mknap}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3 # Debian's, where pandas/PuLP are installed

ms() { # ms RUNS CMD... : mean wall time in milliseconds
    runs=$1; shift
    $py - "$runs" "$@" <<'PY'
import subprocess, sys, time
runs = int(sys.argv[1]); cmd = sys.argv[2:]
t = []
for _ in range(runs):
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t.append(time.perf_counter() - t0)
t.sort()
print("%.1f" % (1000 * t[len(t) // 2]))
PY
}

echo "== select benchmark (GLPK $("$bin" --version 2>/dev/null | head -1))"
lk="$root/examples/lidkoping/case.json"
if [ -f "$lk" ]; then
    echo "(a) Lidköping end to end, --no-why, Markdown: $(ms 21 "$bin" select "$lk" --no-why --format md -o "$tmp/lk.md") ms (median of 21)"
else
    echo "(a) Lidköping: examples/lidkoping/case.json missing, skipped"
fi

g="$tmp/g120"
$py "$root/tests/gen/gen_select.py" "$g" 120 40 4 7 comma --no-constraints
t_pv=$(ms 5 "$bin" select "$g/case.json" --no-why --format md -o "$tmp/g.md")
echo "(a) generated 120 projects x 40 partners x 4 resources, exclusion rule, --no-why: $t_pv ms"
if $py -c 'import pandas, pulp' 2>/dev/null && command -v cbc >/dev/null; then
    t_pu=$(ms 3 $py "$root/tests/bench/pulp_select.py" "$g/case.json" "$tmp/pulp.md")
    o_pu=$($py "$root/tests/bench/pulp_select.py" "$g/case.json" "$tmp/pulp.md" 2>&1)
    o_pv=$("$bin" select "$g/case.json" --no-why --format json | $py -c 'import json,sys; print("%.6f" % json.load(sys.stdin)["objective"])')
    echo "    pandas + PuLP (CBC) script: $t_pu ms; speed-up $($py -c "print('%.1f' % ($t_pu / $t_pv))")x; objectives partnerval $o_pv, PuLP $o_pu"
else
    echo "    pandas + PuLP: not installed (Debian: apt-get install python3-pandas python3-pulp coinor-cbc)"
fi
t_why=$(ms 1 "$bin" select "$g/case.json" --format md -o "$tmp/gw.md")
echo "    with why-in/why-out explanations: $t_why ms (explanations add $($py -c "print('%.0f' % ($t_why - $t_pv))") ms)"

g="$tmp/g1000"
$py "$root/tests/gen/gen_select.py" "$g" 1000 100 5 8 comma
"$bin" select "$g/case.json" --no-why --format json --time-limit 60 >"$tmp/g1000.json" 2>/dev/null
t1000=$(ms 1 "$bin" select "$g/case.json" --no-why --format json --time-limit 60 -o "$tmp/x.json")
$py - "$tmp/g1000.json" "$t1000" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("(b) generated 1000 x 100 x 5 with constraints: %s, objective %.6f, bound %.6f, gap %.4f %%, %s ms"
      % (r["status"], r["objective"], r["bound"], 100 * r["gap"], sys.argv[2]))
PY

if [ -f "$orlib/mknapcb1.txt" ]; then
    echo "(c) Chu-Beasley, first problem of mknapcb1..9, ${cbsec} s each: gap to best known"
    for i in 1 2 3 4 5 6 7 8 9; do
        d="$tmp/cb$i"
        $py "$root/tests/orlib/convert.py" --cb "$orlib/mknapcb$i.txt" "$tmp" "cb$i"
        "$bin" select "$d/case.json" --no-why --format json --time-limit "$cbsec" >"$d/pv.json" 2>/dev/null
        "$bin" export "$d/case.json" --lp "$d/m.lp"
        glpsol --lp "$d/m.lp" --tmlim "$cbsec" -w "$d/w.txt" >/dev/null 2>&1
        $py - "$d" "$orlib/mknapcb-best-known.csv" "mknapcb$i.txt" <<'PY'
import csv, json, sys
d, bk_csv, fname = sys.argv[1:4]
profit = [int(r["profit"]) for r in csv.DictReader(open(d + "/projects.csv"))]
ids = {"i%d" % (j + 1): j for j in range(len(profit))}
bk = [r for r in csv.DictReader(open(bk_csv)) if r["file"] == fname and r["index_in_file"] == "0"][0]
best = int(bk["best_known_mkp_thesis"])
pv = json.load(open(d + "/pv.json"))
p_pv = sum(profit[ids[i]] for i in pv["selected_projects"])
p_gl = 0
for line in open(d + "/w.txt"):
    f = line.split()
    if f and f[0] == "j" and int(f[1]) <= len(profit) and float(f[2]) > 0.5:
        p_gl += profit[int(f[1]) - 1]
print("    %-9s best %6d  partnerval %6d (gap %.3f %%, %s)  glpsol %6d (gap %.3f %%)"
      % (bk["or_library_name"], best, p_pv, 100.0 * (best - p_pv) / best, pv["status"], p_gl,
         100.0 * (best - p_gl) / best))
with open(d + "/../cbgaps.txt", "a") as f:
    f.write("%f %f\n" % (100.0 * (best - p_pv) / best, 100.0 * (best - p_gl) / best))
PY
    done
    $py - "$tmp/cbgaps.txt" <<'PY'
import sys
g = [tuple(map(float, l.split())) for l in open(sys.argv[1])]
print("    mean gap: partnerval %.3f %%, glpsol --tmlim %.3f %%" % (sum(a for a, _ in g) / len(g), sum(b for _, b in g) / len(g)))
PY
else
    echo "(c) Chu-Beasley: $orlib/mknapcb1.txt missing, skipped"
fi
