#!/bin/sh
# `robust --weights intervals` draws normalised weights uniformly among the
# ones the weight_ranges allow (issue 4), not raw weights uniform in the
# ranges: the selection share of a project that wins exactly when the
# normalised weight vector lies on one side of a line must be the area
# fraction of that side of the allowed polygon, computed exactly here
# (polygon clipping). Case 1: two criteria, c1 in [1, 3], c2 fixed at 1, A
# wins iff w1 > 0.625: uniform gives 0.5 (raw weights uniform would give 2/3).
# Case 2: three criteria in narrow ranges (rejection rarely accepts, so the
# hit-and-run path draws most samples).
#   tests/scripts/robust_intervals.sh /abs/path/to/partnerval
PV=$1
T=$(mktemp -d "${TMPDIR:-/tmp}/pvrint.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
fail=0
mk() { # DIR RANGES(JSON criteria) PROJECTS
  mkdir -p "$T/$1"
  printf '{"name":"Intervals","source":"test","language":"en","criteria":{%s}}\n' "$2" > "$T/$1/model.json"
  printf '%b' "$3" > "$T/$1/projects.csv"
  printf '{"name":"Intervals","model":"model.json","data":{"projects":"projects.csv"},"resources":{"budget":{"column":"cost","limit":1}}}\n' > "$T/$1/case.json"
}
lin='"value":{"type":"linear","worst":0,"best":1}'
mk two "\"c1\":{\"weight\":2,\"weight_range\":[1,3],\"column\":\"c1\",$lin},\"c2\":{\"weight\":1,\"column\":\"c2\",$lin}" \
  'id,name,c1,c2,cost\nA,Alpha,1,0,1\nB,Beta,0.4,1,1\n'
mk three "\"c1\":{\"weight\":1,\"weight_range\":[1,1.03],\"column\":\"c1\",$lin},\"c2\":{\"weight\":1,\"weight_range\":[1,1.03],\"column\":\"c2\",$lin},\"c3\":{\"weight\":1,\"weight_range\":[1,1.03],\"column\":\"c3\",$lin}" \
  'id,name,c1,c2,c3,cost\nA,Alpha,1,0,0,1\nB,Beta,0,0.6,0.405,1\n'
for c in two three; do
  "$PV" robust "$T/$c/case.json" --samples 20000 --seed 7 --weights intervals --format json \
    -o "$T/$c.json" 2>"$T/err" || { echo "FAIL robust_intervals: $c: exit $?"; cat "$T/err"; fail=1; }
done
python3 - "$T" <<'PY' || fail=1
import json, math, os, sys
t = sys.argv[1]

def clip(poly, a):
    """The part of poly (points (w1, w2), w3 = 1 - w1 - w2) where
    a0 w1 + a1 w2 + a2 w3 >= 0."""
    f = lambda p: a[0] * p[0] + a[1] * p[1] + a[2] * (1 - p[0] - p[1])
    out = []
    for i in range(len(poly)):
        p, q = poly[i], poly[(i + 1) % len(poly)]
        fp, fq = f(p), f(q)
        if fp >= 0:
            out.append(p)
        if (fp >= 0) != (fq >= 0):
            s = fp / (fp - fq)
            out.append((p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])))
    return out

def area(poly):
    return abs(sum(poly[i][0] * poly[(i + 1) % len(poly)][1] - poly[(i + 1) % len(poly)][0] * poly[i][1]
                   for i in range(len(poly)))) / 2 if len(poly) > 2 else 0.0

def share(lo, hi, win):
    n = len(lo)
    if n == 2:  # w1 in the interval the ratio bounds allow, win: w1 > x
        a, b = lo[0] / (lo[0] + hi[1]), hi[0] / (hi[0] + lo[1])
        return min(1.0, max(0.0, (b - max(a, win)) / (b - a)))
    poly = [(0, 0), (1, 0), (0, 1)]
    for i in range(3):
        for j in range(3):
            if i != j:  # hi_j w_i - lo_i w_j >= 0
                a = [0.0] * 3
                a[i] += hi[j]
                a[j] -= lo[i]
                poly = clip(poly, a)
    return area(clip(poly, win)) / area(poly)

bad = 0
cases = {"two": share([1, 1], [3, 1], 0.625),
         # A (1,0,0) beats B (0,0.6,0.405): w1 - 0.6 w2 - 0.405 w3 > 0
         "three": share([1, 1, 1], [1.03, 1.03, 1.03], [1, -0.6, -0.405])}
for c, want in cases.items():
    r = json.load(open(os.path.join(t, c + ".json")))
    got = [p["share"] for p in r["projects"] if p["id"] == "A"][0]
    se = math.sqrt(want * (1 - want) / 20000)
    ok = abs(got - want) <= 4 * se + 0.002
    print("%s robust_intervals: %s: share of A %.4f, uniform on the allowed weights %.4f (4 se %.4f)"
          % ("PASS" if ok else "FAIL", c, got, want, 4 * se))
    bad |= not ok
sys.exit(bad)
PY
exit $fail
