#!/usr/bin/env python3
"""Generates a large ranking case: N projects x 6 criteria (comma CSV), with
partners and countries, for the `make bench` ranking figure. Deterministic."""
import json, os, random, sys

def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    rng = random.Random(20261127)
    os.makedirs(out, exist_ok=True)
    countries = [("SE", 9.35, "no"), ("DK", 9.42, "no"), ("LV", 7.73, "no"), ("KE", 5.05, "no"),
                 ("BY", 1.99, "yes"), ("UA", 4.79, "yes"), ("DE", 8.73, "no"), ("PL", 7.65, "no")]
    with open(os.path.join(out, "countries.csv"), "w") as f:
        f.write("code,eiu_democracy_index,eu_sanctions_regime\n")
        for c in countries:
            f.write("%s,%s,%s\n" % c)
    with open(os.path.join(out, "partners.csv"), "w") as f:
        f.write("id,country,lat,lon,annual_cost_sek,staff_hours,active\n")
        for p in range(200):
            c = countries[p % len(countries)][0]
            f.write("pa%03d,%s,%.4f,%.4f,%d,%d,%s\n" % (p, c, rng.uniform(40, 65), rng.uniform(-10, 40),
                                                       rng.randint(0, 20) * 1000, rng.randint(0, 40),
                                                       "yes" if p % 3 == 0 else "no"))
    with open(os.path.join(out, "projects.csv"), "w") as f:
        f.write("id,name,partners,purpose,cost_sek,staff_hours,external_share,benefit,environment,risk_level,democracy_component\n")
        for j in range(n):
            k = rng.randint(0, 3)
            parts = "|".join("pa%03d" % rng.randrange(200) for _ in range(k))
            f.write("P%06d,Projekt %d,%s,%s,%d,%d,%.2f,%d,%d,%s,%s\n" % (
                j, j, parts, "" if rng.random() < 0.02 else "syfte", rng.randint(10, 500) * 1000,
                rng.randint(20, 800), rng.random(), rng.randint(1, 5), rng.randint(1, 5),
                rng.choice(["low", "medium", "high"]), rng.choice(["yes", "no"])))
    model = {
        "name": "Bench model", "language": "en",
        "criteria": {
            "benefit": {"weight": 3, "children": {
                "development": {"weight": 2, "column": "benefit", "value": {"type": "linear", "worst": 1, "best": 5}},
                "funding": {"weight": 1, "column": "external_share", "value": {"type": "piecewise", "points": [[0, 0], [0.5, 0.8], [0.8, 1]]}}}},
            "environment": {"weight": 1, "column": "environment", "value": {"type": "linear", "worst": 1, "best": 5}},
            "democracy": {"weight": 2, "column": "country.eiu_democracy_index", "missing": 0.5, "value": {"type": "linear", "worst": 2, "best": 9}},
            "travel": {"weight": 1, "column": "partner.distance_km", "aggregate": "max", "missing": 1, "value": {"type": "linear", "worst": 3000, "best": 0}},
            "risk": {"weight": 2, "column": "risk_level", "value": {"type": "categorical", "map": {"low": 1, "medium": 0.5, "high": 0}}}},
        "rules": {
            "sanctions": {"if": {"field": "country.eu_sanctions_regime", "op": "==", "value": "yes"}, "then": "exclude", "because": "sanctions"},
            "purpose": {"if": {"field": "purpose", "op": "missing"}, "then": "exclude", "because": "no purpose"}}}
    case = {"name": "Bench %d" % n, "model": model, "home": {"lat": 58.5, "lon": 13.16},
            "data": {"projects": "projects.csv", "partners": "partners.csv", "countries": "countries.csv"},
            "resources": {"budget_sek": {"column": "cost_sek", "partner_column": "annual_cost_sek", "limit": 5000000}}}
    with open(os.path.join(out, "case.json"), "w") as f:
        json.dump(case, f, ensure_ascii=False, indent=1)

main()
