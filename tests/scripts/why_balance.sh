#!/bin/sh
# A left-out project's explanation adds up (audit of issues 12 and 13): for
# every example, every "out" why in select's JSON has loss = the displaced
# projects' value - its own - the entering projects', and its Swedish text
# names each displaced and entering project by name. The starter's column
# sheet names rules and resources by name and yes/no in Swedish.
#   tests/scripts/why_balance.sh /abs/path/to/partnerval
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/pvwhy.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
fail=0
for d in "$ROOT"/examples/*/; do
  ex=$(basename "$d")
  "$PV" select "$d/case.json" --format json --lang sv -o "$T/$ex.json" 2>"$T/err" ||
    { echo "FAIL why_balance: $ex select exit $?"; cat "$T/err"; fail=1; }
done
python3 - "$T" <<'PY' || fail=1
import glob, json, os, sys
bad = n = ent = 0
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    r = json.load(open(f))
    # with co-financing the objective counts each project's expected value
    val = {p["id"]: p.get("expected_contribution", p["objective_value"]) for p in r["projects"]}
    name = {p["id"]: p["name"] for p in r["projects"]}
    for p in r["projects"]:
        w = p["why"]
        if w["kind"] != "out" or w.get("loss") is None:
            continue
        n += 1
        ent += len(w["entering"])
        want = sum(val[i] for i in w["displaced"]) - val[p["id"]] - sum(val[i] for i in w["entering"])
        if abs(want - w["loss"]) > 1e-4 * max(1, abs(w["loss"])):
            print("FAIL why_balance: %s %s: loss %.6f, displaced - own - entering %.6f"
                  % (os.path.basename(f), p["id"], w["loss"], want))
            bad = 1
        for i in w["displaced"] + w["entering"]:
            if name[i] not in w["text"]:
                print("FAIL why_balance: %s %s: the text does not name %s (%s)"
                      % (os.path.basename(f), p["id"], i, name[i]))
                bad = 1
if n == 0 or ent == 0:
    print("FAIL why_balance: %d out-explanations, %d entering projects: nothing was tested" % (n, ent))
    bad = 1
print("%s why_balance: %d explanations of left-out projects add up (%d entering projects)"
      % ("FAIL" if bad else "PASS", n, ent))
sys.exit(bad)
PY
"$PV" init "$T/start" --model tranas >/dev/null 2>&1 || { echo "FAIL why_balance: init"; fail=1; }
for want in "regel 'Syfte saknas'" "åtgång av resursen 'Budget'" "en av: ja, nej" "lifelong_learning (Livslångt lärande)"; do
  if grep -qF "$want" "$T/start/projects-columns.csv"; then echo "PASS why_balance: init's column sheet has \"$want\""
  else echo "FAIL why_balance: init's column sheet lacks \"$want\""; fail=1; fi
done
exit $fail
