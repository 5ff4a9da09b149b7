#!/bin/sh
# The CLI under allocation failure (test hook PARTNERVAL_FAIL_ALLOC=n: the
# n-th allocation of the library fails): every n until the run completes
# (every n up to 60, then every 11th) must either complete with its output, or
# give exit 4, "out of memory", and no output or temporary file. A few
# failures are survived (libcsv retries a smaller buffer), so the loop ends
# after 3 completed runs in a row. Under SANITIZE=1 LeakSanitizer also checks that
# nothing leaks (a leak changes the exit code). The library-level test
# (tests/unit/test_alloc.c) tries every n.
PV=$1
ROOT=${PV_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
d=$(mktemp -d "${TMPDIR:-/tmp}/pvoom.XXXXXX")
trap 'rm -rf "$d"' EXIT
fail=0
job() {
  name=$1; shift
  n=1; runs=0; jfail=0; ok=0
  while [ $n -lt 100000 ]; do
    PARTNERVAL_FAIL_ALLOC=$n $PV "$@" -o "$d/out" >"$d/stdout" 2>"$d/err"; rc=$?
    runs=$((runs + 1))
    if [ $rc = 0 ]; then
      [ -f "$d/out" ] || { echo "FAIL $name n=$n: exit 0 without the output file"; fail=1; }
      rm -f "$d/out"
      ok=$((ok + 1)); [ $ok -lt 3 ] || break
      n=$((n + 11)); continue
    fi
    ok=0
    if [ $rc != 4 ] || ! grep -q "out of memory" "$d/err"; then
      echo "FAIL $name n=$n: exit $rc: $(head -c 300 "$d/err")"; fail=1; jfail=1
    fi
    left=$(ls -A "$d" | grep -v -e '^err$' -e '^stdout$')
    [ -z "$left" ] || { echo "FAIL $name n=$n: left $left"; fail=1; jfail=1; rm -f "$d"/out*; }
    [ $jfail = 0 ] || break
    if [ $n -lt 60 ]; then n=$((n + 1)); else n=$((n + 11)); fi
  done
  echo "$name: $runs runs, completes from allocation $((n - 22))"
}
mini=$ROOT/tests/data/mini/case.json
lid=$ROOT/examples/lidkoping/case.json
job rank-mini-json rank "$mini" --format json
job select-mini-html select "$mini" --format html --date 2026-01-01
job weights-lid-md weights "$lid" --format md
job select-lid-csv select "$lid" --format csv --no-why
job compare-lid compare "$lid" "$ROOT/examples/lidkoping/scenarios/safety-first.json" --format json
job frontier-mini frontier "$mini" --resource budget_sek
job followup-lid-json followup "$lid" --year 2027 --from 2026 --format json
job followup-lid-html followup "$lid" --year 2027 --format html --date 2027-12-31
# a weight-sets file (collects every error while read): the case's own sets
d2=$(mktemp -d "${TMPDIR:-/tmp}/pvoom2.XXXXXX")
trap 'rm -rf "$d" "$d2"' EXIT
python3 -c 'import json,sys; print(json.dumps({"weight_sets": json.load(open(sys.argv[1]))["weight_sets"]}))' \
  "$lid" > "$d2/sets.json"
job parties-lid-sets parties "$lid" --sets "$d2/sets.json" --format json
job followup-kr-xlsx followup "$ROOT/examples/kristianstad/case.json" --year 2027 --format xlsx \
  --date 2027-12-31
exit $fail
