#!/bin/sh
# Creates or refreshes a golden CLI test: tests/cli/NAME/{cmd,stdout,exit}.
#   tests/tools/golden.sh NAME 'CMD'      (CMD runs in tests/cli/NAME with $PV)
# The expected output is what the tool prints now: review it (git diff) before
# committing; a golden test is only as good as the review of its output.
set -e
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
d="$ROOT/tests/cli/$1"
mkdir -p "$d"
printf '%s\n' "$2" > "$d/cmd"
set +e
(cd "$d" && PV="$ROOT/partnerval" sh ./cmd > stdout 2> /dev/null)
rc=$?
set -e
if [ "$rc" = 0 ]; then rm -f "$d/exit"; else echo "$rc" > "$d/exit"; fi
echo "$1: exit $rc, $(wc -c < "$d/stdout") bytes"
