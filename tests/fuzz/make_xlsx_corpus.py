#!/usr/bin/env python3
"""make_xlsx_corpus.py - writes the seed corpus of the xlsx harness,
tests/fuzz/corpus/xlsx/: small workbooks (under the fuzzer's 16 KiB), valid
and hostile.  python3 tests/fuzz/make_xlsx_corpus.py"""
import os, re, shutil, sys
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests/tools"))
import xlsxgen

OUT = os.path.join(ROOT, "tests/fuzz/corpus/xlsx")
shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(OUT)
rows = xlsxgen.csv_rows(os.path.join(ROOT, "tests/data/mini/projects.csv"))
S1 = "xl/worksheets/sheet1.xml"


def book(strings="shared"):
    return xlsxgen.book([("Projekt", rows), ("Tom", [])], strings)


def put(name, parts):
    xlsxgen.save(os.path.join(OUT, name + ".xlsx"), parts)


put("valid-shared", book())
put("valid-inline", book("inline"))
# Excel's _xHHHH_ escapes (ECMA-376 ST_Xstring), decoded in shared and inline strings
esc = [["id", "name", "note"], ["P_x005F_x1", "Riga_x000D__x000A_Vilnius", "a_x0020_b"],
       ["P2", "x_xD83D__xDE00_y", "_xZZZZ_ _x12_ _xD800_"]]
put("valid-escapes-shared", xlsxgen.book([("Projekt", esc)]))
put("valid-escapes-inline", xlsxgen.book([("Projekt", esc)], "inline"))
# Date cells read as the date Excel shows (built-in format 14, a custom
# date-time, a custom number format with text that is no date, the 1900
# leap-day bug), in both date systems
dates = [["id", "when"], ["P1", 46183], ["P2", 46183.5], ["P3", 5], ["P4", 60], ["P5", 61],
         ["P6", 1], ["P7", 46183.99999], ["P8", 46183.75]]
STYLES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet '
          b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2">'
          b'<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/>'
          b'<numFmt numFmtId="165" formatCode="0&quot; dagar&quot;"/>'
          b'<numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts>'
          b'<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4">'
          b'<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>'
          b'<xf numFmtId="166"/>'
          b'</cellXfs></styleSheet>')
for name, wbpr in (("valid-dates", b""), ("valid-dates-1904", b'<workbookPr date1904="1"/>')):
    p = xlsxgen.book([("Projekt", dates)])
    x = p[S1].decode()
    for ref, st in (("B2", 1), ("B3", 2), ("B4", 3), ("B5", 1), ("B6", 1), ("B7", 1), ("B8", 1),
                    ("B9", 4)):
        x = x.replace('<c r="%s"' % ref, '<c r="%s" s="%d"' % (ref, st))
    p[S1] = x.encode()
    p["xl/styles.xml"] = STYLES
    if wbpr:
        p["xl/workbook.xml"] = p["xl/workbook.xml"].replace(b"<sheets>", wbpr + b"<sheets>")
    put(name, p)
p = xlsxgen.book([("Projekt", [["id", None, "b", "flag"], ["P1", None, ("f", "1+1", 2), True],
                                [None, None, None, None], ["P2", 1.5, "x", False]])])
put("valid-skipped-formula-boolean", p)
p = book()
p[S1] = p[S1].replace(b"<sheetData>", b"<sheetData>" + b" " * (2 << 20))
put("zip-bomb", p)
p = book()
p[S1] = p[S1].replace(b'<row r="2">', b'<row r="2"><c r="BDWGN2"><v>1</v></c>', 1)
put("million-column-reference", p)
p = book()
p[S1] = p[S1].replace(b'</row>', b'<c r="XFD1" s="3"/></row>', 1)
put("empty-cell-at-xfd", p)
p = book()
del p["xl/sharedStrings.xml"]
put("missing-shared-strings", p)
p = book()
p["xl/_rels/workbook.xml.rels"] = p["xl/_rels/workbook.xml.rels"].replace(
    b'Target="worksheets/sheet1.xml"', b'Target="../xl/workbook.xml"')
put("cyclic-relationships", p)
p = book()
p["_rels/.rels"] = p["_rels/.rels"].replace(b'Target="xl/workbook.xml"', b'Target="_rels/.rels"')
put("cyclic-package-relationship", p)
p = book()
p["xl/workbook.xml"] = p["xl/workbook.xml"].replace(b'r:id="rId1"', b'r:id="rId7"')
put("missing-relationship", p)
p = book()
s = p["xl/sharedStrings.xml"]
p["xl/sharedStrings.xml"] = (b'<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
                             b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
                             b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\n'
                             + s[s.index(b"<sst"):].replace(b">P1<", b">&d;<", 1))
put("entity-expansion", p)
p = book()
del p["_rels/.rels"]
put("no-package-relationships", p)
print("wrote", len(os.listdir(OUT)), "workbooks to", OUT)
