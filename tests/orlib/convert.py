#!/usr/bin/env python3
"""Turns the OR-Library mknap1/mknap2 problems into partnerval cases.

Each item becomes a project with one criterion column `profit` and one
resource column per knapsack constraint (r1..rm); the model has one linear
criterion, worst 0 and best the largest profit, so score = 100 * p / max p and
the best portfolio is the best knapsack filling. Python 3 standard library.

usage: convert.py OUTDIR [DATADIR]   (DATADIR defaults to ./data beside this file)
       convert.py --cb MKNAPCB_FILE OUTDIR NAME   (first Chu-Beasley problem, for the benchmark)
"""
import json
import os
import re
import sys


def numbers(text):
    return [float(t) if "." in t else int(t) for t in text.split()]


def parse_mknap1(path):
    nums = open(path).read().split()
    pos = 0

    def take():
        nonlocal pos
        pos += 1
        return nums[pos - 1]

    probs = []
    for k in range(int(take())):
        n, m, opt = int(take()), int(take()), take()
        p = [take() for _ in range(n)]
        r = [[take() for _ in range(n)] for _ in range(m)]
        b = [take() for _ in range(m)]
        probs.append(("mknap1-%d" % (k + 1), p, r, b, opt))
    assert pos == len(nums), "leftover numbers in mknap1"
    return probs


def parse_mknap2(path):
    text = open(path).read()
    parts = re.split(r"problem\s+(\S+)\.DAT", text)
    probs = []
    for i in range(1, len(parts), 2):
        name = parts[i]
        nums = re.sub(r"\++", " ", parts[i + 1]).split()
        m, n = int(nums[0]), int(nums[1])
        rest = nums[2:]
        p = rest[:n]
        b = rest[n:n + m]
        r = [rest[n + m + i2 * n:n + m + (i2 + 1) * n] for i2 in range(m)]
        opt = rest[n + m + m * n]
        assert len(rest) == n + m + m * n + 1, name
        probs.append((name, p, r, b, opt))
    assert len(probs) == 48
    return probs


def write_case(outdir, name, p, r, b, opt):
    d = os.path.join(outdir, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "optimum.txt"), "w") as f:
        f.write(opt + "\n")
    m = len(r)
    with open(os.path.join(d, "projects.csv"), "w") as f:
        f.write("id,name,profit," + ",".join("r%d" % (i + 1) for i in range(m)) + "\n")
        for j in range(len(p)):
            f.write("i%d,item %d,%s,%s\n" % (j + 1, j + 1, p[j], ",".join(r[i][j] for i in range(m))))
    maxp = max(float(x) for x in p)
    model = {
        "name": "OR-Library " + name,
        "source": "J.E. Beasley, OR-Library (mknap1/mknap2)",
        "language": "en",
        "criteria": {"profit": {"weight": 1, "column": "profit",
                                "value": {"type": "linear", "worst": 0, "best": maxp}}},
    }
    with open(os.path.join(d, "model.json"), "w") as f:
        json.dump(model, f, indent=1)
    case = {
        "name": name,
        "model": "model.json",
        "data": {"projects": "projects.csv"},
        "resources": {"r%d" % (i + 1): {"column": "r%d" % (i + 1), "limit": float(b[i])}
                      for i in range(m)},
        "solver": {"time_limit_s": 120, "mip_gap": 0},
    }
    with open(os.path.join(d, "case.json"), "w") as f:
        json.dump(case, f, indent=1)


def parse_mknapcb_first(path):
    """The first problem of a Chu-Beasley file (same layout as mknap1)."""
    nums = open(path).read().split()
    n, m = int(nums[1]), int(nums[2])
    pos = 4
    p = nums[pos:pos + n]
    pos += n
    r = [nums[pos + i * n:pos + (i + 1) * n] for i in range(m)]
    pos += m * n
    b = nums[pos:pos + m]
    return p, r, b


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if sys.argv[1] == "--cb":
        # convert.py --cb MKNAPCB_FILE OUTDIR NAME: first problem only (benchmark)
        p, r, b = parse_mknapcb_first(sys.argv[2])
        write_case(sys.argv[3], sys.argv[4], p, r, b, "0")
        return
    out = sys.argv[1]
    data = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    probs = parse_mknap1(os.path.join(data, "mknap1.txt")) + parse_mknap2(os.path.join(data, "mknap2.txt"))
    for name, p, r, b, opt in probs:
        write_case(out, name, p, r, b, opt)
    print(len(probs))


if __name__ == "__main__":
    main()
