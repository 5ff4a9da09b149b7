#!/bin/sh
# `make bench`: figures measured on this machine, with the peers measured in
# the same run. Not a timed test: nothing here fails on a slow machine.
#
#   BENCH_QUICK=1     a few minutes: the family at 120 projects only, rank at
#                     100k, fewer robust samples, no 1M rows, Chu-Beasley skipped
#   BENCH_CB=SECONDS  also the Chu-Beasley problems at that time limit, or at
#                     each of a list (BENCH_CB=1,5,10), against glpsol and CBC
#                     at equal wall time (3 x problems x SECONDS / jobs)
#   BENCH_CB_PROBLEMS=N  only the first N problems of each file (default 30: all 270)
#   BENCH_CB_JOBS=J   J problems at a time, each solver single-threaded (default 2)
#   CB_SECONDS=S      the time limit of the nine first problems (default 10)
#
# Times are CPU times (user + system) unless stated: the machine may be
# shared, and then wall time measures the neighbours as much as the program.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/partnerval
quick=${BENCH_QUICK:-0}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3 # Debian's, with scipy/pandas/PuLP
echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d), load $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$quick" = 1 ] && echo "(BENCH_QUICK=1: the short form)"

cpu() { # cpu LABEL CMD...: one run, CPU and wall time and peak RSS
    label=$1; shift
    /usr/bin/time -f "$label: %U s user + %S s system, %e s wall, %M KB peak RSS" "$@" 2>&1 >/dev/null | tail -1
}

echo
echo "== rank (issues 2, 18): 100,000 projects x 6 criteria, CSV to JSON ranking"
$py "$root/tests/bench/gen_rank.py" "$tmp/r100k" 100000
for i in 1 2 3; do
    cpu "partnerval run $i" "$bin" rank "$tmp/r100k/case.json" --format json -o "$tmp/r100k/out.json"
done
if $py -c "import pandas" 2>/dev/null; then
    cpu "pandas peer (tests/bench/rank_peer.py)" $py "$root/tests/bench/rank_peer.py" "$tmp/r100k" "$tmp/r100k/peer.json"
else
    echo "pandas peer skipped: pandas is not installed"
fi
rm -rf "$tmp/r100k"
if [ "$quick" != 1 ]; then
    echo "-- 1,000,000 projects (the documented row limit)"
    $py "$root/tests/bench/gen_rank.py" "$tmp/r1m" 1000000
    for f in json csv md text; do # streamed: the peak is the table and the ranking
        cpu "partnerval, $f" "$bin" rank "$tmp/r1m/case.json" --format $f -o "$tmp/r1m/out.$f"
        rm -f "$tmp/r1m/out.$f"
    done
    rm -rf "$tmp/r1m"
fi

echo
echo "== select: the benchmark family (issue 18), CPU time ratios peer / partnerval"
if [ "$quick" = 1 ]; then
    $py "$root/tests/bench/family.py" "$bin" --quick --seeds 1
else
    $py "$root/tests/bench/family.py" "$bin" --sizes 30,120,500,3000 --seeds 1,2
fi

if [ "$quick" != 1 ]; then
    echo
    sh "$root/tests/bench/select_bench.sh" "$bin" "${CB_SECONDS:-10}"
fi

echo
echo "== robust (issues 4, 18)"
lk="$root/examples/lidkoping/case.json"
for t in 1 2; do
    /usr/bin/time -f "Lidköping, 10,000 samples, --threads $t: %e s wall, %U s user" \
        "$bin" robust "$lk" --samples 10000 --threads $t --format json -o "$tmp/rb$t.json" 2>&1 | tail -1
done
cmp -s "$tmp/rb1.json" "$tmp/rb2.json" && echo "output identical for --threads 1 and 2" \
    || echo "OUTPUT DIFFERS between --threads 1 and 2"
$py "$root/tests/bench/gen_case.py" "$tmp/g200" 200 40 4 7
n=${ROBUST_SAMPLES:-400}
[ "$quick" = 1 ] && n=${ROBUST_SAMPLES:-100}
for t in 1 2; do
    s0=$(date +%s.%N)
    "$bin" robust "$tmp/g200/case.json" --samples "$n" --threads $t --format json -o "$tmp/g200-$t.json"
    s1=$(date +%s.%N)
    pv=$(echo "($s1 - $s0) / $n" | bc -l)
    eval "pv$t=\$pv"
    printf "generated 200 x 40 x 4: partnerval %.2f ms/sample wall (%d samples, --threads %d)\n" \
        "$(echo "$pv * 1000" | bc -l)" "$n" "$t"
done
cmp -s "$tmp/g200-1.json" "$tmp/g200-2.json" && echo "output identical for --threads 1 and 2" \
    || echo "OUTPUT DIFFERS between --threads 1 and 2"
if $py -c "import scipy.optimize, numpy" 2>/dev/null; then
    ps=${PEER_SAMPLES:-40}
    peer=$($py "$root/tests/bench/robust_peer.py" "$tmp/g200" "$ps")
    printf "peer (Python loop, SciPy %s HiGHS milp): %.2f ms/sample wall (%s samples)\n" \
        "$($py -c 'import scipy; print(scipy.__version__)')" "$(echo "$peer * 1000" | bc -l)" "$ps"
    printf "speed-up: %.1fx at --threads 2, %.1fx at --threads 1\n" \
        "$(echo "$peer / $pv2" | bc -l)" "$(echo "$peer / $pv1" | bc -l)"
else
    echo "peer skipped: SciPy is not installed"
fi

if $py -c "import scipy.optimize, pandas" 2>/dev/null; then
    echo "robust on the benchmark family, 200 x 40 x 4 (robust_bench.py):"
    rs=${ROBUST_FAMILY_SAMPLES:-20}
    [ "$quick" = 1 ] && rs=${ROBUST_FAMILY_SAMPLES:-6}
    $py "$root/tests/bench/robust_bench.py" "$bin" "$tmp" "$rs" "${PEER_FAMILY_SAMPLES:-3}"
fi

if [ -n "${BENCH_CB:-}" ]; then
    echo
    echo "== Chu-Beasley at ${BENCH_CB} s (issue 18, item 5)"
    $py "$root/tests/bench/chu_beasley.py" "$bin" "$BENCH_CB" \
        "${ORLIB_DIR:-$root/../shared/benchmarks/orlib-mknap}" \
        --problems "${BENCH_CB_PROBLEMS:-30}" --jobs "${BENCH_CB_JOBS:-2}"
fi

echo
echo "== serve (issue 14): a slider move, p95 over 200 moves (targets: < 50 ms Lidköping, < 250 ms generated)"
$py "$root/tests/bench/serve_bench.py" "$bin" "$root/examples/lidkoping/case.json" "Lidköping"
$py "$root/tests/bench/gen_case.py" "$tmp/g120" 120 40 4 7
$py "$root/tests/bench/serve_bench.py" "$bin" "$tmp/g120/case.json" "generated 120 projects x 40 partners x 4 resources"
