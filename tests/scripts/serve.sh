#!/bin/sh
# `partnerval serve` over a real socket (tests/scripts/serve_check.py, urllib):
# for every example, starts `serve CASE --port 0`, reads the URL from the first
# line of standard output, and checks that the API's JSON for a patch is byte
# for byte the CLI's JSON for the same case patched (rank, select, weights,
# frontier, sensitivity, robust, compare), the report download equals the
# CLI's file, the security rules over HTTP, scenario save, and SIGTERM -> exit
# 0. On Lidköping also 200 concurrent mixed requests (rank/select/frontier),
# and, when valgrind is installed, the same load under valgrind with no leak.
#   tests/scripts/serve.sh /abs/path/to/partnerval
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
command -v python3 >/dev/null 2>&1 || { echo "SKIP serve: python3 is not installed"; exit 0; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pvserve.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
fail=0
for c in examples/*/case.json; do
  load=""
  [ "$c" = examples/lidkoping/case.json ] && load="--load 200"
  # shellcheck disable=SC2086
  python3 tests/scripts/serve_check.py "$PV" "$c" "$WORK" $load || fail=1
done
if grep -aq __asan_init "$PV" 2>/dev/null; then
  echo "SKIP serve: the binary is built with AddressSanitizer (valgrind cannot run it; ASan checks leaks)"
elif command -v valgrind >/dev/null 2>&1; then
  PV_SERVE_WRAP="valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 -q" \
    python3 tests/scripts/serve_check.py "$PV" examples/lidkoping/case.json "$WORK" --load 200 --only-load || fail=1
else
  echo "SKIP serve: valgrind is not installed (the leak check under load)"
fi
exit $fail
