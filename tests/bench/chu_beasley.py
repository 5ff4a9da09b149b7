#!/usr/bin/env python3
"""The quality benchmark (issue 18, item 5): all 270 Chu-Beasley problems
(OR-Library mknapcb1..9, 30 each), each solved at the same time limit by
partnerval, by glpsol on the LP partnerval exports and by CBC on the MPS it
exports. Prints per file and overall the mean gap to the best known value,
how often partnerval is better, equal or worse than each peer, and how
often it is best (above both), equal to the best peer, or worse than it.
Figures, not a test.

usage: chu_beasley.py PARTNERVAL SECONDS[,SECONDS...] [ORLIB_DIR] [--files 1,2]
                      [--problems N] [--jobs J]

SECONDS: one or more time limits (1,5,10), each run over the same problems.
--problems N: the first N problems of each file (30 each; all 270 by default).
--jobs J: J problems at a time (2 on this 2-core machine); every solver is
single-threaded (CBC -threads 1; glpsol and partnerval are) and each gets
the same wall time (CBC -timeMode elapsed). Machine time: about
3 x problems x SECONDS / J plus overhead (all 270 at 1 s, 2 jobs: ~8 min).
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))


def problems(path):
    nums = open(path).read().split()
    pos = 1
    for k in range(int(nums[0])):
        n, m = int(nums[pos]), int(nums[pos + 1])
        pos += 3
        p = nums[pos:pos + n]
        pos += n
        r = [nums[pos + i * n:pos + (i + 1) * n] for i in range(m)]
        pos += m * n
        b = nums[pos:pos + m]
        pos += m
        yield k, p, r, b


def write_case(d, name, p, r, b, tl):
    os.makedirs(d, exist_ok=True)
    m = len(r)
    with open(os.path.join(d, "projects.csv"), "w") as f:
        f.write("id,name,profit," + ",".join("r%d" % (i + 1) for i in range(m)) + "\n")
        for j in range(len(p)):
            f.write("i%d,item %d,%s,%s\n" % (j + 1, j + 1, p[j], ",".join(r[i][j] for i in range(m))))
    maxp = max(float(x) for x in p)
    case = {"name": name, "data": {"projects": "projects.csv"},
            "model": {"name": "OR-Library " + name, "language": "en",
                      "criteria": {"profit": {"weight": 1, "column": "profit",
                                              "value": {"type": "linear", "worst": 0, "best": maxp}}}},
            "resources": {"r%d" % (i + 1): {"column": "r%d" % (i + 1), "limit": float(b[i])}
                          for i in range(m)},
            "solver": {"time_limit_s": tl, "mip_gap": 0}}
    with open(os.path.join(d, "case.json"), "w") as f:
        json.dump(case, f)


def pv_profit(binary, d, tl, profit):
    out = subprocess.run([binary, "select", os.path.join(d, "case.json"), "--no-why", "--format", "json",
                          "--time-limit", str(tl)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        r = json.loads(out.stdout)
    except ValueError:
        return None
    return sum(profit[int(i[1:]) - 1] for i in r["selected_projects"])


def glpsol_profit(d, tl, profit):
    w = os.path.join(d, "g.sol")
    subprocess.run(["glpsol", "--lp", os.path.join(d, "m.lp"), "--tmlim", str(tl), "-w", w],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not os.path.exists(w):
        return None
    s = 0
    for line in open(w):
        f = line.split()
        if f and f[0] == "j" and int(f[1]) <= len(profit) and float(f[2]) > 0.5:
            s += profit[int(f[1]) - 1]
    return s


def cbc_profit(d, tl, profit):
    sol = os.path.join(d, "c.sol")
    subprocess.run(["cbc", os.path.join(d, "m.mps"), "-max", "-timeMode", "elapsed", "-sec", str(tl),
                    "-threads", "1",
                    "-solve", "-solu", sol], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not os.path.exists(sol):
        return None
    s = 0
    for line in open(sol):
        f = line.split()
        # "  index name value reduced-cost"; an infeasible mark '**' may lead
        if f and f[0] == "**":
            f = f[1:]
        if len(f) >= 3 and f[1].startswith("x_i") and float(f[2]) > 0.5:
            s += profit[int(f[1][3:]) - 1]
    return s


def solve_one(binary, tmp, fi, k, p, r, b, tls, bk, have_cbc):
    """One problem at one time limit: (best known, [partnerval, glpsol, cbc])."""
    d = os.path.join(tmp, "cb%d-%d-%s" % (fi, k, tls))
    write_case(d, "cb%d-%d" % (fi, k), p, r, b, float(tls))
    profit = [int(x) for x in p]
    case = os.path.join(d, "case.json")
    subprocess.run([binary, "export", case, "--lp", os.path.join(d, "m.lp")], check=True)
    subprocess.run([binary, "export", case, "--mps", os.path.join(d, "m.mps")], check=True)
    res = [pv_profit(binary, d, tls, profit), glpsol_profit(d, tls, profit),
           cbc_profit(d, tls, profit) if have_cbc else None]
    shutil.rmtree(d, ignore_errors=True)
    return bk, res


def mean_gaps(rows):
    gaps = [[100.0 * (bk - v) / bk for bk, res in rows for v in [res[i]] if v is not None]
            for i in range(3)]
    return ["%.3f" % (sum(g) / len(g)) if g else "-" for g in gaps]


def summary(rows):
    print("%-10s %10s %9s %9s   (%d problems)" % ("mean", *mean_gaps(rows), len(rows)))
    for i, peer in ((1, "glpsol"), (2, "cbc")):
        pairs = [(res[0], res[i]) for _, res in rows if res[0] is not None and res[i] is not None]
        if pairs:
            print("partnerval vs %s at equal time: better %d, equal %d, worse %d" % (
                peer, sum(a > b for a, b in pairs), sum(a == b for a, b in pairs),
                sum(a < b for a, b in pairs)))
    # against the better of the peers on each problem
    trip = [(res[0], max(v for v in res[1:] if v is not None)) for _, res in rows
            if res[0] is not None and any(v is not None for v in res[1:])]
    if trip:
        print("partnerval among all three: best %d, equal to the best peer %d, worse %d" % (
            sum(a > b for a, b in trip), sum(a == b for a, b in trip), sum(a < b for a, b in trip)))
    fails = sum(res[0] is None for _, res in rows)
    if fails:
        print("partnerval gave no answer on %d problems" % fails)


def main():
    args = [a for a in sys.argv[1:]]
    opts = {}
    for key in ("--files", "--problems", "--jobs"):
        if key in args:
            i = args.index(key)
            opts[key] = args[i + 1]
            del args[i:i + 2]
    binary = os.path.abspath(args[0])
    limits = ["%g" % float(x) for x in args[1].split(",")]
    orlib = args[2] if len(args) > 2 else os.path.join(HERE, "..", "..", "..", "shared", "benchmarks",
                                                        "orlib-mknap")
    files = [int(x) for x in opts.get("--files", "1,2,3,4,5,6,7,8,9").split(",")]
    per_file = int(opts.get("--problems", "30"))
    jobs = max(1, int(opts.get("--jobs", "1")))
    best = {(r["file"], int(r["index_in_file"])): int(r["best_known_mkp_thesis"])
            for r in csv.DictReader(open(os.path.join(orlib, "mknapcb-best-known.csv")))}
    have_cbc = shutil.which("cbc") is not None
    probs = []
    for fi in files:
        fname = "mknapcb%d.txt" % fi
        for k, p, r, b in problems(os.path.join(orlib, fname)):
            if k >= per_file:
                break
            probs.append((fi, k, p, r, b, best[(fname, k)]))
    tmp = tempfile.mkdtemp(prefix="pv-cb-")
    try:
        for tls in limits:
            print("Chu-Beasley at %s s each, %d problems, %d at a time: gap to the best known value, %%"
                  % (tls, len(probs), jobs))
            print("%-10s %10s %9s %9s" % ("file", "partnerval", "glpsol", "cbc"))
            with ThreadPoolExecutor(max_workers=jobs) as ex:
                futs = [(q[0], ex.submit(solve_one, binary, tmp, q[0], q[1], q[2], q[3], q[4], tls, q[5],
                                         have_cbc)) for q in probs]
                rows = []
                for fi in files:
                    frows = [f.result() for f2, f in futs if f2 == fi]
                    rows += frows
                    if frows:
                        print("%-10s %10s %9s %9s" % ("mknapcb%d" % fi, *mean_gaps(frows)), flush=True)
            summary(rows)
            print(flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
