#!/bin/sh
# HTML reports in a real browser: renders every command's HTML report for
# every example (sv and en) and an injection case, opens each in Debian's
# headless Chromium (driven by playwright-core, tests/browser/check.js), takes
# a PNG screenshot and prints to PDF into tests/out/browser/, and asserts: no
# console errors, no network requests, no script, the header, one row per
# project, an SVG per chart and a resource bar per resource. Also checks that
# the output is byte-identical for a fixed --date.
#   tests/scripts/browser.sh /abs/path/to/partnerval
# Skips (exit 0) only when Chromium is not installed and cannot be, or, with
# PV_NO_INSTALL set (make check), when anything it needs is missing.
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${BROWSER_OUT:-"$ROOT/tests/out/browser"}
BROWSER="$ROOT/tests/browser"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
DATE=2027-03-01
rm -rf "$OUT"; mkdir -p "$OUT"
fail=0
pass() { echo "PASS $1"; }
failm() { echo "FAIL $1"; fail=1; }

apt_install() {
  [ -z "$PV_NO_INSTALL" ] || return 1  # make check: skip what is missing
  [ "$(id -u)" = 0 ] || return 1
  command -v apt-get >/dev/null 2>&1 || return 1
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1
}

if [ ! -x "$CHROMIUM" ]; then
  apt_install chromium
  if [ ! -x "$CHROMIUM" ]; then
    echo "SKIP browser: $CHROMIUM is not installed and could not be installed (apt-get install chromium)"
    exit 0
  fi
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
command -v node >/dev/null 2>&1 || { failm "node: Node.js is needed to drive Chromium (apt-get install nodejs npm)"; exit 1; }
if [ ! -f "$BROWSER/node_modules/playwright-core/package.json" ]; then
  if [ -n "$PV_NO_INSTALL" ]; then
    echo "SKIP browser: tests/browser/node_modules is missing (make test-deps installs it)"
    exit 0
  fi
  (cd "$BROWSER" && npm ci --no-audit --no-fund --loglevel=error) >"$OUT/npm.log" 2>&1 ||
    { failm "npm ci in tests/browser (see $OUT/npm.log)"; cat "$OUT/npm.log"; exit 1; }
fi

# --- render --------------------------------------------------------------
SPEC="$OUT/spec.json"
printf '[\n' >"$SPEC"
first=1
add() { # add HTML PNG(0/1) JSON-EXPECT JSON-ATLEAST SV(true/false)
  base=${1%.html}
  png=""; pdf=""
  [ "$2" = 1 ] && png="$base.png" && pdf="$base.pdf"
  [ $first = 1 ] || printf ',\n' >>"$SPEC"
  first=0
  printf '{"html": "%s", "png": "%s", "pdf": "%s", "expect": %s, "atLeast": %s, "sv": %s}' \
    "$1" "$png" "$pdf" "$3" "$4" "$5" >>"$SPEC"
}
# Projects, resources, leaves and inputs of a case, from its JSON reports.
count() { # CASE WHAT
  case $2 in
    projects) "$PV" rank "$1" --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["projects"]))' ;;
    resources) "$PV" select "$1" --format json --no-why | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["resources"]))' ;;
    leaves) "$PV" weights "$1" --format json | python3 -c 'import json,sys; print(sum(1 for c in json.load(sys.stdin)["criteria"] if c["leaf"]))' ;;
  esac
}
render() { # NAME ARGS... : writes $OUT/NAME.html, twice, and compares
  name=$1; shift
  if ! "$PV" "$@" --format html --date $DATE -o "$OUT/$name.html" 2>"$OUT/$name.err"; then
    failm "render $name: $(head -c 300 "$OUT/$name.err")"; return 1
  fi
  "$PV" "$@" --format html --date $DATE -o "$OUT/$name.again.html" 2>/dev/null
  if ! cmp -s "$OUT/$name.html" "$OUT/$name.again.html"; then
    failm "render $name: not byte-identical on a second run with the same --date"
  fi
  rm -f "$OUT/$name.again.html"
  ls "$OUT"/"$name".html.tmp.* >/dev/null 2>&1 && failm "render $name: left a temporary file"
  return 0
}

for dir in "$ROOT"/examples/*/; do
  ex=$(basename "$dir"); case_json="$dir/case.json"
  [ -f "$case_json" ] || continue
  np=$(count "$case_json" projects); nr=$(count "$case_json" resources); nl=$(count "$case_json" leaves)
  for lang in sv en; do
    sv=false; [ $lang = sv ] && sv=true
    common='"header#report-header": 1, "#summary": 1, "section#model": 1'
    if render "$ex-rank-$lang" rank "$case_json" --lang $lang; then
      add "$OUT/$ex-rank-$lang.html" 1 \
        "{$common, \"#ranking-table tr.project-row\": $np, \"#ranking-table svg.score-bar\": $np}" \
        '{"#input-hashes tr.input-file": 3}' $sv
    fi
    if render "$ex-select-$lang" select "$case_json" --lang $lang; then
      add "$OUT/$ex-select-$lang.html" 1 \
        "{$common, \"#ranking-table tr.project-row\": $np, \"#ranking-table svg.score-bar\": $np, \"#resources svg.resource-bar\": $nr}" \
        '{"#input-hashes tr.input-file": 3, "#partners .partner": 1}' $sv
    fi
    if render "$ex-weights-$lang" weights "$case_json" --lang $lang; then
      add "$OUT/$ex-weights-$lang.html" 0 "{$common, \".chart-weights\": 1}" \
        "{\"#criteria-tree tr.criterion\": $nl, \".chart-weights svg.weight-bar\": 1}" $sv
    fi
    if render "$ex-frontier-$lang" frontier "$case_json" --resource budget_sek --steps 8 --lang $lang; then
      add "$OUT/$ex-frontier-$lang.html" "$([ $ex = lidkoping ] && echo 1 || echo 0)" \
        "{$common, \"svg.chart-frontier\": 1, \"svg.chart-frontier path.frontier-line\": 1, \"svg.chart-frontier line.current-limit\": 1}" \
        '{"#breakpoints tr.breakpoint": 1}' $sv
    fi
    if render "$ex-sensitivity-$lang" sensitivity "$case_json" --lang $lang; then
      add "$OUT/$ex-sensitivity-$lang.html" "$([ $ex = lidkoping ] && echo 1 || echo 0)" \
        "{$common, \"#sensitivity-table svg.sens-band\": $nl}" '{}' $sv
    fi
    if render "$ex-robust-$lang" robust "$case_json" --samples 200 --seed 7 --lang $lang; then
      add "$OUT/$ex-robust-$lang.html" "$([ $ex = lidkoping ] && echo 1 || echo 0)" \
        "{$common}" '{"svg.robust-bar": 1, "table.robust-group tr.project-row": 1}' $sv
    fi
    if [ -f "$dir/outcomes.csv" ] && render "$ex-followup-$lang" followup "$case_json" --year 2027 --lang $lang; then
      add "$OUT/$ex-followup-$lang.html" "$([ $ex = tranas ] && echo 1 || echo 0)" \
        "{\"header#report-header\": 1, \"#summary\": 1, \"#addressee\": 1, \"section#activities\": 1, \"section#resources-used\": 1, \"section#goals\": 1, \"section#agreements\": 1, \"#summary svg.resource-bar\": $nr}" \
        '{"#input-hashes tr.input-file": 4, "#activities-table tbody tr": 1, "#use-table tr.total": 1, "#goal-table tbody tr": 1}' $sv
    fi
    scen=""; [ -d "$dir/scenarios" ] && scen=$(ls "$dir"/scenarios/*.json 2>/dev/null)
    # shellcheck disable=SC2086
    if render "$ex-compare-$lang" compare "$case_json" $scen --set "resources.budget_sek.limit=1000000" --lang $lang; then
      add "$OUT/$ex-compare-$lang.html" "$([ $ex = lidkoping ] && echo 1 || echo 0)" \
        "{$common, \"#compare-projects tr.project-row\": $np}" \
        "{\"#compare-table svg.resource-bar\": $nr}" $sv
    fi
  done
done

# --- injection ------------------------------------------------------------
XSS="$ROOT/tests/data/xss/case.json"
for spec in "rank" "select" "weights" "compare $ROOT/tests/data/xss/scenario.json" \
            "frontier --resource budget_sek" "sensitivity" "robust --samples 50"; do
  # shellcheck disable=SC2086
  set -- $spec; cmd=$1; shift
  for lang in sv en; do
    name=xss-$cmd-$lang
    render "$name" $cmd "$XSS" "$@" --lang $lang || continue
    f="$OUT/$name.html"
    if grep -qi '<script' "$f"; then failm "$name: contains <script"
    elif grep -Eqi '<[^>]*[[:space:]/]on[a-z]+[[:space:]]*=' "$f"; then failm "$name: contains an on*= attribute"
    elif grep -Eqi '<[a-z][^>]*(href|src|action)[[:space:]]*=[[:space:]]*["'"'"']?[[:space:]]*javascript:' "$f"; then failm "$name: contains a javascript: link"
    elif grep -Eqi '<(iframe|img|svg/|a |style>body|object|embed|link)' "$f"; then failm "$name: user markup came through unescaped"
    elif ! grep -q '&lt;script&gt;alert(' "$f"; then failm "$name: the hostile text is not shown, escaped"
    else pass "$name: no executable markup"
    fi
    case $cmd in
      rank|select) exp='{"header#report-header": 1, "#ranking-table tr.project-row": 4}' ;;
      compare) exp='{"header#report-header": 1, "#compare-projects tr.project-row": 4}' ;;
      *) exp='{"header#report-header": 1}' ;;
    esac
    add "$f" "$([ $lang = sv ] && [ $cmd = select ] && echo 1 || echo 0)" "$exp" '{}' false
  done
done
printf '\n]\n' >>"$SPEC"

# --- the checker itself sees script and requests ----------------------------
cat >"$OUT/selftest-unsafe.html" <<'EOF_HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>unsafe</title><style>p{}</style></head>
<body><script>alert('ran')</script><img src="http://127.0.0.1:9/x.png"><p>x</p></body></html>
EOF_HTML
printf '[{"html": "%s", "png": "", "pdf": "", "expect": {}, "atLeast": {}, "sv": false}]\n' \
  "$OUT/selftest-unsafe.html" >"$OUT/selftest.json"
CHROMIUM="$CHROMIUM" node "$BROWSER/check.js" "$OUT/selftest.json" >"$OUT/selftest.log" 2>&1
if grep -q 'script ran (dialog)' "$OUT/selftest.log" && grep -q 'network requests' "$OUT/selftest.log"; then
  pass "checker: sees a script run and a network request in an unsafe page"
else
  failm "checker: missed the script or the request in an unsafe page: $(cat "$OUT/selftest.log")"
fi

# --- browser ----------------------------------------------------------------
if CHROMIUM="$CHROMIUM" node "$BROWSER/check.js" "$SPEC" >"$OUT/browser.log" 2>&1; then :; else fail=1; fi
cat "$OUT/browser.log"
npages=$(grep -c '^PASS' "$OUT/browser.log")
echo "browser: $npages pages passed; screenshots and PDFs in $OUT"
exit $fail
