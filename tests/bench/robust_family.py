#!/usr/bin/env python3
"""Peer of the robustness benchmark on the benchmark family (issue 18): a
plain Python loop that draws uniform weights on the simplex of the model's
leaves and re-solves the selection MILP of a gen_family.py case with SciPy's
HiGHS (scipy.optimize.milp) for every sample; the MILP is peer_family.py's.
Prints the wall and the CPU seconds per sample. For the benchmark only.

usage: robust_family.py CASE.json SAMPLES"""
import json
import os
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_family  # noqa: E402


def leaf_values(P, crit):
    """Per project and leaf criterion: its value in [0, 1] (peer_family.scores, unweighted)."""
    cols = []
    for c in crit.values():
        cols.append(peer_family.scores(P, {"c": dict(c, weight=1)}).to_numpy() / 100)
    return np.column_stack(cols)


def peer_seconds(case_path, samples):
    """Wall and CPU seconds per sample of the HiGHS loop."""
    d = os.path.dirname(os.path.abspath(case_path))
    case = json.load(open(case_path))
    model = json.load(open(os.path.join(d, case["model"])))
    P, _, rows, lo, hi, n, m = peer_family.build(case_path)
    V = leaf_values(P, model["criteria"])
    A = lil_matrix((len(rows), n + m))
    rl, rh = [], []
    for r, (a, rlo, rhi) in enumerate(rows):
        for i, coef in a.items():
            A[r, i] = coef
        rl.append(rlo)
        rh.append(rhi)
    cons = LinearConstraint(A.tocsr(), rl, rh)
    tl = float(case.get("solver", {}).get("time_limit_s", 10))
    rng = np.random.default_rng(1)
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(samples):
        w = rng.exponential(size=V.shape[1])
        w /= w.sum()
        c = -np.concatenate([100 * V @ w, np.zeros(m)])
        milp(c, constraints=cons, integrality=np.ones(n + m), bounds=Bounds(lo, hi),
             options={"time_limit": tl, "mip_rel_gap": 0})
    return (time.perf_counter() - t0) / samples, (time.process_time() - c0) / samples


if __name__ == "__main__":
    print("%.6f %.6f" % peer_seconds(sys.argv[1], int(sys.argv[2])))
