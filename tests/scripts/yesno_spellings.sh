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
# A constraint's filter ("new": "yes", Lidköping's new_partners) reads the
# column as the one yes/no reader does: JA/Ja/x/1 count as yes (the same
# portfolio), and a cell that is neither is an error naming the constraint.
mkdir -p "$T/c/examples/lidkoping" "$T/c/models" "$T/c/data"
cp "$ROOT/examples/lidkoping/case.json" "$ROOT/examples/lidkoping/projects.csv" \
   "$ROOT/examples/lidkoping/outcomes.csv" "$T/c/examples/lidkoping/"
cp "$ROOT/models/lidkoping.json" "$T/c/models/"
cp "$ROOT/data/countries.csv" "$T/c/data/"
python3 - "$ROOT/data/partners.csv" "$T/c/data/partners.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
i = rows[0].index("new")
spell = ["JA", "Ja", "x", "1"]
for n, r in enumerate(rows[1:]):
    if r[i] == "yes":
        r[i] = spell[n % 4]
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline="")).writerows(rows)
PY
"$PV" select "$ROOT/examples/lidkoping/case.json" --format json --no-why > "$T/c/want.json"
"$PV" select "$T/c/examples/lidkoping/case.json" --format json --no-why > "$T/c/got.json"
python3 - "$T/c/want.json" "$T/c/got.json" <<'PY' && echo "PASS yesno_spellings: a constraint's yes/no filter reads JA/Ja/x/1 as yes" || { echo "FAIL yesno_spellings: the new_partners constraint read JA/x/1 differently"; fail=1; }
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
sys.exit(0 if a["selected_projects"] == b["selected_projects"] and a["objective"] == b["objective"] else 1)
PY
sed -i '0,/,JA,/s/,JA,/,nope,/' "$T/c/data/partners.csv"
"$PV" check "$T/c/examples/lidkoping/case.json" > /dev/null 2> "$T/c/err"; rc=$?
if [ $rc = 2 ] && grep -q "'nope' is neither yes nor no (constraint 'new_partners'" "$T/c/err"; then
  echo "PASS yesno_spellings: 'nope' in a constraint's yes/no column is an error"
else
  echo "FAIL yesno_spellings: 'nope' in the new column: exit $rc: $(cat "$T/c/err")"; fail=1
fi
exit $fail
