#!/bin/sh
# robust --weights ranked must not depend on the order in which a model lists
# criteria of equal weight: the model leaves them unordered, so a sample may
# order them either way. The same generated case (benefit 3, funding 2,
# impact 2, risk 1) with its criteria written in reverse order must give the
# same selection shares within sampling noise (2,000 samples: a few tenths of
# a point here; a fixed tie order moved shares by up to 42 points).
# usage: tests/scripts/robust_ties.sh PARTNERVAL
set -u
bin=${1:?usage: robust_ties.sh PARTNERVAL}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

python3 "$root/tests/gen/gen_select.py" "$tmp/c" 30 10 3 1 comma >/dev/null || {
    echo "FAIL robust-ties: gen_select.py"
    exit 1
}
python3 - "$tmp/c" <<'EOF' || { echo "FAIL robust-ties: could not write the reversed model"; exit 1; }
import json, sys
d = sys.argv[1]
m = json.load(open(d + "/model.json"))
w = [v.get("weight") for v in m["criteria"].values()]
assert len(w) != len(set(w)), "the generated model has no tied weights: the test would test nothing"
m["criteria"] = dict(reversed(list(m["criteria"].items())))
json.dump(m, open(d + "/model_rev.json", "w"), indent=1)
c = json.load(open(d + "/case.json"))
c["model"] = "model_rev.json"
json.dump(c, open(d + "/case_rev.json", "w"), indent=1)
EOF
for k in case case_rev; do
    if ! "$bin" robust "$tmp/c/$k.json" --samples 2000 --weights ranked --format json >"$tmp/$k.json" 2>"$tmp/err"; then
        echo "FAIL robust-ties: robust on $k.json: $(cat "$tmp/err")"
        exit 1
    fi
done
python3 - "$tmp/case.json" "$tmp/case_rev.json" <<'EOF'
import json, sys
a, b = [{p["id"]: p["share"] for p in json.load(open(f))["projects"]} for f in sys.argv[1:3]]
worst = max(abs(a[k] - b[k]) for k in a)
# 2,000 samples: a share's standard error is at most 1.1 points; 5 points is
# far outside noise for a difference of two samplers of the same distribution
if worst > 0.05:
    print("FAIL robust-ties: a share moved by %.1f points when tied criteria were listed in "
          "another order" % (100 * worst))
    sys.exit(1)
print("PASS robust-ties (largest difference %.1f points)" % (100 * worst))
EOF
