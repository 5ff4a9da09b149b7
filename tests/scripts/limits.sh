#!/bin/sh
# Documented limits, enforced at exactly their value (issue 11, items 17, 18):
# a CSV line of 1,048,576 bytes (its LF or CRLF not counted) and one past it;
# 32 criterion levels and 33; 64 condition levels and 65; ids of 200 bytes and
# 201 (criteria, rules, resources, constraints); and a constraint id that
# collides with a generated one. Each pair: the value passes, one past fails.
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/pvlim.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
fail=0
# expect NAME WANT_EXIT [STDERR_SUBSTRING]: runs `check case.json` in $T/c
expect() {
  (cd "$T/c" && "$PV" check case.json) >"$T/out" 2>"$T/err"; rc=$?
  if [ "$rc" = "$2" ] && { [ -z "$3" ] || grep -qF -- "$3" "$T/err"; }; then echo "PASS limits: $1"
  else echo "FAIL limits: $1: exit $rc, want $2: $(head -c 300 "$T/err")"; fail=1; fi
}
fresh() { rm -rf "$T/c"; mkdir "$T/c"; cp "$ROOT"/tests/bad/_base/* "$T/c/"; }
gen() { python3 - "$T/c" "$@" || { echo "FAIL limits: a case generator failed"; fail=1; }; }
# --- CSV line length: the purpose cell pads P1's line to the exact size
for eol in lf crlf; do
  for extra in 0 1; do
    fresh
    gen $eol $extra <<'PY'
import sys
d, eol, extra = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(d + '/projects.csv', encoding='utf-8').read().split('\n')
f = lines[1].split(',')
# P1's row: id,"name, with comma",partners,purpose,... (the name is quoted)
row = lines[1]
pad = 1048576 + extra - len(row.encode())
row = row.replace(',Utbyte,', ',Utbyte' + 'x' * pad + ',', 1)
assert len(row.encode()) == 1048576 + extra
lines[1] = row
nl = '\r\n' if eol == 'crlf' else '\n'
open(d + '/projects.csv', 'w', encoding='utf-8', newline='').write(nl.join(lines))
PY
    if [ $extra = 0 ]; then expect "line of 1048576 bytes + $eol accepted" 0
    else expect "line of 1048577 bytes + $eol rejected" 2 "projects.csv:2: line is longer than 1048576 bytes"; fi
  done
done
# --- a quoted field over several lines: 1,048,576 bytes (the line ends it
# holds counted) and one past it, whatever the width of its lines
for eol in lf crlf; do
  for width in 100 10000; do
    for extra in 0 1; do
      fresh
      gen $eol $width $extra <<'PY'
import sys
d, eol, width, extra = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
nl = '\r\n' if eol == 'crlf' else '\n'
lines = open(d + '/projects.csv', encoding='utf-8').read().split('\n')
want = 1048576 + extra
parts, size = [], 0
while size < want:
    take = min(width, want - size)
    parts.append('y' * take)
    size += take
    if size < want:
        parts.append(nl[:max(0, min(len(nl), want - size))])
        size += len(parts[-1])
field = ''.join(parts)
assert len(field.encode()) == want, len(field)
assert lines[1].count('"Skolutbyte, Riga"') == 1
lines[1] = lines[1].replace('"Skolutbyte, Riga"', '"' + field + '"')
open(d + '/projects.csv', 'w', encoding='utf-8', newline='').write(nl.join(lines))
PY
      if [ $extra = 0 ]; then expect "quoted field of 1048576 bytes over $width-byte $eol lines accepted" 0
      else expect "quoted field of 1048577 bytes over $width-byte $eol lines rejected" 2 "projects.csv:2: a quoted field that starts on this line runs past 1048576 bytes"; fi
    done
  done
done
# --- criterion levels
for n in 32 33; do
  fresh
  gen $n <<'PY'
import json, sys
d, n = sys.argv[1], int(sys.argv[2])
m = json.load(open(d + '/model.json'))
leaf = m['criteria']['risk']
node = leaf
for i in range(n - 1):
    node = {"weight": 1, "children": {"l%d" % i: node}}
m['criteria']['risk'] = node
json.dump(m, open(d + '/model.json', 'w'))
PY
  if [ $n = 32 ]; then expect "32 criterion levels accepted" 0
  else expect "33 criterion levels rejected" 2 "nested deeper than 32 levels"; fi
done
# --- condition levels
for n in 64 65; do
  fresh
  gen $n <<'PY'
import json, sys
d, n = sys.argv[1], int(sys.argv[2])
m = json.load(open(d + '/model.json'))
c = {"field": "purpose", "op": "missing"}
for i in range(n - 1):
    c = {"not": c} if i % 2 else {"all": [c]}
m['rules']['purpose']['if'] = c
json.dump(m, open(d + '/model.json', 'w'))
PY
  if [ $n = 64 ]; then expect "64 condition levels accepted" 0
  else expect "65 condition levels rejected" 2 "nested deeper than 64 levels"; fi
done
# --- ids of 200 and 201 bytes
for what in criterion rule resource constraint; do
  for n in 200 201; do
    fresh
    gen $what $n <<'PY'
import json, sys
d, what, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
m = json.load(open(d + '/model.json')); c = json.load(open(d + '/case.json'))
i = 'k' * n
if what == 'criterion':
    m['criteria'][i] = m['criteria'].pop('risk')
elif what == 'rule':
    m['rules'][i] = m['rules'].pop('purpose')
elif what == 'resource':
    c['resources'][i] = c['resources'].pop('staff_hours')
else:
    c["constraints"] = [{"id": i, "type": "max_partners", "max": 3}]
json.dump(m, open(d + '/model.json', 'w')); json.dump(c, open(d + '/case.json', 'w'))
PY
    if [ $n = 200 ]; then expect "$what id of 200 bytes accepted" 0
    else expect "$what id of 201 bytes rejected" 2 "at most 200 bytes"; fi
  done
done
# --- an explicit constraint id that a generated one would repeat
fresh
gen <<'PY'
import json, sys
d = sys.argv[1]
c = json.load(open(d + '/case.json'))
c['constraints'] = [{"id": "max_partners_2", "type": "max_partners", "max": 9},
                    {"type": "max_partners", "max": 8}]
json.dump(c, open(d + '/case.json', 'w'))
PY
expect "a generated constraint id never repeats an explicit one" 2 "the id it would get, 'max_partners_2', is constraints[0]'s"
exit $fail
