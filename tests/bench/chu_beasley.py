#!/usr/bin/env python3
"""The quality benchmark (issue 18, item 5): all 270 Chu-Beasley problems
(OR-Library mknapcb1..9, 30 each), each solved at the same time limit by
partnerval, by glpsol on the LP partnerval exports and by CBC on the MPS it
exports. Prints per file and overall the mean gap to the best known value
and how often partnerval is best, equal or worse than each peer. Figures,
not a test; it takes 3 x 270 x SECONDS plus overhead (1 s: about 15 min).

usage: chu_beasley.py PARTNERVAL SECONDS [ORLIB_DIR] [--files 1,2] [--problems N]
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

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
    subprocess.run(["cbc", os.path.join(d, "m.mps"), "-max", "-sec", str(tl), "-threads", "1",
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


def main():
    args = [a for a in sys.argv[1:]]
    opts = {}
    for key in ("--files", "--problems"):
        if key in args:
            i = args.index(key)
            opts[key] = args[i + 1]
            del args[i:i + 2]
    binary, tl = os.path.abspath(args[0]), float(args[1])
    orlib = args[2] if len(args) > 2 else os.path.join(HERE, "..", "..", "..", "shared", "benchmarks",
                                                        "orlib-mknap")
    files = [int(x) for x in opts.get("--files", "1,2,3,4,5,6,7,8,9").split(",")]
    per_file = int(opts.get("--problems", "30"))
    best = {(r["file"], int(r["index_in_file"])): int(r["best_known_mkp_thesis"])
            for r in csv.DictReader(open(os.path.join(orlib, "mknapcb-best-known.csv")))}
    have_cbc = shutil.which("cbc") is not None
    tmp = tempfile.mkdtemp(prefix="pv-cb-")
    rows = []
    tls = "%g" % tl
    print("Chu-Beasley at %s s each: gap to the best known value, %%" % tls)
    print("%-10s %9s %9s %9s" % ("file", "partnerval", "glpsol", "cbc"))
    try:
        for fi in files:
            fname = "mknapcb%d.txt" % fi
            frows = []
            for k, p, r, b in problems(os.path.join(orlib, fname)):
                if k >= per_file:
                    break
                d = os.path.join(tmp, "cb%d-%d" % (fi, k))
                write_case(d, "cb%d-%d" % (fi, k), p, r, b, tl)
                profit = [int(x) for x in p]
                case = os.path.join(d, "case.json")
                subprocess.run([binary, "export", case, "--lp", os.path.join(d, "m.lp")], check=True)
                subprocess.run([binary, "export", case, "--mps", os.path.join(d, "m.mps")], check=True)
                bk = best[(fname, k)]
                res = [pv_profit(binary, d, tls, profit), glpsol_profit(d, tls, profit),
                       cbc_profit(d, tls, profit) if have_cbc else None]
                frows.append((bk, res))
                shutil.rmtree(d, ignore_errors=True)
            rows += frows
            gaps = [[100.0 * (bk - v) / bk for bk, res in frows for v in [res[i]] if v is not None]
                    for i in range(3)]
            print("%-10s %9s %9s %9s" % (fname, *["%.3f" % (sum(g) / len(g)) if g else "-" for g in gaps]),
                  flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    gaps = [[100.0 * (bk - v) / bk for bk, res in rows for v in [res[i]] if v is not None] for i in range(3)]
    print("%-10s %9s %9s %9s   (%d problems)" % ("mean", *["%.3f" % (sum(g) / len(g)) if g else "-"
                                                        for g in gaps], len(rows)))
    for i, peer in ((1, "glpsol"), (2, "cbc")):
        pairs = [(res[0], res[i]) for _, res in rows if res[0] is not None and res[i] is not None]
        if pairs:
            print("partnerval vs %s at equal time: better %d, equal %d, worse %d" % (
                peer, sum(a > b for a, b in pairs), sum(a == b for a, b in pairs), sum(a < b for a, b in pairs)))


if __name__ == "__main__":
    main()
