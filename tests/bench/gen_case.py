#!/usr/bin/env python3
"""Generates a selection case: N projects, P partners, R resources, an
exclusion rule, partner costs, and a 6-leaf model. Deterministic per seed.
usage: gen_case.py OUTDIR N P R [SEED]"""
import json, os, random, sys

def main():
    out, n, np_, nr = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "countries.csv"), "w") as f:
        f.write("code,eiu_democracy_index,eu_sanctions_regime\n")
        for code, eiu, s in [("SE", 9.35, "no"), ("DK", 9.42, "no"), ("LV", 7.73, "no"),
                             ("KE", 5.05, "no"), ("BY", 1.99, "yes"), ("DE", 8.73, "no")]:
            f.write("%s,%s,%s\n" % (code, eiu, s))
    codes = ["SE", "DK", "LV", "KE", "BY", "DE"]
    res = ["r%d" % k for k in range(nr)]
    with open(os.path.join(out, "partners.csv"), "w") as f:
        f.write("id,country,lat,lon,active," + ",".join("%s_fee" % r for r in res) + "\n")
        for p in range(np_):
            fees = [str(rng.randint(0, 30) * 1000) for _ in res]
            f.write("pa%03d,%s,%.4f,%.4f,%s,%s\n" % (p, codes[p % len(codes)], rng.uniform(45, 65),
                                                    rng.uniform(-5, 30), "yes" if p % 4 == 0 else "no",
                                                    ",".join(fees)))
    with open(os.path.join(out, "projects.csv"), "w") as f:
        f.write("id,name,partners,purpose," + ",".join(res) +
                ",external_share,benefit,environment,safety,risk_level\n")
        for j in range(n):
            k = rng.randint(0, 2)
            parts = "|".join(sorted(set("pa%03d" % rng.randrange(np_) for _ in range(k))))
            # a project's needs are correlated across resources, as SEK and
            # staff hours are in real proposals
            size = rng.randint(10, 200)
            costs = [str(int(size * rng.uniform(0.7, 1.3)) * 1000) for _ in res]
            f.write("P%04d,Projekt %d,%s,%s,%s,%.2f,%d,%d,%d,%s\n" % (
                j, j, parts, "" if rng.random() < 0.03 else "syfte", ",".join(costs), rng.random(),
                rng.randint(1, 5), rng.randint(1, 5), rng.randint(1, 5),
                rng.choice(["low", "medium", "high"])))
    model = {
        "name": "Generated model", "language": "en",
        "criteria": {
            "benefit": {"weight": 3, "children": {
                "development": {"weight": 2, "column": "benefit", "value": {"type": "linear", "worst": 1, "best": 5}},
                "funding": {"weight": 1, "column": "external_share", "value": {"type": "piecewise", "points": [[0, 0], [0.5, 0.8], [0.8, 1]]}}}},
            "environment": {"weight": 1, "column": "environment", "value": {"type": "linear", "worst": 1, "best": 5}},
            "safety": {"weight": 1, "column": "safety", "value": {"type": "linear", "worst": 1, "best": 5}},
            "democracy": {"weight": 2, "column": "country.eiu_democracy_index", "missing": 0.5, "value": {"type": "linear", "worst": 2, "best": 9}},
            "risk": {"weight": 2, "column": "risk_level", "value": {"type": "categorical", "map": {"low": 1, "medium": 0.5, "high": 0}}}},
        "rules": {
            "sanctions": {"if": {"field": "country.eu_sanctions_regime", "op": "==", "value": "yes"}, "then": "exclude", "because": "sanctions"},
            "purpose": {"if": {"field": "purpose", "op": "missing"}, "then": "exclude", "because": "no purpose"}}}
    resources = {}
    for r in res:
        resources[r] = {"column": r, "partner_column": "%s_fee" % r, "limit": 105000 * n * 2 // 5}
    case = {"name": "Generated %d x %d x %d" % (n, np_, nr), "model": model,
            "data": {"projects": "projects.csv", "partners": "partners.csv", "countries": "countries.csv"},
            "resources": resources}
    with open(os.path.join(out, "case.json"), "w") as f:
        json.dump(case, f, indent=1)

main()
