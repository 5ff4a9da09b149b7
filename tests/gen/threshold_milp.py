#!/usr/bin/env python3
"""The selection MILP built independently of partnerval, from the case's
JSON and CSV files, for cases with quality thresholds and a weighted
objective: scores from the model's value functions and weights, exclusion
rules of the generated model, `min_score`, every criterion's `min` (a leaf's
value; a parent's weighted mean of its leaves' values), the objective
(Σ score, or Σ score × column), resources with partner costs, links and every
constraint type. Python 3 standard library; glpsol solves the LP file.

usage:
  threshold_milp.py patch CASE_DIR SEED   adds thresholds, a parent criterion
                                          and a weighted objective to a case
                                          from gen_select.py (comma dialect)
  threshold_milp.py solve CASE.json OUT_DIR
                                          prints the optimum (or "infeasible")
  threshold_milp.py check CASE.json RESULT.json
                                          checks that no selected project breaks
                                          a threshold and that the reported
                                          objective is Σ objective values
"""
import csv
import json
import os
import random
import subprocess
import sys

TOL = 1e-9


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def items(cell):
    for d in "|,;":
        if d in cell:
            return [x.strip() for x in cell.split(d) if x.strip()]
    return [cell.strip()] if cell.strip() else []


def load(case_path):
    d = os.path.dirname(os.path.abspath(case_path))
    case = json.load(open(case_path, encoding="utf-8"))
    model = case["model"] if isinstance(case["model"], dict) else \
        json.load(open(os.path.join(d, case["model"]), encoding="utf-8"))
    projects = read_csv(os.path.join(d, case["data"]["projects"]))
    partners = read_csv(os.path.join(d, case["data"]["partners"])) if "partners" in case["data"] else []
    return case, model, projects, partners


def value_fn(vf, cell):
    t = vf["type"]
    if t == "categorical":
        return float(vf["map"][cell.strip()])
    x = float(cell)
    if t == "linear":
        a, b = vf["worst"], vf["best"]
        return min(1.0, max(0.0, (x - a) / (b - a)))
    pts = vf["points"]
    if x <= pts[0][0]:
        return pts[0][1]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return pts[-1][1]


def leaves(crit, w=1.0, path=()):
    """(id, global weight, criterion, ancestor ids) for every leaf."""
    tot = sum(c["weight"] for c in crit.values())
    out = []
    for cid, c in crit.items():
        g = w * (c["weight"] / tot if tot > 0 else 0)
        if "children" in c:
            out += leaves(c["children"], g, path + (cid,))
        else:
            out.append((cid, g, c, path))
    return out


def all_criteria(crit):
    for cid, c in crit.items():
        yield cid, c
        if "children" in c:
            yield from all_criteria(c["children"])


def evaluate(case, model, projects):
    """Per project: score, rule-eligible, threshold-eligible, criterion values."""
    L = leaves(model["criteria"])
    out = []
    for r in projects:
        v = {cid: value_fn(c["value"], r[c["column"]]) for cid, g, c, _ in L}
        score = 100 * sum(g * v[cid] for cid, g, _, _ in L)
        crit_val = dict(v)
        for cid, c in all_criteria(model["criteria"]):
            if "children" in c:
                sub = [(g, v[lid]) for lid, g, _, path in L if cid in path]
                den = sum(g for g, _ in sub)
                crit_val[cid] = sum(g * x for g, x in sub) / den if den > 0 else None
        rules_ok = not (r["risk_level"] == "high" and float(r["benefit"]) <= 2)
        below = []
        if "min_score" in case and score < case["min_score"] - TOL:
            below.append("min_score")
        for cid, c in all_criteria(model["criteria"]):
            if "min" in c and crit_val[cid] is not None and crit_val[cid] < c["min"] - TOL:
                below.append(cid)
        out.append({"id": r["id"], "score": score, "rules_ok": rules_ok, "below": below,
                    "ok": rules_ok and not below, "crit": crit_val})
    return out


def coef(case, r, score):
    o = case.get("objective", {"type": "sum"})
    return score * float(r[o["column"]]) if o["type"] == "weighted" else score


def patch(d, seed):
    rng = random.Random(seed)
    rows = read_csv(os.path.join(d, "projects.csv"))
    header = list(rows[0].keys()) + ["participants"]
    for r in rows:
        r["participants"] = str(rng.randint(0, 400))
    with open(os.path.join(d, "projects.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    model = json.load(open(os.path.join(d, "model.json")))
    cr = model["criteria"]
    cr["quality"] = {"weight": 5, "min": 0.35,
                     "children": {"benefit": cr.pop("benefit"), "impact": cr.pop("impact")}}
    cr["funding"]["min"] = 0.15
    json.dump(model, open(os.path.join(d, "model.json"), "w"), indent=1)
    case = json.load(open(os.path.join(d, "case.json")))
    case["min_score"] = 40
    case["objective"] = {"type": "weighted", "column": "participants"}
    ev = evaluate(case, model, rows)
    ok = [e["id"] for e in ev if e["ok"]]
    for c in case["constraints"]:
        if c["type"] == "force":  # forcing in a project below a threshold is an input error
            c["in"] = [j for j in c["in"] if j in ok] or ok[:1]
            c["out"] = [j for j in c["out"] if j not in c["in"]]
    json.dump(case, open(os.path.join(d, "case.json"), "w"), indent=1)


def lp_term(c, v):
    return ("+ %.12g %s" % (c, v)) if c >= 0 else ("- %.12g %s" % (-c, v))


def solve(case_path, out):
    case, model, projects, partners = load(case_path)
    ev = evaluate(case, model, projects)
    P = {r["id"]: i for i, r in enumerate(projects)}
    Q = {r["id"]: i for i, r in enumerate(partners)}
    okj = [i for i, e in enumerate(ev) if e["ok"]]
    need = {i: sorted(set(Q[p] for p in items(projects[i].get("partners", "")))) for i in okj}
    ys = sorted(set(p for i in okj for p in need[i]))
    x = lambda i: "x%d" % i
    y = lambda p: "y%d" % p
    rows = []
    for rid, spec in case["resources"].items():
        t = [lp_term(float(projects[i][spec["column"]] or 0), x(i)) for i in okj]
        if spec.get("partner_column"):
            t += [lp_term(float(partners[p][spec["partner_column"]] or 0), y(p)) for p in ys]
        rows.append((t, "<=", spec["limit"]))
    for i in okj:
        for p in need[i]:
            rows.append(([lp_term(1, x(i)), lp_term(-1, y(p))], "<=", 0))
    # an engaged partner is one a selected project needs (models/README.md):
    # with a minimum number of partners, y_p <= the sum of its projects' x
    if any(c["type"] == "min_partners" for c in case.get("constraints", [])):
        for p in ys:
            rows.append(([lp_term(1, y(p))] + [lp_term(-1, x(i)) for i in okj if p in need[i]], "<=", 0))
    fixed0, fixed1 = set(), set()
    for c in case.get("constraints", []):
        t = c["type"]
        if t == "count":
            terms = [lp_term(1, x(i)) for i in okj if c["value"] in items(projects[i][c["column"]])]
            if "min" in c:
                rows.append((terms, ">=", c["min"]))
            if "max" in c:
                rows.append((terms, "<=", c["max"]))
        elif t == "share":
            col = case["resources"][c["resource"]]["column"]
            for side, op in (("min", ">="), ("max", "<=")):
                if side in c:
                    terms = [lp_term(float(projects[i][col]) * ((1 if c["value"] in items(projects[i][c["column"]]) else 0) - c[side]), x(i)) for i in okj]
                    rows.append((terms, op, 0))
        elif t == "requires":
            a = P[c["project"]]
            for n in c["needs"]:
                b = P[n]
                if a in okj:
                    rows.append(([lp_term(1, x(a))] + ([lp_term(-1, x(b))] if b in okj else []), "<=", 0))
        elif t == "exclusive":
            terms = [lp_term(1, x(P[j])) for j in sorted(set(c["projects"])) if P[j] in okj]
            rows.append((terms, "<=", c.get("max", 1)))
        elif t == "force":
            fixed1 |= {P[j] for j in c.get("in", [])}
            fixed0 |= {P[j] for j in c.get("out", [])}
        elif t in ("max_partners", "min_partners"):
            terms = [lp_term(1, y(p)) for p in ys if "column" not in c or c["value"] in items(partners[p][c["column"]])]
            if "min" in c:
                rows.append((terms, ">=", c["min"]))
            if "max" in c:
                rows.append((terms, "<=", c["max"]))
    if any(i not in okj for i in fixed1):
        print("infeasible")
        return
    lines = ["Maximize", " obj: " + " ".join(lp_term(coef(case, projects[i], ev[i]["score"]), x(i)) for i in okj) if okj else " obj: 0 x0", "Subject To"]
    for k, (terms, op, rhs) in enumerate(rows):
        lines.append(" r%d: %s %s %.12g" % (k, " ".join(terms) if terms else "0 " + (x(okj[0]) if okj else "x0"), op, rhs))
    lines.append("Bounds")
    for i in okj:
        lo = 1 if i in fixed1 else 0
        hi = 0 if i in fixed0 else 1
        lines.append(" %d <= %s <= %d" % (lo, x(i), hi))
    for p in ys:
        lines.append(" 0 <= %s <= 1" % y(p))
    lines.append("Binary")
    lines += [" " + x(i) for i in okj] + [" " + y(p) for p in ys]
    lines.append("End")
    lp = os.path.join(out, "indep.lp")
    open(lp, "w").write("\n".join(lines) + "\n")
    sol = os.path.join(out, "indep.sol")
    subprocess.run(["glpsol", "--lp", lp, "--tmlim", "120", "-w", sol],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for line in open(sol):
        f = line.split()
        if f[:2] == ["s", "mip"]:
            # s mip ROWS COLS STATUS OBJ; status o optimal, n no feasible solution
            print("infeasible" if f[4] == "n" else f[5])
            return
    print("error")


def check(case_path, res_path):
    case, model, projects, _ = load(case_path)
    res = json.load(open(res_path, encoding="utf-8"))
    ev = {e["id"]: e for e in evaluate(case, model, projects)}
    P = {r["id"]: r for r in projects}
    bad = []
    tot = 0.0
    for j in res["selected_projects"]:
        if ev[j]["below"]:
            bad.append("%s selected but below %s" % (j, ev[j]["below"]))
        tot += coef(case, P[j], ev[j]["score"])
    for p in res["projects"]:
        want = sorted(ev[p["id"]]["below"])
        got = sorted(b["id"] for b in p["below_threshold"])
        if want != got:
            bad.append("%s: below_threshold %s, independent %s" % (p["id"], got, want))
    if abs(tot - res["objective"]) > 1e-6 * max(1, abs(tot)):
        bad.append("objective %g, recomputed Σ score × column %g" % (res["objective"], tot))
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    {"patch": lambda: patch(sys.argv[2], int(sys.argv[3])),
     "solve": lambda: solve(sys.argv[2], sys.argv[3]),
     "check": lambda: check(sys.argv[2], sys.argv[3])}[sys.argv[1]]()
