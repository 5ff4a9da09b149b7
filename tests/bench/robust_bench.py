#!/usr/bin/env python3
"""Robustness on the benchmark family (issue 18, item 4): `partnerval robust`
at --threads 1 and 2 against the SciPy HiGHS loop (robust_family.py) on
200 projects x 40 partners x 4 resources cases of different structures
(gen_family.py). Prints per case the milliseconds per sample (wall and CPU)
and the ratios, then the median and the worst ratio; checks that the output
is the same for both thread counts. Figures only: nothing here fails a build.

usage: robust_bench.py BIN WORKDIR SAMPLES PEER_SAMPLES"""
import os
import resource
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import robust_family  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
# The structures of issue 18: projects naming 1-3 partners, a third of the
# partners with fees, limits at 30 % of demand (gen_family.py draws values
# beyond the value functions' ranges), then one change each.
CASES = [
    ("base s1", 1, []),
    ("base s2", 2, []),
    ("correlated", 3, ["corr=1"]),
    ("tight 0.15", 4, ["tight=0.15"]),
    ("loose 0.5", 5, ["tight=0.5"]),
    ("all constraints", 6, ["cons=all"]),
    ("0-5 partners, all fees", 7, ["pp=0-5", "fees=1"]),
]


def run_pv(binary, case, samples, threads, out):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([binary, "robust", case, "--samples", str(samples), "--threads", str(threads),
                    "--format", "json", "-o", out], check=True, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return wall / samples, cpu / samples


def main():
    binary, work, samples, psamples = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    r1s, r2s = [], []
    print("case | pv ms/sample t1 (cpu) | t2 wall | HiGHS ms/sample (cpu) | ratio t1 | ratio t2 | same")
    for name, seed, keys in CASES:
        d = os.path.join(work, "rf%d" % seed)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_family.py"), d, "200", "40", "4",
                        str(seed), "pp=1-3", "fees=0.33", "tight=0.3"] + keys, check=True)
        case = os.path.join(d, "case.json")
        w1, c1 = run_pv(binary, case, samples, 1, os.path.join(d, "t1.json"))
        w2, _ = run_pv(binary, case, samples, 2, os.path.join(d, "t2.json"))
        same = open(os.path.join(d, "t1.json")).read() == open(os.path.join(d, "t2.json")).read()
        pw, pc = robust_family.peer_seconds(case, psamples)
        r1s.append(pc / c1)  # CPU: the machine is shared (README, Benchmarks)
        r2s.append(pw / w2)  # wall: two workers
        print("%s | %.1f (%.1f) | %.1f | %.1f (%.1f) | %.1fx | %.1fx | %s" % (
            name, w1 * 1e3, c1 * 1e3, w2 * 1e3, pw * 1e3, pc * 1e3, r1s[-1], r2s[-1],
            "yes" if same else "NO"))
    print("ratio, median (worst): %.1fx (%.1fx) at --threads 1, %.1fx (%.1fx) at --threads 2" % (
        statistics.median(r1s), min(r1s), statistics.median(r2s), min(r2s)))


if __name__ == "__main__":
    main()
