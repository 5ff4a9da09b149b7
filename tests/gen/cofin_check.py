#!/usr/bin/env python3
"""Independent checks of contingent co-financing and party weight sets.

Generates cases (three leaf criteria safety, democracy, benefit on 0..10,
two resources, grants, award probabilities: some from a column, some from
the programme's rate in data/award-rates.csv, some projects not contingent),
runs partnerval, and checks it against MILPs built here from the CSVs and
solved by glpsol, and against a simulation of 100,000 draws.

usage: cofin_check.py PARTNERVAL TMPDIR cofin|parties
Prints PASS/FAIL lines; exits 1 on any failure. Python 3 standard library.
"""
import csv
import json
import math
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CRIT = ["safety", "democracy", "benefit"]
fails = 0


def report(ok, name, msg=""):
    global fails
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else ": " + msg))
    if not ok:
        fails += 1


def rates():
    with open(os.path.join(ROOT, "data", "award-rates.csv"), encoding="utf-8") as f:
        return {r["programme"].strip().lower(): float(r["rate"]) for r in csv.DictReader(f)}


def generate(d, n, seed, commit, nsets=0, alpha=0.1, scen=300):
    rnd = random.Random(seed)
    os.makedirs(d, exist_ok=True)
    progs = list(rates().keys())
    rows = []
    for j in range(n):
        r = {"id": "G%03d" % (j + 1), "name": "Project %d" % (j + 1)}
        for c in CRIT:
            r[c] = str(rnd.randint(0, 10))
        r["cost_sek"] = str(rnd.randint(10, 200) * 1000)
        r["staff_hours"] = str(rnd.randint(20, 400))
        kind = rnd.random()
        r["grant_sek"] = r["award_probability"] = r["programme"] = r["contingent"] = ""
        if kind < 0.25:
            pass  # own money only: certain
        elif kind < 0.55:
            r["grant_sek"] = str(rnd.randint(50, 900) * 1000)
            r["award_probability"] = "%.2f" % rnd.uniform(0.05, 0.95)
        elif kind < 0.8:
            r["grant_sek"] = str(rnd.randint(50, 900) * 1000)
            r["programme"] = {"cerv": "CERV", "interreg baltic sea region": "Interreg Baltic Sea Region",
                              "interreg baltic sea region small projects":
                              "Interreg Baltic Sea Region small projects",
                              "life cet": "LIFE CET"}.get(rnd.choice(progs), "CERV")
        else:
            r["grant_sek"] = str(rnd.randint(50, 900) * 1000)
            r["award_probability"] = "%.2f" % rnd.uniform(0.05, 0.95)
            r["contingent"] = "no"  # granted or not, it runs
        rows.append(r)
    hdr = ["id", "name"] + CRIT + ["cost_sek", "staff_hours", "grant_sek", "award_probability",
                                    "programme", "contingent"]
    with open(os.path.join(d, "projects.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, hdr, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    tot = lambda c: sum(float(r[c]) for r in rows)
    model = {"name": "gen", "language": "en", "criteria": {
        c: {"weight": rnd.randint(1, 5), "column": c, "value": {"type": "linear", "worst": 0, "best": 10}}
        for c in CRIT}}
    case = {"name": "gen %d" % seed, "model": model, "data": {"projects": "projects.csv"},
            "resources": {"budget_sek": {"column": "cost_sek", "limit": round(tot("cost_sek") * 0.3)},
                          "staff_hours": {"column": "staff_hours", "limit": round(tot("staff_hours") * 0.35)}},
            "cofinancing": {"grant": "grant_sek", "probability": "award_probability",
                            "contingent": "contingent", "programme": "programme", "commit": commit,
                            "alpha": alpha, "scenarios": scen, "seed": seed},
            "solver": {"time_limit_s": 20}}
    if nsets:
        case["weight_sets"] = {
            ("Grupp %d (ä)" if k % 2 else "set%d") % k: {"criteria": {c: {"weight": rnd.choice([0.5, 1, 2, 3, 5, 8])} for c in CRIT}}
            for k in range(1, nsets + 1)}
    with open(os.path.join(d, "case.json"), "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False, indent=1)
    return case, rows


def probs(rows):
    rt = rates()
    out = []
    for r in rows:
        g = float(r["grant_sek"] or 0)
        cont = g > 0 and r["contingent"] != "no"
        if not cont:
            out.append((False, 1.0))
        elif r["award_probability"]:
            out.append((True, float(r["award_probability"])))
        else:
            out.append((True, rt[r["programme"].strip().lower()]))
    return out


def scores(rows, weights):
    tw = sum(weights[c] for c in CRIT)
    return [100.0 * sum(weights[c] / tw * float(r[c]) / 10 for c in CRIT) for r in rows]


def terms_lp(terms):
    return " ".join("%s %.15g %s" % ("-" if v < 0 else "+", abs(v), c) for c, v in terms if v != 0)


def glpsol(d, name, obj_sense, obj, rows_lp, binaries, extra_cols=()):
    """Writes CPLEX LP and solves it; returns (objective, {col: value})."""
    lp = os.path.join(d, name + ".lp")
    with open(lp, "w") as f:
        f.write(("Maximize" if obj_sense == "max" else "Minimize") + "\n obj: ")
        f.write(terms_lp(obj) or "0 x0")
        f.write("\nSubject To\n")
        for i, (terms, sense, rhs) in enumerate(rows_lp):
            f.write(" r%d: " % i + (terms_lp(terms) or "0 x0") + " %s %.12g\n" % (sense, rhs))
        f.write("Bounds\n")
        for c, lo, hi in extra_cols:
            f.write(" %.12g <= %s <= %.12g\n" % (lo, c, hi))
        f.write("Binary\n " + " ".join(binaries) + "\nEnd\n")
    out = os.path.join(d, name + ".sol")
    subprocess.run(["glpsol", "--lp", lp, "--tmlim", "120", "-o", out], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    val, objv = {}, None
    with open(out) as f:
        for line in f:
            if line.startswith("Objective:"):
                objv = float(line.split("=")[1].split()[0])
            p = line.split()
            if len(p) >= 4 and p[0].isdigit() and p[1].startswith(("x", "t", "r", "z")):
                try:
                    val[p[1]] = float(p[3] if p[2] == "*" else p[2])
                except ValueError:
                    pass
    return objv, val


def run(binary, args):
    p = subprocess.run([binary] + args, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def close(a, b, tol=1e-6):
    return a is not None and b is not None and abs(a - b) <= tol * max(1.0, abs(b))


def splitmix(seed):
    s = seed
    while True:
        s = (s + 0x9E3779B97F4A7C15) & (2 ** 64 - 1)
        z = s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & (2 ** 64 - 1)
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & (2 ** 64 - 1)
        yield (z ^ (z >> 31)) >> 11


def check_commit(binary, tmp, seed, n, commit):
    d = os.path.join(tmp, "cofin-%s-%d" % (commit, seed))
    case, rows = generate(d, n, seed, commit)
    rc, out, err = run(binary, ["select", os.path.join(d, "case.json"), "--no-why", "--format", "json"])
    if rc != 0:
        report(False, d, "select exit %d: %s" % (rc, err))
        return
    res = json.loads(out)
    pr = probs(rows)
    w = {c: case["model"]["criteria"][c]["weight"] for c in CRIT}
    sc = scores(rows, w)
    res_cols = [("budget_sek", "cost_sek"), ("staff_hours", "staff_hours")]
    obj = [("x%d" % j, pr[j][1] * sc[j]) for j in range(n)]
    lprows = []
    for rid, col in res_cols:
        L = case["resources"][rid]["limit"]
        f = (lambda j: pr[j][1] if pr[j][0] else 1.0) if commit == "expected" else (lambda j: 1.0)
        if commit == "chance":
            f = lambda j: 0.0 if pr[j][0] else 1.0
        lprows.append(([("x%d" % j, float(rows[j][col]) * f(j)) for j in range(n)], "<=", L))
    bins = ["x%d" % j for j in range(n)]
    if commit == "chance":
        S = case["cofinancing"]["scenarios"]
        cj = [j for j in range(n) if pr[j][0]]
        g = splitmix(seed)
        pats = {}
        for s in range(S):
            pat = tuple(1 if next(g) * 2.0 ** -53 < pr[j][1] else 0 for j in cj)
            pats[pat] = pats.get(pat, 0) + 1
        zs = []
        for i, (pat, cnt) in enumerate(sorted(pats.items())):
            if not any(pat):
                continue
            zs.append(("z%d" % i, cnt))
            granted = {cj[t] for t in range(len(cj)) if pat[t]}
            for rid, col in res_cols:
                L = case["resources"][rid]["limit"]
                terms = [("x%d" % j, float(rows[j][col])) for j in range(n)
                         if (not pr[j][0] or j in granted) and float(rows[j][col]) > 0]
                big = sum(v for _, v in terms)
                lprows.append((terms + [("z%d" % i, -big)], "<=", L))
        budget = math.floor(case["cofinancing"]["alpha"] * S + 1e-9)
        if zs:
            lprows.append((zs, "<=", budget))
        bins += [z for z, _ in zs]
    gobj, _ = glpsol(d, "indep", "max", obj, lprows, bins)
    report(close(res["objective"], gobj) and res["status"] == "optimal",
           "%s-%d-%s-optimum" % (commit, seed, n),
           "partnerval %s (%s), independent MILP %s" % (res["objective"], res["status"], gobj))
    cf = res.get("cofinancing", {})
    sel = [j for j in range(n) if rows[j]["id"] in set(res["selected_projects"])]
    exp = sum(pr[j][1] * sc[j] for j in sel)
    report(close(cf.get("expected_score"), exp) and close(res["objective"], exp),
           "%s-%d-expected-score" % (commit, seed), "%s vs %s" % (cf.get("expected_score"), exp))
    if commit != "chance":
        return
    # 100,000 independent draws of the chosen portfolio's use
    rnd = random.Random(seed * 7919 + 1)
    N = 100000
    over = {rid: 0 for rid, _ in res_cols}
    anyo = 0
    for _ in range(N):
        use = {rid: 0.0 for rid, _ in res_cols}
        for j in sel:
            if pr[j][0] and rnd.random() >= pr[j][1]:
                continue
            for rid, col in res_cols:
                use[rid] += float(rows[j][col])
        o = False
        for rid, _ in res_cols:
            if use[rid] > case["resources"][rid]["limit"]:
                over[rid] += 1
                o = True
        anyo += o
    for rid, _ in res_cols:
        p_sim = over[rid] / N
        p_rep = cf["overrun_probability"][rid]
        lo, hi = cf["overrun_interval"][rid]
        half = 4.5 * math.sqrt(max(p_sim * (1 - p_sim), 1e-12) / N) + 1e-9
        ok = lo - half <= p_sim <= hi + half
        report(ok, "chance-%d-%s-overrun-vs-simulation" % (seed, rid),
               "reported %.6f [%g, %g], simulated %.6f" % (p_rep, lo, hi, p_sim))
    alpha = case["cofinancing"]["alpha"]
    met = cf.get("alpha_met")
    report(met == (cf["overrun_any"] <= alpha + 1e-12) and (met or cf["overrun_any"] > alpha),
           "chance-%d-alpha-met-stated" % seed,
           "alpha_met %s, overrun_any %s, alpha %s" % (met, cf.get("overrun_any"), alpha))
    p_sim = anyo / N
    half = 4.5 * math.sqrt(max(p_sim * (1 - p_sim), 1e-12) / N) + 1e-9
    report(abs(cf["overrun_any"] - p_sim) <= half + (hi - lo),
           "chance-%d-any-overrun-vs-simulation" % seed,
           "reported %.6f, simulated %.6f" % (cf["overrun_any"], p_sim))


def check_parties(binary, tmp, seed, n, k):
    d = os.path.join(tmp, "parties-%d" % seed)
    case, rows = generate(d, n, seed, "worst_case", nsets=k)
    rc, out, err = run(binary, ["parties", os.path.join(d, "case.json"), "--format", "json"])
    if rc != 0:
        report(False, d, "parties exit %d: %s" % (rc, err))
        return
    res = json.loads(out)
    pr = probs(rows)
    names = list(case["weight_sets"])
    base = {c: case["model"]["criteria"][c]["weight"] for c in CRIT}
    coef = []
    for s in names:
        w = dict(base)
        for c, v in case["weight_sets"][s]["criteria"].items():
            w[c] = v["weight"]
        coef.append([pr[j][1] * x for j, x in enumerate(scores(rows, w))])
    lim = [(case["resources"]["budget_sek"]["limit"], "cost_sek"),
           (case["resources"]["staff_hours"]["limit"], "staff_hours")]
    base_rows = [([("x%d" % j, float(rows[j][col])) for j in range(n)], "<=", L) for L, col in lim]
    bins = ["x%d" % j for j in range(n)]
    vstar = []
    for i, s in enumerate(names):
        v, _ = glpsol(d, "own%d" % i, "max", [("x%d" % j, coef[i][j]) for j in range(n)], base_rows, bins)
        vstar.append(v)
        got = res["sets"][i]["objective"]
        report(close(got, v) and res["sets"][i]["name"] == s, "parties-%d-own-%s" % (seed, s),
               "%s vs %s" % (got, v))
    mm_rows = base_rows + [([("x%d" % j, coef[i][j]) for j in range(n)] + [("t", -vstar[i])], ">=", 0)
                           for i in range(len(names))]
    t, _ = glpsol(d, "maxmin", "max", [("t", 1)], mm_rows, bins, [("t", 0, 1)])
    report(close(res["maxmin"]["min_satisfaction"], t), "parties-%d-maxmin-optimum" % seed,
           "%s vs independent %s" % (res["maxmin"]["min_satisfaction"], t))
    rg_rows = base_rows + [([("x%d" % j, coef[i][j]) for j in range(n)] + [("r", 1)], ">=", vstar[i])
                           for i in range(len(names))]
    r, _ = glpsol(d, "regret", "min", [("r", 1)], rg_rows, bins, [("r", 0, 1e9)])
    report(close(res["minimax_regret"]["max_regret"], r), "parties-%d-regret-optimum" % seed,
           "%s vs independent %s" % (res["minimax_regret"]["max_regret"], r))
    ids = [x["id"] for x in rows]
    mm = set(res["maxmin"]["selected_projects"])
    rg = set(res["minimax_regret"]["selected_projects"])
    ok = True
    for i, s in enumerate(names):
        sat = sum(coef[i][j] for j in range(n) if ids[j] in mm) / vstar[i]
        reg = vstar[i] - sum(coef[i][j] for j in range(n) if ids[j] in rg)
        ok &= close(res["maxmin"]["satisfaction"][s], sat) and close(res["minimax_regret"]["regret"][s], reg)
    report(ok, "parties-%d-satisfactions-recompute" % seed)
    own = [set(x["selected_projects"]) for x in res["sets"]]
    ok = all(close(p["share"], sum(p["id"] in o for o in own) / len(own)) and
             p["in_maxmin"] == (p["id"] in mm) for p in res["projects"])
    report(ok, "parties-%d-shares" % seed)


def main():
    binary, tmp, what = sys.argv[1], sys.argv[2], sys.argv[3]
    if what == "cofin":
        for seed, n in [(1, 25), (2, 40), (3, 60)]:
            for commit in ("worst_case", "expected"):
                check_commit(binary, tmp, seed, n, commit)
        # the sample-average MILP is hard for any branch and bound (glpsol
        # too): municipal sizes that both prove optimal within seconds; seed
        # 5 is one whose sample-average portfolio overruns more than alpha
        for seed, n in [(4, 12), (5, 14), (9, 12), (12, 14)]:
            check_commit(binary, tmp, seed, n, "chance")
    else:
        for seed, n, k in [(11, 20, 3), (12, 30, 4), (13, 40, 6)]:
            check_parties(binary, tmp, seed, n, k)
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
