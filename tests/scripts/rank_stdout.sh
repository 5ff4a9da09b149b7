#!/bin/sh
# rank to standard output streams the report through a temporary file in
# $TMPDIR (issue 18: never the whole report in memory): the bytes equal those
# of -o FILE in every streamed format, nothing is left in $TMPDIR, a failed
# run prints nothing, and without a usable $TMPDIR it renders in memory.
#   tests/scripts/rank_stdout.sh /abs/path/to/partnerval
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
pass() { echo "PASS $1"; }
failm() { echo "FAIL $1"; fail=1; }
L="$ROOT/examples/lidkoping/case.json"
mkdir "$T/tmp"
for f in json csv md text; do
    for lang in sv en; do
        "$PV" rank "$L" --format $f --lang $lang -o "$T/file.$f" || failm "rank -o $f $lang"
        TMPDIR="$T/tmp" "$PV" rank "$L" --format $f --lang $lang > "$T/out.$f" \
            || failm "rank $f $lang to stdout: exit $?"
        cmp -s "$T/file.$f" "$T/out.$f" && pass "stdout = -o ($f, $lang)" \
            || failm "stdout differs from -o ($f, $lang)"
        TMPDIR="$T/none" "$PV" rank "$L" --format $f --lang $lang > "$T/mem.$f" \
            || failm "rank $f $lang without a temporary folder: exit $?"
        cmp -s "$T/file.$f" "$T/mem.$f" && pass "no TMPDIR: in memory, same bytes ($f, $lang)" \
            || failm "no TMPDIR: output differs ($f, $lang)"
    done
done
[ -z "$(ls -A "$T/tmp")" ] && pass "nothing left in TMPDIR" || failm "files left in TMPDIR"
# a run that fails (the n-th allocation fails: PARTNERVAL_FAIL_ALLOC) prints
# nothing and leaves nothing in TMPDIR; try every n until three runs complete
n=1; ok=0; failed_runs=0; bad=0
while [ $n -lt 100000 ] && [ $ok -lt 3 ]; do
    PARTNERVAL_FAIL_ALLOC=$n TMPDIR="$T/tmp" "$PV" rank "$L" --format json >"$T/o" 2>"$T/e"
    rc=$?
    if [ $rc = 0 ]; then ok=$((ok + 1)); n=$((n + 11)); continue; fi
    ok=0; failed_runs=$((failed_runs + 1))
    if [ $rc != 4 ] || [ -s "$T/o" ] || [ -n "$(ls -A "$T/tmp")" ]; then
        bad=1; echo "n=$n: exit $rc, $(wc -c < "$T/o") bytes on stdout"; rm -f "$T/tmp/"*
    fi
    if [ $n -lt 60 ]; then n=$((n + 1)); else n=$((n + 11)); fi
done
[ $bad = 0 ] && [ $failed_runs -gt 0 ] \
    && pass "allocation failures: exit 4, nothing on stdout, nothing left ($failed_runs runs)" \
    || failm "allocation failures ($failed_runs failed runs)"
exit $fail
