#!/usr/bin/env python3
"""swedify.py - turn a comma CSV into the Swedish Excel dialect, or a whole
case into its Swedish twin.

  swedify.py IN.csv [OUT.csv] [--keep COL,COL...]
  swedify.py --case CASE.json OUT_DIR [--keep COL,...]

The Swedish dialect is what Excel writes with Swedish regional settings when
saving "CSV UTF-8": a UTF-8 BOM, ';' between fields, CRLF line ends, a decimal
comma, and a thousands separator in numbers of magnitude >= 1000.  The
separator cycles through a space, a no-break space (U+00A0) and a narrow
no-break space (U+202F), so that every form is exercised.  The number's text
is rewritten, never its value: "-1234567.50" becomes "-1 234 567,50".

Cells that are not plain numbers (text, lists such as "a|b", dates) are kept
as they are; key columns (id, code, country, partners by default, and any
given with --keep) are never rewritten.  Fields are quoted only when needed.

--case copies nothing but reads CASE.json, writes a Swedish twin of every CSV
named under "data" into OUT_DIR, and writes OUT_DIR/case.json with the data
paths pointing at the twins and every other path made absolute, so that the
twin ranks exactly like the original.  Python 3 standard library only.
"""
import csv
import io
import json
import os
import re
import sys

NUMBER = re.compile(r"^([+-]?)(\d*)(?:\.(\d*))?([eE][+-]?\d+)?$")
SEPS = [" ", "\u00a0", "\u202f"]
DEFAULT_KEEP = {"id", "code", "country", "partners"}


class Swedifier:
    def __init__(self):
        self.n = 0  # numbers given a thousands separator so far (cycles SEPS)

    def number(self, cell):
        """Swedish form of a plain number cell, or None if it is not one."""
        s = cell.strip()
        m = NUMBER.match(s)
        if not m or not (m.group(2) or m.group(3)):
            return None
        sign, whole, frac, exp = m.group(1), m.group(2), m.group(3), m.group(4) or ""
        if len(whole) > 3 and not exp and whole.lstrip("0") == whole:
            sep = SEPS[self.n % len(SEPS)]
            self.n += 1
            head = len(whole) % 3 or 3
            groups = [whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)]
            whole = sep.join(groups)
        out = sign + whole
        if frac is not None:
            out += "," + frac
        return out + exp


def quote(cell):
    if cell == "" or not any(ch in cell for ch in ';"\r\n') and cell == cell.strip():
        return cell
    return '"' + cell.replace('"', '""') + '"'


def swedify_text(text, keep=(), sw=None):
    """Converts the text of a comma CSV; returns the Swedish text (with BOM)."""
    sw = sw or Swedifier()
    if text.startswith("\ufeff"):
        text = text[1:]
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=",", quotechar='"', strict=True))
    if not rows:
        return "\ufeff"
    header = [h.strip() for h in rows[0]]
    keep_idx = {i for i, h in enumerate(header) if h in DEFAULT_KEEP or h in keep}
    out = [";".join(quote(h) for h in rows[0])]
    for row in rows[1:]:
        cells = []
        for i, cell in enumerate(row):
            if i not in keep_idx:
                sv = sw.number(cell)
                if sv is not None:
                    cell = sv
            cells.append(quote(cell))
        out.append(";".join(cells))
    return "\ufeff" + "\r\n".join(out) + "\r\n"


def is_semicolon_file(text):
    first = text.split("\n", 1)[0]
    return first.count(";") > first.count(",")


def swedify_file(src, dst, keep=(), sw=None):
    with open(src, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    if is_semicolon_file(text):
        out = text if text.startswith("\ufeff") else "\ufeff" + text  # already Swedish
    else:
        out = swedify_text(text, keep, sw)
    with open(dst, "w", encoding="utf-8", newline="") as f:
        f.write(out)


def swedify_case(case_path, out_dir, keep=()):
    """Writes the Swedish twin of a case into out_dir; returns the twin's path."""
    with open(case_path, encoding="utf-8") as f:
        case = json.load(f)
    base = os.path.dirname(os.path.abspath(case_path))
    os.makedirs(out_dir, exist_ok=True)
    sw = Swedifier()
    data = case.get("data", {})
    for key in sorted(data):
        src = os.path.join(base, data[key])
        dst_name = "%s.sv.csv" % key
        swedify_file(src, os.path.join(out_dir, dst_name), keep, sw)
        data[key] = dst_name
    if isinstance(case.get("model"), str):
        case["model"] = os.path.join(base, case["model"])
    fu = case.get("followup")
    if isinstance(fu, dict) and isinstance(fu.get("outcomes"), str):
        fu["outcomes"] = os.path.join(base, fu["outcomes"])  # the register as it is
    if "name" not in case:
        case["name"] = case_path  # the name defaults to the path as given
    twin = os.path.join(out_dir, "case.json")
    with open(twin, "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return twin


def main(argv):
    keep = set()
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == "--keep" and i + 1 < len(argv):
            keep |= {c.strip() for c in argv[i + 1].split(",") if c.strip()}
            i += 2
            continue
        args.append(argv[i])
        i += 1
    if len(args) == 3 and args[0] == "--case":
        print(swedify_case(args[1], args[2], keep))
        return 0
    if len(args) in (1, 2) and not args[0].startswith("-"):
        if len(args) == 2:
            swedify_file(args[0], args[1], keep)
        else:
            with open(args[0], encoding="utf-8-sig", newline="") as f:
                text = f.read()
            sys.stdout.buffer.write(swedify_text(text, keep).encode("utf-8"))
        return 0
    sys.stderr.write(__doc__)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
