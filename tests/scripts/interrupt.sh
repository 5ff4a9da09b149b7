#!/bin/sh
# An interrupted run leaves no output or temporary file and exits 130 (SIGINT)
# or 143 (SIGTERM) with a message; robust's worker processes end with it.
#   SIGINT goes to the whole process group (as Ctrl-C does), SIGTERM to the
#   parent only (as `kill PID` does: the workers must die with it).
PV=$1
ROOT=${PV_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
d=$(mktemp -d "${TMPDIR:-/tmp}/pvintr.XXXXXX")
trap 'rm -rf "$d"' EXIT
# sh starts background jobs with SIGINT ignored (and the CLI keeps an ignored
# signal ignored, as nohup expects): start it with SIGINT at its default and in
# its own process group, as an interactive shell would.
FG='import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL); os.setpgid(0, 0); os.execvp(sys.argv[1], sys.argv[1:])'
fail=0
for sig in INT TERM; do
  out="$d/robust-$sig.json"
  python3 -c "$FG" $PV robust "$ROOT/examples/lidkoping/case.json" --samples 2000000 --threads 2 \
      --format json -o "$out" 2>"$d/err-$sig" &
  pid=$!
  sleep 1.5
  if [ "$sig" = INT ]; then kill -INT "-$pid"; want=130; else kill -TERM "$pid"; want=143; fi
  # a guard: a run that ignores the signal is killed after 20 s (and fails)
  ( sleep 20; kill -KILL "$pid" 2>/dev/null ) & guard=$!
  wait "$pid"; rc=$?
  kill "$guard" 2>/dev/null
  sleep 0.3
  left=$(ls "$d" | grep -v '^err-')
  workers=$(ps -eo pid=,args= | grep -F -- "$out" | grep -v grep)
  if [ "$rc" != "$want" ]; then echo "FAIL SIG$sig: exit $rc, want $want"; fail=1; fi
  if [ -n "$left" ]; then echo "FAIL SIG$sig: left files: $left"; fail=1; fi
  if [ -n "$workers" ]; then echo "FAIL SIG$sig: workers still running: $workers"; fail=1
     for p in $(echo "$workers" | awk '{print $1}'); do kill -KILL "$p" 2>/dev/null; done; fi
  if ! grep -q "no output file written" "$d/err-$sig"; then
    echo "FAIL SIG$sig: no message: $(cat "$d/err-$sig")"; fail=1; fi
  [ "$(grep -c . "$d/err-$sig")" = 1 ] || { echo "FAIL SIG$sig: more than one message:"; cat "$d/err-$sig"; fail=1; }
  echo "SIG$sig: exit $rc"
done
exit $fail
