#!/usr/bin/env python3
"""Checks a `partnerval select --format json` result against the case's CSVs:
every selected project is eligible under the generated exclusion rule, has its
partners engaged, and every resource limit and constraint holds, recomputed
from the input files (not from the report). Python 3 standard library.

usage: check_feasible.py CASE.json RESULT.json
Prints nothing and exits 0 when feasible; prints the violations and exits 1.
"""
import csv
import io
import json
import os
import sys

TOL = 1e-6


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    first = text.split("\n", 1)[0]
    sep = ";" if first.count(";") > first.count(",") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=sep)), sep == ";"


def num(s, swedish):
    s = s.strip()
    if not s:
        return 0.0
    if swedish:
        s = s.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    return float(s)


def items(cell):
    for d in "|,;":
        if d in cell:
            return [x.strip() for x in cell.split(d)]
    return [cell.strip()] if cell.strip() else []


def main():
    case_path, res_path = sys.argv[1], sys.argv[2]
    d = os.path.dirname(os.path.abspath(case_path))
    case = json.load(open(case_path, encoding="utf-8"))
    res = json.load(open(res_path, encoding="utf-8"))
    projects, sw = read_csv(os.path.join(d, case["data"]["projects"]))
    partners, swp = [], False
    if "partners" in case["data"]:
        partners, swp = read_csv(os.path.join(d, case["data"]["partners"]))
    P = {r["id"]: r for r in projects}
    Q = {r["id"]: r for r in partners}
    sel = set(res["selected_projects"])
    eng = set(res["selected_partners"])
    bad = []
    if res["status"] not in ("optimal", "feasible"):
        print("status %s" % res["status"])
        sys.exit(1)
    for j in sel:
        r = P[j]
        if "risk_level" in r and r["risk_level"] == "high" and num(r.get("benefit", "5"), sw) <= 2:
            bad.append("%s is excluded but selected" % j)
        for p in items(r.get("partners", "")):
            if p not in eng:
                bad.append("%s selected without its partner %s" % (j, p))
    for rid, spec in case.get("resources", {}).items():
        used = sum(num(P[j][spec["column"]], sw) for j in sel)
        if spec.get("partner_column"):
            used += sum(num(Q[p][spec["partner_column"]], swp) for p in eng)
        if used > spec["limit"] * (1 + TOL) + TOL:
            bad.append("resource %s: used %g > limit %g" % (rid, used, spec["limit"]))
        rep = [x for x in res["resources"] if x["id"] == rid][0]["used"]
        if abs(rep - used) > TOL * max(1, abs(used)):
            bad.append("resource %s: report says used %g, recomputed %g" % (rid, rep, used))

    def within(v, c, what):
        if "min" in c and v < c["min"] - TOL:
            bad.append("%s: %g < min %g" % (what, v, c["min"]))
        if "max" in c and v > c["max"] + TOL:
            bad.append("%s: %g > max %g" % (what, v, c["max"]))
    for i, c in enumerate(case.get("constraints", [])):
        cid = c.get("id", "%s_%d" % (c["type"], i + 1))
        t = c["type"]
        if t == "count":
            within(sum(1 for j in sel if c["value"] in items(P[j][c["column"]])), c, cid)
        elif t == "share":
            col = case["resources"][c["resource"]]["column"]
            tot = sum(num(P[j][col], sw) for j in sel)
            cat = sum(num(P[j][col], sw) for j in sel if c["value"] in items(P[j][c["column"]]))
            if tot > 0:
                within(cat / tot, c, cid)
        elif t == "requires":
            if c["project"] in sel and any(n not in sel for n in c["needs"]):
                bad.append("%s: %s without %s" % (cid, c["project"], c["needs"]))
        elif t == "exclusive":
            within(len(sel & set(c["projects"])), {"max": c.get("max", 1), **({"min": c["min"]} if "min" in c else {})}, cid)
        elif t == "force":
            for j in c.get("in", []):
                if j not in sel:
                    bad.append("%s: %s forced in but not selected" % (cid, j))
            for j in c.get("out", []):
                if j in sel:
                    bad.append("%s: %s forced out but selected" % (cid, j))
        elif t in ("max_partners", "min_partners"):
            v = sum(1 for p in eng if "column" not in c or c["value"] in items(Q[p][c["column"]]))
            within(v, {k: c[k] for k in ("min", "max") if k in c}, cid)
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
