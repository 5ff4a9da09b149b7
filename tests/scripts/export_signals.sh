#!/bin/sh
# `export` leaves no temporary file when killed (issue 11, finding 6): GLPK
# writes to an unnamed O_TMPFILE in $TMPDIR (through /proc/self/fd/N), and the
# LP/MPS reaches its place through the one writer. 20 runs, each killed by
# SIGTERM at a random point of its run, leave nothing in $TMPDIR and nothing
# but (possibly) the complete file beside the target.
#   tests/scripts/export_signals.sh /abs/path/to/partnerval
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
pass() { echo "PASS $1"; }
failm() { echo "FAIL $1"; fail=1; }
command -v python3 >/dev/null || { echo "SKIP export_signals: no python3"; exit 0; }
python3 "$ROOT/tests/gen/gen_select.py" "$T/g" 10000 400 5 1 >/dev/null || { failm "generate"; exit 1; }
mkdir "$T/tmp" "$T/out"
# How long a whole run takes, in ms: the kills are spread over it.
s=$(date +%s%N); TMPDIR="$T/tmp" "$PV" export "$T/g/case.json" --mps "$T/out/full.mps" || failm "export"
e=$(date +%s%N); ms=$(( (e - s) / 1000000 + 20 ))
rm -f "$T/out/full.mps"
left=0 killed=0
for i in $(seq 1 20); do
  fmt=--mps; [ $((i % 2)) = 0 ] && fmt=--lp
  TMPDIR="$T/tmp" "$PV" export "$T/g/case.json" $fmt "$T/out/m" 2>/dev/null & pid=$!
  # a random point in the run (awk's rand, seeded per run)
  d=$(awk -v s="$i$$" -v ms="$ms" 'BEGIN { srand(s); printf "%.3f", rand() * ms / 1000 }')
  sleep "$d"; kill -TERM $pid 2>/dev/null; wait $pid; rc=$?
  [ $rc = 143 ] && killed=$((killed + 1))
  if [ -n "$(ls -A "$T/tmp")" ]; then left=$((left + 1)); echo "  run $i (after ${d}s): left $(ls "$T/tmp")"; rm -f "$T/tmp"/*; fi
  extra=$(ls -A "$T/out" | grep -v '^m$')
  if [ -n "$extra" ]; then left=$((left + 1)); echo "  run $i: left $extra beside the target"; rm -f "$T/out"/*; fi
  rm -f "$T/out/m"
done
[ $left = 0 ] && pass "20 exports killed by SIGTERM ($killed before their end) left no file" ||
  failm "$left of 20 killed exports left files"
[ $killed -ge 5 ] || failm "only $killed of 20 runs were killed before their end (machine too fast?)"
exit $fail
