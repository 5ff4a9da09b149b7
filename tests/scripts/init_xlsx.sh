#!/bin/sh
# `partnerval init DIR --model NAME -o projekt.xlsx` (issue 17, item 3): for
# each of the five shipped models, in Swedish and English, the starter
# projects file is an Excel workbook: the sheets Projekt and Kolumner
# (Projects, Columns), case.json naming {"file", "sheet"}, an input message
# on every column saying what it means (promptTitle = the column, prompt =
# allowed values and meaning), drop-down lists (dataValidation type="list")
# for the yes/no columns (ja,nej / yes,no) and the model's categorical
# columns, numbers in number cells; every column described on the second
# sheet; the case passes check and gives byte-identical rank and select JSON
# to the CSV starter of the same model; the same --date gives the same
# bytes; bad projects-file names are usage errors that write nothing.
#   tests/scripts/init_xlsx.sh /abs/path/to/partnerval
PV=${1:?usage: init_xlsx.sh PARTNERVAL}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fails=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; fails=$((fails+1)); }
cd "$T" || exit 1
for m in kristianstad lidkoping linkoping-norrkoping norrkoping tranas; do
  for lang in sv en; do
    d="$T/$m-$lang"; n="$m ($lang)"
    if ! "$PV" init "$d" --model "$m" --lang $lang -o projekt.xlsx --date 2026-03-15 >out.txt 2>err.txt; then
      fail "$n: init -o projekt.xlsx: exit $?: $(head -c 300 err.txt)"; continue
    fi
    grep -q "projekt.xlsx" out.txt && pass "$n: init names the workbook" || fail "$n: init's summary: $(cat out.txt)"
    "$PV" init "$T/csv-$m-$lang" --model "$m" --lang $lang >/dev/null 2>&1 || fail "$n: the CSV starter"
    python3 - "$d" "$lang" "$m" <<'EOF' || fails=$((fails+1))
import json, os, re, sys, zipfile
d, lang, model = sys.argv[1:4]
sv = lang == "sv"
errs = []
files = sorted(os.listdir(d))
if files != sorted(["case.json", "model.json", "projekt.xlsx", "partners.csv", "countries.csv"]):
    errs.append("files %s" % files)
case = json.load(open(os.path.join(d, "case.json"), encoding="utf-8"))
want_sheets = ["Projekt", "Kolumner"] if sv else ["Projects", "Columns"]
if case["data"]["projects"] != {"file": "projekt.xlsx", "sheet": want_sheets[0]}:
    errs.append("case.json projects: %r" % case["data"]["projects"])
z = zipfile.ZipFile(os.path.join(d, "projekt.xlsx"))
sheets = re.findall(r'<sheet name="([^"]*)"', z.read("xl/workbook.xml").decode())
if sheets != want_sheets:
    errs.append("sheets %s, want %s" % (sheets, want_sheets))
sst = [re.sub(r"<[^>]+>", "", s) for s in
       re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S)]
def cells(i):
    x = z.read("xl/worksheets/sheet%d.xml" % i).decode()
    out = {}
    for ref, attrs, v in re.findall(r'<c r="([A-Z]+\d+)"([^>]*)><v>([^<]*)</v></c>', x):
        out[ref] = sst[int(v)] if 't="s"' in attrs else float(v)
    return x, out
x, c = cells(1)
header = [c[k] for k in sorted((k for k in c if re.fullmatch(r"[A-Z]1", k)), key=lambda k: k)]
if len(header) < 5:
    errs.append("header %s" % header)
if 'state="frozen"' not in x:
    errs.append("header row not frozen")
vals = re.findall(r"<dataValidation ([^>]*?)/?>(?:<formula1>([^<]*)</formula1>)?", x)
titles = {}
for attrs, formula in vals:
    a = dict(re.findall(r'(\w+)="([^"]*)"', attrs))
    titles[a.get("promptTitle")] = (a, formula)
allowed = "Tillåtet: " if sv else "Allowed: "
for col in header:
    a, formula = titles.get(col, ({}, ""))
    if a.get("showInputMessage") != "1" or not a.get("prompt", "").startswith(allowed) \
       or len(a.get("prompt", "")) < 20:
        errs.append("column %s: no input message saying what it means (%r)" % (col, a)); break
    if not re.fullmatch(r"[A-Z]+2:[A-Z]+1001", a.get("sqref", "")):
        errs.append("column %s: the message covers %r, want rows 2..1001" % (col, a.get("sqref"))); break
lists = {t: f for t, (a, f) in titles.items() if a.get("type") == "list"}
yn = '"ja,nej"' if sv else '"yes,no"'
if yn not in lists.values():
    errs.append("no yes/no drop-down list %s (lists: %s)" % (yn, lists))
mdl = json.load(open(os.path.join(d, "model.json"), encoding="utf-8"))
def leaves(cs):
    for k, v in cs.items():
        if "children" in v: yield from leaves(v["children"])
        else: yield v
cats = [l for l in leaves(mdl["criteria"]) if l.get("value", {}).get("type") == "categorical"
        and set(map(str.lower, l["value"].get("map", {}))) - {"yes", "no", "ja", "nej"}]
for l in cats:
    col = l.get("column")
    if col in header and col not in lists:
        errs.append("categorical column %s has no drop-down list" % col)
for t, f in lists.items():
    if f.startswith('"') and len(f) > 257:
        errs.append("list %s longer than Excel takes" % t)
# The example rows: two, numbers as numbers.
rows = sorted({int(k[1:]) if k[1].isdigit() else int(k[2:]) for k in c} - {1})
if rows != [2, 3]:
    errs.append("example rows %s, want 2 and 3" % rows)
res = [r["column"] for r in case["resources"].values()]
for col in res:
    k = header.index(col) if col in header else -1
    ref = "%s2" % chr(ord("A") + k)
    if k < 0 or not isinstance(c.get(ref), float):
        errs.append("resource column %s: %s is %r, not a number cell" % (col, ref, c.get(ref)))
# Second sheet: every header column, with its meaning and allowed values.
x2, c2 = cells(2)
described = [c2.get("A%d" % i) for i in range(2, len(header) + 2)]
if described != header:
    errs.append("the columns sheet lists %s, want %s" % (described, header))
if any(not c2.get("B%d" % i) or not c2.get("C%d" % i) for i in range(2, len(header) + 2)):
    errs.append("a column without meaning or allowed values on the columns sheet")
if "2026-03-15T00:00:00Z" not in z.read("docProps/core.xml").decode():
    errs.append("creation time is not --date")
print("FAIL %s (%s): %s" % (model, lang, "; ".join(errs)) if errs else
      "PASS %s (%s): sheets %s, %d input messages, lists %s, numbers in cells" %
      (model, lang, "/".join(sheets), len(titles), ",".join(sorted(lists))))
sys.exit(1 if errs else 0)
EOF
    "$PV" check "$d/case.json" >/dev/null 2>check.txt && pass "$n: check exits 0" || fail "$n: check: $(head -c 300 check.txt)"
    for cmd in rank select; do
      "$PV" $cmd "$d/case.json" --format json >a.json 2>/dev/null; a=$?
      "$PV" $cmd "$T/csv-$m-$lang/case.json" --format json >b.json 2>/dev/null; b=$?
      [ $a = 0 ] && [ $b = 0 ] && cmp -s a.json b.json && pass "$n: $cmd JSON identical to the CSV starter's" \
        || fail "$n: $cmd: exit $a (workbook) $b (CSV), or the JSON differs"
    done
  done
done
# The same inputs and --date: the same bytes; another date: others.
"$PV" init "$T/again" --model tranas --lang sv -o projekt.xlsx --date 2026-03-15 >/dev/null 2>&1
"$PV" init "$T/other" --model tranas --lang sv -o projekt.xlsx --date 2026-03-16 >/dev/null 2>&1
cmp -s "$T/tranas-sv/projekt.xlsx" "$T/again/projekt.xlsx" && pass "byte-identical workbook for the same --date" \
  || fail "two runs with the same --date give different workbooks"
cmp -s "$T/tranas-sv/projekt.xlsx" "$T/other/projekt.xlsx" && fail "another --date gives the same bytes" \
  || pass "another --date gives another creation time"
# Bad projects-file names: usage errors, nothing written.
for bad in ../x.xlsx sub/x.xlsx .xlsx projekt.txt case.json partners.csv; do
  "$PV" init "$T/bad" --model tranas -o "$bad" >/dev/null 2>err.txt; rc=$?
  [ $rc = 1 ] && [ ! -e "$T/bad" ] && [ ! -e "$T/x.xlsx" ] && grep -q "ending in .csv or .xlsx" err.txt \
    && pass "-o $bad: usage error, nothing written" || fail "-o $bad: exit $rc: $(head -c 200 err.txt)"
done
# A CSV projects file of another name still works.
"$PV" init "$T/named" --model norrkoping -o forslag.csv >/dev/null 2>&1 && [ -f "$T/named/forslag.csv" ] &&
  "$PV" check "$T/named/case.json" >/dev/null 2>&1 && pass "-o forslag.csv: a CSV projects file of that name" \
  || fail "-o forslag.csv"
[ "$fails" -eq 0 ]
