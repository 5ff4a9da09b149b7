#!/usr/bin/env python3
"""gen_scores.py - random cases with independently computed expectations.

  gen_scores.py PARTNERVAL [--seeds A-B] [--out DIR] [--keep]

For every seed (default 1-20) this builds a random case: a two-level criteria
tree with linear (either direction), piecewise and categorical value
functions on project, partner and country columns (min / max / mean over
partners, "missing" defaults, partner.distance_km from "home"), and rules
nested with all / any / not over every operator.  It computes the expected
scores, eligibility, rule firings and ranking here, in Python, following the
contract of issue 2 and nothing in the C sources:

  score      = 100 * sum over leaves of W_leaf * v_leaf(x)
  W_leaf     = product along the path of weight / sum of the siblings' weights
  linear     = clamp((x - worst) / (best - worst), 0, 1)
  piecewise  = linear interpolation between points, clamped at the ends
  partners   = the aggregate (min default, max, mean) of the raw x over the
               project's partners whose cell is not empty; if none is left,
               the criterion's "missing" value
  rules      = a comparison with a missing value is false; missing / present
               test for it; == on a list cell (a|b) holds if any item equals;
               != is the negation of == for a present value (in / not_in
               likewise); a condition that reads partner or country fields is
               evaluated once per partner and fires if it holds for any; a
               project without partners is evaluated once, partner fields
               missing
  ranking    = eligible by score descending, then excluded by score
               descending; ties by id

It then runs `PARTNERVAL rank --format json` on the case and on its Swedish
twin (tests/tools/swedify.py) and compares every score, contribution,
eligibility, rule list and the order, to 1e-6.  Prints PASS/FAIL lines; exits
1 on any failure.  Deterministic: the seeds fix everything.
"""
import json
import math
import os
import random
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import swedify  # noqa: E402

TOL = 1e-6
CATS = ["low", "mid", "high", "none"]
TYPES = ["city", "region", "ngo", "school"]
HOME = (58.50517, 13.15765)


# ---------------------------------------------------------------- data

def fmt_num(rng, x, decimals):
    s = ("%.*f" % (decimals, x)) if decimals else str(int(round(x)))
    if s in ("-0", "-0.0", "-0.00", "-0.000"):
        s = s[1:]
    return s


def pooled(rng, pool, other):
    """Sometimes a value that the rules compare with (as 5, 5.0 or 5.00)."""
    if rng.random() < 0.3:
        v = rng.choice(pool)
        return rng.choice(["%g" % v, "%.1f" % v, "%.2f" % v])
    return other


def gen_tables(rng):
    ncountries = rng.randint(2, 6)
    codes = rng.sample(["SE", "LV", "KE", "BY", "FO", "DE", "PL", "UA", "TZ", "NO"], ncountries)
    countries = []
    for code in codes:
        countries.append({
            "code": code,
            "cidx": "" if rng.random() < 0.15 else pooled(rng, [2, 5, 6.5, 8], fmt_num(rng, rng.uniform(0, 10), 2)),
            "cband": rng.choice(CATS[:3]),
            "sanction": rng.choice(["yes", "no", "no", ""]),
        })
    npartners = rng.randint(1, 8)
    partners = []
    for i in range(npartners):
        partners.append({
            "id": "pa%02d" % (i * 7 % 100),
            "name": "Partner %d" % i,
            "country": "" if rng.random() < 0.1 else rng.choice(codes),
            "lat": "" if rng.random() < 0.1 else fmt_num(rng, rng.uniform(-60, 75), 5),
            "lon": "",
            "psize": "" if rng.random() < 0.15 else pooled(rng, [100, 1000, 25000], fmt_num(rng, rng.uniform(0, 50000), rng.choice([0, 1, 2]))),
            "ptype": "|".join(rng.sample(TYPES, rng.choice([1, 1, 2]))),
        })
        if partners[-1]["lat"]:
            partners[-1]["lon"] = fmt_num(rng, rng.uniform(-170, 170), 5)
    nproj = rng.randint(5, 40)
    ids = rng.sample(range(1000), nproj)
    projects = []
    for i in ids:
        k = rng.choice([0, 0, 1, 1, 2, 3]) if partners else 0
        plist = rng.sample([p["id"] for p in partners], min(k, len(partners)))
        projects.append({
            "id": "P%03d" % i if rng.random() < 0.8 else "q%d" % i,
            "name": "Project %d" % i,
            "partners": "|".join(plist),
            "cost": fmt_num(rng, rng.uniform(0, 2e6), rng.choice([0, 2])),
            "n1": pooled(rng, [-1, 0, 3, 5, 7.5, 10], fmt_num(rng, rng.uniform(-5, 15), rng.choice([0, 1, 3]))),
            "n2": "" if rng.random() < 0.2 else pooled(rng, [0.1, 0.25, 0.5, 0.9], fmt_num(rng, rng.uniform(0, 1), 3)),
            "n3": pooled(rng, [-100, 0, 1000, 50000, 120000], fmt_num(rng, rng.uniform(-3000, 250000), rng.choice([0, 2]))),
            "risk": rng.choice(CATS),
            "tags": "|".join(rng.sample(["x", "y", "z", "w"], rng.choice([1, 1, 2, 3]))),
            # free text: a column compared with yes or no is a yes/no column,
            # where any other word is an error (tests/scripts/yesno_spellings.sh)
            "txt": "" if rng.random() < 0.25 else rng.choice(["open", "closed", "maybe"]),
        })
    # a few exact twins (other id, same values) make real ties
    for _ in range(rng.choice([0, 1, 2])):
        t = dict(rng.choice(projects))
        t["id"] = "T%03d" % rng.randint(0, 999)
        if all(p["id"] != t["id"] for p in projects):
            projects.append(t)
    rng.shuffle(projects)
    return countries, partners, projects


def write_csv(path, rows, cols):
    def q(c):
        return '"' + c.replace('"', '""') + '"' if any(ch in c for ch in ',"\n;') else c
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(cols) + "\n")
        for r in rows:
            f.write(",".join(q(r[c]) for c in cols) + "\n")


# --------------------------------------------------------------- model

NUM_FIELDS = [("n1", (-5, 15)), ("n2", (0, 1)), ("n3", (-3000, 250000)), ("cost", (0, 2e6)),
              ("partner.psize", (0, 50000)), ("partner.distance_km", (0, 12000)),
              ("country.cidx", (0, 10))]
CAT_FIELDS = [("risk", CATS), ("country.cband", CATS[:3])]


def gen_value(rng, field):
    kind = rng.choice(["linear", "linear", "piecewise", "categorical"])
    if kind == "categorical":
        name, cats = rng.choice(CAT_FIELDS)
        return name, {"type": "categorical", "map": {c: rng.choice([0, 0.25, 0.5, 1, round(rng.random(), 3)]) for c in cats}}
    name, (lo, hi) = field
    if kind == "linear":
        a, b = sorted(rng.uniform(lo, hi) for _ in range(2))
        a, b = round(a, 3), round(b, 3)
        if a == b:
            b = a + 1
        if rng.random() < 0.4:
            a, b = b, a  # less is better
        return name, {"type": "linear", "worst": a, "best": b}
    n = rng.randint(2, 5)
    xs = sorted({round(rng.uniform(lo, hi), 3) for _ in range(n)})
    while len(xs) < 2:
        xs.append(xs[-1] + 1)
    ys = [round(rng.random(), 3) for _ in xs]
    return name, {"type": "piecewise", "points": [[x, y] for x, y in zip(xs, ys)]}


def gen_leaf(rng, has_partners_file):
    fields = [f for f in NUM_FIELDS if has_partners_file or not f[0].startswith(("partner.", "country."))]
    name, vf = gen_value(rng, rng.choice(fields))
    if not has_partners_file and name.startswith(("partner.", "country.")):
        name, vf = "risk", {"type": "categorical", "map": {c: 0.5 for c in CATS}}
    leaf = {"weight": rng.choice([0, 1, 1, 2, 3, 0.5, 2.5]), "column": name, "value": vf}
    if name.startswith(("partner.", "country.")):
        agg = rng.choice([None, "min", "max", "mean"])
        if agg:
            leaf["aggregate"] = agg
    # Empty cells are possible in n2, partner and country columns (and for
    # projects without partners); those criteria need "missing".
    if name in ("n2",) or name.startswith(("partner.", "country.")) or rng.random() < 0.3:
        leaf["missing"] = rng.choice([0, 0.5, 1, round(rng.random(), 3)])
    return leaf


def fix_level(rng, kids):
    if not any(k["weight"] > 0 for k in kids.values()):
        rng.choice(list(kids.values()))["weight"] = rng.choice([1, 2])


def gen_model(rng, has_partners_file):
    crit = {}
    n = 0
    for t in range(rng.randint(2, 4)):
        if rng.random() < 0.5:
            kids = {}
            for _ in range(rng.randint(2, 3)):
                n += 1
                kids["c%d" % n] = gen_leaf(rng, has_partners_file)
            fix_level(rng, kids)
            crit["g%d" % t] = {"label": {"sv": "Grupp %d" % t, "en": "Group %d" % t},
                               "weight": rng.choice([0, 1, 2, 3, 4]), "children": kids}
        else:
            n += 1
            crit["c%d" % n] = gen_leaf(rng, has_partners_file)
    fix_level(rng, crit)
    rules = {}
    for i in range(rng.randint(0, 4)):
        rules["r%d" % (i + 1)] = {"if": gen_cond(rng, 0, has_partners_file),
                                  "then": rng.choice(["exclude", "flag"]),
                                  "because": "reason %d" % (i + 1), "source": "seeded"}
    return {"name": "Generated", "language": rng.choice(["sv", "en"]), "criteria": crit, "rules": rules}


def gen_cmp(rng, has_partners_file):
    choices = ["num", "num", "text", "list"]
    if has_partners_file:
        choices += ["pnum", "plist", "cnum", "ctext", "dist"]
    kind = rng.choice(choices)
    if kind in ("num", "pnum", "cnum"):
        field = {"num": rng.choice(["n1", "n2", "n3"]), "pnum": "partner.psize", "cnum": "country.cidx"}[kind]
        op = rng.choice(["<", "<=", ">", ">=", "==", "!=", "in", "not_in", "missing", "present"])
        if op in ("missing", "present"):
            return {"field": field, "op": op}
        pool = {"n1": [-1, 0, 3, 5, 7.5, 10], "n2": [0.1, 0.25, 0.5, 0.9],
                "n3": [-100, 0, 1000, 50000, 120000], "partner.psize": [100, 1000, 25000],
                "country.cidx": [2, 5, 6.5, 8]}[field]
        if op in ("in", "not_in"):
            return {"field": field, "op": op, "value": rng.sample(pool, rng.randint(1, 3))}
        return {"field": field, "op": op, "value": rng.choice(pool)}
    if kind == "dist":
        return {"field": "partner.distance_km", "op": rng.choice(["<", ">", ">=", "missing"]),
                "value": rng.choice([500, 1500, 3000])}
    field, pool = {"text": ("txt", ["open", "closed", "maybe"]), "list": ("tags", ["x", "y", "z", "w"]),
                   "plist": ("partner.ptype", TYPES), "ctext": ("country.sanction", ["yes", "no"])}[kind]
    op = rng.choice(["==", "!=", "in", "not_in", "missing", "present"])
    if op in ("missing", "present"):
        return {"field": field, "op": op}
    if op in ("in", "not_in"):
        return {"field": field, "op": op, "value": rng.sample(pool, rng.randint(1, 2))}
    return {"field": field, "op": op, "value": rng.choice(pool)}


def gen_cond(rng, depth, hp):
    r = rng.random()
    if depth >= 2 or r < 0.45:
        c = gen_cmp(rng, hp)
        if c["op"] == "missing" and c["field"] == "partner.distance_km":
            c.pop("value")
        return c
    if r < 0.7:
        return {"all": [gen_cond(rng, depth + 1, hp) for _ in range(rng.randint(1, 3))]}
    if r < 0.9:
        return {"any": [gen_cond(rng, depth + 1, hp) for _ in range(rng.randint(1, 3))]}
    return {"not": gen_cond(rng, depth + 1, hp)}


# ------------------------------------------------------------ expected

def haversine(lat1, lon1, lat2, lon2):
    r = math.pi / 180
    a = math.sin((lat2 - lat1) * r / 2) ** 2 + math.cos(lat1 * r) * math.cos(lat2 * r) * math.sin((lon2 - lon1) * r / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(a, 1.0)))


class World:
    def __init__(self, countries, partners, projects, has_home):
        self.countries = {c["code"]: c for c in countries}
        self.partners = {p["id"]: p for p in partners}
        self.projects = projects
        self.has_home = has_home

    def plist(self, proj):
        return [self.partners[i] for i in proj["partners"].split("|") if i]

    def cell(self, proj, partner, field):
        """The raw text of field, or None when missing."""
        if field.startswith("partner."):
            if partner is None:
                return None
            name = field[8:]
            if name == "distance_km":
                if not partner["lat"]:
                    return None
                return repr(haversine(HOME[0], HOME[1], float(partner["lat"]), float(partner["lon"])))
            v = partner[name]
        elif field.startswith("country."):
            if partner is None or not partner["country"]:
                return None
            v = self.countries[partner["country"]][field[8:]]
        else:
            v = proj[field]
        return v if v.strip() != "" else None


def vf_eval(vf, x):
    if vf["type"] == "linear":
        v = (x - vf["worst"]) / (vf["best"] - vf["worst"])
        return min(1.0, max(0.0, v))
    pts = vf["points"]
    if x <= pts[0][0]:
        return pts[0][1]
    if x >= pts[-1][0]:
        return pts[-1][1]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        if x <= x1:
            return y0 + (x - x0) / (x1 - x0) * (y1 - y0)
    return pts[-1][1]


def leaves_with_weights(crit, parent=1.0):
    total = sum(c["weight"] for c in crit.values())
    for cid, c in crit.items():
        w = parent * c["weight"] / total
        if "children" in c:
            yield from leaves_with_weights(c["children"], w)
        else:
            yield cid, c, w


def leaf_value(world, proj, leaf):
    field, vf = leaf["column"], leaf["value"]
    slots = world.plist(proj) if field.startswith(("partner.", "country.")) else [None]
    xs = []
    for p in slots:
        s = world.cell(proj, p, field)
        if s is None:
            continue
        xs.append(vf["map"][s.strip()] if vf["type"] == "categorical" else float(s))
    if not xs:
        if "missing" not in leaf:
            raise ValueError("criterion on %s needs missing for %s" % (field, proj["id"]))
        return leaf["missing"]
    agg = leaf.get("aggregate", "min")
    x = min(xs) if agg == "min" else max(xs) if agg == "max" else sum(xs) / len(xs)
    return x if vf["type"] == "categorical" else vf_eval(vf, x)


def reads_partner(cond):
    if "field" in cond:
        return cond["field"].startswith(("partner.", "country."))
    kids = cond.get("all") or cond.get("any") or [cond["not"]]
    return any(reads_partner(k) for k in kids)


def equals(cell, value):
    """== on a cell: numbers compare as numbers; list cells match any item."""
    if isinstance(value, (int, float)):
        return float(cell) == float(value)
    return value in [i.strip() for i in cell.split("|")]


def holds(world, proj, partner, cond):
    if "all" in cond:
        return all(holds(world, proj, partner, k) for k in cond["all"])
    if "any" in cond:
        return any(holds(world, proj, partner, k) for k in cond["any"])
    if "not" in cond:
        return not holds(world, proj, partner, cond["not"])
    s = world.cell(proj, partner, cond["field"])
    op = cond["op"]
    if op == "missing":
        return s is None
    if op == "present":
        return s is not None
    if s is None:
        return False
    v = cond["value"]
    if op in ("<", "<=", ">", ">="):
        x = float(s)
        return {"<": x < v, "<=": x <= v, ">": x > v, ">=": x >= v}[op]
    if op == "==":
        return equals(s, v)
    if op == "!=":
        return not equals(s, v)
    hit = any(equals(s, e) for e in v)
    return hit if op == "in" else not hit


def expected(world, model):
    leaves = list(leaves_with_weights(model["criteria"]))
    out = {}
    for proj in world.projects:
        contrib = {cid: 100 * w * leaf_value(world, proj, leaf) for cid, leaf, w in leaves}
        excl, flags = [], []
        for rid, rule in model["rules"].items():
            if reads_partner(rule["if"]) and world.plist(proj):
                fired = any(holds(world, proj, p, rule["if"]) for p in world.plist(proj))
            else:
                fired = holds(world, proj, None, rule["if"])
            if fired:
                (excl if rule["then"] == "exclude" else flags).append(rid)
        out[proj["id"]] = {"score": sum(contrib.values()), "contributions": contrib,
                           "eligible": not excl, "excluded_by": excl, "flags": flags}
    order = sorted(out, key=lambda i: (not out[i]["eligible"], -out[i]["score"], i))
    return out, order


# ------------------------------------------------------------- compare

def compare(exp, order, got):
    errs = []
    projs = got.get("projects", [])
    ids = [p["id"] for p in projs]
    if sorted(ids) != sorted(exp):
        return ["project ids differ: %s vs %s" % (sorted(ids)[:5], sorted(exp)[:5])]
    for pos, p in enumerate(projs):
        e = exp[p["id"]]
        if p["rank"] != pos + 1:
            errs.append("%s: rank %s at position %d" % (p["id"], p["rank"], pos + 1))
        if abs(p["score"] - e["score"]) > TOL:
            errs.append("%s: score %.6f, want %.6f" % (p["id"], p["score"], e["score"]))
        if p["eligible"] != e["eligible"]:
            errs.append("%s: eligible %s, want %s" % (p["id"], p["eligible"], e["eligible"]))
        if p["excluded_by"] != e["excluded_by"]:
            errs.append("%s: excluded_by %s, want %s" % (p["id"], p["excluded_by"], e["excluded_by"]))
        if p["flags"] != e["flags"]:
            errs.append("%s: flags %s, want %s" % (p["id"], p["flags"], e["flags"]))
        if set(p["contributions"]) != set(e["contributions"]):
            errs.append("%s: contribution keys %s" % (p["id"], sorted(p["contributions"])))
        else:
            for k, v in e["contributions"].items():
                if abs(p["contributions"][k] - v) > TOL:
                    errs.append("%s: %s contributes %.6f, want %.6f" % (p["id"], k, p["contributions"][k], v))
    # The order: a valid sort under the expected scores (scores closer than the
    # tolerance may come in either order only if they are equal to the bit in
    # both programs, which the id tie-break then decides).
    for a, b in zip(projs, projs[1:]):
        ea, eb = exp[a["id"]], exp[b["id"]]
        if ea["eligible"] != eb["eligible"]:
            if not ea["eligible"]:
                errs.append("order: excluded %s before eligible %s" % (a["id"], b["id"]))
        elif abs(ea["score"] - eb["score"]) > 1e-9:
            if ea["score"] < eb["score"]:
                errs.append("order: %s (%.6f) before %s (%.6f)" % (a["id"], ea["score"], b["id"], eb["score"]))
        elif a["score"] == b["score"] and a["id"] > b["id"]:
            errs.append("order: tie %s before %s" % (a["id"], b["id"]))
    if not errs and [p["id"] for p in projs] != order:
        # only near-equal scores may differ from the expected order
        for x, y in zip([p["id"] for p in projs], order):
            if x != y and abs(exp[x]["score"] - exp[y]["score"]) > 1e-9:
                errs.append("order differs at %s / %s" % (x, y))
                break
    return errs


def run(pv, case):
    r = subprocess.run([pv, "rank", "--format", "json", case], capture_output=True)
    if r.returncode != 0:
        return None, "exit %d: %s" % (r.returncode, r.stderr.decode("utf-8", "replace")[:300])
    try:
        return json.loads(r.stdout.decode("utf-8")), None
    except ValueError as e:
        return None, "invalid JSON output: %s" % e


def build(seed, out):
    rng = random.Random(seed)
    countries, partners, projects = gen_tables(rng)
    has_partners_file = rng.random() < 0.85
    if not has_partners_file:
        for p in projects:
            p["partners"] = ""
    model = gen_model(rng, has_partners_file)
    d = os.path.join(out, "seed%03d" % seed)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    pcols = ["id", "name", "partners", "cost", "n1", "n2", "n3", "risk", "tags", "txt"]
    if rng.random() < 0.3:  # column order is free
        pcols = pcols[:1] + rng.sample(pcols[1:], len(pcols) - 1)
    write_csv(os.path.join(d, "projects.csv"), projects, pcols)
    case = {"name": "Generated %d" % seed, "model": "model.json", "data": {"projects": "projects.csv"},
            "resources": {"budget": {"column": "cost", "limit": 1e7}}}
    if has_partners_file:
        write_csv(os.path.join(d, "partners.csv"), partners,
                  ["id", "name", "country", "lat", "lon", "psize", "ptype"])
        write_csv(os.path.join(d, "countries.csv"), countries, ["code", "cidx", "cband", "sanction"])
        case["data"]["partners"] = "partners.csv"
        case["data"]["countries"] = "countries.csv"
        case["home"] = {"lat": HOME[0], "lon": HOME[1]}
    with open(os.path.join(d, "model.json"), "w", encoding="utf-8") as f:
        json.dump(model, f, indent=1)
    with open(os.path.join(d, "case.json"), "w", encoding="utf-8") as f:
        json.dump(case, f, indent=1)
    world = World(countries, partners, projects, has_partners_file)
    exp, order = expected(world, model)
    return d, exp, order


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.stderr.write(__doc__)
        return 2
    pv = os.path.abspath(argv[0])
    seeds = range(1, 21)
    out = os.path.join(HERE, "..", "out", "generated")
    i = 1
    while i < len(argv):
        if argv[i] == "--seeds":
            a, _, b = argv[i + 1].partition("-")
            seeds = range(int(a), int(b or a) + 1)
            i += 2
        elif argv[i] == "--out":
            out = argv[i + 1]
            i += 2
        else:
            sys.stderr.write("unknown argument %s\n" % argv[i])
            return 2
    fails = 0
    for seed in seeds:
        d, exp, order = build(seed, out)
        twin = swedify.swedify_case(os.path.join(d, "case.json"), os.path.join(d, "sv"))
        for dialect, case in (("comma", os.path.join(d, "case.json")), ("swedish", twin)):
            got, err = run(pv, case)
            errs = [err] if err else compare(exp, order, got)
            if errs:
                fails += 1
                print("FAIL seed %d %s (%s): %s" % (seed, dialect, case, "; ".join(errs[:4])))
            else:
                print("PASS seed %d %s: %d projects" % (seed, dialect, len(exp)))
    print("%d failed" % fails)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
