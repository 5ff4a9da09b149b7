#!/bin/sh
# xlsx.sh PARTNERVAL — Excel workbooks in and out (issue 17).
#  In: every example's CSV files, put into one workbook (sheets Projekt,
#      Partner, Länder) by tests/tools/csv2xlsx.c with libxlsxwriter, and
#      converted by LibreOffice (`soffice --headless --convert-to xlsx`, all
#      examples in one call), give byte-identical `rank` and `select` JSON; so
#      do examples/lidkoping-xlsx and its CSV twin examples/lidkoping, and a
#      minimal workbook (tests/tools/xlsxgen.py: inline strings, skipped
#      columns, booleans, formulas' cached values, no styles or docProps).
#  Out: `--format xlsx` of rank, select, compare, followup (kristianstad,
#      2026–2027: every kind of agreement action) and parties (lidkoping's
#      weight sets): the sheets in order in both languages, numbers in cells (not text) equal to the JSON figures,
#      frozen headers and auto-filters, the creation time from --date, the
#      same bytes twice, no temporary file left; every one of the ten
#      workbooks is rendered to PDF by LibreOffice (one call) and its pages are
#      read back with pdftotext: the summary's words, the figures of the JSON,
#      kr/SEK amounts with thousands separators, per cent.
# LibreOffice and pdftotext are TEST_PKGS of the Makefile (`make test`
# installs them): without them this test fails, except under `make check`
# (PV_NO_INSTALL), where it skips what needs them.
PV=${1:?usage: xlsx.sh PARTNERVAL}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT="$ROOT/tests/out/xlsx"
rm -rf "$OUT"; mkdir -p "$OUT/tmp"
fails=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1"; fails=$((fails+1)); }

# LibreOffice: needed (fail) unless PV_NO_INSTALL (skip). lo FORMAT OUTDIR
# FILE... converts many files in one start-up, with its own profile, HOME
# and a time limit.
have_lo=1
for tool in soffice pdftotext; do
  command -v $tool >/dev/null 2>&1 && continue
  have_lo=0
  if [ -n "$PV_NO_INSTALL" ]; then
    echo "SKIP LibreOffice conversions and rendering ($tool not installed; make test installs TEST_PKGS)"
  else
    fail "$tool is not installed (Makefile TEST_PKGS: libreoffice-calc-nogui poppler-utils; make test-deps)"
  fi
done
lo() {
  fmt=$1; dir=$2; shift 2
  mkdir -p "$dir" "$OUT/lo-home"
  HOME="$OUT/lo-home" timeout 600 soffice -env:UserInstallation=file://"$OUT/lo-profile" \
    --headless --norestore --infilter=CSV:44,34,76,1 --convert-to "$fmt" --outdir "$dir" "$@" \
    >>"$OUT/lo.log" 2>&1
}

CC=${CC:-cc}
if ! $CC -O1 -o "$OUT/csv2xlsx" "$ROOT/tests/tools/csv2xlsx.c" \
     $(pkg-config --cflags --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter) 2>"$OUT/cc.err"; then
  echo "FAIL cannot build tests/tools/csv2xlsx.c (libxlsxwriter-dev): $(head -c 300 "$OUT/cc.err")"; exit 1
fi

# twin CASE DIR MODE: writes DIR/case.json reading the case's tables from a
# workbook (MODE lx: one workbook by csv2xlsx; lo: one per CSV by soffice).
twin() {
  tool="$OUT/csv2xlsx"; [ "$3" = lo ] && tool="$OUT"
  python3 - "$1" "$2" "$3" "$tool" <<'EOF'
import json, os, subprocess, sys, shutil
case, out, mode, tool = sys.argv[1:5]
base = os.path.dirname(os.path.abspath(case))
c = json.load(open(case, encoding="utf-8"))
os.makedirs(out, exist_ok=True)
if isinstance(c.get("model"), str):
    c["model"] = os.path.join(base, c["model"])
fu = c.get("followup")  # the outcomes register stays where it is
if isinstance(fu, dict) and isinstance(fu.get("outcomes"), str):
    fu["outcomes"] = os.path.join(base, fu["outcomes"])
names = {"projects": "Projekt", "partners": "Partner", "countries": "Länder"}
data = c["data"]
if mode == "lx":
    args = [tool, os.path.join(out, "förslag.xlsx")]
    for k in sorted(data):
        args.append("%s=%s" % (names[k], os.path.join(base, data[k])))
        data[k] = {"file": "förslag.xlsx", "sheet": names[k]}
    subprocess.check_call(args)
else:  # lo: the CSV files go to one folder, converted later in one soffice call
    lo_in, lo_out = os.path.join(tool, "lo-in"), os.path.join(tool, "lo-xlsx")
    os.makedirs(lo_in, exist_ok=True)
    tag = os.path.basename(out)
    for k in sorted(data):
        shutil.copy(os.path.join(base, data[k]), os.path.join(lo_in, "%s--%s.csv" % (tag, k)))
        data[k] = os.path.join(lo_out, "%s--%s.xlsx" % (tag, k))
json.dump(c, open(os.path.join(out, "case.json"), "w", encoding="utf-8"), ensure_ascii=False)
EOF
}

# same NAME CASE_A CASE_B: rank and select JSON byte-identical.
same() {
  for cmd in rank select; do
    "$PV" $cmd --format json "$2" >"$OUT/$1.$cmd.a.json" 2>"$OUT/$1.$cmd.a.err"; a=$?
    "$PV" $cmd --format json "$3" >"$OUT/$1.$cmd.b.json" 2>"$OUT/$1.$cmd.b.err"; b=$?
    if [ "$a" != "$b" ]; then
      fail "$1 $cmd: exit $a from the CSV, $b from the workbook: $(head -c 300 "$OUT/$1.$cmd.b.err")"
    elif [ "$a" != 0 ] && [ "$a" != 3 ]; then
      fail "$1 $cmd: exit $a: $(head -c 300 "$OUT/$1.$cmd.a.err")"
    elif ! cmp -s "$OUT/$1.$cmd.a.json" "$OUT/$1.$cmd.b.json"; then
      fail "$1 $cmd: JSON differs: diff $OUT/$1.$cmd.a.json $OUT/$1.$cmd.b.json"
    else
      pass "$1 $cmd: identical JSON ($(grep -c '"id"' "$OUT/$1.$cmd.a.json") ids)"
    fi
  done
}

n=0; : >"$OUT/twins"
for c in "$ROOT"/tests/data/mini/case.json "$ROOT"/examples/*/case.json; do
  [ -f "$c" ] || continue
  grep -q '\.xlsx' "$c" && continue
  n=$((n+1))
  name=$(basename "$(dirname "$c")")
  if twin "$c" "$OUT/$name-lx" lx 2>"$OUT/$name-lx.err"; then
    same "$name-libxlsxwriter" "$c" "$OUT/$name-lx/case.json"
  else
    fail "$name: cannot make the workbook: $(head -c 300 "$OUT/$name-lx.err")"
  fi
  if [ $have_lo = 1 ]; then
    if twin "$c" "$OUT/$name-lo" lo 2>"$OUT/$name-lo.err"; then printf '%s\n' "$name" "$c" >>"$OUT/twins"
    else fail "$name: cannot stage the CSV files for soffice: $(head -c 300 "$OUT/$name-lo.err")"; fi
  fi
done
# Every example (the workbook example lidkoping-xlsx below) and tests/data/mini.
ex=$(ls "$ROOT"/examples/*/case.json | wc -l)
[ "$n" -ge 5 ] && [ "$n" = "$ex" ] && pass "$((n-1)) CSV examples and tests/data/mini have workbook twins" \
  || fail "$n cases have workbook twins, want every one of the $ex examples' (one of them an xlsx example) and mini"
# Every example's CSV files, converted by LibreOffice in one start-up.
if [ $have_lo = 1 ] && [ -s "$OUT/twins" ]; then
  lo xlsx "$OUT/lo-xlsx" "$OUT"/lo-in/*.csv
  want=$(ls "$OUT"/lo-in/*.csv | wc -l); got=$(ls "$OUT"/lo-xlsx/*.xlsx 2>/dev/null | wc -l)
  [ "$want" = "$got" ] && pass "LibreOffice converted all $want CSV files of $n cases in one call" \
    || fail "LibreOffice converted $got of $want CSV files: $(tail -c 300 "$OUT/lo.log")"
  while IFS= read -r name && IFS= read -r c; do
    same "$name-libreoffice" "$c" "$OUT/$name-lo/case.json"
  done <"$OUT/twins"
fi
same lidkoping-xlsx "$ROOT/examples/lidkoping/case.json" "$ROOT/examples/lidkoping-xlsx/case.json"
# Sheet names in any case, as Excel matches them, Å/Ä/Ö too: LÄNDER names Länder.
if python3 - "$OUT/mini-lx/case.json" "$OUT/mini-lx/case-upper.json" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
for t in c["data"].values():
    t["sheet"] = t["sheet"].upper()
assert any("Ä" in t["sheet"] for t in c["data"].values())
json.dump(c, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
then same mini-sheets-in-upper-case "$ROOT/tests/data/mini/case.json" "$OUT/mini-lx/case-upper.json"
else fail "mini-sheets-in-upper-case: cannot write the case"; fi

# A minimal workbook of another writer: inline strings, a skipped column,
# booleans, a formula's cached value, no styles/docProps/theme.
mini="$OUT/minimal"; mkdir -p "$mini"
if python3 - "$ROOT" "$mini" <<'EOF'
import json, os, sys
root, out = sys.argv[1:3]
sys.path.insert(0, os.path.join(root, "tests/tools"))
import xlsxgen
base = os.path.join(root, "tests/data/mini")
rows = xlsxgen.csv_rows(os.path.join(base, "projects.csv"))
hdr = rows[0]
cost = hdr.index("cost_sek")
# A first, empty column is skipped (the table starts at B), costs are formulas.
rows = [[None] + r for r in rows]
for r in rows[1:]:
    if isinstance(r[cost + 1], (int, float)):
        r[cost + 1] = ("f", "%s*1" % r[cost + 1], r[cost + 1])
parts = xlsxgen.book([("Info", [["notes"], ["x"]]), ("Projekt", rows)], strings="inline")
xlsxgen.save(os.path.join(out, "minimal.xlsx"), parts)
partners = xlsxgen.csv_rows(os.path.join(base, "partners.csv"))
act = partners[0].index("active") if "active" in partners[0] else -1
for r in partners[1:]:
    if act >= 0 and r[act] in ("yes", "no"):
        r[act] = r[act] == "yes"
xlsxgen.save(os.path.join(out, "partners.xlsx"), xlsxgen.book([("P", partners)]))
c = json.load(open(os.path.join(base, "case.json"), encoding="utf-8"))
c["model"] = os.path.join(base, c["model"])
c["data"]["projects"] = {"file": "minimal.xlsx", "sheet": "projekt"}
c["data"]["partners"] = "partners.xlsx"
c["data"]["countries"] = os.path.join(base, c["data"]["countries"])
json.dump(c, open(os.path.join(out, "case.json"), "w", encoding="utf-8"), ensure_ascii=False)
EOF
then
  # The skipped column A has no name: the reader must say so, with the cell.
  "$PV" rank "$mini/case.json" >/dev/null 2>"$OUT/minimal.err"
  if grep -q "minimal.xlsx: Projekt!A1: header column A has no name" "$OUT/minimal.err"; then
    pass "minimal: an empty first header cell is named as Excel shows it"
  else
    fail "minimal: want 'Projekt!A1: header column A has no name', got: $(head -c 300 "$OUT/minimal.err")"
  fi
  python3 - "$ROOT" "$mini" <<'EOF'
import os, sys
root, out = sys.argv[1:3]
sys.path.insert(0, os.path.join(root, "tests/tools"))
import xlsxgen
base = os.path.join(root, "tests/data/mini")
rows = xlsxgen.csv_rows(os.path.join(base, "projects.csv"))
cost = rows[0].index("cost_sek")
# Skipped columns inside a data row: empty cells. Costs as formulas.
for r in rows[1:]:
    if isinstance(r[cost], (int, float)):
        r[cost] = ("f", "%s*1" % r[cost], r[cost])
parts = xlsxgen.book([("Info", [["notes"], ["x"]]), ("Projekt", rows)], strings="inline")
xlsxgen.save(os.path.join(out, "minimal.xlsx"), parts)
EOF
  same minimal "$ROOT/tests/data/mini/case.json" "$mini/case.json"
else
  fail "minimal: cannot write the workbook"
fi

# ---- out
case_json="$ROOT/examples/lidkoping/case.json"
export TMPDIR="$OUT/tmp"
check_book() { # NAME FILE LANG KIND JSON
  python3 - "$@" <<'EOF'
import json, re, sys, zipfile
name, path, lang, kind, js = sys.argv[1:6]
z = zipfile.ZipFile(path)
wb = z.read("xl/workbook.xml").decode()
sheets = re.findall(r'<sheet name="([^"]*)"', wb)
want = {
    ("rank", "sv"): ["Sammanfattning", "Ranking", "Modell"],
    ("rank", "en"): ["Summary", "Ranking", "Model"],
    ("select", "sv"): ["Sammanfattning", "Ranking", "Portfölj", "Resurser", "Villkor", "Avtal att se över", "Modell"],
    ("select", "en"): ["Summary", "Ranking", "Portfolio", "Resources", "Constraints", "Agreements to review", "Model"],
    ("compare", "sv"): ["Sammanfattning", "Jämförelse", "Projekt"],
    ("compare", "en"): ["Summary", "Comparison", "Projects"],
    ("followup", "sv"): ["Sammanfattning", "Projekt", "Förvaltningar", "Mål", "År", "Avtal att se över", "Modell"],
    ("followup", "en"): ["Summary", "Projects", "Departments", "Goals", "Years", "Agreements to review", "Model"],
    ("parties", "sv"): ["Sammanfattning", "Viktningar", "Kompromiss", "Projekt × viktningar", "Konflikt", "Modell"],
    ("parties", "en"): ["Summary", "Weight sets", "Compromise", "Projects × sets", "Conflict", "Model"],
}[(kind, lang)]
errs = []
if sheets != want:
    errs.append("sheets %s, want %s" % (sheets, want))
sst = re.findall(r"<si><t[^>]*>([^<]*)</t></si>", z.read("xl/sharedStrings.xml").decode())
def cells(i):
    x = z.read("xl/worksheets/sheet%d.xml" % i).decode()
    out = {}
    for ref, attrs, v in re.findall(r'<c r="([A-Z]+\d+)"([^>]*)><v>([^<]*)</v></c>', x):
        out[ref] = sst[int(v)] if 't="s"' in attrs else float(v)
    return x, out
core = z.read("docProps/core.xml").decode()
if "2026-03-15T00:00:00Z" not in core:
    errs.append("creation time is not --date 2026-03-15")
data = json.load(open(js))
x, c = cells(2)
if 'state="frozen"' not in x or "<autoFilter" not in x:
    errs.append("%s: header not frozen or no auto-filter" % sheets[1] if len(sheets) > 1 else "?")
def col(i):  # 0 -> A
    return (col(i // 26 - 1) if i >= 26 else "") + chr(65 + i % 26)
def num(c, ref, want, what):
    v = c.get(ref)
    if not isinstance(v, float) or abs(v - want) > 1e-6:
        errs.append("%s %s: %r is not the number %s" % (what, ref, v, want))
        return False
    return True
if kind == "followup":
    res = list(data["projects"][0]["planned"]) if data["projects"] else []
    for i, p in enumerate(data["projects"], 2):
        if c.get("A%d" % i) != p["id"]:
            errs.append("Projekt A%d: %r, want id %s" % (i, c.get("A%d" % i), p["id"])); break
        ok = True
        for k, r in enumerate(res):  # planned, actual, deviation per resource from F
            ok = ok and num(c, "%s%d" % (col(5 + 4 * k), i), p["planned"][r], "Projekt")
            ok = ok and num(c, "%s%d" % (col(6 + 4 * k), i), p["actual"][r], "Projekt")
            ok = ok and num(c, "%s%d" % (col(7 + 4 * k), i), p["deviation"][r], "Projekt")
        if not ok or not num(c, "%s%d" % (col(5 + 4 * len(res)), i), p["external_planned"], "Projekt"):
            break
    x, c = cells(2 + 1)
    total = 2 + len(data["departments"]) + 1
    if c.get("A%d" % total) not in ("Totalt", "Total"):
        errs.append("Förvaltningar A%d: %r, want the total" % (total, c.get("A%d" % total)))
    for k, r in enumerate(res):
        num(c, "%s%d" % (col(3 + 4 * k), total), data["totals"]["planned"][r], "Förvaltningar total")
        num(c, "%s%d" % (col(4 + 4 * k), total), data["totals"]["actual"][r], "Förvaltningar total")
    x, c = cells(4)
    for i, g in enumerate(data["goals"], 2):
        if c.get("A%d" % i) != g["id"] or not num(c, "C%d" % i, g["sum"], "Mål") \
           or not num(c, "D%d" % i, g["expected"], "Mål"):
            errs.append("Mål row %d: want %s" % (i, g["id"])); break
    x, c = cells(5)
    for i, y in enumerate(data.get("years", []), 2):
        num(c, "A%d" % i, y["year"], "År")
    x, c = cells(6)
    words = {"keep": ("behålls", "keep"), "review": ("ses över", "review"),
             "end_candidate": ("kandidat för avslut", "candidate for ending")}
    for i, a in enumerate(data["agreements"], 2):
        want = words[a["action"]][0 if lang == "sv" else 1]
        if c.get("A%d" % i) != a["id"] or c.get("F%d" % i) != want:
            errs.append("Avtal row %d: %r %r, want %s %s" % (i, c.get("A%d" % i), c.get("F%d" % i), a["id"], want)); break
        if a["reasons"] and a["reasons"][-1] not in c.get("G%d" % i, ""):
            errs.append("Avtal G%d: the reasons lack %r" % (i, a["reasons"][-1][:60])); break
    if {a["action"] for a in data["agreements"]} != set(words):
        errs.append("the case should have agreements to keep, review and end")
if kind == "parties":
    for i, s in enumerate(data["sets"], 2):
        if c.get("A%d" % i) != s["name"] or not num(c, "B%d" % i, s["objective"], "Viktningar"):
            errs.append("Viktningar row %d: want set %s" % (i, s["name"])); break
    x, c = cells(3)
    low = [r[:-1] for r, v in c.items() if r.endswith("1") and r[:-1].isalpha()
           and v in ("Lägsta tillfredsställelse", "Lowest satisfaction")]
    if not low:
        errs.append("Kompromiss: no column of the lowest satisfaction")
    else:
        L = low[0]
        M = col(sum((ord(ch) - 64) * 26 ** e for e, ch in enumerate(reversed(L))))  # the next one
        num(c, L + "2", data["maxmin"]["min_satisfaction"], "Kompromiss (max-min)")
        num(c, M + "3", data["minimax_regret"]["max_regret"], "Kompromiss (minimax regret)")
        num(c, "B2", len(data["maxmin"]["selected_projects"]), "Kompromiss (max-min), projects")
    x, c = cells(4)
    K = len(data["sets"])
    for i, p in enumerate(data["projects"], 2):
        if c.get("A%d" % i) != p["id"] or not num(c, "%s%d" % (col(4 + K), i), p["share"], "Projekt × viktningar"):
            errs.append("Projekt × viktningar row %d: want %s" % (i, p["id"])); break
    x, c = cells(5)
    n = 0
    for a in data["conflict"]:
        n += 1
        if c.get("A%d" % (n + 1)) != a["a"] or not num(c, "C%d" % (n + 1), a["index"], "Konflikt"):
            break
    num(c, "C%d" % (n + 3), data["group_conflict"], "Konflikt, the whole group")
if kind == "compare":
    runs = [data["base"]] + data["scenarios"]
    for i, run in enumerate(runs, 2):
        if not num(c, "C%d" % i, run["objective"], "Jämförelse value"):
            break
        for k, r in enumerate(data["base"]["resources"]):  # used, limit per resource from G
            mine = [q for q in run["resources"] if q["id"] == r["id"]][0]
            num(c, "%s%d" % (col(6 + 2 * k), i), mine["used"], "Jämförelse %s used" % r["id"])
            num(c, "%s%d" % (col(7 + 2 * k), i), mine["limit"], "Jämförelse %s limit" % r["id"])
if kind in ("rank", "select"):
    for i, p in enumerate(data["projects"], 2):
        if c.get("B%d" % i) != p["id"]:
            errs.append("Ranking B%d: %r, want id %s" % (i, c.get("B%d" % i), p["id"])); break
        if not isinstance(c.get("D%d" % i), float) or abs(c["D%d" % i] - p["score"]) > 1e-6:
            errs.append("Ranking D%d: %r is not the number %s" % (i, c.get("D%d" % i), p["score"])); break
if kind in ("select", "followup"):
    styles = z.read("xl/styles.xml").decode()
    for fmt in (["kr", "&quot;h&quot;"] if lang == "sv" else ["SEK", "&quot;h&quot;"]) + ["0.0%", "0.00"]:
        if fmt not in styles:
            errs.append("no number format with %s" % fmt)
if kind == "select":
    x, c = cells(4)
    for i, r in enumerate(data["resources"], 2):
        if not isinstance(c.get("C%d" % i), float) or abs(c["C%d" % i] - r["used"]) > 1e-6 \
           or not isinstance(c.get("D%d" % i), float) or abs(c["D%d" % i] - r["limit"]) > 1e-6:
            errs.append("Resurser row %d: used/limit cells %r %r, want numbers %s %s"
                        % (i, c.get("C%d" % i), c.get("D%d" % i), r["used"], r["limit"]))
x, c = cells(1)
if not any(isinstance(v, str) and re.fullmatch(r"[0-9a-f]{64}", v) for v in c.values()):
    errs.append("Summary: no SHA-256 of the inputs")
print("FAIL %s: %s" % (name, "; ".join(errs)) if errs else "PASS %s: sheets, numbers in cells, formats" % name)
sys.exit(1 if errs else 0)
EOF
}
kinds="rank select compare followup parties"
for lang in sv en; do
  for kind in $kinds; do
    name="out-$kind-$lang"; f="$OUT/$name.xlsx"
    case $kind in
      compare) set -- compare "$case_json" "$ROOT/examples/lidkoping/scenarios/budget-cut-20.json" ;;
      followup) set -- followup "$ROOT/examples/kristianstad/case.json" --year 2027 --from 2026 ;;
      *) set -- $kind "$case_json" ;;
    esac
    if ! "$PV" "$@" --lang $lang --format xlsx --date 2026-03-15 -o "$f" 2>"$OUT/$name.err"; then
      fail "$name: exit $?: $(head -c 300 "$OUT/$name.err")"; continue
    fi
    "$PV" "$@" --lang $lang --format json >"$OUT/$name.json" 2>/dev/null
    check_book "$name" "$f" $lang $kind "$OUT/$name.json" || fails=$((fails+1))
    "$PV" "$@" --lang $lang --format xlsx --date 2026-03-15 -o "$f.again" 2>/dev/null
    if cmp -s "$f" "$f.again"; then pass "$name: byte-identical on a second run"
    else fail "$name: not byte-identical on a second run with the same --date"; fi
    "$PV" "$@" --lang $lang --format xlsx --date 2026-03-16 -o "$f.other" 2>/dev/null
    cmp -s "$f" "$f.other" && fail "$name: another --date gives the same bytes"
  done
done
# select's "Avtal att se över": a row whose reasons run over a line is made
# tall enough for them (kristianstad has long ones), so that printed rows do
# not overlap the next.
f="$OUT/review-tall.xlsx"
if "$PV" select "$ROOT/examples/kristianstad/case.json" --lang sv --format xlsx --date 2026-03-15 \
     -o "$f" 2>/dev/null && msg=$(python3 - "$f" <<'EOF'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sheets = re.findall(r'<sheet name="([^"]*)"', z.read("xl/workbook.xml").decode())
x = z.read("xl/worksheets/sheet%d.xml" % (sheets.index("Avtal att se över") + 1)).decode()
sst = re.findall(r"<si><t[^>]*>([^<]*)</t></si>", z.read("xl/sharedStrings.xml").decode())
long_rows = short = 0
for row in re.findall(r"<row [^>]*>.*?</row>", x)[1:]:
    m = re.search(r'<c r="F(\d+)"[^>]*><v>(\d+)</v>', row)
    if m and len(sst[int(m.group(2))]) > 80:
        long_rows += 1
        if " ht=" not in row[:row.index(">")]:
            short += 1
print("%d of %d rows with long reasons not made tall" % (short, long_rows))
sys.exit(0 if long_rows and not short else 1)
EOF
); then pass "select xlsx: rows with long reasons are tall enough ($msg)"
else fail "select xlsx: review sheet rows: ${msg:-no workbook}"; fi

if [ -z "$(ls -A "$OUT/tmp")" ]; then pass "no temporary file left in TMPDIR"
else fail "temporary files left in TMPDIR: $(ls "$OUT/tmp" | head -3)"; fi

# xlsx needs -o, and only rank, select, compare, followup and parties have it.
for cmd in rank "followup --year 2027" parties; do
  "$PV" $cmd "$case_json" --format xlsx >"$OUT/noo.out" 2>"$OUT/noo.err"
  [ $? = 1 ] && [ ! -s "$OUT/noo.out" ] && grep -q -- "-o FILE.xlsx" "$OUT/noo.err" \
    && pass "$cmd: xlsx without -o: usage error" || fail "$cmd: xlsx without -o: $(cat "$OUT/noo.err")"
done
"$PV" weights "$case_json" --format xlsx -o "$OUT/w.xlsx" 2>"$OUT/w.err"
[ $? = 1 ] && [ ! -e "$OUT/w.xlsx" ] && pass "weights --format xlsx: usage error" \
  || fail "weights --format xlsx: $(cat "$OUT/w.err")"

# LibreOffice opens every decision workbook (six, in one start-up); read
# their rendered pages back: the summary in words, the JSON's figures and the
# number formats as a reader sees them.
if [ $have_lo = 1 ]; then
  lo pdf "$OUT/pdf" "$OUT"/out-*-sv.xlsx "$OUT"/out-*-en.xlsx
  for lang in sv en; do
    for kind in $kinds; do
      name="out-$kind-$lang"; pdf="$OUT/pdf/$name.pdf"
      if [ ! -s "$pdf" ]; then fail "$name: soffice did not render the workbook: $(tail -c 300 "$OUT/lo.log")"; continue; fi
      pdftotext -layout "$pdf" "$OUT/pdf/$name.txt"
      python3 - "$name" "$OUT/pdf/$name.txt" "$OUT/$name.json" $lang $kind <<'EOF' || fails=$((fails+1))
import json, re, sys
name, txt, js, lang, kind = sys.argv[1:6]
text = open(txt, encoding="utf-8").read()
flat = re.sub(r"\s+", " ", text)
data = json.load(open(js, encoding="utf-8"))
sv = lang == "sv"
errs = []
def need(what, pattern):
    if not re.search(pattern, flat):
        errs.append("no %s (/%s/)" % (what, pattern))
title = {("rank", 1): "Rangordning av förslagen", ("rank", 0): "Ranking of the proposals",
         ("select", 1): "Beslutsunderlag: portföljen", ("select", 0): None,
         ("compare", 1): "Scenarier sida vid sida", ("compare", 0): "Scenarios side by side",
         ("followup", 1): "Uppföljning 2026–2027", ("followup", 0): "Follow-up 2026–2027",
         ("parties", 1): "Beslutsunderlag: en portfölj som alla partier kan acceptera",
         ("parties", 0): "Decision basis: a portfolio every party can accept"}[(kind, sv)]
if title:
    need("title", re.escape(title))
need("input checksums", "SHA-256 .*[0-9a-f]{64}")
need("date of the run", "2026-03-15")
def fig(x):  # a score as the sheet's 0.00 format shows it
    return re.escape("%.2f" % x)
if kind in ("rank", "select"):
    top = data["projects"][0]
    need("the first-ranked project", re.escape(top["id"]) + " " + re.escape(top["name"][:20]))
    need("its score as a number cell", fig(top["score"]))
    need("the ranking in words", "Högst rankat" if sv and kind == "rank" else
         "Ranked first" if kind == "rank" else ("valbara" if sv else "eligible"))
if kind == "select":
    need("the decision in words", "Den bästa portföljen" if sv else "The best portfolio")
    need("the status", "optimal")
    unit = "kr" if sv else "SEK"
    money = [r for r in data["resources"] if r["limit"] >= 1000]
    if not money:
        errs.append("no resource of 1 000 or more to look at")
    for r in money[:1]:
        for what in ("used", "limit"):
            v = int(round(r[what]))
            thousands = "{:,}".format(v).replace(",", "[ ,.\u00a0\u202f]")
            need("%s %s with thousands separators" % (r["id"], what), thousands + r" ?(%s|tim|h)\b" % unit)
    need("a share in per cent", r"\d+[.,]\d%")
def thousands(x, unit):  # 1 110 000 kr as a number cell shows it
    return "{:,}".format(int(round(x))).replace(",", "[ ,.\u00a0\u202f]") + r" ?" + unit
if kind == "followup":
    need("the follow-up in words", "Uppföljningen 2026–2027 omfattar" if sv else
         "The follow-up of 2026–2027 covers")
    need("the policy on the follow-up", "Policyn om uppföljning" if sv else "Policy on the follow-up")
    r = list(data["totals"]["planned"])[0]
    need("the total planned with thousands separators",
         thousands(data["totals"]["planned"][r], "kr" if sv else "SEK"))
    need("a deviation in per cent", r"-\d+[.,]\d%")
    for w in (["behålls", "ses över", "kandidat för avslut"] if sv else
              ["keep", "review", "candidate for ending"]):
        need("the agreement action " + w, re.escape(w))
    need("the register's checksum", r"outcomes\.csv [0-9a-f]{64}")
if kind == "parties":
    need("the compromise in words", "viktningar jämfördes" if sv else "weight sets were compared")
    for s in data["sets"]:
        need("%s's optimum" % s["name"], re.escape(s["name"]) + r" +" + fig(s["objective"]))
    need("the satisfaction in per cent", re.escape("%.1f%%" % (data["maxmin"]["min_satisfaction"] * 100)))
    need("the conflict index", r"%.3f" % data["group_conflict"])
    need("projects × sets", r"LK01 .* (ja|nej) " if sv else r"LK01 .* (yes|no) ")
if kind == "compare":
    need("the comparison in words", "Basportföljen når" if sv else "The base portfolio reaches")
    need("the scenario", "Budget −20 %")
    need("yes/no per project", r"LK01 .* (ja|nej)" if sv else r"LK01 .* (yes|no)")
print("FAIL %s rendered by LibreOffice: %s" % (name, "; ".join(errs)) if errs
      else "PASS %s rendered by LibreOffice: %d pages read; words, figures and number formats" %
      (name, text.count("\f")))
sys.exit(1 if errs else 0)
EOF
    done
  done
  if command -v pdftoppm >/dev/null 2>&1; then
    pdftoppm -r 40 -png -f 1 -l 1 "$OUT/pdf/out-select-sv.pdf" "$OUT/pdf/page"
    png=$(ls "$OUT"/pdf/page*.png 2>/dev/null | head -1)
    [ -n "$png" ] && [ "$(wc -c <"$png")" -gt 2000 ] && pass "page 1 rendered as an image ($png)" \
      || fail "page 1 did not render as an image"
  fi
fi
# With co-financing the decision workbook has the figures the other formats
# give: the expected score (what was maximised) with the spread, and a sheet
# of the applications (Tranås, commit chance).
"$PV" select "$ROOT/examples/tranas/case.json" --format json --no-why >"$OUT/cofin.json" &&
"$PV" select "$ROOT/examples/tranas/case.json" --format xlsx -o "$OUT/cofin.xlsx" --date 2027-03-01
if python3 - "$OUT/cofin.json" "$OUT/cofin.xlsx" <<'EOF'
import json, re, sys, zipfile
js = json.load(open(sys.argv[1], encoding="utf-8"))
z = zipfile.ZipFile(sys.argv[2])
names = re.findall(r'<sheet name="([^"]*)"', z.read("xl/workbook.xml").decode())
strs = [re.sub(r"<[^>]+>", "", t) for t in
        re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S)]
def rows(i):
    x = z.read("xl/worksheets/sheet%d.xml" % (i + 1)).decode()
    out = []
    for r in re.findall(r"<row[^>]*>(.*?)</row>", x, re.S):
        out.append([strs[int(v)] if "t=\"s\"" in a else v
                    for a, v in re.findall(r"<c ([^>]*)>(?:<f>[^<]*</f>)?<v>([^<]*)</v>", r)])
    return out
assert "Medfinansiering" in names and "Ansökningar" in names, names
m = rows(names.index("Medfinansiering"))
exp = [r for r in m if r and r[0].startswith("Förväntad poäng")]
assert exp and abs(float(exp[0][1]) - js["cofinancing"]["expected_score"]) < 1e-5, exp
app = rows(names.index("Ansökningar"))[1:]
want = [p["id"] for p in js["projects"] if p.get("award_probability") is not None and p["award_probability"] < 1]
assert sorted(r[0] for r in app) == sorted(want), (app, want)
summary = rows(names.index("Sammanfattning"))
assert any(r and r[0] == "Förväntad totalpoäng" for r in summary), summary[:8]
EOF
then pass "select xlsx with co-financing: the sheets Medfinansiering and Ansökningar, as the JSON"
else fail "select xlsx with co-financing: sheets or figures missing"; fi

# Merged cells: Excel shows a range's value across it but stores it in its
# first cell. Down one column every row gets that value (the same JSON as the
# CSV, where the rows hold it); across columns, or joining the header to the
# data, is an error at the range.
merged="$OUT/merged"; mkdir -p "$merged"
if python3 - "$ROOT" "$merged" <<'EOF'
import json, os, sys
root, out = sys.argv[1:3]
sys.path.insert(0, os.path.join(root, "tests/tools"))
import xlsxgen
base = os.path.join(root, "tests/data/mini")
rows = xlsxgen.csv_rows(os.path.join(base, "projects.csv"))
risk = rows[0].index("risk_level")
letter = xlsxgen.col_name(risk)
assert letter == "I" and rows[4][risk] == rows[5][risk]  # P4 and P5 (sheet rows 5, 6) share it
def write(name, cut, ref):
    r = [list(x) for x in rows]
    for (i, j) in cut:
        r[i][j] = None
    parts = xlsxgen.book([("Projekt", r)])
    x = parts["xl/worksheets/sheet1.xml"]
    if isinstance(x, str):
        x = x.encode()
    x = x.replace(b"</worksheet>", ('<mergeCells count="1"><mergeCell ref="%s"/></mergeCells>'
                                    '</worksheet>' % ref).encode())
    parts["xl/worksheets/sheet1.xml"] = x
    xlsxgen.save(os.path.join(out, name + ".xlsx"), parts)
    c = json.load(open(os.path.join(base, "case.json"), encoding="utf-8"))
    c["model"] = os.path.join(base, c["model"])
    for k, v in c["data"].items():
        c["data"][k] = os.path.join(base, v)
    c["data"]["projects"] = {"file": name + ".xlsx", "sheet": "Projekt"}
    json.dump(c, open(os.path.join(out, name + ".json"), "w", encoding="utf-8"), ensure_ascii=False)
write("down", [(5, risk)], "I5:I6")
write("across", [(2, risk + 1)], "I3:J3")
write("header", [(1, risk)], "I1:I2")
write("below", [], "A12:C12")  # empty rows below the table: left alone
EOF
then
  same merged-down "$ROOT/tests/data/mini/case.json" "$merged/down.json"
  same merged-below "$ROOT/tests/data/mini/case.json" "$merged/below.json"
  for k in "across:cells I3:J3 are merged across columns" "header:cells I1:I2 merge the header"; do
    f=${k%%:*}; want=${k#*:}
    if "$PV" rank "$merged/$f.json" >/dev/null 2>"$merged/$f.err"; then
      fail "merged-$f: exit 0; want an error at the range"
    elif grep -q "Projekt!I[13]: $want" "$merged/$f.err"; then
      pass "merged-$f: $want"
    else
      fail "merged-$f: want '$want', got: $(head -c 300 "$merged/$f.err")"
    fi
  done
else fail "merged: cannot write the workbooks"; fi
[ "$fails" -eq 0 ]
