#!/bin/sh
# `partnerval serve` in a real browser: tests/browser/serve.js drives Debian's
# Chromium (playwright-core) over the page served for the Lidköping example:
# the safety slider, an infeasible budget and its diagnosis, must-not, why,
# scenario save and compare, robustness, the frontier's P/B/C, the export
# (equal to the CLI's report), reload after a broken and a good save (on a
# copy of the case), English. Screenshots of each view are kept in
# tests/out/serve-browser/ as artefacts.
#   tests/scripts/serve_browser.sh /abs/path/to/partnerval
# Skips (exit 0) as tests/scripts/browser.sh does when Chromium, Node.js or
# tests/browser/node_modules is missing (make test-deps installs the latter).
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${SERVE_BROWSER_OUT:-"$ROOT/tests/out/serve-browser"}
BROWSER="$ROOT/tests/browser"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
rm -rf "$OUT"; mkdir -p "$OUT"
[ -x "$CHROMIUM" ] || { echo "SKIP serve-browser: $CHROMIUM is not installed (apt-get install chromium)"; exit 0; }
command -v node >/dev/null 2>&1 || { echo "SKIP serve-browser: node is not installed (apt-get install nodejs npm)"; exit 0; }
if [ ! -f "$BROWSER/node_modules/playwright-core/package.json" ]; then
  if [ -n "$PV_NO_INSTALL" ] || ! command -v npm >/dev/null 2>&1; then
    echo "SKIP serve-browser: tests/browser/node_modules is missing (make test-deps installs it)"
    exit 0
  fi
  (cd "$BROWSER" && npm ci --no-audit --no-fund --loglevel=error) >"$OUT/npm.log" 2>&1 ||
    { echo "FAIL serve-browser: npm ci in tests/browser (see $OUT/npm.log)"; exit 1; }
fi
cd "$ROOT" || exit 1
# a copy of the case with the files it names, so the reload test may change them
COPY="$OUT/tree"
mkdir -p "$COPY/examples" && cp -r examples/lidkoping "$COPY/examples/" && cp -r models data "$COPY/" ||
  { echo "FAIL serve-browser: cannot copy the Lidköping case into $COPY"; exit 1; }
PV_CASE_IS_COPY=1 CHROMIUM="$CHROMIUM" node "$BROWSER/serve.js" "$PV" "$COPY/examples/lidkoping/case.json" "$OUT"
