#!/bin/sh
# All the errors at once (issue 13, item 5): a projects CSV with three unknown
# partners and a misspelt column reports all four in one `check` run, each
# with file, row and column and a "did you mean" within edit distance 2; more
# than 50 errors end with "and N more"; `rank` and `select` list them all too.
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/pvall.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
fail=0
cp "$ROOT"/tests/bad/_base/* "$T"/
cp "$ROOT"/tests/bad/all-errors-three-partners-one-column/projects.csv "$T"/
(cd "$T" && "$PV" check case.json) >"$T/out" 2>"$T/err"; rc=$?
n=$(grep -c '^partnerval: error: ' "$T/err")
s=$(grep -c 'did you mean' "$T/err")
if [ "$rc" = 2 ] && [ "$n" = 4 ] && [ "$s" = 4 ] &&
   grep -q "projects.csv:2:3: column 'partners': project 'P1' names unknown partner 'rgia'.*did you mean 'riga'" "$T/err" &&
   grep -q "unknown partner 'kalksvik'.*did you mean 'klaksvik'" "$T/err" &&
   grep -q "unknown partner 'MINSK'.*did you mean 'minsk'" "$T/err" &&
   grep -q "projects.csv:1:9: column 'risk_levle' in the header: did you mean 'risk_level'" "$T/err"; then
  echo "PASS all_errors: four errors, four suggestions, one run"
else
  echo "FAIL all_errors: exit $rc, $n errors, $s suggestions"; cat "$T/err"; fail=1
fi
for cmd in rank select; do
  (cd "$T" && "$PV" $cmd case.json) >"$T/out" 2>"$T/err"; rc=$?
  n=$(grep -c '^partnerval: error: ' "$T/err")
  if [ "$rc" = 2 ] && [ "$n" = 4 ] && ! [ -s "$T/out" ] && ! grep -q "more error" "$T/err" &&
     grep -q "unknown partner 'MINSK'.*did you mean 'minsk'" "$T/err"; then
    echo "PASS all_errors: $cmd lists the four errors, one per line"
  else
    echo "FAIL all_errors: $cmd: exit $rc, $n errors: $(cat "$T/err")"; fail=1
  fi
done
# compare: the case's own errors, all of them, not blamed on the --set
(cd "$T" && "$PV" compare case.json --set resources.budget_sek.limit=1) >"$T/out" 2>"$T/err"; rc=$?
n=$(grep -c '^partnerval: error: ' "$T/err")
if [ "$rc" = 2 ] && [ "$n" = 4 ] && ! grep -q "with --set" "$T/err"; then
  echo "PASS all_errors: compare lists the case's four errors"
else
  echo "FAIL all_errors: compare: exit $rc, $n errors: $(cat "$T/err")"; fail=1
fi
# 60 unknown partners: 50 listed, then "and 10 more"
cp "$ROOT"/tests/bad/_base/projects.csv "$T"/
python3 - "$T/projects.csv" <<'PY'
import sys
p = sys.argv[1]
lines = open(p, encoding='utf-8').read().splitlines()
head, row = lines[0], lines[1].split(',')
out = [head]
for i in range(60):
    r = list(row); r[0] = 'Q%d' % i
    r[1] = '"Skolutbyte, Riga"'
    out.append(','.join(r[:1] + [r[1]] + ['nowhere%d' % i] + r[4:]))
open(p, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
PY
(cd "$T" && "$PV" check case.json) >"$T/out" 2>"$T/err"; rc=$?
n=$(grep -c "unknown partner" "$T/err")
if [ "$rc" = 2 ] && [ "$n" = 50 ] && grep -q "^partnerval: error: and 10 more$" "$T/err"; then
  echo "PASS all_errors: 50 listed, then 'and 10 more'"
else
  echo "FAIL all_errors: 60 unknown partners: exit $rc, $n listed: $(tail -2 "$T/err")"; fail=1
fi
# Co-financing: every project's error in one check run (two probabilities
# above 1 and a negative grant), not only the first.
cp "$ROOT"/tests/bad/cofin-probability-above-1/case.json "$ROOT"/tests/bad/cofin-probability-above-1/projects.csv "$T"/
sed -i 's/^P3,Handel Minsk,minsk,Handel,50000,100,0.2,2,high,no,,,/P3,Handel Minsk,minsk,Handel,50000,100,0.2,2,high,no,20000,7,/; s/^P4,\(.*\),no,,,$/P4,\1,no,-5,0.5,/' "$T/projects.csv"
(cd "$T" && "$PV" check case.json) >"$T/out" 2>"$T/err"; rc=$?
n=$(grep -c '^partnerval: error: ' "$T/err")
if [ "$rc" = 2 ] && [ "$n" = 3 ] && grep -q "projects.csv:3:.*'P2'.*not 1.5" "$T/err" &&
   grep -q "projects.csv:4:.*'P3'.*not 7" "$T/err" && grep -q "projects.csv:5:.*'P4'.*not -5" "$T/err"; then
  echo "PASS all_errors: co-financing: three projects' errors in one run"
else
  echo "FAIL all_errors: co-financing: exit $rc, $n errors: $(cat "$T/err")"; fail=1
fi
# Criterion cells: every project's bad value in one check run (a word where a
# number belongs in two projects, an unknown category in a third), and ids:
# every duplicate (three rows of one id) and every empty id at once.
cp "$ROOT"/tests/bad/_base/* "$T"/
sed -i 's/^P2,Demokrati Nairobi,nairobi,Lokal demokrati,80000,150,0.9,3,/P2,Demokrati Nairobi,nairobi,Lokal demokrati,80000,150,0.9,tre,/; s/^P3,\(.*\),2,high,no$/P3,\1,2,hög,no/; s/^P5,\(.*\),0,3,low,no$/P5,\1,0,3x,low,no/' "$T/projects.csv"
(cd "$T" && "$PV" check case.json) >"$T/out" 2>"$T/err"; rc=$?
n=$(grep -c '^partnerval: error: ' "$T/err")
if [ "$rc" = 2 ] && [ "$n" = 3 ] && grep -q "projects.csv:3:8: column 'benefit_development': 'tre' is not a number" "$T/err" &&
   grep -q "projects.csv:4:9: column 'risk_level': 'hög' is not a category" "$T/err" &&
   grep -q "projects.csv:6:8: column 'benefit_development': '3x' is not a number" "$T/err"; then
  echo "PASS all_errors: criterion cells: three projects' bad values in one run"
else
  echo "FAIL all_errors: criterion cells: exit $rc, $n errors: $(cat "$T/err")"; fail=1
fi
cp "$ROOT"/tests/bad/_base/* "$T"/
sed -i 's/^P3,/P1,/; s/^P5,/P1,/; s/^P6,/,/; s/^P7,/P4,/' "$T/projects.csv"
(cd "$T" && "$PV" check case.json) >"$T/out" 2>"$T/err"; rc=$?
n=$(grep -c '^partnerval: error: ' "$T/err")
if [ "$rc" = 2 ] && [ "$n" = 4 ] && grep -q "projects.csv:4:1: duplicate project id 'P1' (first on line 2)" "$T/err" &&
   grep -q "projects.csv:6:1: duplicate project id 'P1' (first on line 2)" "$T/err" &&
   grep -q "projects.csv:8:1: duplicate project id 'P4' (first on line 5)" "$T/err" &&
   grep -q "projects.csv:7:1: project id is empty" "$T/err"; then
  echo "PASS all_errors: ids: every duplicate and empty id in one run"
else
  echo "FAIL all_errors: ids: exit $rc, $n errors: $(cat "$T/err")"; fail=1
fi
exit $fail
