#!/bin/sh
# Progress on standard error (issue 13, item 9): shown when standard error is
# a terminal and the work runs over a second, off with --quiet, never when
# standard error is a file or a pipe; the report on standard output is the same.
# The terminal is a pseudo-terminal made by script(1) (util-linux).
#   tests/scripts/progress.sh /abs/path/to/partnerval
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
pass() { echo "PASS $1"; }
failm() { echo "FAIL $1"; fail=1; }
command -v script >/dev/null || { echo "SKIP progress: no script(1)"; exit 0; }
command -v python3 >/dev/null || { echo "SKIP progress: no python3"; exit 0; }
python3 "$ROOT/tests/gen/gen_select.py" "$T/g" 100 30 3 1 >/dev/null || { failm "generate"; exit 1; }
C="$T/g/case.json"
# Long enough to pass a second on a fast machine: about 3.4 s here (0.9 s at 40
# samples after the solver got faster, which missed the 1 s threshold; 1.4 s
# at 120 once the re-solves ran the main solve; 1.3 s at 240 once small_bb
# split its search by the number of projects; 1.7 s at 600 once small_bb's LP
# kept the basis inverse).
run="$PV robust $C --samples 1200 --format json"
script -qfc "$run > $T/tty.json" /dev/null > "$T/tty.txt" 2>&1
grep -q "partnerval: robusthet: urval [0-9]*/1200" "$T/tty.txt" && pass "robust: progress on a terminal" ||
  failm "robust: no progress on a terminal: $(head -c 200 "$T/tty.txt")"
script -qfc "$run --quiet > $T/quiet.json" /dev/null > "$T/quiet.txt" 2>&1
grep -q "partnerval:" "$T/quiet.txt" && failm "robust --quiet printed: $(head -c 200 "$T/quiet.txt")" ||
  pass "robust --quiet: no progress"
$run > "$T/plain.json" 2> "$T/plain.err"
[ -s "$T/plain.err" ] && failm "progress written to a file: $(head -c 200 "$T/plain.err")" ||
  pass "no progress when standard error is not a terminal"
cmp -s "$T/tty.json" "$T/plain.json" && cmp -s "$T/quiet.json" "$T/plain.json" &&
  pass "the report is the same with and without progress" || failm "reports differ"
# Over a second on a fast machine: about 5 s here (70 projects took 0.9 s
# once the re-solves ran the main solve, 100 x 30 x 3 1.0 s once small_bb
# split its search by the number of projects, 160 x 40 x 4 0.9 s once its LP
# kept the basis inverse, 200 x 50 x 4 0.9 s once sensitivity found its
# edges by crossings: each missed the 1 s threshold).
python3 "$ROOT/tests/gen/gen_select.py" "$T/s" 240 60 4 1 >/dev/null || failm "generate"
script -qfc "$PV sensitivity $T/s/case.json --lang en > /dev/null" /dev/null > "$T/sens.txt" 2>&1
grep -q "partnerval: sensitivity: criterion [0-9]*/" "$T/sens.txt" && pass "sensitivity: progress (en)" ||
  failm "sensitivity: no progress: $(head -c 200 "$T/sens.txt")"
"$PV" check "$C" --quiet >/dev/null 2>&1; "$PV" rank "$C" --quiet > /dev/null 2>&1 &&
  failm "rank accepts --quiet (no long work to quiet)" || pass "--quiet only where it applies"
exit $fail
