#!/usr/bin/env python3
"""The same job as `partnerval select --no-why --format md` on a case made by
tests/gen/gen_select.py, written the way an analyst would with pandas + PuLP
(CBC): read the CSVs, screen, score, build the MILP, solve, write Markdown.
For the benchmark only; prints the objective on stderr.

usage: pulp_select.py CASE.json OUT.md
"""
import json
import os
import sys

import pandas as pd
import pulp


def main():
    case_path, out = sys.argv[1], sys.argv[2]
    d = os.path.dirname(os.path.abspath(case_path))
    case = json.load(open(case_path))
    model = json.load(open(os.path.join(d, case["model"])))
    P = pd.read_csv(os.path.join(d, case["data"]["projects"]), dtype={"partners": str}, keep_default_na=False)
    Q = pd.read_csv(os.path.join(d, case["data"]["partners"]), keep_default_na=False)
    crit = model["criteria"]
    wsum = sum(c["weight"] for c in crit.values())
    score = pd.Series(0.0, index=P.index)
    for cid, c in crit.items():
        v = c["value"]
        col = P[c["column"]]
        if v["type"] == "linear":
            val = ((col.astype(float) - v["worst"]) / (v["best"] - v["worst"])).clip(0, 1)
        elif v["type"] == "piecewise":
            xs, ys = zip(*v["points"])
            import numpy as np
            val = pd.Series(np.interp(col.astype(float), xs, ys), index=P.index)
        else:
            val = col.map(v["map"]).astype(float)
        score += 100 * c["weight"] / wsum * val
    P["score"] = score
    excluded = (P["risk_level"] == "high") & (P["benefit"].astype(float) <= 2)
    P["partner_list"] = P["partners"].apply(lambda s: [x.strip() for x in s.split("|") if x.strip()])
    prob = pulp.LpProblem("portfolio", pulp.LpMaximize)
    x = {j: pulp.LpVariable("x_%s" % P.at[j, "id"], cat="Binary") for j in P.index}
    named = sorted({p for lst in P["partner_list"] for p in lst})
    y = {p: pulp.LpVariable("y_%s" % p, cat="Binary") for p in named}
    prob += pulp.lpSum(P.at[j, "score"] * x[j] for j in P.index)
    for j in P.index:
        if excluded[j]:
            prob += x[j] == 0
        for p in P.at[j, "partner_list"]:
            prob += x[j] <= y[p]
    Qi = Q.set_index("id")
    for rid, spec in case["resources"].items():
        expr = pulp.lpSum(float(P.at[j, spec["column"]]) * x[j] for j in P.index)
        if spec.get("partner_column"):
            expr += pulp.lpSum(float(Qi.at[p, spec["partner_column"]]) * y[p] for p in named)
        prob += expr <= spec["limit"], "res_" + rid
    # Debian ships CBC as /usr/bin/cbc, not inside PuLP
    import shutil
    cbc = shutil.which("cbc")
    prob.solve(pulp.COIN_CMD(path=cbc, msg=False) if cbc else pulp.PULP_CBC_CMD(msg=False))
    sel = [P.at[j, "id"] for j in P.index if x[j].value() > 0.5]
    obj = pulp.value(prob.objective)
    with open(out, "w") as f:
        f.write("# Portfolio\n\nStatus: %s\n\nObjective: %.6f\n\n| Id |\n|---|\n" % (pulp.LpStatus[prob.status], obj))
        for s in sel:
            f.write("| %s |\n" % s)
    print("%.6f" % obj, file=sys.stderr)


if __name__ == "__main__":
    main()
