#!/usr/bin/env python3
"""xlsxgen.py - minimal .xlsx workbooks for tests, written part by part with
zipfile, so that a test can break any part (tests/bad/make_xlsx_cases.py,
tests/scripts/xlsx.sh, tests/fuzz/make_corpus.py).

  parts = book([("Projekt", rows), ...], strings="shared"|"inline")
  parts["xl/worksheets/sheet1.xml"] = b"..."   # break something
  save("book.xlsx", parts)

rows: lists of cells; a cell is None (left out: a skipped column), a str, an
int or float (a number), a bool (a boolean), or ("f", formula, cached) for a
formula with its cached number. No styles, docProps or theme: the minimal
package other tools write.
"""
import csv, io, zipfile
from xml.sax.saxutils import escape, quoteattr

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def sheet_xml(rows, sst, strings):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s><sheetData>' % NS]
    for r, row in enumerate(rows, 1):
        out.append('<row r="%d">' % r)
        for c, v in enumerate(row):
            if v is None:
                continue
            ref = "%s%d" % (col_name(c), r)
            if isinstance(v, bool):
                out.append('<c r="%s" t="b"><v>%d</v></c>' % (ref, v))
            elif isinstance(v, (int, float)):
                out.append('<c r="%s"><v>%s</v></c>' % (ref, repr(v)))
            elif isinstance(v, tuple):
                out.append('<c r="%s"><f>%s</f><v>%s</v></c>' % (ref, escape(v[1]), v[2]))
            elif strings == "inline":
                out.append('<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>'
                           % (ref, escape(v)))
            else:
                if v not in sst:
                    sst[v] = len(sst)
                out.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, sst[v]))
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out).encode()


def book(sheets, strings="shared"):
    sst = {}
    parts = {}
    wb = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook %s><sheets>' % NS]
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="%s">' % PKG]
    for i, (name, rows) in enumerate(sheets, 1):
        wb.append('<sheet name=%s sheetId="%d" r:id="rId%d"/>' % (quoteattr(name), i, i))
        rels.append('<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>'
                    % (i, REL, i))
        parts["xl/worksheets/sheet%d.xml" % i] = sheet_xml(rows, sst, strings)
    wb.append("</sheets></workbook>")
    if sst:
        n = len(sheets) + 1
        rels.append('<Relationship Id="rId%d" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
                    % (n, REL))
        items = sorted(sst.items(), key=lambda kv: kv[1])
        parts["xl/sharedStrings.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst %s count="%d" uniqueCount="%d">'
            % (NS, len(items), len(items)) +
            "".join('<si><t xml:space="preserve">%s</t></si>' % escape(k) for k, _ in items) +
            "</sst>").encode()
    rels.append("</Relationships>")
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/></Types>').encode()
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="%s">'
        '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        % (PKG, REL)).encode()
    parts["xl/workbook.xml"] = "".join(wb).encode()
    parts["xl/_rels/workbook.xml.rels"] = "".join(rels).encode()
    return parts


def save(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(parts):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name])


def typed(text):
    """A CSV cell as a workbook would hold it: numbers that read back as the
    same text become numbers; the rest stays text; empty is left out."""
    if text == "":
        return None
    try:
        v = int(text)
        if str(v) == text:
            return v
    except ValueError:
        pass
    try:
        v = float(text)
        if repr(v) == text:
            return v
    except ValueError:
        pass
    return text


def csv_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        data = f.read()
    delim = ";" if data.split("\n", 1)[0].count(";") > data.split("\n", 1)[0].count(",") else ","
    rows = [r for r in csv.reader(io.StringIO(data), delimiter=delim) if r]
    return [rows[0]] + [[typed(c.strip()) for c in r] for r in rows[1:]]
