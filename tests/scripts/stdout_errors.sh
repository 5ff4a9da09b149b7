#!/bin/sh
# Standard output is flushed and checked on every command (issue 11, finding
# 11): a write error is exit 4 with "cannot write to standard output", never a
# silent exit 0 with a truncated file. /dev/full is a device made here (mknod,
# as root; else that part is skipped); a pipe whose reader has gone is EPIPE
# (SIGPIPE is ignored), also exit 4 with a message.
#   tests/scripts/stdout_errors.sh /abs/path/to/partnerval
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
pass() { echo "PASS $1"; }
failm() { echo "FAIL $1"; fail=1; }
L="$ROOT/examples/lidkoping/case.json"
M="$ROOT/tests/data/cons/case_infeasible.json"
echo '{"a": 1}' > "$T/t.json"; echo '{"b": 2}' > "$T/p.json"
echo '{"name": "s", "patch": {"resources": {"budget_sek": {"limit": 700000}}}}' > "$T/s.json"

# each line: a name, then the arguments
cat > "$T/cmds" <<EOC
check|check $L
merge-patch|merge-patch $T/t.json $T/p.json
help|--help
version|--version
rank-help|rank --help
rank|rank $L
weights|weights $L --format md
select|select $L --no-why --format json
select-infeasible|select $M --no-why
compare|compare $L $T/s.json
sensitivity|sensitivity $L --format csv
frontier|frontier $L --resource budget_sek
robust|robust $L --samples 10
EOC

if (cd "$T" && mknod full c 1 7) 2>/dev/null; then
  while IFS='|' read -r name args; do
    # shellcheck disable=SC2086
    "$PV" $args > "$T/full" 2> "$T/err"; rc=$?
    if [ $rc = 4 ] && grep -q "cannot write to standard output" "$T/err"; then
      pass "$name > /dev/full: exit 4 with a message"
    else
      failm "$name > /dev/full: exit $rc, stderr: $(tail -c 200 "$T/err")"
    fi
  done < "$T/cmds"
else
  echo "SKIP /dev/full (mknod not permitted)"
fi

# A pipe closed early: its reader gone before the write.
{ sleep 0.3; "$PV" check "$L" 2> "$T/err"; echo $? > "$T/rc"; } | true
rc=$(cat "$T/rc")
[ "$rc" = 4 ] && grep -q "cannot write to standard output" "$T/err" &&
  pass "check | (closed): exit 4 with a message" || failm "check | (closed): exit $rc"
{ sleep 0.3; "$PV" rank "$L" --format json 2> "$T/err"; echo $? > "$T/rc"; } | head -c 0 > /dev/null
rc=$(cat "$T/rc")
[ "$rc" = 4 ] && grep -q "cannot write to standard output: Broken pipe" "$T/err" &&
  pass "rank | head -c 0: exit 4 with a message" || failm "rank | head -c 0: exit $rc"

# Within a frontier sweep, infeasible points are marked in every format.
F="$PV frontier $L --resource budget_sek"  # grep -q may close early: stderr dropped
$F --format json 2>/dev/null | grep -q '"limit": 0.000000, "feasible": false' && pass "frontier json marks an infeasible point" || failm "frontier json"
$F --format csv --lang en 2>/dev/null | grep -q '^0.000000,no,,' && pass "frontier csv marks an infeasible point" || failm "frontier csv"
$F --format text --lang en 2>/dev/null | grep -q '^ *0[^0-9,.][^0-9]*infeasible$' && pass "frontier text marks an infeasible point" || failm "frontier text"
$F --format md --lang sv 2>/dev/null | grep -q '^| 0[^|0-9]*kr | ogenomförbar' && pass "frontier md marks an infeasible point" || failm "frontier md"
$F --format html --lang sv --date 2026-01-01 2>/dev/null | grep -q 'class="infeasible-point".*ogenomförbar</title>' && pass "frontier html marks an infeasible point" || failm "frontier html"
exit $fail
