#!/bin/sh
# Runs every test, prints one line per suite as it finishes, and ends with
# "N passed, N failed".
#   tests/run.sh BUILD_DIR UNIT_BIN...
# Suites:
#   - unit: the cmocka executables given as arguments;
#   - cli, bad: folder-per-case CLI tests in tests/cli/*/ and tests/bad/*/: each
#     folder has `cmd` (one shell line, with $PV the partnerval binary), and
#     optionally `exit` (expected exit code, default 0), `stdout` (expected
#     standard output, byte for byte) and `stderr` (a substring expected in
#     standard error). A failed run must never leave the file named in `nofile`.
#     A tests/cli case runs in its own folder. A tests/bad case runs in a fresh
#     temporary folder: tests/bad/_base/ (a valid case), then the files the
#     case folder holds besides those above, laid over it; `absent` lists base
#     files the case must not have (one per line). So a bad case stores only
#     what it breaks (tests/bad/make_cases.py writes them);
#   - scripts: tests/scripts/*.sh, called with the binary's absolute path.
# Environment (for make valgrind / make coverage): PV_BIN the binary (default
# ./partnerval), PV_WRAP a command put before it in the folder tests (e.g.
# valgrind), PV_TEST_OUT the log folder, PV_NO_SCRIPTS=1 skips the scripts,
# VERBOSE=1 prints every passing test too.
BUILD=$1; shift
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PV="${PV_BIN:-$ROOT/partnerval}"
OUT="${PV_TEST_OUT:-$ROOT/tests/out}"
BASE="$ROOT/tests/bad/_base"
rm -rf "$OUT"; mkdir -p "$OUT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pvbad.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM
pass=0; fail=0; spass=0; sfail=0
ok()   { spass=$((spass+1)); [ -n "$VERBOSE" ] && echo "PASS $1"; return 0; }
bad()  { sfail=$((sfail+1)); echo "FAIL $1${2:+: $2}"; }
suite_done() { # NAME: one line for the suite just run
  [ $((spass + sfail)) -gt 0 ] && echo "$1: $spass passed, $sfail failed"
  pass=$((pass+spass)); fail=$((fail+sfail)); spass=0; sfail=0
}

# stage CASE_DIR: fills $WORK/case with the base case and the case's own files.
stage() {
  rm -rf "$WORK/case"; mkdir "$WORK/case" || return 1
  cp -RP "$BASE"/. "$WORK/case"/ || return 1
  if [ -f "$1/absent" ]; then
    while IFS= read -r f; do [ -n "$f" ] && rm -rf "$WORK/case/$f"; done <"$1/absent"
  fi
  for f in "$1"/* "$1"/.[!.]*; do
    [ -e "$f" ] || [ -L "$f" ] || continue
    case ${f##*/} in cmd|exit|stdout|stderr|nofile|absent) continue ;; esac
    rm -rf "$WORK/case/${f##*/}"; cp -RP "$f" "$WORK/case"/ || return 1
  done
}

# folder SUITE DIR: runs one folder test, in DIR (cli) or a staged copy (bad).
folder() {
  d=${2%/}; name=$1/$(basename "$d")
  want_exit=0; [ -f "$d/exit" ] && want_exit=$(cat "$d/exit")
  log="$OUT/$1_$(basename "$d")"
  run=$d
  if [ "$1" = bad ]; then
    stage "$d" || { bad "$name" "cannot stage the case in $WORK"; return; }
    run=$WORK/case
  fi
  (cd "$run" && PV="${PV_WRAP:+$PV_WRAP }$PV" sh "$d/cmd" >"$log.out" 2>"$log.err" </dev/null); got=$?
  why=""
  [ "$got" = "$want_exit" ] || why="exit $got, want $want_exit"
  if [ -z "$why" ] && [ -f "$d/stdout" ] && ! cmp -s "$d/stdout" "$log.out"; then
    why="stdout differs: diff $d/stdout $log.out"
  fi
  if [ -z "$why" ] && [ -f "$d/stderr" ] && ! grep -qF -- "$(cat "$d/stderr")" "$log.err"; then
    why="stderr lacks '$(cat "$d/stderr")': $(head -c 300 "$log.err")"
  fi
  if [ -z "$why" ] && [ -f "$d/nofile" ] && [ -e "$run/$(cat "$d/nofile")" ]; then
    why="left a file behind: $(cat "$d/nofile")"; rm -f "$run/$(cat "$d/nofile")"
  fi
  if [ -z "$why" ]; then ok "$name"; else bad "$name" "$why"; fi
}

# A bad case holds no copy of a base file: it would hide what the case breaks.
layout() {
  dup=""
  for d in "$ROOT"/tests/bad/*/; do
    [ -f "$d/cmd" ] || continue
    for f in "$BASE"/*; do
      g=$d${f##*/}
      [ -f "$g" ] && [ ! -L "$g" ] && cmp -s "$f" "$g" && dup="$dup ${g#"$ROOT"/}"
    done
  done
  if [ -z "$dup" ]; then ok bad/_layout; else bad bad/_layout "copies of tests/bad/_base:$dup"; fi
}

for t in "$@"; do
  name=$(basename "$t")
  if "$t" >"$OUT/$name.log" 2>&1; then ok "unit/$name"; else bad "unit/$name" "see tests/out/$name.log"; tail -20 "$OUT/$name.log"; fi
done
suite_done unit

for d in "$ROOT"/tests/cli/*/; do [ -f "$d/cmd" ] && folder cli "$d"; done
suite_done cli

layout
for d in "$ROOT"/tests/bad/*/; do [ -f "$d/cmd" ] && folder bad "$d"; done
suite_done bad

for s in "$ROOT"/tests/scripts/*.sh; do
  [ -f "$s" ] && [ -z "$PV_NO_SCRIPTS" ] || continue
  name=scripts/$(basename "$s" .sh)
  if sh "$s" "$PV" >"$OUT/$(basename "$s").log" 2>&1; then ok "$name"
  else bad "$name" "see tests/out/$(basename "$s").log"; grep -E "^FAIL" "$OUT/$(basename "$s").log" | head -10; fi
done
suite_done scripts

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
