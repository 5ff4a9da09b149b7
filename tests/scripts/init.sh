#!/bin/sh
# `partnerval init DIR --model NAME` (issue 13, item 6): for each of the five
# shipped models, the starter case passes `check` (and `select` runs), its CSV
# files are in Swedish Excel's dialect (BOM, ';', CRLF), the projects header
# holds only columns the case reads (no "not used" warning but for
# municipality, which the review of agreements reads), every column is
# described, the partners file holds only the municipality's own partners,
# a non-empty folder is refused untouched, a failure part-way (a refused
# write, out of memory) leaves the folder as it was, and an installed layout
# (BIN/../share/partnerval) is found.
#   tests/scripts/init.sh /abs/path/to/partnerval
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
pass() { echo "PASS $1"; }
failm() { echo "FAIL $1"; fail=1; }
cd "$T" || exit 1
bom=$(printf '\357\273\277')
for m in kristianstad lidkoping linkoping-norrkoping norrkoping tranas; do
  d="$T/$m"
  "$PV" init "$d" --model "$m" --lang sv > out.txt 2> err.txt || { failm "$m: init exit $?: $(cat err.txt)"; continue; }
  "$PV" check "$d/case.json" > /dev/null 2> check.txt && pass "$m: init, then check exits 0" ||
    failm "$m: check: $(cat check.txt)"
  "$PV" select "$d/case.json" --no-why > sel.txt 2>&1; rc=$?
  # the example's resource names and units carried over: Budget and kr, not budget_sek
  grep -q "Budget" sel.txt && ! grep -q "budget_sek" sel.txt && pass "$m: resources by name" ||
    failm "$m: the starter case's reports show resource ids: $(grep -m1 budget_sek sel.txt)"
  [ $rc = 0 ] && pass "$m: select runs" || failm "$m: select exit $rc"
  # whose agreements these are, as the example says (the review needs it)
  python3 -c "import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); sys.exit(0 if a.get('municipality') and a.get('municipality')==b.get('municipality') else 1)" \
    "$d/case.json" "$ROOT/examples/$m/case.json" && pass "$m: the starter names the municipality" ||
    failm "$m: the starter's municipality differs from the example's"
  grep "is not used" check.txt | grep -v "column 'municipality'" > unused.txt
  [ -s unused.txt ] && failm "$m: unused columns: $(cat unused.txt)" || pass "$m: only columns the case reads"
  # the two example rows differ where the example data lets them: at most one
  # criterion gives both the same value (the first example rows gave 2-6)
  same=$(grep -c "every project gets the same value" check.txt)
  [ "$same" -le 1 ] && pass "$m: example rows that criteria separate ($same alike)" ||
    failm "$m: $same criteria give both example rows the same value"
  for f in projects.csv projects-columns.csv partners.csv countries.csv; do
    head -c 3 "$d/$f" | grep -q "^$bom" && head -1 "$d/$f" | grep -q ';' &&
      [ "$(grep -c "$(printf '\r')\$" "$d/$f")" = "$(wc -l < "$d/$f")" ] ||
      failm "$m: $f is not BOM + ';' + CRLF"
  done
  rows=$(($(wc -l < "$d/projects.csv") - 1))
  [ $rows = 2 ] && pass "$m: two example rows" || failm "$m: $rows example rows"
  # every header column described, once
  head -1 "$d/projects.csv" | sed "s/^$bom//; s/\r//" | tr ';' '\n' > cols.txt
  sed "1d; s/;.*//" "$d/projects-columns.csv" > described.txt
  cmp -s cols.txt described.txt && pass "$m: every column described" || failm "$m: descriptions differ from the header"
  # own partners only: the municipality's slug(s) in every row
  slugs=$(echo "$m" | tr '-' '|')
  bad=$(sed '1d' "$d/partners.csv" | awk -F';' -v s="$slugs" '{ n = split(s, a, "|"); ok = 0;
        for (i = 1; i <= n; i++) if (index("|" $5 "|", "|" a[i] "|")) ok = 1; if (!ok) print $1 }')
  [ -z "$bad" ] && pass "$m: partners are the municipality's own" || failm "$m: other partners: $bad"
done
# the starter's folder given for its case file: "did you mean DIR/case.json?"
"$PV" select "$T/tranas" 2> err.txt; rc=$?
[ $rc = 2 ] && grep -q "did you mean '$T/tranas/case.json'" err.txt && pass "select DIR: did you mean DIR/case.json" ||
  failm "select DIR: exit $rc, $(cat err.txt)"
# a misspelt model name gets "did you mean"
"$PV" init "$T/typo" --model Tranaas 2> err.txt; rc=$?
[ $rc = 1 ] && grep -q "did you mean 'tranas'" err.txt && [ ! -e "$T/typo" ] &&
  pass "--model Tranaas: did you mean 'tranas'" || failm "--model typo: exit $rc, $(cat err.txt)"
"$PV" init "$T/typo" --model Tranås 2> err.txt
grep -q "did you mean 'tranas'" err.txt && pass "--model Tranås: did you mean 'tranas'" ||
  failm "--model Tranås: $(cat err.txt)"
# the example's 0.6 (external_share), and countries.csv rewritten in the same dialect
grep -q ";0,6;" "$T/tranas/projects.csv" && pass "decimal comma in projects.csv" || failm "no decimal comma"
grep -q "^SE;SWE;Sweden;9,35;" "$T/tranas/countries.csv" && pass "countries.csv in Swedish Excel's dialect" ||
  failm "countries.csv not in Swedish Excel's dialect"

# A folder with files is refused, and nothing in it changes.
mkdir full; echo keep > full/case.json
"$PV" init full --model tranas > /dev/null 2> err.txt; rc=$?
[ $rc = 1 ] && [ "$(cat full/case.json)" = keep ] && [ "$(ls full)" = case.json ] &&
  grep -q "not empty" err.txt && pass "a non-empty folder is refused (exit 1), untouched" ||
  failm "non-empty folder: exit $rc, $(ls full)"
"$PV" init x --model nosuch > /dev/null 2> err.txt; rc=$?
[ $rc = 1 ] && grep -q "unknown model 'nosuch'.*tranas" err.txt && pass "unknown model lists the shipped ones" ||
  failm "unknown model: exit $rc: $(cat err.txt)"
"$PV" init x --model ../models/tranas > /dev/null 2>&1 && failm "a path as --model accepted" || pass "a path as --model refused"
"$PV" init x > /dev/null 2>&1; [ $? = 1 ] && pass "init without --model is a usage error" || failm "init without --model"

# A failure part-way (each allocation in turn fails, some after files are
# written) leaves the folder as it was: a new one absent, an empty one empty,
# so that init can simply be run again. A few failures are survived (libcsv
# retries a smaller buffer): the loop ends after 3 completed runs in a row.
n=1; ok=1; undone=0; done_in_row=0
while [ $n -lt 5000 ] && [ $done_in_row -lt 3 ]; do
  rm -rf af ae; mkdir ae; m=$n
  PARTNERVAL_FAIL_ALLOC=$n "$PV" init af --model tranas > /dev/null 2>&1; rc=$?
  n=$((n + 1)); [ $n -le 60 ] || n=$((n + 12)) # every n up to 60, then every 13th
  if [ $rc = 0 ]; then done_in_row=$((done_in_row + 1)); continue; fi
  done_in_row=0
  [ -e af ] && { ok=0; failm "allocation $m failed (exit $rc): folder af left with: $(ls af 2>&1)"; break; }
  PARTNERVAL_FAIL_ALLOC=$m "$PV" init ae --model tranas > /dev/null 2>&1 ||
    [ -z "$(ls -A ae)" ] || { ok=0; failm "allocation $m failed: empty folder ae left with: $(ls ae)"; break; }
  undone=$((undone + 1))
done
# A write that fails after case.json is written (files over 2 KB refused:
# SIGXFSZ ignored, so write() fails with EFBIG as on a full disk).
for fresh in 1 0; do
  rm -rf fz; [ $fresh = 1 ] || mkdir fz
  sh -c "trap '' XFSZ; ulimit -f 4; exec \"\$0\" init fz --model tranas" "$PV" > /dev/null 2> err.txt; rc=$?
  if [ $rc = 4 ] && grep -q "cannot write" err.txt && { { [ $fresh = 1 ] && [ ! -e fz ]; } ||
       { [ $fresh = 0 ] && [ -z "$(ls -A fz)" ]; }; }; then
    pass "a failed write leaves the folder as it was (fresh=$fresh)"
  else
    failm "failed write (fresh=$fresh): exit $rc, left: $(ls -A fz 2>&1), $(cat err.txt)"
  fi
done
[ $ok = 1 ] && [ $undone -gt 10 ] && [ $done_in_row = 3 ] &&
  pass "init failing at $undone allocations in turn leaves the folder as it was" ||
  { [ $ok = 0 ] || failm "allocation failures: $undone failures, then $done_in_row runs completed"; }

# An installed layout: BIN/../share/partnerval/{models,data,examples}.
mkdir -p p/bin p/share/partnerval && cp "$PV" p/bin/partnerval &&
  cp -R "$ROOT/models" "$ROOT/data" "$ROOT/examples" p/share/partnerval/
env -u PARTNERVAL_DATA p/bin/partnerval init inst --model tranas > /dev/null 2> err.txt &&
  "$PV" check inst/case.json > /dev/null 2>&1 && pass "installed layout found (BIN/../share/partnerval)" ||
  failm "installed layout: $(cat err.txt)"
exit $fail
