#!/bin/sh
# Runs every test and ends with "N passed, N failed".
#   tests/run.sh BUILD_DIR UNIT_BIN...
# Kinds of tests:
#   - unit tests (cmocka executables given as arguments);
#   - folder-per-case CLI tests in tests/cli/*/ and tests/bad/*/: each folder has
#     `cmd` (one shell line, run in that folder, with $PV the partnerval binary),
#     and optionally `exit` (expected exit code, default 0), `stdout` (expected
#     standard output, byte for byte) and `stderr` (a substring expected in
#     standard error). A failed run must never leave the file named in `nofile`;
#   - scripts in tests/scripts/*.sh, called with the binary's absolute path.
# Environment (for make valgrind / make coverage): PV_BIN the binary (default
# ./partnerval), PV_WRAP a command put before it in the folder tests (e.g.
# valgrind), PV_TEST_OUT the log folder, PV_NO_SCRIPTS=1 skips the scripts.
BUILD=$1; shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PV="${PV_BIN:-$ROOT/partnerval}"
OUT="${PV_TEST_OUT:-$ROOT/tests/out}"
rm -rf "$OUT"; mkdir -p "$OUT"
pass=0; fail=0
ok()   { pass=$((pass+1)); [ -n "$VERBOSE" ] && echo "PASS $1"; return 0; }
bad()  { fail=$((fail+1)); echo "FAIL $1${2:+: $2}"; }

for t in "$@"; do
  name=$(basename "$t")
  if "$t" >"$OUT/$name.log" 2>&1; then ok "unit/$name"; else bad "unit/$name" "see tests/out/$name.log"; cat "$OUT/$name.log" | tail -20; fi
done

for d in "$ROOT"/tests/cli/*/ "$ROOT"/tests/bad/*/; do
  [ -f "$d/cmd" ] || continue
  name=$(basename "$(dirname "$d")")/$(basename "$d")
  want_exit=0; [ -f "$d/exit" ] && want_exit=$(cat "$d/exit")
  log="$OUT/$(echo "$name" | tr '/' '_')"
  (cd "$d" && PV="${PV_WRAP:+$PV_WRAP }$PV" sh ./cmd >"$log.out" 2>"$log.err" </dev/null); got=$?
  why=""
  [ "$got" = "$want_exit" ] || why="exit $got, want $want_exit"
  if [ -z "$why" ] && [ -f "$d/stdout" ] && ! cmp -s "$d/stdout" "$log.out"; then
    why="stdout differs: diff $d/stdout $log.out"
  fi
  if [ -z "$why" ] && [ -f "$d/stderr" ] && ! grep -qF -- "$(cat "$d/stderr")" "$log.err"; then
    why="stderr lacks '$(cat "$d/stderr")': $(head -c 300 "$log.err")"
  fi
  if [ -z "$why" ] && [ -f "$d/nofile" ] && [ -e "$d/$(cat "$d/nofile")" ]; then
    why="left a file behind: $(cat "$d/nofile")"; rm -f "$d/$(cat "$d/nofile")"
  fi
  if [ -z "$why" ]; then ok "$name"; else bad "$name" "$why"; fi
done

for s in "$ROOT"/tests/scripts/*.sh; do
  [ -f "$s" ] && [ -z "$PV_NO_SCRIPTS" ] || continue
  name=scripts/$(basename "$s" .sh)
  if sh "$s" "$PV" >"$OUT/$(basename "$s").log" 2>&1; then ok "$name"
  else bad "$name" "see tests/out/$(basename "$s").log"; grep -E "^FAIL" "$OUT/$(basename "$s").log" | head -10; fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
