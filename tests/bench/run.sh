#!/bin/sh
# `make bench`: figures measured on this machine, with the peers measured in
# the same run. Not a timed test: nothing here fails on a slow machine.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/partnerval
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3 # Debian's, with scipy/pandas/PuLP
echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"

echo
echo "== rank (issue 2): 100,000 projects x 6 criteria, CSV to JSON ranking"
$py "$root/tests/bench/gen_rank.py" "$tmp/r100k" 100000
for i in 1 2 3; do
  /usr/bin/time -f "run $i: %e s wall, %M KB peak RSS" "$bin" rank "$tmp/r100k/case.json" \
    --format json -o "$tmp/r100k/out.json" 2>&1 | tail -1
done

echo
sh "$root/tests/bench/select_bench.sh" "$bin" "${CB_SECONDS:-10}"

echo
echo "== robust (issue 4)"
lk="$root/examples/lidkoping/case.json"
for t in 1 2; do
  /usr/bin/time -f "Lidköping, 10,000 samples, --threads $t: %e s wall" \
    "$bin" robust "$lk" --samples 10000 --threads $t --format json -o "$tmp/rb$t.json" 2>&1 | tail -1
done
cmp -s "$tmp/rb1.json" "$tmp/rb2.json" && echo "output identical for --threads 1 and 2" \
  || echo "OUTPUT DIFFERS between --threads 1 and 2"
grep -o '"half_width": [0-9.]*' "$tmp/rb1.json" | sed 's/^/achieved 95 % /'
$py "$root/tests/bench/gen_case.py" "$tmp/g200" 200 40 4 7
n=${ROBUST_SAMPLES:-400}
s0=$(date +%s.%N)
"$bin" robust "$tmp/g200/case.json" --samples "$n" --threads 2 --format json -o "$tmp/g200.json"
s1=$(date +%s.%N)
pv=$(echo "($s1 - $s0) / $n" | bc -l)
printf "generated 200 projects x 40 partners x 4 resources: partnerval %.2f ms/sample (%d samples, 2 threads)\n" \
  "$(echo "$pv * 1000" | bc -l)" "$n"
if $py -c "import scipy.optimize, numpy" 2>/dev/null; then
  peer=$($py "$root/tests/bench/robust_peer.py" "$tmp/g200" "${PEER_SAMPLES:-40}")
  printf "peer (Python loop, SciPy %s HiGHS milp): %.2f ms/sample (%s samples)\n" \
    "$($py -c 'import scipy; print(scipy.__version__)')" "$(echo "$peer * 1000" | bc -l)" "${PEER_SAMPLES:-40}"
  printf "speed-up: %.1fx\n" "$(echo "$peer / $pv" | bc -l)"
else
  echo "peer skipped: SciPy is not installed (make bench-deps installs python3-scipy)"
fi

echo
echo "== serve (issue 14): a slider move, p95 over 200 moves (targets: < 50 ms Lidköping, < 250 ms generated)"
$py "$root/tests/bench/serve_bench.py" "$bin" "$root/examples/lidkoping/case.json" "Lidköping"
$py "$root/tests/bench/gen_case.py" "$tmp/g120" 120 40 4 7
$py "$root/tests/bench/serve_bench.py" "$bin" "$tmp/g120/case.json" "generated 120 projects x 40 partners x 4 resources"
