#!/bin/sh
# Control characters from the inputs never reach a terminal or a spreadsheet
# raw (issue 11, point 5): a project and a partner name holding ESC, BEL, a
# newline, the C1 CSI, a bidi override and a line separator are shown with
# '?' (one per character) in the text, Markdown and CSV reports of rank
# and select, and the reports have exactly as many lines as with clean names.
#   tests/scripts/report_ctrl.sh /abs/path/to/partnerval
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
mkdir -p "$T/ex/lidkoping" "$T/models" "$T/data"
cp "$ROOT/examples/lidkoping/projects.csv" "$ROOT/examples/lidkoping/case.json" \
   "$ROOT/examples/lidkoping/outcomes.csv" "$T/ex/lidkoping/"
cp "$ROOT/models/lidkoping.json" "$T/models/"
cp "$ROOT/data/partners.csv" "$ROOT/data/countries.csv" "$T/data/"
sed -i 's#"\.\./\.\./models/#"../../models/#; s#"\.\./\.\./data/#"../../data/#' "$T/ex/lidkoping/case.json"
for kind in clean dirty; do
  if [ $kind = dirty ]; then
    python3 - "$T" <<'PY'
import csv, io, sys
t = sys.argv[1]
for f, col, row in (("ex/lidkoping/projects.csv", "name", "LK02"), ("data/partners.csv", "name", "aalborg")):
    p = "%s/%s" % (t, f)
    raw = open(p, encoding="utf-8-sig").read()
    delim = ";" if ";" in raw.splitlines()[0] else ","
    rows = list(csv.reader(io.StringIO(raw), delimiter=delim))
    i = rows[0].index(col)
    for r in rows[1:]:
        if r[0] == row:
            r[i] = "Evil\x1b[2J\x1b]0;pwned\x07 name\nGodkänt\u009b[2J\u202eok\u202c: alla projekt\u2028\r"
    out = io.StringIO()
    csv.writer(out, delimiter=delim, lineterminator="\r\n").writerows(rows)
    open(p, "w", encoding="utf-8").write(out.getvalue())
PY
  fi
  for cmd in rank select; do
    for fmt in text md csv; do
      "$PV" $cmd "$T/ex/lidkoping/case.json" --format $fmt >"$T/$kind-$cmd.$fmt" 2>"$T/err" ||
        { echo "FAIL $kind $cmd $fmt: exit $?"; cat "$T/err"; fail=1; }
    done
  done
done
# the name as each format shows it: Markdown also escapes the brackets
# (\[2J renders as [2J)
want() {
  if [ "$1" = md ]; then printf '%s' 'Evil?\[2J?\]0;pwned? name?Godkänt?\[2J?ok?: alla projekt?'
  else printf '%s' 'Evil?[2J?]0;pwned? name?Godkänt?[2J?ok?: alla projekt?'; fi
}
for cmd in rank select; do
  for fmt in text md csv; do
    f="$T/dirty-$cmd.$fmt"
    # no control byte other than the report's own line ends
    if LC_ALL=C tr -d '\n\r' <"$f" | LC_ALL=C grep -q '[[:cntrl:]]'; then
      echo "FAIL $cmd $fmt: a control character reached the report"; fail=1
    elif python3 -c "import re,sys; sys.exit(bool(re.search('[\u0080-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]', open(sys.argv[1], encoding='utf-8').read())))" "$f"; [ $? != 0 ]; then
      echo "FAIL $cmd $fmt: a C1 or bidi control character reached the report"; fail=1
    elif [ "$(wc -l <"$f")" != "$(wc -l <"$T/clean-$cmd.$fmt")" ]; then
      echo "FAIL $cmd $fmt: a newline in a name started a new report line"; fail=1
    elif ! grep -qF "$(want $fmt)" "$f"; then
      echo "FAIL $cmd $fmt: the name is not shown with '?'"; fail=1
    else
      echo "PASS $cmd $fmt: control characters shown as '?', one line per name"
    fi
  done
done
# Markdown from the register: an activity written as markup is shown as typed
# in the follow-up's Markdown, escaped, never rendered.
sed -i 's/^2026;LK01;pågående;"Start i Aalborg/2026;LK01;pågående;"*fet* <b>x<\/b> [l](u) Start i Aalborg/' \
  "$T/ex/lidkoping/outcomes.csv"
"$PV" followup "$T/ex/lidkoping/case.json" --year 2026 --format md >"$T/fu.md" 2>"$T/err" ||
  { echo "FAIL followup md: exit $?"; cat "$T/err"; fail=1; }
if grep -qF '\*fet\* \<b>x\</b> \[l\](u) Start i Aalborg' "$T/fu.md"; then
  echo "PASS followup md: an activity's markup is escaped"
else
  echo "FAIL followup md: an activity's markup is not escaped"; grep -n "Aalborg" "$T/fu.md"; fail=1
fi
exit $fail
