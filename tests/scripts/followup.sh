#!/bin/sh
# followup.sh PARTNERVAL — `partnerval followup` against the outcomes
# registers of every example, recomputed here independently (python3, the
# csv module, no partnerval code): for every example and every format, the
# totals (planned, actual, external planned and received) equal the sums of
# the CSV; Lidköping over 2026–2027 too; Kristianstad's four inactive twin
# towns are end candidates, and review naming the activity once the register
# shows one; select shows the same recommendations; a register with five
# kinds of errors gets all five in one run, exit 2.
PV=${1:?usage: followup.sh PARTNERVAL}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT="$ROOT/tests/out/followup"
rm -rf "$OUT"; mkdir -p "$OUT"
exec python3 - "$PV" "$ROOT" "$OUT" <<'PYEOF'
import csv, io, json, os, re, shutil, subprocess, sys
PV, ROOT, OUT = sys.argv[1:4]
fails = 0
def check(ok, name, why=""):
    global fails
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else ": " + why))
    fails += 0 if ok else 1

def run(*args):
    p = subprocess.run([PV] + list(args), capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")

def num(s, semi):
    s = s.strip()
    if not s: return 0.0
    if semi:
        s = s.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    return float(s)

def read_register(path):
    raw = open(path, "rb").read().decode("utf-8-sig")
    head = raw.split("\n", 1)[0]
    semi = head.count(";") > head.count(",")
    rows = list(csv.DictReader(io.StringIO(raw, newline=""), delimiter=";" if semi else ","))
    return rows, semi

def expected(case_path, year, frm, decided):
    case = json.load(open(case_path))
    d = os.path.dirname(case_path)
    fu = case["followup"]
    rows, semi = read_register(os.path.join(d, fu["outcomes"]))
    proj = {r["id"]: r for r in csv.DictReader(open(os.path.join(d, case["data"]["projects"]), encoding="utf-8"))}
    res = case["resources"]
    period = [r for r in rows if frm <= int(r["year"]) <= year]
    actual = {k: sum(num(r.get(fu["actual"][k], ""), semi) for r in period) for k in res}
    ext_r = sum(num(r.get(fu["external"], ""), semi) for r in period)
    partners = {r["id"] for r in csv.DictReader(open(os.path.join(d, case["data"]["partners"]), encoding="utf-8"))}
    listed = set(decided) | {r["id"] for r in period if r["id"] in proj}
    planned = {k: sum(float(proj[j][res[k]["column"]] or 0) for j in listed) for k in res}
    ext_p = sum(float(proj[j].get("external_funding_sek") or 0) for j in listed)
    return {"planned": planned, "actual": actual, "external_planned": ext_p, "external_received": ext_r}

def sv_num(x):
    s = "{:,.0f}".format(round(x)).replace(",", "\u00a0")
    return s.replace("-", "\u2212")

examples = sorted(d for d in os.listdir(os.path.join(ROOT, "examples")) if os.path.isfile(os.path.join(ROOT, "examples", d, "outcomes.csv")))
check(len(examples) == 5, "five examples have an outcomes register", str(examples))
periods = [(e, 2027, 2027) for e in examples] + [("lidkoping", 2027, 2026), ("lidkoping", 2026, 2026)]
for e, year, frm in periods:
    cp = os.path.join(ROOT, "examples", e, "case.json")
    tag = "%s %d-%d" % (e, frm, year)
    rc, out, err = run("followup", cp, "--year", str(year), "--from", str(frm), "--format", "json")
    if rc != 0:
        check(False, tag + " json", err[:300]); continue
    js = json.loads(out)
    decided = [p["id"] for p in js["projects"] if p["decided"]]
    exp = expected(cp, year, frm, decided)
    t = js["totals"]
    ok = all(abs(t[w][k] - exp[w][k]) < 1e-6 for w in ("planned", "actual") for k in exp[w]) and \
         abs(t["external_planned"] - exp["external_planned"]) < 1e-6 and \
         abs(t["external_received"] - exp["external_received"]) < 1e-6
    check(ok, tag + " json totals equal the CSV's sums", "got %s, want %s" % (t, exp))
    # every id of the register's period is reported, and every decided project
    reg, _ = read_register(os.path.join(ROOT, "examples", e, "outcomes.csv"))
    ids = {p["id"] for p in js["projects"]} | {a["id"] for a in js["agreements"]}
    miss = [r["id"] for r in reg if frm <= int(r["year"]) <= year and r["id"] not in ids]
    check(not miss, tag + " no register row is dropped", str(miss))
    # every proposal of the case is named: followed up, or among the others, once
    case_ids = [r["id"] for r in csv.DictReader(open(os.path.join(ROOT, "examples", e, json.load(open(cp))["data"]["projects"]), encoding="utf-8"))]
    named = [p["id"] for p in js["projects"] if p["id"] in case_ids] + [p["id"] for p in js.get("other_projects", [])]
    check(sorted(named) == sorted(case_ids), tag + " every proposal of the case is named once",
          "named %s, case %s" % (sorted(named), sorted(case_ids)))
    others = [p["id"] for p in js.get("other_projects", [])]
    check(not any(p["decided"] for p in js["projects"] if p["id"] in others), tag + " other proposals are not decided")
    # each year's counts add up to the projects listed; the last year's are the departments'
    if js.get("years"):
        dep = {}
        for d in js["departments"]:
            for k, v in d["count_by_status"].items():
                dep[k] = dep.get(k, 0) + v
        sums = [sum(y["count_by_status"].values()) for y in js["years"]]
        check(all(n == len(js["projects"]) for n in sums) and js["years"][-1]["count_by_status"] == dep,
              tag + " each year counts every project; the last year's counts are the departments'",
              "%s vs %d; %s vs %s" % (sums, len(js["projects"]), js["years"][-1]["count_by_status"], dep))
    res = list(exp["actual"])
    # CSV (both languages): the total row
    for lang in ("sv", "en"):
        rc, out, err = run("followup", cp, "--year", str(year), "--from", str(frm), "--format", "csv", "--lang", lang)
        semi = lang == "sv"
        rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"), newline=""), delimiter=";" if semi else ","))
        tot = [r for r in rows if r and r[0] in ("summa", "total")]
        ok = rc == 0 and len(tot) == 1
        if ok:
            r = tot[0]
            for i, k in enumerate(res):
                ok &= abs(num(r[6 + 4 * i], semi) - exp["planned"][k]) < 1e-6
                ok &= abs(num(r[7 + 4 * i], semi) - exp["actual"][k]) < 1e-6
            base = 6 + 4 * len(res)
            ok &= abs(num(r[base], semi) - exp["external_planned"]) < 1e-6
            ok &= abs(num(r[base + 1], semi) - exp["external_received"]) < 1e-6
        check(ok, tag + " csv (%s) total row equals the CSV's sums" % lang, str(tot)[:300])
    # text, md, html (Swedish): the total's figures appear as printed amounts
    for fmt in ("text", "md", "html"):
        rc, out, err = run("followup", cp, "--year", str(year), "--from", str(frm), "--format", fmt, "--date", "2027-12-31")
        if fmt == "html":
            out = out.replace("&nbsp;", "\u00a0")
            m = re.search(r'<tr class="total">(.*?)</tr>', out, re.S)
            line = m.group(1) if m else ""
        else:
            line = next((l for l in out.splitlines() if "Totalt (" in l), "")
        want = [sv_num(exp["actual"][k]) for k in res] + [sv_num(exp["planned"][k]) for k in res] + \
               [sv_num(exp["external_received"]), sv_num(exp["external_planned"])]
        bad = [w for w in want if w not in line]
        check(rc == 0 and line and not bad, tag + " %s total shows the CSV's sums" % fmt, "missing %s in %r" % (bad, line[:300]))

# Kristianstad: the four inactive twin towns, and select showing the same
cp = os.path.join(ROOT, "examples", "kristianstad", "case.json")
FOUR = ["siauliai", "koszalin", "budafok", "rendsburg"]
rc, out, err = run("followup", cp, "--year", "2027", "--format", "json")
ag = {a["id"]: a for a in json.loads(out)["agreements"]}
check(all(ag.get(t, {}).get("action") == "end_candidate" for t in FOUR),
      "kristianstad: the four inactive twin towns are end candidates", str({t: ag.get(t, {}).get("action") for t in FOUR}))
check(all(any("Šiauliai, Koszalin, Budafok-Tétény och Rendsburg" in r for r in ag[t]["reasons"]) for t in FOUR),
      "kristianstad: each cites the policy sentence")
rc, out, err = run("select", cp, "--format", "json", "--no-why")
sel = {p["id"]: p for p in json.loads(out)["partners"]}
same = all(sel[i].get("followup") and sel[i]["followup"]["action"] == a["action"] and sel[i]["followup"]["reasons"] == a["reasons"] for i, a in ag.items())
check(same, "select shows the same follow-up recommendations as followup", "")
check(all("review" in sel[i] for i in ag), "select keeps the decision's own review beside it")
# an activity with Šiauliai in 2027: review, naming it
tmp = os.path.join(OUT, "kristianstad")
shutil.copytree(os.path.join(ROOT, "examples", "kristianstad"), tmp)
case = json.load(open(os.path.join(tmp, "case.json")))
case["model"] = os.path.join(ROOT, "models", "kristianstad.json")
for k in ("partners", "countries"):
    case["data"][k] = os.path.join(ROOT, "data", k + ".csv")
json.dump(case, open(os.path.join(tmp, "case.json"), "w"), ensure_ascii=False)
with open(os.path.join(tmp, "outcomes.csv"), "ab") as f:
    f.write("2027;siauliai;pågående;Videomöte om yrkesutbildning med Šiauliai;0;6;0;;;;;;;;\r\n".encode())
rc, out, err = run("followup", os.path.join(tmp, "case.json"), "--year", "2027", "--format", "json")
a = {x["id"]: x for x in json.loads(out)["agreements"]} if rc == 0 else {}
s = a.get("siauliai", {})
check(s.get("action") == "review" and any("Videomöte om yrkesutbildning" in r for r in s.get("reasons", [])),
      "kristianstad: an inactive town with activity in the period is reviewed, naming it", str(s)[:300])
check(all(a.get(t, {}).get("action") == "end_candidate" for t in FOUR[1:]), "the other three stay end candidates")

# the register as a workbook's sheet (the generic table loader): the same report
sys.path.insert(0, os.path.join(ROOT, "tests", "tools"))
import xlsxgen
tmp = os.path.join(OUT, "tranas-xlsx")
shutil.copytree(os.path.join(ROOT, "examples", "tranas"), tmp)
case = json.load(open(os.path.join(tmp, "case.json")))
case["model"] = os.path.join(ROOT, "models", "tranas.json")
for k in ("partners", "countries"):
    case["data"][k] = os.path.join(ROOT, "data", k + ".csv")
json.dump(case, open(os.path.join(tmp, "case.json"), "w"), ensure_ascii=False)
rc, csv_json, err = run("followup", os.path.join(tmp, "case.json"), "--year", "2027", "--format", "json")
rows = xlsxgen.csv_rows(os.path.join(tmp, "outcomes.csv"))
xlsxgen.save(os.path.join(tmp, "utfall.xlsx"), xlsxgen.book([("Info", [["anteckningar"]]), ("Utfall", rows)]))
case["followup"]["outcomes"] = {"file": "utfall.xlsx", "sheet": "Utfall"}
json.dump(case, open(os.path.join(tmp, "case.json"), "w"), ensure_ascii=False)
rc2, xl_json, err2 = run("followup", os.path.join(tmp, "case.json"), "--year", "2027", "--format", "json")
check(rc == 0 and rc2 == 0 and csv_json == xl_json, "tranas: the register as a workbook sheet gives the same report",
      "rc %d/%d %s" % (rc, rc2, err2[:300]))
# ... with the dates of `evaluated` as Excel stores a typed date: a serial
# number in a cell whose format shows a date
import datetime
ev = rows[0].index("evaluated")
xrows = [list(r) for r in rows]
dated = []
for i, r in enumerate(xrows[1:], 2):
    if isinstance(r[ev], str) and r[ev]:
        y, m, d = map(int, r[ev].split("-"))
        r[ev] = (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days
        dated.append("%s%d" % (xlsxgen.col_name(ev), i))
parts = xlsxgen.book([("Info", [["anteckningar"]]), ("Utfall", xrows)])
x = parts["xl/worksheets/sheet2.xml"]
x = x.decode() if isinstance(x, bytes) else x
for ref in dated:
    x = x.replace('<c r="%s"' % ref, '<c r="%s" s="1"' % ref)
parts["xl/worksheets/sheet2.xml"] = x.encode()
parts["xl/styles.xml"] = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet '
                          b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                          b'<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')
xlsxgen.save(os.path.join(tmp, "utfall.xlsx"), parts)
rc3, xd_json, err3 = run("followup", os.path.join(tmp, "case.json"), "--year", "2027", "--format", "json")
check(dated and rc3 == 0 and xd_json == csv_json,
      "tranas: evaluated as real date cells (%d) gives the same report" % len(dated),
      "rc %d %s" % (rc3, err3[:300]))

# all errors at once
bad = os.path.join(OUT, "bad")
shutil.copytree(os.path.join(ROOT, "tests", "bad", "_base"), bad)
shutil.copy(os.path.join(ROOT, "tests", "bad", "followup-all-at-once", "case.json"), bad)
shutil.copy(os.path.join(ROOT, "tests", "bad", "followup-all-at-once", "outcomes.csv"), bad)
rc, out, err = run("followup", os.path.join(bad, "case.json"), "--year", "2027")
want = ["outcomes.csv:4:2: column 'id': unknown id 'P99'",
        "outcomes.csv:5:5: column 'spent_sek': amounts must be >= 0",
        "outcomes.csv:6:1: column 'year': year must be a whole year",
        "outcomes.csv:7:3: column 'status': unknown status 'finished'",
        "outcomes.csv:8:2: column 'id': a second row for 'P1' in 2027"]
miss = [w for w in want if w not in err]
check(rc == 2 and not miss, "five bad rows: five errors in one run, exit 2", "rc %d, missing %s in %s" % (rc, miss, err[:400]))
check(not out, "a bad register prints no report")
check(err.count("partnerval: error:") == 5, "one line per error", err[:400])
# select lists them all too, as check does
rc, out, err = run("select", os.path.join(bad, "case.json"))
check(rc == 2 and err.count("partnerval: error:") == 5 and not [w for w in want if w not in err],
      "select: the five errors, one per line", err[:300])
rc, out, err = run("check", os.path.join(bad, "case.json"))
check(rc == 2 and all(w in err for w in want), "check lists all five", err[:300])
sys.exit(1 if fails else 0)
PYEOF
