#!/usr/bin/env python3
"""Generates one case of the benchmark family (issue 18): a selection case
whose structure is set by the arguments, so that the solver is measured on
structures it was not tuned for. Deterministic per seed; standard library.

usage: gen_family.py OUTDIR N P K SEED [key=value ...]

keys (defaults in brackets):
  pp=LO-HI     partners per project, drawn uniformly in LO..HI        [0-3]
  fees=F       share of partners that carry a fee on each resource     [0.33]
  tight=T      every limit is T x the total demand of its resource     [0.3]
  corr=0|1     1: costs and scores correlated (large projects score
               higher; the hard knapsack structure)                    [0]
  cons=LIST    constraints, comma-separated from count, share, requires,
               exclusive, force, max_partners, min_partners, or all    [none]
  tl=S         the case's time limit in seconds                        [10]

Criterion values are drawn beyond the value functions' ranges (benefit
0..7 against worst 1, best 5; impact -1..6), as in hand-filled sheets.
The case's exact semantics are those of models/README.md; peer_family.py
solves the same model with pandas + PuLP (CBC) or SciPy (HiGHS).
"""
import json
import os
import random
import sys

DEPTS = ["education", "culture", "environment", "business", "social"]
AREAS = ["learning", "climate", "democracy", "growth", "youth"]
ALL_CONS = ["count", "share", "requires", "exclusive", "force", "max_partners", "min_partners"]


def parse(argv):
    if len(argv) < 6:
        sys.exit(__doc__)
    out, n, np_, k, seed = argv[1], int(argv[2]), int(argv[3]), int(argv[4]), int(argv[5])
    opt = {"pp": "0-3", "fees": "0.33", "tight": "0.3", "corr": "0", "cons": "", "tl": "10"}
    for a in argv[6:]:
        key, _, val = a.partition("=")
        if key not in opt:
            sys.exit("gen_family.py: unknown key " + key)
        opt[key] = val
    lo, _, hi = opt["pp"].partition("-")
    cons = opt["cons"].split(",") if opt["cons"] else []
    if cons == ["all"]:
        cons = ALL_CONS
    return (out, n, np_, k, seed, int(lo), int(hi or lo), float(opt["fees"]), float(opt["tight"]),
            opt["corr"] == "1", cons, float(opt["tl"]))


def main():
    out, n, np_, k, seed, pplo, pphi, fees, tight, corr, cons, tl = parse(sys.argv)
    rng = random.Random(seed * 7919 + n)
    os.makedirs(out, exist_ok=True)
    res = ["r%d" % i for i in range(k)]
    with open(os.path.join(out, "partners.csv"), "w") as f:
        f.write("id,name,active,nordic,new," + ",".join("%s_fee" % r for r in res) + "\n")
        for p in range(np_):
            charged = rng.random() < fees
            fee = [(rng.randint(5, 60) * 1000 if charged and rng.random() < 0.7 else 0) for _ in res]
            f.write("pa%03d,Partner %d,%s,%s,%s,%s\n" % (
                p, p, "yes" if p % 4 == 0 else "no", "yes" if p % 5 == 0 else "no",
                "yes" if p % 3 == 0 else "no", ",".join(str(x) for x in fee)))
    rows = []
    for j in range(n):
        npart = rng.randint(pplo, pphi) if np_ else 0
        parts = sorted(set("pa%03d" % rng.randrange(np_) for _ in range(npart))) if np_ else []
        size = rng.uniform(0.05, 1.0)
        costs = []
        for _ in res:
            base = size if corr else rng.uniform(0.05, 1.0)
            costs.append(int(round(base * rng.uniform(0.8, 1.2) * 300)) * 1000)
        if corr:
            benefit = round(min(7.0, max(0.0, 1 + 4 * size + rng.gauss(0, 0.4))), 2)
            impact = round(min(6.0, max(-1.0, 1 + 4 * size + rng.gauss(0, 0.6))), 2)
        else:
            benefit = round(rng.uniform(0, 7), 2)
            impact = round(rng.uniform(-1, 6), 2)
        rows.append(["P%04d" % j, "Projekt %d" % j, rng.choice(DEPTS),
                     "|".join(sorted(rng.sample(AREAS, rng.randint(1, 2)))), "|".join(parts)] +
                    [str(c) for c in costs] +
                    [str(benefit), str(impact), "%.3f" % rng.uniform(0, 1.2),
                     rng.choice(["low", "medium", "high"])])
    with open(os.path.join(out, "projects.csv"), "w") as f:
        f.write("id,name,department,area,partners," + ",".join(res) +
                ",benefit,impact,external_share,risk_level\n")
        for r in rows:
            f.write(",".join(r) + "\n")
    model = {
        "name": "Family model", "source": "tests/bench/gen_family.py", "language": "en",
        "criteria": {
            "benefit": {"weight": 3, "column": "benefit", "value": {"type": "linear", "worst": 1, "best": 5}},
            "funding": {"weight": 2, "column": "external_share",
                        "value": {"type": "piecewise", "points": [[0, 0], [0.5, 0.8], [1, 1]]}},
            "impact": {"weight": 2, "column": "impact", "value": {"type": "linear", "worst": 1, "best": 5}},
            "risk": {"weight": 1, "column": "risk_level",
                     "value": {"type": "categorical", "map": {"low": 1, "medium": 0.5, "high": 0}}},
        },
        "rules": {"high_risk_low_benefit": {
            "if": {"all": [{"field": "risk_level", "op": "==", "value": "high"},
                           {"field": "benefit", "op": "<=", "value": 2}]},
            "then": "exclude", "because": "High risk with low benefit."}},
    }
    with open(os.path.join(out, "model.json"), "w") as f:
        json.dump(model, f, indent=1)
    resources = {}
    for i, r in enumerate(res):
        total = sum(int(row[5 + i]) for row in rows)
        resources[r] = {"column": r, "partner_column": "%s_fee" % r, "limit": int(round(tight * total))}
    eligible = [r[0] for r in rows if not (r[-1] == "high" and float(r[5 + k]) <= 2)]
    cl = []
    if len(eligible) >= 12:
        if "count" in cons:
            cl.append({"id": "learning", "type": "count", "column": "area", "value": "learning",
                       "min": 1, "max": max(2, n // 8)})
        if "share" in cons:
            cl.append({"id": "edu_share", "type": "share", "column": "department", "value": "education",
                       "resource": res[0], "min": 0.15, "max": 0.5})
        if "requires" in cons:
            for i in range(0, min(len(eligible) - 1, 6), 2):
                cl.append({"id": "needs_%d" % i, "type": "requires", "project": eligible[i],
                           "needs": [eligible[i + 1]]})
        if "exclusive" in cons:
            cl.append({"id": "one_of", "type": "exclusive", "projects": eligible[6:10], "max": 1})
        if "force" in cons:
            cl.append({"id": "decided", "type": "force", "in": [eligible[10]], "out": [eligible[11]]})
        if "max_partners" in cons and np_:
            cl.append({"id": "partners_cap", "type": "max_partners", "max": max(2, np_ // 3)})
        if "min_partners" in cons and np_:
            cl.append({"id": "nordic", "type": "min_partners", "column": "nordic", "value": "yes", "min": 2})
    case = {"name": "Family %dx%dx%d seed %d" % (n, np_, k, seed), "model": "model.json",
            "data": {"projects": "projects.csv", "partners": "partners.csv"},
            "resources": resources, "constraints": cl, "solver": {"time_limit_s": tl, "mip_gap": 0}}
    with open(os.path.join(out, "case.json"), "w") as f:
        json.dump(case, f, indent=1)


if __name__ == "__main__":
    main()
