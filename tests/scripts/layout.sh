#!/bin/sh
# The house rules of issue 10, checked on every run:
#  - no C file in src/ over 900 lines, no function over 120 lines;
#  - no #include and no call from a lower pipeline stage to a higher one
#    (util < read < screen < score < optimise < analyse < report < serve < cli),
#    calls checked on the compiled objects with nm;
#  - GLPK, libcsv, Jansson each included by their own files only;
#  - `make -n` and `make -n install` never install packages.
#   tests/scripts/layout.sh /abs/path/to/partnerval
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
fail=0
pass() { echo "PASS $1"; }
failm() { echo "FAIL $1"; fail=1; }

# File and function lengths (functions: a line starting with "{" after a
# definition line, to the next line that is exactly "}": the tree's style).
long=$(for f in $(find src -name '*.[ch]'); do
  n=$(wc -l < "$f"); [ "$n" -gt 900 ] && echo "$f: $n lines"; done)
[ -z "$long" ] && pass "no file over 900 lines" || failm "files over 900 lines: $long"
funcs=$(for f in $(find src -name '*.c'); do
  awk -v f="$f" '/^\{/ { start = NR; name = prev } /^\}/ && start { if (NR - start + 2 > 120) print f ":" start ": " NR - start + 2 " lines: " name; start = 0 } { prev = $0 }' "$f"; done)
[ -z "$funcs" ] && pass "no function over 120 lines" || failm "functions over 120 lines: $funcs"

rank() {
  case $1 in util) echo 0;; read) echo 1;; screen) echo 2;; score) echo 3;; optimise) echo 4;;
    analyse) echo 5;; report) echo 6;; serve) echo 7;; cli) echo 8;; *) echo 99;; esac
}
# Includes that reach up the pipeline.
up=$(for f in $(find src -mindepth 2 -name '*.[ch]'); do
  s=$(echo "$f" | cut -d/ -f2); rs=$(rank "$s")
  grep -o '#include "\.\./[a-z_]*/' "$f" | sed 's#.*\.\./##; s#/##' | while read -r t; do
    [ "$(rank "$t")" -gt "$rs" ] && echo "$f includes $t/"; done; done)
[ -z "$up" ] && pass "no include reaches up the pipeline" || failm "upward includes: $up"

# Calls that reach up the pipeline, on the compiled objects.
B=$(ls -td build/rel/src build/san/src 2>/dev/null | head -1)
if [ -n "$B" ] && command -v nm >/dev/null; then
  T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
  # objects of sources that still exist (a build dir may hold stale ones)
  for o in $(find "$B" -name '*.o'); do
    [ -f "src/$(echo "$o" | sed "s#^$B/##; s#\.o\$#.c#")" ] && echo "$o"; done > "$T/objs"
  for o in $(cat "$T/objs"); do
    s=$(echo "$o" | sed "s#^$B/##" | cut -d/ -f1)
    nm --defined-only -g "$o" 2>/dev/null | awk -v s="$s" '{print $3, s}' >> "$T/defs"
  done
  sort -u "$T/defs" > "$T/defs.s"
  bad=$(for o in $(cat "$T/objs"); do
    s=$(echo "$o" | sed "s#^$B/##" | cut -d/ -f1); rs=$(rank "$s")
    nm -u "$o" 2>/dev/null | awk '{print $2}' | sort -u | join - "$T/defs.s" | while read -r sym t; do
      [ "$(rank "$t")" -gt "$rs" ] && echo "$o calls $sym ($t)"; done; done)
  [ -z "$bad" ] && pass "no call reaches up the pipeline" || failm "upward calls: $bad"
else
  echo "SKIP upward calls (no build objects or no nm)"
fi

# Each outside library in its own file(s).
only() {
  got=$(grep -rl "#include <$1>" src | sort | tr '\n' ' ')
  [ "$got" = "$2 " ] && pass "<$1> only in $2" || failm "<$1> included by: $got (want $2)"
}
only glpk.h src/optimise/glpk_driver.c
only csv.h src/read/csv_reader.c
only zip.h src/read/xlsx_reader.c
only expat.h src/read/xlsx_reader.c
only xlsxwriter.h src/report/xlsx_writer.c
only microhttpd.h src/serve/http.c

# Plain make and make install never install packages.
for t in all install; do
  if make -n $t 2>/dev/null | grep -qE 'apt-get|deps\.sh'; then failm "make -n $t installs packages"
  else pass "make -n $t installs nothing"; fi
done
exit $fail
