#!/bin/sh
# `partnerval serve` and the party weight sets (POST /api/parties and the
# page's panel): tests/scripts/serve_parties.py checks the API over a real
# socket on every example with "weight_sets" (byte for byte the CLI's
# `parties --format json`, the report download as the CLI's file), on a
# Lidköping variant whose sets disagree (budget 500 000 kr), and on an
# example without sets (404 in sv and en); then tests/browser/serve_parties.js
# opens the page in Debian's Chromium on the variant and on the example
# without sets (skips as serve_browser.sh does without Chromium, Node.js or
# tests/browser/node_modules). Screenshots and an A4 PDF are kept in
# tests/out/serve-parties/.
#   tests/scripts/serve_parties.sh /abs/path/to/partnerval
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${SERVE_PARTIES_OUT:-"$ROOT/tests/out/serve-parties"}
BROWSER="$ROOT/tests/browser"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
cd "$ROOT" || exit 1
command -v python3 >/dev/null 2>&1 || { echo "SKIP serve-parties: python3 is not installed"; exit 0; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pvparties.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
fail=0
# The Lidköping case with its data paths absolute and a budget of 500 000 kr,
# where the three illustrative groups choose different portfolios.
python3 - "$ROOT/examples/lidkoping/case.json" "$WORK/lidkoping-conflict.json" <<'PY' || exit 1
import json, os, sys
src, dst = sys.argv[1], sys.argv[2]
d = os.path.dirname(src)
with open(src, encoding="utf-8") as f:
    c = json.load(f)
ab = lambda v: dict(v, file=os.path.join(d, v["file"])) if isinstance(v, dict) else os.path.join(d, v)
if isinstance(c["model"], str):
    c["model"] = ab(c["model"])
c["data"] = {k: ab(v) for k, v in c["data"].items()}
if isinstance(c.get("followup"), dict) and "outcomes" in c["followup"]:
    c["followup"]["outcomes"] = ab(c["followup"]["outcomes"])
c["resources"]["budget_sek"]["limit"] = 500000
with open(dst, "w", encoding="utf-8") as f:
    json.dump(c, f, ensure_ascii=False, indent=1)
PY
n=0
for c in $(grep -l '"weight_sets"' examples/*/case.json) "$WORK/lidkoping-conflict.json" examples/tranas/case.json; do
  python3 tests/scripts/serve_parties.py "$PV" "$c" "$WORK" || fail=1
  n=$((n + 1))
done
[ "$n" -ge 3 ] || { echo "FAIL serve-parties: no example with weight_sets"; fail=1; }
rm -rf "$OUT"; mkdir -p "$OUT"
if [ ! -x "$CHROMIUM" ]; then
  echo "SKIP serve-parties browser: $CHROMIUM is not installed (apt-get install chromium)"
elif ! command -v node >/dev/null 2>&1; then
  echo "SKIP serve-parties browser: node is not installed (apt-get install nodejs npm)"
elif [ ! -f "$BROWSER/node_modules/playwright-core/package.json" ]; then
  echo "SKIP serve-parties browser: tests/browser/node_modules is missing (make test-deps installs it)"
else
  CHROMIUM="$CHROMIUM" node "$BROWSER/serve_parties.js" "$PV" "$WORK/lidkoping-conflict.json" \
    examples/tranas/case.json "$OUT" || fail=1
fi
exit $fail
