#!/usr/bin/env python3
"""Generates a selection case: N projects, P partners, K resources, with an
exclusion rule, partner costs and every constraint type. Deterministic for a
seed. Python 3 standard library.

usage: gen_select.py OUTDIR N P K [SEED] [comma|swedish] [--no-constraints]

`swedish` writes the CSVs as Swedish Excel does: ';', decimal comma, NBSP
thousands separators, a BOM and CRLF line ends.
"""
import json
import os
import random
import sys

DEPTS = ["education", "culture", "environment", "business", "social"]
AREAS = ["lifelong_learning", "climate", "democracy", "growth", "youth", "health"]


def fmt_num(x, swedish, dec=0):
    s = ("%.*f" % (dec, x))
    if not swedish:
        return s
    ip, _, fp = s.partition(".")
    neg = ip.startswith("-")
    ip = ip.lstrip("-")
    groups = []
    while len(ip) > 3:
        groups.insert(0, ip[-3:])
        ip = ip[:-3]
    groups.insert(0, ip)
    out = ("-" if neg else "") + "\u00a0".join(groups)
    return out + ("," + fp if fp else "")


def write_csv(path, header, rows, swedish):
    sep = ";" if swedish else ","
    eol = "\r\n" if swedish else "\n"
    with open(path, "w", encoding="utf-8", newline="") as f:
        if swedish:
            f.write("\ufeff")
        f.write(sep.join(header) + eol)
        for r in rows:
            cells = []
            for c in r:
                c = str(c)
                if sep in c or '"' in c:
                    c = '"' + c.replace('"', '""') + '"'
                cells.append(c)
            f.write(sep.join(cells) + eol)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 4:
        sys.exit(__doc__)
    out, n, np_, k = args[0], int(args[1]), int(args[2]), int(args[3])
    seed = int(args[4]) if len(args) > 4 else 1
    swedish = len(args) > 5 and args[5] == "swedish"
    constraints = "--no-constraints" not in sys.argv
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    partners = []
    for p in range(np_):
        partners.append(["pa%03d" % p, "Partner %d" % p, "yes" if p % 4 == 0 else "no",
                         "yes" if p % 5 == 0 else "no", "yes" if p % 3 == 0 else "no",
                         fmt_num(rng.randint(0, 30) * 1000, swedish), fmt_num(rng.randint(0, 60), swedish)])
    write_csv(os.path.join(out, "partners.csv"),
              ["id", "name", "active", "nordic", "new", "annual_cost_sek", "staff_hours"], partners, swedish)
    extra = ["dept_budget_%d" % i for i in range(max(0, k - 2))]
    rows = []
    for j in range(n):
        parts = sorted(set("pa%03d" % rng.randrange(np_) for _ in range(rng.randint(0, 3)))) if np_ else []
        areas = rng.sample(AREAS, rng.randint(1, 2))
        row = ["P%04d" % j, "Projekt %d" % j, rng.choice(DEPTS), "|".join(areas), "|".join(parts),
               fmt_num(rng.randint(10, 400) * 1000, swedish), fmt_num(rng.randint(20, 600), swedish),
               fmt_num(rng.randint(1, 5), swedish), fmt_num(rng.uniform(0, 1), swedish, 3),
               rng.choice(["low", "medium", "high"]), fmt_num(rng.randint(1, 5), swedish)]
        row += [fmt_num(rng.randint(0, 100) * 1000, swedish) for _ in extra]
        rows.append(row)
    write_csv(os.path.join(out, "projects.csv"),
              ["id", "name", "department", "priority_area", "partners", "cost_sek", "staff_hours",
               "benefit", "external_share", "risk_level", "impact"] + extra, rows, swedish)
    model = {
        "name": "Generated model", "source": "tests/gen/gen_select.py", "language": "en",
        "criteria": {
            "benefit": {"weight": 3, "column": "benefit", "value": {"type": "linear", "worst": 1, "best": 5}},
            "funding": {"weight": 2, "column": "external_share",
                        "value": {"type": "piecewise", "points": [[0, 0], [0.5, 0.8], [1, 1]]}},
            "impact": {"weight": 2, "column": "impact", "value": {"type": "linear", "worst": 1, "best": 5}},
            "risk": {"weight": 1, "column": "risk_level",
                     "value": {"type": "categorical", "map": {"low": 1, "medium": 0.5, "high": 0}}},
        },
        "rules": {
            "high_risk_low_benefit": {
                "if": {"all": [{"field": "risk_level", "op": "==", "value": "high"},
                               {"field": "benefit", "op": "<=", "value": 2}]},
                "then": "exclude", "because": "High risk with low benefit."}
        },
    }
    with open(os.path.join(out, "model.json"), "w") as f:
        json.dump(model, f, indent=1)

    def num(s):
        return float(s.replace("\u00a0", "").replace(",", "."))

    def total(col):
        return sum(num(r[col]) for r in rows)
    res = {
        "budget_sek": {"column": "cost_sek", "partner_column": "annual_cost_sek", "limit": round(0.3 * total(5))},
        "staff_hours": {"column": "staff_hours", "partner_column": "staff_hours", "limit": round(0.35 * total(6))},
    }
    for i, e in enumerate(extra):
        res[e] = {"column": e, "limit": round(0.4 * total(11 + i))}
    eligible = [r[0] for r in rows if not (r[9] == "high" and num(r[7]) <= 2)]
    cons = []
    if constraints and len(eligible) >= 8:
        cons = [
            {"id": "learning", "type": "count", "column": "priority_area", "value": "lifelong_learning",
             "min": 1, "max": max(2, n // 6)},
            {"id": "edu_share", "type": "share", "column": "department", "value": "education",
             "resource": "budget_sek", "min": 0.15, "max": 0.6},
            {"id": "needs", "type": "requires", "project": eligible[1], "needs": [eligible[2]]},
            {"id": "one_of", "type": "exclusive", "projects": eligible[3:6], "max": 1},
            {"id": "decided", "type": "force", "in": [eligible[6]], "out": [eligible[7]]},
        ]
        if np_:
            cons += [{"id": "few_new", "type": "max_partners", "column": "new", "value": "yes",
                      "max": max(1, np_ // 5)},
                     {"id": "partners_cap", "type": "max_partners", "max": max(2, (np_ * 2) // 3)},
                     {"id": "nordic", "type": "min_partners", "column": "nordic", "value": "yes", "min": 1}]
    case = {"name": "Generated %dx%dx%d seed %d" % (n, np_, k, seed), "model": "model.json",
            "data": {"projects": "projects.csv", "partners": "partners.csv"},
            "resources": res, "constraints": cons, "solver": {"time_limit_s": 60, "mip_gap": 0}}
    with open(os.path.join(out, "case.json"), "w") as f:
        json.dump(case, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
