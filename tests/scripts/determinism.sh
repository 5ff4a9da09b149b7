#!/bin/sh
# Determinism: every command, in every format, run twice on two examples gives
# byte-identical output; robust also with --threads 1 and --threads 2.
# HTML reports carry a date: --date pins it.
PV=$1
ROOT=${PV_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
d=$(mktemp -d "${TMPDIR:-/tmp}/pvdet.XXXXXX")
trap 'rm -rf "$d"' EXIT
fail=0; n=0
# run NAME ARGS...: runs twice (stdout and stderr and exit code), compares.
run() {
  name=$1; shift
  for i in 1 2; do
    $PV "$@" >"$d/$name.$i.out" 2>"$d/$name.$i.err"; echo $? >"$d/$name.$i.rc"
  done
  n=$((n + 1))
  for k in out err rc; do
    if ! cmp -s "$d/$name.1.$k" "$d/$name.2.$k"; then
      echo "FAIL $name: $k differs between two runs"; fail=1
    fi
  done
  if [ "$(cat "$d/$name.1.rc")" != 0 ] && [ "$(cat "$d/$name.1.rc")" != 3 ]; then
    echo "FAIL $name: exit $(cat "$d/$name.1.rc"): $(head -c 300 "$d/$name.1.err")"; fail=1
  fi
}
for ex in lidkoping tranas; do
  case_=$ROOT/examples/$ex/case.json
  scen=$(ls "$ROOT/examples/$ex/scenarios/"*.json 2>/dev/null)
  run "$ex-check" check "$case_"
  for f in text md csv json html; do
    for l in sv en; do
      o="--format $f --lang $l --date 2026-01-01"
      run "$ex-rank-$f-$l" rank "$case_" $o
      run "$ex-select-$f-$l" select "$case_" $o
      run "$ex-weights-$f-$l" weights "$case_" $o
      if [ -n "$scen" ]; then run "$ex-compare-$f-$l" compare "$case_" $scen $o
      else run "$ex-compare-$f-$l" compare "$case_" --set resources.budget_sek.limit=200000 $o; fi
      run "$ex-sensitivity-$f-$l" sensitivity "$case_" $o
      run "$ex-frontier-$f-$l" frontier "$case_" --resource budget_sek $o
      for t in 1 2; do
        run "$ex-robust-$f-$l-t$t" robust "$case_" --samples 500 --threads $t $o
      done
      if ! cmp -s "$d/$ex-robust-$f-$l-t1.1.out" "$d/$ex-robust-$f-$l-t2.1.out"; then
        # the report states the number of workers; nothing else may differ
        if ! diff "$d/$ex-robust-$f-$l-t1.1.out" "$d/$ex-robust-$f-$l-t2.1.out" | grep '^[<>]' \
             | grep -vqiE 'thread|worker|tråd|process'; then :; else
          echo "FAIL $ex robust $f $l: --threads 1 and 2 differ"; fail=1
          diff "$d/$ex-robust-$f-$l-t1.1.out" "$d/$ex-robust-$f-$l-t2.1.out" | head -5
        fi
      fi
    done
  done
  # export: the MILP files
  for i in 1 2; do $PV export "$case_" --lp "$d/$ex.$i.lp" && $PV export "$case_" --mps "$d/$ex.$i.mps"; done
  cmp -s "$d/$ex.1.lp" "$d/$ex.2.lp" && cmp -s "$d/$ex.1.mps" "$d/$ex.2.mps" || { echo "FAIL $ex export differs"; fail=1; }
done
# A sample the time limit cuts is the one place where robust's output may
# depend on the machine and on --threads: it must be counted ("unproven")
# and said in the report. The benchmark family's eight-resource structure
# at 300 projects needs more than a minute per sample (the base structure
# at 200 projects, used before, is proven within 0.2 s since the core
# rounds run on small_bb); 0.2 s cuts them on any machine.
python3 "$ROOT/tests/bench/gen_family.py" "$d/hard" 300 40 8 1 tl=0.2 >/dev/null
$PV robust "$d/hard/case.json" --samples 8 --format json -o "$d/hard.json" &&
$PV robust "$d/hard/case.json" --samples 8 --format text -o "$d/hard.txt"
u=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["unproven"])' "$d/hard.json" 2>/dev/null)
n=$((n + 1))
if [ -z "$u" ] || [ "$u" -lt 1 ] || [ "$u" -gt 8 ]; then
  echo "FAIL robust with a 0.2 s limit: unproven = '${u}', expected 1..8"; fail=1
elif ! grep -q "^[1-8] of the samples reached the time limit" "$d/hard.txt"; then
  echo "FAIL robust with a 0.2 s limit: the text report does not say how many samples were cut"; fail=1
fi
# sensitivity likewise: "exact": false and the sentence when a solve was cut
# (120 projects of the base structure, 0.02 s per solve).
python3 "$ROOT/tests/bench/gen_family.py" "$d/sens" 120 40 4 2 tl=0.02 >/dev/null
$PV sensitivity "$d/sens/case.json" --format json -o "$d/sens.json" &&
$PV sensitivity "$d/sens/case.json" --format text -o "$d/sens.txt"
n=$((n + 1))
e=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["exact"])' "$d/sens.json" 2>/dev/null)
if [ "$e" != False ]; then
  echo "FAIL sensitivity with a 0.02 s limit: exact = '${e}', expected false"; fail=1
elif ! grep -q "^Not every solve was proven optimal (the time limit ended some)" "$d/sens.txt"; then
  echo "FAIL sensitivity with a 0.02 s limit: the text report does not say that solves were cut"; fail=1
fi
echo "determinism: $n commands run twice"
exit $fail
