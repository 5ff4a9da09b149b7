#!/bin/sh
# A quiet `check` (issue 13, item 7): warnings grouped by kind, so that 100,000
# rows out of range give one line ("… in 100,000 rows …; first: row 2 …"),
# unused columns one line; no warning for a column that labels use.
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/pvquiet.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
fail=0
cp "$ROOT"/tests/bad/_base/* "$T"/
python3 - "$T/projects.csv" <<'PY'
import csv, io, sys
p = sys.argv[1]
rows = list(csv.reader(open(p, encoding='utf-8')))
head, body = rows[0], rows[1:]
x = head.index('external_share')  # 0..0.8 in the model: 7 is out of range
out = [head + ['note', 'department']]
for i in range(100000):
    r = list(body[i % len(body)])
    r[0] = 'Q%d' % i
    r[x] = '7'
    out.append(r + ['x', 'education'])
buf = io.StringIO()
csv.writer(buf, lineterminator='\n').writerows(out)
open(p, 'w', encoding='utf-8').write(buf.getvalue())
PY
python3 - "$T/case.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
c['labels'] = {"department": {"education": {"sv": "Utbildning", "en": "Education"}}}
json.dump(c, open(sys.argv[1], 'w'))
PY
(cd "$T" && "$PV" check case.json) >"$T/out" 2>"$T/err"; rc=$?
n=$(grep -c "external_share" "$T/err")
if [ "$rc" = 0 ] && [ "$n" = 1 ] && grep -q "in 100,000 rows (clamped); first: row 2, project 'Q0'" "$T/err"; then
  echo "PASS quiet_check: 100,000 out-of-range rows give one warning"
else
  echo "FAIL quiet_check: exit $rc, $n 'outside' lines: $(head -c 400 "$T/err")"; fail=1
fi
if grep -q "column 'note' is not used" "$T/err" && ! grep -q "department" "$T/err"; then
  echo "PASS quiet_check: an unused column is named, a labelled one is not"
else
  echo "FAIL quiet_check: unused-column warnings: $(grep 'not used' "$T/err")"; fail=1
fi
exit $fail
