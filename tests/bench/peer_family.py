#!/usr/bin/env python3
"""The peers of the benchmark family (issue 18): the job of
`partnerval select CASE --no-why --format md -o OUT` on a case made by
gen_family.py, written as an analyst would: pandas reads and scores, then
PuLP + CBC (--solver cbc) or SciPy's HiGHS milp (--solver highs) solves the
same MILP (models/README.md), and a Markdown list is written.
Prints "objective status" on standard output. For the benchmark only.

usage: peer_family.py CASE.json OUT.md --solver cbc|highs [--tl SECONDS]
"""
import json
import os
import shutil
import sys

import numpy as np
import pandas as pd


def scores(P, crit):
    wsum = sum(c["weight"] for c in crit.values())
    s = pd.Series(0.0, index=P.index)
    for c in crit.values():
        v, col = c["value"], P[c["column"]]
        if v["type"] == "linear":
            val = ((col.astype(float) - v["worst"]) / (v["best"] - v["worst"])).clip(0, 1)
        elif v["type"] == "piecewise":
            xs, ys = zip(*v["points"])
            val = pd.Series(np.interp(col.astype(float), xs, ys), index=P.index)
        else:
            val = col.map(v["map"]).astype(float)
        s += 100 * c["weight"] / wsum * val
    return s


def build(case_path):
    """The MILP as rows over the columns x_j (projects) then y_p (named partners)."""
    d = os.path.dirname(os.path.abspath(case_path))
    case = json.load(open(case_path))
    model = json.load(open(os.path.join(d, case["model"])))
    P = pd.read_csv(os.path.join(d, case["data"]["projects"]), dtype={"partners": str, "area": str},
                    keep_default_na=False)
    Q = pd.read_csv(os.path.join(d, case["data"]["partners"]), keep_default_na=False).set_index("id")
    score = scores(P, model["criteria"]).to_numpy()
    excluded = ((P["risk_level"] == "high") & (P["benefit"].astype(float) <= 2)).to_numpy()
    plist = [[x for x in s.split("|") if x] for s in P["partners"]]
    named = sorted({p for lst in plist for p in lst})
    n, m = len(P), len(named)
    col = {pid: n + i for i, pid in enumerate(named)}
    idx = {pid: j for j, pid in enumerate(P["id"])}
    rows = []  # (dict col->coef, lo, hi)
    for j in range(n):
        for p in plist[j]:
            rows.append(({j: 1.0, col[p]: -1.0}, -np.inf, 0.0))
    # an engaged partner is one a selected project needs (models/README.md):
    # with a minimum number of partners, y_p <= the sum of its projects' x
    if any(c["type"] == "min_partners" for c in case.get("constraints", [])):
        for p in named:
            a = {j: -1.0 for j in range(n) if p in plist[j]}
            a[col[p]] = 1.0
            rows.append((a, -np.inf, 0.0))
    for rid, spec in case["resources"].items():
        a = {j: float(v) for j, v in enumerate(P[spec["column"]]) if float(v)}
        for p in named:
            f = float(Q.at[p, spec["partner_column"]])
            if f:
                a[col[p]] = f
        rows.append((a, -np.inf, float(spec["limit"])))
    lo = np.zeros(n + m)
    hi = np.where(excluded, 0.0, 1.0)
    hi = np.concatenate([hi, np.ones(m)])
    for c in case.get("constraints", []):
        t = c["type"]
        if t == "count":
            a = {j: 1.0 for j in range(n) if c["value"] in P.at[j, c["column"]].split("|")}
            rows.append((a, c.get("min", -np.inf), c.get("max", np.inf)))
        elif t == "share":
            use = P[case["resources"][c["resource"]]["column"]].astype(float).to_numpy()
            cat = (P[c["column"]] == c["value"]).to_numpy()
            if "min" in c:
                rows.append(({j: use[j] * (cat[j] - c["min"]) for j in range(n)}, 0.0, np.inf))
            if "max" in c:
                rows.append(({j: use[j] * (cat[j] - c["max"]) for j in range(n)}, -np.inf, 0.0))
        elif t == "requires":
            for q in c["needs"]:
                rows.append(({idx[c["project"]]: 1.0, idx[q]: -1.0}, -np.inf, 0.0))
        elif t == "exclusive":
            rows.append(({idx[q]: 1.0 for q in c["projects"]}, -np.inf, c.get("max", 1)))
        elif t == "force":
            for q in c.get("in", []):
                lo[idx[q]] = 1.0
            for q in c.get("out", []):
                hi[idx[q]] = 0.0
        elif t in ("max_partners", "min_partners"):
            sel = [p for p in named if "column" not in c or
                   c["value"] in str(Q.at[p, c["column"]]).split("|")]
            a = {col[p]: 1.0 for p in sel}
            rows.append((a, c["min"], np.inf) if t == "min_partners" else (a, -np.inf, c["max"]))
    return P, score, rows, lo, hi, n, m


def solve_cbc(score, rows, lo, hi, n, m, tl):
    import pulp
    prob = pulp.LpProblem("portfolio", pulp.LpMaximize)
    v = [pulp.LpVariable("v%d" % i, lowBound=lo[i], upBound=hi[i], cat="Integer") for i in range(n + m)]
    prob += pulp.lpSum(score[j] * v[j] for j in range(n))
    for a, rlo, rhi in rows:
        e = pulp.lpSum(coef * v[i] for i, coef in a.items())
        if rlo > -np.inf:
            prob += e >= rlo
        if rhi < np.inf:
            prob += e <= rhi
    cbc = shutil.which("cbc")
    kw = {"msg": False, "timeLimit": tl, "gapRel": 0}
    prob.solve(pulp.COIN_CMD(path=cbc, **kw) if cbc else pulp.PULP_CBC_CMD(**kw))
    x = np.array([(vi.value() or 0) > 0.5 for vi in v])
    return x, pulp.LpStatus[prob.status]


def solve_highs(score, rows, lo, hi, n, m, tl):
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import lil_matrix
    A = lil_matrix((len(rows), n + m))
    rl, rh = [], []
    for r, (a, rlo, rhi) in enumerate(rows):
        for i, coef in a.items():
            A[r, i] = coef
        rl.append(rlo)
        rh.append(rhi)
    c = -np.concatenate([score, np.zeros(m)])
    res = milp(c, constraints=LinearConstraint(A.tocsr(), rl, rh), integrality=np.ones(n + m),
               bounds=Bounds(lo, hi), options={"time_limit": tl, "mip_rel_gap": 0})
    x = (res.x > 0.5) if res.x is not None else np.zeros(n + m, bool)
    return x, "optimal" if res.status == 0 else "status%d" % res.status


def main():
    args = sys.argv[1:]
    case_path, out = args[0], args[1]
    solver = args[args.index("--solver") + 1] if "--solver" in args else "cbc"
    tl = float(args[args.index("--tl") + 1]) if "--tl" in args else 10.0
    P, score, rows, lo, hi, n, m = build(case_path)
    fn = solve_cbc if solver == "cbc" else solve_highs
    x, status = fn(score, rows, lo, hi, n, m, tl)
    obj = float(score @ x[:n])
    with open(out, "w") as f:
        f.write("# Portfolio\n\nStatus: %s\n\nObjective: %.6f\n\n| Id | Score |\n|---|---|\n" % (status, obj))
        for j in np.flatnonzero(x[:n]):
            f.write("| %s | %.2f |\n" % (P.at[j, "id"], score[j]))
    print("%.6f %s" % (obj, status))


if __name__ == "__main__":
    main()
