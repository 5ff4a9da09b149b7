#!/bin/sh
# Values as users type them (issues 11 and 13): in every example, yes/no
# cells spelt ja/Ja/JA/nej/sant/falskt/TRUE/x/0 …, and category codes written
# as their Swedish or English labels (in any case, padded with spaces), give
# byte-identical rank and select JSON to the canonical spellings. And a cell
# that is neither yes nor no is an error naming file, row and column.
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/pvyn.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
fail=0
mkdir -p "$T/a/examples" "$T/b/examples"
for side in a b; do ln -s "$ROOT/models" "$T/$side/models"; ln -s "$ROOT/data" "$T/$side/data"; done
for ex in "$ROOT"/examples/*/; do
  name=$(basename "$ex")
  [ -f "$ex/projects.csv" ] || continue # a workbook example: its CSV twin is tested
  for side in a b; do
    mkdir -p "$T/$side/examples/$name"
    cp "$ex/case.json" "$ex/projects.csv" "$T/$side/examples/$name/"
    [ -f "$ex/outcomes.csv" ] && cp "$ex/outcomes.csv" "$T/$side/examples/$name/"
  done
  python3 - "$T/b/examples/$name" <<'PY' || { echo "FAIL yesno_spellings: cannot rewrite $name"; fail=1; }
import csv, io, json, sys
d = sys.argv[1]
case = json.load(open(d + '/case.json', encoding='utf-8'))
labels = case.get('labels', {})
raw = open(d + '/projects.csv', encoding='utf-8-sig').read()
delim = ';' if raw.split('\n')[0].count(';') > raw.split('\n')[0].count(',') else ','
rows = list(csv.reader(io.StringIO(raw), delimiter=delim))
head, body = rows[0], rows[1:]
YES = ['Ja', 'JA', 'ja', 'sant', 'TRUE', 'x', ' Yes ', '1', 'True']
NO = ['nej', 'NEJ', 'Nej', 'falskt', 'FALSE', '0', ' no ', 'False']
n = 0
for c, col in enumerate(head):
    vals = {r[c] for r in body}
    if vals <= {'yes', 'no', ''} and vals & {'yes', 'no'}:
        for i, r in enumerate(body):
            if r[c] == 'yes':
                r[c] = YES[(i + c) % len(YES)]; n += 1
            elif r[c] == 'no':
                r[c] = NO[(i + c) % len(NO)]; n += 1
    elif col in labels:
        for i, r in enumerate(body):
            lab = labels[col].get(r[c])
            if lab is None:
                continue
            text = lab if isinstance(lab, str) else lab.get('sv' if i % 2 else 'en', r[c])
            r[c] = ' ' + (text.upper() if i % 3 == 0 else text) + ' '; n += 1
out = io.StringIO()
csv.writer(out, delimiter=delim, lineterminator='\r\n').writerows([head] + body)
open(d + '/projects.csv', 'w', encoding='utf-8').write(out.getvalue())
PY
  for cmd in rank select; do
    for side in a b; do
      opt=; [ $cmd = select ] && opt=--no-why
      (cd "$T/$side/examples/$name" && "$PV" $cmd case.json --format json $opt) 2>"$T/$side.err" |
        grep -v '"sha256"' >"$T/$side.$name.$cmd.json"
    done
    if [ -s "$T/a.$name.$cmd.json" ] && cmp -s "$T/a.$name.$cmd.json" "$T/b.$name.$cmd.json"; then
      echo "PASS yesno_spellings: $name $cmd JSON identical with other spellings"
    else
      echo "FAIL yesno_spellings: $name $cmd JSON differs"; diff "$T/a.$name.$cmd.json" "$T/b.$name.$cmd.json" | head -10
      fail=1
    fi
  done
done
# A yes/no cell that is neither: an error with file, row and column.
d="$T/b/examples/lidkoping"
cp "$ROOT/examples/lidkoping/projects.csv" "$d/projects.csv"
python3 - "$d/projects.csv" <<'PY'
import csv, io, sys
p = sys.argv[1]
raw = open(p, encoding='utf-8-sig').read()
delim = ';' if raw.split('\n')[0].count(';') > raw.split('\n')[0].count(',') else ','
rows = list(csv.reader(io.StringIO(raw), delimiter=delim))
c = rows[0].index('democracy_component')
rows[3][c] = 'kanske'
out = io.StringIO(); csv.writer(out, delimiter=delim, lineterminator='\n').writerows(rows)
open(p, 'w', encoding='utf-8').write(out.getvalue())
open(p + '.col', 'w').write(str(c + 1))
PY
col=$(cat "$d/projects.csv.col")
(cd "$d" && "$PV" check case.json) >/dev/null 2>"$T/err"; rc=$?
if [ "$rc" = 2 ] && grep -q "projects.csv:4:$col: column 'democracy_component': 'kanske' is neither yes nor no" "$T/err"; then
  echo "PASS yesno_spellings: 'kanske' is an error at row 4, column $col"
else
  echo "FAIL yesno_spellings: 'kanske': exit $rc: $(cat "$T/err")"; fail=1
fi
exit $fail
