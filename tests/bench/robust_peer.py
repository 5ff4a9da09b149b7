#!/usr/bin/env python3
"""Peer for the robustness benchmark: a plain Python loop that draws uniform
weights on the simplex and re-solves the selection MILP of a case with
SciPy's HiGHS (scipy.optimize.milp) for every sample. Reads the same case
files partnerval reads (comma CSVs, the generated model's six leaves).
usage: robust_peer.py CASE_DIR SAMPLES"""
import csv, json, os, sys, time
import numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds

def main():
    d, samples = sys.argv[1], int(sys.argv[2])
    case = json.load(open(os.path.join(d, "case.json")))
    P = list(csv.DictReader(open(os.path.join(d, "projects.csv"))))
    Q = list(csv.DictReader(open(os.path.join(d, "partners.csv"))))
    C = {r["code"]: r for r in csv.DictReader(open(os.path.join(d, "countries.csv")))}
    qi = {q["id"]: i for i, q in enumerate(Q)}
    def lin(x, w, b):
        v = (x - w) / (b - w)
        return min(1, max(0, v))
    def pw(x):
        pts = [(0, 0), (0.5, 0.8), (0.8, 1)]
        if x <= 0: return 0
        if x >= 0.8: return 1
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            if x <= x1: return y0 + (x - x0) / (x1 - x0) * (y1 - y0)
    n, m = len(P), len(Q)
    V = np.zeros((n, 6))
    elig = np.ones(n, bool)
    parts = []
    for j, p in enumerate(P):
        ps = [qi[t] for t in p["partners"].split("|") if t]
        parts.append(ps)
        eiu = [float(C[Q[k]["country"]]["eiu_democracy_index"]) for k in ps]
        V[j] = [lin(float(p["benefit"]), 1, 5), pw(float(p["external_share"])),
                lin(float(p["environment"]), 1, 5), lin(float(p["safety"]), 1, 5),
                lin(min(eiu), 2, 9) if eiu else 0.5,
                {"low": 1, "medium": 0.5, "high": 0}[p["risk_level"]]]
        if not p["purpose"] or any(C[Q[k]["country"]]["eu_sanctions_regime"] == "yes" for k in ps):
            elig[j] = False
    res = case["resources"]
    rows, lo, hi = [], [], []
    for rid, r in res.items():
        rows.append([float(p[r["column"]]) for p in P] + [float(q[r["partner_column"]]) for q in Q])
        lo.append(-np.inf); hi.append(r["limit"])
    for j in range(n):
        for k in parts[j]:
            row = [0.0] * (n + m); row[j] = 1; row[n + k] = -1
            rows.append(row); lo.append(-np.inf); hi.append(0)
    A = np.array(rows)
    ub = np.concatenate([elig.astype(float), np.ones(m)])
    rng = np.random.default_rng(1)
    t0 = time.perf_counter()
    for s in range(samples):
        w = rng.exponential(size=6); w /= w.sum()
        score = 100 * V @ w
        c = -np.concatenate([score, np.zeros(m)])
        r = milp(c, constraints=LinearConstraint(A, lo, hi), integrality=np.ones(n + m),
                 bounds=Bounds(np.zeros(n + m), ub))
        assert r.status == 0, r.message
    dt = time.perf_counter() - t0
    print("%.6f" % (dt / samples))

main()
