#!/bin/sh
# JSON inputs (issue 11, items 14 and 20; issue 13, item 5): every input is a
# regular file, merge-patch's too (a FIFO, a directory, a file with a NUL byte
# are exit 2 naming the file, never a hang or a silent cut); a UTF-8 BOM is
# accepted as in CSV; a trailing comma is named as such; an error's key path
# is cut at a character boundary.
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/pvjson.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
fail=0
pass() { echo "PASS json_inputs: $1"; }
bad() { echo "FAIL json_inputs: $1"; fail=1; }
cd "$T" || exit 1
echo '{"a":1}' >t.json
printf '{"a":1}\0garbage' >nul.json
mkfifo fifo
mkdir dir
for f in fifo dir nul.json; do
  timeout 10 "$PV" merge-patch t.json "$f" >out 2>err; rc=$?
  if [ "$rc" = 2 ] && grep -q "^partnerval: error: $f" err; then pass "merge-patch PATCH=$f: exit 2 naming it"
  else bad "merge-patch PATCH=$f: exit $rc: $(cat err)"; fi
  timeout 10 "$PV" merge-patch "$f" t.json >out 2>err; rc=$?
  if [ "$rc" = 2 ] && grep -q "^partnerval: error: $f" err; then pass "merge-patch TARGET=$f: exit 2 naming it"
  else bad "merge-patch TARGET=$f: exit $rc: $(cat err)"; fi
done
mkdir c && cp "$ROOT"/tests/bad/_base/* c/
printf '\357\273\277' >c/bom.json && cat c/case.json >>c/bom.json
if (cd c && "$PV" check bom.json) >out 2>err; then pass "a case with a UTF-8 BOM is read"
else bad "BOM: $(cat err)"; fi
printf '\357\273\277{"b":2}' >bom2.json
if [ "$("$PV" merge-patch t.json bom2.json 2>&1)" = '{"a":1,"b":2}' ]; then pass "merge-patch reads a BOM"
else bad "merge-patch BOM"; fi
python3 - c/case.json c/comma.json <<'PY'
import sys
s = open(sys.argv[1], encoding='utf-8').read().rstrip()
assert s.endswith('}')
open(sys.argv[2], 'w', encoding='utf-8').write(s[:-1].rstrip() + ',\n}\n')
PY
(cd c && "$PV" check comma.json) >out 2>err; rc=$?
if [ "$rc" = 2 ] && grep -q "trailing comma?" err; then pass "a trailing comma is named"
else bad "trailing comma: exit $rc: $(cat err)"; fi
# A key path of 600 bytes of 'ä' (2 bytes each) cut at the buffer: valid UTF-8.
python3 - c/case.json c/long.json <<'PY'
import json, sys
c = json.load(open(sys.argv[1], encoding='utf-8'))
c["resources"]["ä" * 300] = {"column": "nope", "limit": 1}
json.dump(c, open(sys.argv[2], 'w', encoding='utf-8'), ensure_ascii=False)
PY
(cd c && "$PV" check long.json) >out 2>err; rc=$?
if [ "$rc" = 2 ] && python3 -c "import sys; open(sys.argv[1], encoding='utf-8', errors='strict').read()" err 2>/dev/null
then pass "a long key path is cut at a character boundary"
else bad "long key path: exit $rc, stderr not valid UTF-8"; fi
exit $fail
