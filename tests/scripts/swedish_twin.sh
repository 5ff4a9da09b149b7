#!/bin/sh
# swedish_twin.sh PARTNERVAL — the Swedish Excel twin of a case (BOM, ';',
# CRLF, decimal comma, space/NBSP/U+202F thousands separators) must give a
# byte-identical `rank --format json` to its comma original. Checks
# tests/data/mini and every examples/*/case.json that exists.
PV=${1:?usage: swedish_twin.sh PARTNERVAL}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT="$ROOT/tests/out/swedish_twin"
rm -rf "$OUT"; mkdir -p "$OUT"
fails=0; n=0
for c in "$ROOT"/tests/data/mini/case.json "$ROOT"/examples/*/case.json; do
  [ -f "$c" ] || continue
  grep -q '\.xlsx' "$c" && continue # a workbook case: tests/scripts/xlsx.sh
  n=$((n+1))
  name=$(basename "$(dirname "$c")")
  dir="$OUT/$name"
  if ! twin=$(python3 "$ROOT/tests/tools/swedify.py" --case "$c" "$dir" 2>"$dir.swedify.err"); then
    echo "FAIL $name: swedify: $(head -c 300 "$dir.swedify.err")"; fails=$((fails+1)); continue
  fi
  "$PV" rank --format json "$c" >"$dir.comma.json" 2>"$dir.comma.err"; a=$?
  "$PV" rank --format json "$twin" >"$dir.sv.json" 2>"$dir.sv.err"; b=$?
  if [ "$a" != 0 ]; then
    echo "FAIL $name: the comma original exits $a: $(head -c 300 "$dir.comma.err")"; fails=$((fails+1))
  elif [ "$b" != 0 ]; then
    echo "FAIL $name: the Swedish twin exits $b: $(head -c 300 "$dir.sv.err")"; fails=$((fails+1))
  elif ! cmp -s "$dir.comma.json" "$dir.sv.json"; then
    echo "FAIL $name: JSON rankings differ: diff $dir.comma.json $dir.sv.json"
    diff "$dir.comma.json" "$dir.sv.json" | head -6; fails=$((fails+1))
  elif ! grep -q ';' "$dir/projects.sv.csv" || ! head -c 3 "$dir/projects.sv.csv" | grep -q "$(printf '\357\273\277')"; then
    echo "FAIL $name: the twin is not in the Swedish dialect"; fails=$((fails+1))
  else
    echo "PASS $name ($(grep -c '"id"' "$dir.comma.json") projects)"
  fi
done
[ "$n" -gt 0 ] || { echo "FAIL no cases found"; exit 1; }
[ "$fails" -eq 0 ]
