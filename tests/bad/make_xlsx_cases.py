#!/usr/bin/env python3
"""make_xlsx_cases.py - (re)generates the tests/bad/xlsx-*/ folders: bad
workbooks (zip bomb, a 10^6-column reference, missing shared strings, cyclic
or missing relationships, XML entity expansion, not a zip, a wrong sheet
name, ...). Each folder holds case.json (projects from book.xlsx, sheet
Projekt), book.xlsx and the usual cmd/exit/stderr/nofile (tests/run.sh).

  python3 tests/bad/make_xlsx_cases.py
"""
import json, os, re, shutil, sys
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests/tools"))
import xlsxgen

BASE = os.path.join(ROOT, "tests/bad/_base")
rows = xlsxgen.csv_rows(os.path.join(BASE, "projects.csv"))


def case_json(sheet="Projekt", file="book.xlsx"):
    c = json.load(open(os.path.join(BASE, "case.json"), encoding="utf-8"))
    c["data"]["projects"] = {"file": file, "sheet": sheet} if sheet else file
    return json.dumps(c, ensure_ascii=False, indent=2) + "\n"


def good():
    return xlsxgen.book([("Projekt", rows)])


def bomb(p):
    s = p["xl/worksheets/sheet1.xml"]
    p["xl/worksheets/sheet1.xml"] = s.replace(b"<sheetData>", b"<sheetData>" + b" " * (60 << 20))


def million_columns(p):
    s = p["xl/worksheets/sheet1.xml"]
    p["xl/worksheets/sheet1.xml"] = s.replace(b'<row r="2">', b'<row r="2"><c r="BDWGN2"><v>1</v></c>', 1)


def million_columns_last(p):  # the reference after the row's real cells
    s = p["xl/worksheets/sheet1.xml"].decode()
    i = s.index('<row r="3">')
    p["xl/worksheets/sheet1.xml"] = (s[:i - 6] + '<c r="BDWGN2"><v>1</v></c>' + s[i - 6:]).encode()


def no_sst(p):
    del p["xl/sharedStrings.xml"]
    p["xl/_rels/workbook.xml.rels"] = re.sub(rb'<Relationship Id="rId\d+" Type="[^"]*sharedStrings"[^>]*/>',
                                             b"", p["xl/_rels/workbook.xml.rels"])


def cyclic(p):
    p["xl/_rels/workbook.xml.rels"] = p["xl/_rels/workbook.xml.rels"].replace(
        b'Target="worksheets/sheet1.xml"', b'Target="../xl/./workbook.xml"')


def cyclic_package(p):
    p["_rels/.rels"] = p["_rels/.rels"].replace(b'Target="xl/workbook.xml"', b'Target="_rels/.rels"')


def missing_rel(p):
    p["xl/workbook.xml"] = p["xl/workbook.xml"].replace(b'r:id="rId1"', b'r:id="rId9"')


def outside(p):
    p["xl/_rels/workbook.xml.rels"] = p["xl/_rels/workbook.xml.rels"].replace(
        b'Target="worksheets/sheet1.xml"', b'Target="../../../etc/passwd"')


LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
          b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
          b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
          b'<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
          b'<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
          b'<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
          b'<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
          b'<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>\n')


def laughs(p):
    s = p["xl/sharedStrings.xml"]
    s = s[s.index(b"<sst"):].replace(b"<t xml:space=\"preserve\">P1</t>", b"<t>&lol9;</t>", 1)
    p["xl/sharedStrings.xml"] = LAUGHS + s


def external_entity(p):
    s = p["xl/worksheets/sheet1.xml"]
    p["xl/worksheets/sheet1.xml"] = (b'<?xml version="1.0"?>\n<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                                     + s[s.index(b"<worksheet"):])


def not_number(p):
    s = p["xl/worksheets/sheet1.xml"]
    p["xl/worksheets/sheet1.xml"] = re.sub(rb'<c r="E3"><v>[^<]*</v></c>',
                                           b'<c r="E3" t="inlineStr"><is><t>80 tusen</t></is></c>', s)


def formula_no_value(p):  # as scripts write them: the value left to Excel
    s = p["xl/worksheets/sheet1.xml"]
    p["xl/worksheets/sheet1.xml"] = re.sub(rb'<c r="E3"><v>[^<]*</v></c>', b'<c r="E3"><f>40000*2</f></c>', s)


def two_values(p):  # 2,500,001 if the values were joined
    s = p["xl/worksheets/sheet1.xml"]
    p["xl/worksheets/sheet1.xml"] = re.sub(rb'<c r="E3"><v>([^<]*)</v></c>', rb'<c r="E3"><v>\1</v><v>1</v></c>', s)


def out_of_order(p):
    s = p["xl/worksheets/sheet1.xml"]
    p["xl/worksheets/sheet1.xml"] = s.replace(b'<row r="3">', b'<row r="2">', 1)


def duplicate_id(p):  # P2 renamed P1: the message names rows, not lines
    s = p["xl/worksheets/sheet1.xml"]
    p["xl/worksheets/sheet1.xml"] = re.sub(rb'<c r="A3"[^>]*>.*?</c>',
                                           b'<c r="A3" t="inlineStr"><is><t>P1</t></is></c>', s, count=1)


def no_workbook(p):
    del p["xl/workbook.xml"]


def bad_xml(p):
    p["xl/worksheets/sheet1.xml"] = p["xl/worksheets/sheet1.xml"].replace(b"</sheetData>", b"</sheetDat>")


SELECT = "$PV select case.json --format xlsx -o out.xlsx"
RANK = "$PV rank case.json -o out.txt"
CASES = [
    # name, edit of the parts (or bytes of book.xlsx), stderr, cmd, nofile, case.json
    ("xlsx-zip-bomb", bomb, "possible zip bomb", SELECT, "out.xlsx", case_json()),
    ("xlsx-million-column-reference", million_columns, "book.xlsx: Projekt!2:2: cell reference 'BDWGN2' is beyond",
     SELECT, "out.xlsx", case_json()),
    ("xlsx-million-column-reference-last", million_columns_last, "cell reference 'BDWGN2' is beyond",
     RANK, "out.txt", case_json()),
    ("xlsx-missing-shared-strings", no_sst, "book.xlsx: Projekt!A1: the cell uses a shared string, but the workbook has no shared strings part",
     SELECT, "out.xlsx", case_json()),
    ("xlsx-cyclic-relationships", cyclic, "points back to xl/workbook.xml (cyclic relationships)",
     SELECT, "out.xlsx", case_json()),
    ("xlsx-cyclic-package-relationship", cyclic_package, "(cyclic relationships)", RANK, "out.txt", case_json()),
    ("xlsx-missing-relationship", missing_rel, "relationship rId9, which the workbook's relationships do not define",
     SELECT, "out.xlsx", case_json()),
    ("xlsx-relationship-outside", outside, "points outside the package", RANK, "out.txt", case_json()),
    ("xlsx-entity-expansion", laughs, "declares a DOCTYPE", SELECT, "out.xlsx", case_json()),
    ("xlsx-external-entity", external_entity, "declares a DOCTYPE", RANK, "out.txt", case_json()),
    ("xlsx-not-a-zip", b"id,name\nP1,x\n", "book.xlsx: not an Excel workbook (.xlsx): not a zip archive",
     SELECT, "out.xlsx", case_json()),
    ("xlsx-old-xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "an old .xls file", RANK, "out.txt",
     case_json()),
    ("xlsx-damaged-zip", "truncate", "damaged zip archive", RANK, "out.txt", case_json()),
    ("xlsx-wrong-sheet", None, "no sheet named 'Projekter'; the workbook has 'Projekt'", SELECT, "out.xlsx",
     case_json("Projekter")),
    ("xlsx-cell-not-a-number", not_number, "book.xlsx: Projekt!E3: column 'cost_sek'", SELECT, "out.xlsx",
     case_json()),
    ("xlsx-formula-without-value", formula_no_value,
     "book.xlsx: Projekt!E3: column 'cost_sek': '#NOVALUE (a formula never computed)' is a formula whose value the workbook does not hold", SELECT, "out.xlsx",
     case_json()),
    ("xlsx-cell-two-values", two_values, "book.xlsx: Projekt!E3: the cell holds more than one value", RANK,
     "out.txt", case_json()),
    ("xlsx-rows-out-of-order", out_of_order, "book.xlsx: Projekt!2:2: row 2 comes after row 2", RANK, "out.txt",
     case_json()),
    ("xlsx-duplicate-id", duplicate_id, "book.xlsx: Projekt!A3: duplicate project id 'P1' (first on row 2)",
     RANK, "out.txt", case_json()),
    ("xlsx-no-workbook-part", no_workbook, "no workbook part (xl/workbook.xml)", RANK, "out.txt", case_json()),
    ("xlsx-bad-xml", bad_xml, "part xl/worksheets/sheet1.xml: bad XML at line", RANK, "out.txt", case_json()),
    ("xlsx-sheet-of-a-csv", None, "\"sheet\" applies to an .xlsx workbook, not to 'projects.csv'", RANK,
     "out.txt", case_json("Projekt", "projects.csv")),
]

for name, edit, err, cmd, nofile, cj in CASES:
    d = os.path.join(ROOT, "tests/bad", name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    if isinstance(edit, bytes):
        open(os.path.join(d, "book.xlsx"), "wb").write(edit)
    elif edit == "truncate":
        xlsxgen.save(os.path.join(d, "book.xlsx"), good())
        data = open(os.path.join(d, "book.xlsx"), "rb").read()
        open(os.path.join(d, "book.xlsx"), "wb").write(data[:len(data) // 2])
    elif name != "xlsx-sheet-of-a-csv":
        p = good()
        if edit:
            edit(p)
        xlsxgen.save(os.path.join(d, "book.xlsx"), p)
    open(os.path.join(d, "case.json"), "w", encoding="utf-8").write(cj)
    open(os.path.join(d, "cmd"), "w").write(cmd + "\n")
    open(os.path.join(d, "exit"), "w").write("2\n")
    open(os.path.join(d, "stderr"), "w", encoding="utf-8").write(err)
    open(os.path.join(d, "nofile"), "w").write(nofile + "\n")
print("wrote %d cases" % len(CASES))
