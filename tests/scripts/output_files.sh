#!/bin/sh
# The one writer of output files (issue 11, findings 1, 7, 13 and 20):
# symlinks followed, devices/FIFOs written in place, umask and kept modes,
# a read-only file kept, a file-size limit reported (exit 4, no temporary file), `-o ""` a usage error,
# /dev/stdout and /proc/self/fd/N written to the descriptor (a pipe, a >> file).
#   tests/scripts/output_files.sh /abs/path/to/partnerval
PV=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
pass() { echo "PASS $1"; }
failm() { echo "FAIL $1"; fail=1; }
CASE="$ROOT/examples/lidkoping/case.json"
cd "$T" || exit 1
"$PV" rank "$CASE" > want.txt || failm "rank to stdout"
mode() { stat -c %a "$1"; }
notmp() { ls "$T"/*.tmp.* >/dev/null 2>&1 && { failm "$1: temporary file left"; rm -f "$T"/*.tmp.*; }; }

# A symbolic link: the file it points to is replaced, the link stays a link.
echo keep > target.txt; ln -s target.txt link.txt
"$PV" rank "$CASE" -o link.txt || failm "rank -o link"
[ -L link.txt ] && cmp -s target.txt want.txt && pass "symlink followed, link kept" ||
  failm "symlink replaced or target not written"
# A dangling link names the file to create.
ln -s new-target.txt dangling.txt
"$PV" rank "$CASE" -o dangling.txt && [ -L dangling.txt ] && cmp -s new-target.txt want.txt &&
  pass "dangling symlink creates its target" || failm "dangling symlink"
# A link in another folder, relative to the link's folder.
mkdir -p sub; ln -s ../target2.txt sub/l2.txt
"$PV" rank "$CASE" -o sub/l2.txt && [ -L sub/l2.txt ] && cmp -s target2.txt want.txt &&
  pass "relative symlink in a subfolder" || failm "relative symlink in a subfolder"

# A FIFO is written in place (a reader takes the report), never replaced.
mkfifo fifo
timeout 20 cat fifo > from-fifo.txt & reader=$!
timeout 20 "$PV" rank "$CASE" -o fifo; rc=$?
[ -p fifo ] || { : > fifo.unblock; }
wait $reader
[ $rc = 0 ] && [ -p fifo ] && cmp -s from-fifo.txt want.txt && pass "FIFO written in place" ||
  failm "FIFO: rc=$rc, still a FIFO: $([ -p fifo ] && echo yes || echo no)"

# A character device (made here, never the system's): written in place.
if mknod nulldev c 1 3 2>/dev/null; then
  "$PV" rank "$CASE" -o nulldev; rc=$?
  [ $rc = 0 ] && [ -c nulldev ] && pass "character device written in place" ||
    failm "device: rc=$rc, still a device: $([ -c nulldev ] && echo yes || echo no)"
else
  echo "SKIP character device (mknod not permitted)"
fi
notmp "special files"

# Modes: a new file gets 0666 & ~umask; a replaced file keeps its mode.
(umask 077; "$PV" rank "$CASE" -o private.txt) && [ "$(mode private.txt)" = 600 ] &&
  pass "new file under umask 077 is 0600" || failm "new file mode $(mode private.txt), want 600"
(umask 022; "$PV" rank "$CASE" -o public.txt) && [ "$(mode public.txt)" = 644 ] &&
  pass "new file under umask 022 is 0644" || failm "new file mode $(mode public.txt), want 644"
echo old > kept.txt; chmod 640 kept.txt
(umask 000; "$PV" rank "$CASE" -o kept.txt) && [ "$(mode kept.txt)" = 640 ] && cmp -s kept.txt want.txt &&
  pass "replaced file keeps mode 0640" || failm "replaced file mode $(mode kept.txt), want 640"

# A read-only file (no write permission for anyone) is not replaced, even by
# root, for whom a rename over it would not ask: exit 1, the old text kept.
for cmd in "rank $CASE" "rank $CASE --format json" "select $CASE --no-why"; do
  echo old > ro.txt; chmod 444 ro.txt
  "$PV" $cmd -o ro.txt 2> ro.err; rc=$?
  [ $rc = 1 ] && grep -q "ro.txt: is read-only" ro.err && [ "$(cat ro.txt)" = old ] &&
    pass "read-only file kept ($cmd)" || failm "read-only file ($cmd): rc=$rc, $(cat ro.err), now: $(head -c 40 ro.txt)"
  chmod 644 ro.txt
done
notmp "read-only file"

# A file-size limit: a message and exit 4, no temporary file, old file kept.
"$PV" select "$CASE" --format html --date 2027-01-01 > big.html
echo old > limited.html
(ulimit -f 20; "$PV" select "$CASE" --format html --date 2027-01-01 -o limited.html 2> fsz.err); rc=$?
[ $rc = 4 ] && grep -q "limited.html" fsz.err && [ "$(cat limited.html)" = old ] &&
  pass "file-size limit: exit 4 with a message, old file kept" ||
  failm "file-size limit: rc=$rc, stderr: $(cat fsz.err)"
notmp "file-size limit"

# An empty output name is a usage error naming the option.
"$PV" rank "$CASE" -o "" 2> empty.err; rc=$?
[ $rc = 1 ] && grep -q "output file name is empty" empty.err && pass "-o '' is a usage error" ||
  failm "-o '': rc=$rc, stderr: $(cat empty.err)"

# The names of open descriptors are the descriptors themselves: -o
# /dev/stdout into a pipe, appended to a >> file (never replacing it), export
# --lp into a pipe; a descriptor that is not open is an error.
"$PV" rank "$CASE" -o /dev/stdout | cat > piped.txt && cmp -s piped.txt want.txt &&
  pass "-o /dev/stdout into a pipe" || failm "-o /dev/stdout into a pipe: $(head -c 200 piped.txt)"
"$PV" rank "$CASE" -o /proc/self/fd/1 | cat > piped2.txt && cmp -s piped2.txt want.txt &&
  pass "-o /proc/self/fd/1 into a pipe" || failm "-o /proc/self/fd/1 into a pipe"
echo HEADER > log.txt
"$PV" rank "$CASE" -o /dev/stdout >> log.txt
{ echo HEADER; cat want.txt; } > want-log.txt
cmp -s log.txt want-log.txt && pass "-o /dev/stdout >> a file appends" ||
  failm "-o /dev/stdout >> a file: $(head -3 log.txt)"
"$PV" export "$CASE" --lp /dev/stdout | head -3 > lp.txt
grep -q "Maximize" lp.txt && pass "export --lp /dev/stdout into a pipe" ||
  failm "export --lp /dev/stdout: $(cat lp.txt)"
"$PV" rank "$CASE" -o /dev/fd/9 2> fd9.err; rc=$?
[ $rc != 0 ] && grep -q "not open" fd9.err && pass "-o /dev/fd/9 not open: an error" ||
  failm "-o /dev/fd/9: rc=$rc, $(cat fd9.err)"
# A file-size limit on standard output: exit 4 with the reason, not death by SIGXFSZ.
(ulimit -f 1; "$PV" rank "$CASE" --format html > big.html 2> big.err); rc=$?
[ $rc = 4 ] && grep -q "standard output: File too large" big.err &&
  pass "file-size limit on standard output: exit 4 with a message" ||
  failm "file-size limit on standard output: rc=$rc, $(cat big.err)"

# Nothing but the files made here: no stray temporary files.
notmp "end"
exit $fail
