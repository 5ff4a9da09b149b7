#!/bin/sh
# HTML reports without a browser: SHA-256 of every input matches sha256sum,
# --date and today's date, other formats stay date-free, Swedish and English
# number formats, atomic output (a failed run leaves the old file alone).
#   tests/scripts/html.sh /abs/path/to/partnerval
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
pass() { echo "PASS $1"; }
failm() { echo "FAIL $1"; fail=1; }
CASE="$ROOT/examples/lidkoping/case.json"

"$PV" select "$CASE" --format html --lang sv --date 2027-03-01 -o "$T/sv.html" || failm "select sv"
"$PV" select "$CASE" --format html --lang en --date 2027-03-01 -o "$T/en.html" || failm "select en"

# Every input file is listed with its SHA-256, as sha256sum computes it.
n=0
for f in "$CASE" "$ROOT/models/lidkoping.json" "$ROOT/examples/lidkoping/projects.csv" \
         "$ROOT/data/partners.csv" "$ROOT/data/countries.csv" "$ROOT/examples/lidkoping/outcomes.csv"; do
  h=$(sha256sum "$f" | cut -d' ' -f1)
  if grep -q "<code>$h</code>" "$T/sv.html"; then n=$((n+1)); else failm "sha256 of $f ($h) not in the report"; fi
done
[ "$n" = 6 ] && pass "sha256 of all 6 inputs (the outcomes register too)"
[ "$(grep -c '<tr class="input-file">' "$T/sv.html")" = 6 ] || failm "want 6 input-file rows"

# The date: --date, else today (UTC); text, md, csv and json carry none.
grep -q '<time id="report-date" datetime="2027-03-01">2027-03-01</time>' "$T/sv.html" &&
  pass "--date shown" || failm "--date not shown"
today=$(date -u +%Y-%m-%d)
"$PV" rank "$CASE" --format html -o "$T/today.html"
grep -q "datetime=\"$today\"" "$T/today.html" && pass "default date is today (UTC)" ||
  failm "default date is not $today"
for fmt in text md csv json; do
  a=$("$PV" rank "$CASE" --format $fmt | sha256sum); b=$("$PV" rank "$CASE" --format $fmt --date 1999-01-01 | sha256sum)
  [ "$a" = "$b" ] || failm "--date changed the $fmt report"
  "$PV" rank "$CASE" --format $fmt | grep -q "$today" && failm "$fmt report carries today's date"
done
pass "text, md, csv, json are date-free"

# Numbers: sv "695 000 kr" (no-break space), en "695,000 SEK".
nb=$(printf '\302\240')
grep -q "695${nb}000${nb}kr" "$T/sv.html" && pass "sv amounts" || failm "sv: no '695 000 kr' with NBSP"
grep -q "429,59" "$T/sv.html" && pass "sv decimal comma" || failm "sv: no '429,59'"
grep -q "695,000${nb}SEK" "$T/en.html" && pass "en amounts" || failm "en: no '695,000 SEK'"
grep -q 'lang="sv"' "$T/sv.html" && grep -q 'lang="en"' "$T/en.html" && pass "lang attribute" || failm "lang attribute"

# Self-contained: no script, no external reference.
for f in "$T/sv.html" "$T/en.html"; do
  if grep -Eqi '<script|https?://|<link|<img|@import|url\(' "$f"; then failm "$(basename "$f"): not self-contained"
  else pass "$(basename "$f"): self-contained"; fi
done

# Atomic: a failed run leaves the previous report untouched and no temporary file.
echo old >"$T/keep.html"
"$PV" select "$ROOT/tests/data/mini/nonexistent.json" --format html -o "$T/keep.html" 2>/dev/null &&
  failm "a missing case should fail"
[ "$(cat "$T/keep.html")" = old ] && pass "failed run keeps the old file" || failm "failed run changed the file"
ls "$T"/keep.html.tmp.* >/dev/null 2>&1 && failm "temporary file left behind"

# Refuses to overwrite an input.
cp -r "$ROOT/tests/data/mini" "$T/mini"
"$PV" rank "$T/mini/case.json" --format html -o "$T/mini/projects.csv" 2>/dev/null &&
  failm "overwrote an input file"
cmp -s "$T/mini/projects.csv" "$ROOT/tests/data/mini/projects.csv" && pass "inputs are never overwritten"

exit $fail
