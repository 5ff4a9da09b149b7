# partnerval — build, test, install.
#   make              the tool and the static library (./partnerval, ./libpartnerval.a)
#   make check        build and run the whole suite; installs nothing
#   make test         `make deps`, tests/browser's npm packages, then `make check`
#   make install      bin, lib, include, man page, lib/pkgconfig/partnerval.pc, and the
#                     models, data and examples in share/partnerval (for `partnerval init`)
# Only `deps`, `demo`, `test`, `bench` and the hardening targets (tests/hardening.mk)
# install missing Debian packages (as root, tests/tools/deps.sh); `make` and
# `make install` never do.

CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
SANITIZE ?= 0

PKG_CONFIG ?= pkg-config
JANSSON_CFLAGS ?= $(shell $(PKG_CONFIG) --cflags jansson 2>/dev/null)
JANSSON_LIBS   ?= $(shell $(PKG_CONFIG) --libs jansson 2>/dev/null || echo -ljansson)
CMOCKA_LIBS    ?= $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
GLPK_LIBS ?= -lglpk
CSV_LIBS  ?= -lcsv
ZIP_CFLAGS  ?= $(shell $(PKG_CONFIG) --cflags libzip 2>/dev/null)
XLSXW_CFLAGS ?= $(shell $(PKG_CONFIG) --cflags xlsxwriter 2>/dev/null)
MHD_CFLAGS ?= $(shell $(PKG_CONFIG) --cflags libmicrohttpd 2>/dev/null)

WARN    = -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) -Iinclude $(JANSSON_CFLAGS) \
           $(ZIP_CFLAGS) $(XLSXW_CFLAGS)
ifeq ($(WERROR),1)
CFLAGS  += -Werror
endif
ifeq ($(SANITIZE),1)
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
BUILD   ?= build/san
else
BUILD   ?= build/rel
endif
# libcrypto, libzip, Expat, libxlsxwriter and libmicrohttpd are loaded when first
# needed (src/util/dl.c), by the soname of the library the headers belong to;
# linked at start they cost every command about 6 ms (README, "Start-up").
soname = $(or $(shell objdump -p "$$($(CC) -print-file-name=lib$(1).so)" 2>/dev/null | \
                sed -n 's/^ *SONAME *//p'),$(2))
# Computed once, when first used: after `make deps` has installed the -dev
# packages in the same run (a fresh machine), not when the Makefile is read.
DL_SONAMES = $(eval DL_SONAMES := \
  -DPV_CRYPTO_SONAME='"$(call soname,crypto,libcrypto.so.3)"' \
  -DPV_ZIP_SONAME='"$(call soname,zip,libzip.so.4)"' \
  -DPV_EXPAT_SONAME='"$(call soname,expat,libexpat.so.1)"' \
  -DPV_XLSXW_SONAME='"$(call soname,xlsxwriter,libxlsxwriter.so.4)"' \
  -DPV_MHD_SONAME='"$(call soname,microhttpd,libmicrohttpd.so.12)"')$(DL_SONAMES)
LIBS    = $(GLPK_LIBS) $(CSV_LIBS) $(JANSSON_LIBS) -lm
# The program links GLPK, libcsv and Jansson from their static archives (in
# their -dev packages) when that links, else from the shared libraries: the
# dynamic loader's work for them and for GLPK's own dependencies was about
# 1 ms of every command (README, "Start-up"). STATIC_SOLVER=0: shared.
# Recursive variables used only in the link recipe: evaluated after `make deps`.
STATIC_SOLVER ?= 1
GLPK_DEPS = $(foreach l,libz.so.1 libltdl.so.7 libcolamd.so.2 libamd.so.2 libgmp.so.10 \
              libsuitesparseconfig.so.5,$(if $(filter /%,$(shell $(CC) -print-file-name=$(l))),-l:$(l)))
STATIC_LIBS = -Wl,-Bstatic $(GLPK_LIBS) $(CSV_LIBS) -ljansson -Wl,-Bdynamic -Wl,--as-needed \
              $(GLPK_DEPS) -lm

LIB_SRC = $(sort $(wildcard src/util/*.c src/read/*.c src/screen/*.c src/score/*.c \
                            src/optimise/*.c src/analyse/*.c src/report/*.c src/serve/*.c))
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_SRC = $(sort $(wildcard src/cli/*.c))
CLI_OBJ = $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB     = $(BUILD)/libpartnerval.a
BIN     = $(BUILD)/partnerval

UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

# -MMD -MP: each object depends on the headers it includes (the .d files below).
DEPFLAGS = -MMD -MP

DEB_PKGS = build-essential pkg-config libglpk-dev glpk-utils libcsv-dev libjansson-dev \
           libcmocka-dev python3 libssl-dev chromium libzip-dev libexpat1-dev libxlsxwriter-dev \
           libmicrohttpd-dev curl
# What only the suite needs, installed by `make test` (test-deps), never by
# `make`, `make check` or `make install`: LibreOffice converts the examples'
# CSV files to workbooks and renders the xlsx reports to PDF, pdftotext reads
# the rendered pages (tests/scripts/xlsx.sh); the fonts are what it renders with.
TEST_PKGS = libreoffice-calc-nogui poppler-utils fonts-dejavu-core

.PHONY: partnerval libpartnerval.a all deps test-deps demo test check install uninstall clean bench format lint

all: partnerval libpartnerval.a

# Top-level copies so that `./partnerval` works after `make`.
partnerval: $(BIN)
	cp $(BIN) $@.tmp && mv -f $@.tmp $@
libpartnerval.a: $(LIB)
	cp $(LIB) $@.tmp && mv -f $@.tmp $@

# An object whose .d file is missing (a tree built before -MMD) is rebuilt:
# the empty rule below makes a missing .d count as new.
DEP_FILES = $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
$(DEP_FILES):

$(BUILD)/%.o: %.c $(BUILD)/%.d
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(DEPFLAGS) -c $< -o $@

# The HTML reports' style sheet, embedded as a C array (od and sed: no xxd).
$(BUILD)/gen/report_css.h: src/report/report.css
	@mkdir -p $(dir $@)
	{ echo 'static const char CSS[] = {'; od -A n -v -t x1 $< | \
	  sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; echo '0};'; } >$@.tmp && mv -f $@.tmp $@
# small_bb's dual simplex is axpys over the basis inverse's columns: vectorised
# (SSE2, no reassociation: the same results) they cost it 5-10 % less time.
$(BUILD)/src/optimise/small_lp.o: override CFLAGS += -ftree-vectorize
$(BUILD)/src/report/html_page.o: $(BUILD)/gen/report_css.h
$(BUILD)/src/report/html_page.o: override CFLAGS += -I$(BUILD)/gen
# The shipped award-rate table (data/award-rates.csv), embedded the same way.
$(BUILD)/gen/award_rates.h: data/award-rates.csv
	@mkdir -p $(dir $@)
	{ echo 'static const char AWARD_RATES[] = {'; od -A n -v -t x1 $< | \
	  sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; echo '0};'; } >$@.tmp && mv -f $@.tmp $@
$(BUILD)/src/read/cofin.o: $(BUILD)/gen/award_rates.h
$(BUILD)/src/read/cofin.o: override CFLAGS += -I$(BUILD)/gen

# The page of `partnerval serve` (src/serve/web/*), embedded the same way:
# web/app.js becomes $(BUILD)/gen/web_app.js.h with the array WEB_APP_JS.
WEB_FILES = $(notdir $(wildcard src/serve/web/*))
WEB_HDRS  = $(WEB_FILES:%=$(BUILD)/gen/web_%.h)
$(BUILD)/gen/web_%.h: src/serve/web/%
	@mkdir -p $(dir $@)
	{ echo "static const char WEB_$$(echo '$*' | tr 'a-z.-' 'A-Z__')[] = {"; \
	  od -A n -v -t x1 $< | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; echo '0};'; } >$@.tmp && mv -f $@.tmp $@
$(BUILD)/src/serve/assets.o: $(WEB_HDRS)
$(BUILD)/src/serve/assets.o: override CFLAGS += -I$(BUILD)/gen
$(BUILD)/src/serve/http.o: override CFLAGS += $(MHD_CFLAGS) $(DL_SONAMES)
$(BUILD)/src/report/hash.o $(BUILD)/src/report/xlsx_writer.o $(BUILD)/src/read/xlsx_reader.o: \
  override CFLAGS += $(DL_SONAMES)

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(if $(filter 1,$(STATIC_SOLVER)),$(CC) $(LDFLAGS) -o $@ $^ $(STATIC_LIBS) 2>/dev/null || )$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

# Unit tests' .d files go to tests/deps/, so that tests/test_* are the programs only.
UNIT_DEP = -MF $(BUILD)/tests/deps/$(notdir $@).d

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@) $(BUILD)/tests/deps
	$(CC) $(CFLAGS) $(DEPFLAGS) $(UNIT_DEP) -Isrc $< -o $@ $(LDFLAGS) $(LIB) $(LIBS) $(CMOCKA_LIBS)

-include $(DEP_FILES) $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/deps/%.d)

# Installs what is missing: as root with apt-get, otherwise prints the command.
deps:
	@sh tests/tools/deps.sh $(DEB_PKGS)

demo: deps
	$(MAKE) --no-print-directory all
	./partnerval rank examples/lidkoping/case.json
	@if ./partnerval select --help >/dev/null 2>&1; then \
	  ./partnerval select examples/lidkoping/case.json; fi
	@mkdir -p out
	./partnerval select examples/lidkoping/case.json --format html -o out/lidkoping.html
	@echo "partnerval: the HTML report is in $(CURDIR)/out/lidkoping.html (open it in a browser)"

# The browser test drives Debian's chromium through playwright-core from the
# npm registry: installed here, with the other set-up, not while tests run.
test-deps:
	@sh tests/tools/deps.sh $(TEST_PKGS)
	@if [ -f tests/browser/package-lock.json ] && [ ! -d tests/browser/node_modules ] && \
	    command -v npm >/dev/null 2>&1; then \
	  echo "partnerval: installing tests/browser (npm ci)"; \
	  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error) || true; fi

# check: the GNU name for the suite; what is not installed is skipped, not
# installed (PV_NO_INSTALL, tests/scripts/browser.sh). test: the same after deps.
check:
	$(MAKE) --no-print-directory WERROR=1 all
	$(MAKE) --no-print-directory WERROR=1 $(UNIT_BIN)
	@PV_NO_INSTALL=1 sh tests/run.sh $(BUILD) $(UNIT_BIN)

test: deps test-deps
	$(MAKE) --no-print-directory WERROR=1 all
	$(MAKE) --no-print-directory WERROR=1 $(UNIT_BIN)
	@sh tests/run.sh $(BUILD) $(UNIT_BIN)

BENCH_PKGS = python3-scipy python3-numpy python3-pandas python3-pulp coinor-cbc bc time

# BENCH_QUICK=1: the few-minute form; BENCH_CB=SECONDS (or 1,5,10): also the 270
# Chu-Beasley problems, BENCH_CB_PROBLEMS=N the first N of each file (tests/bench/run.sh).
bench: deps
	@sh tests/tools/deps.sh $(BENCH_PKGS)
	$(MAKE) --no-print-directory all
	@sh tests/bench/run.sh

# pkg-config file for the static library: `pkg-config --static --libs partnerval`
# adds the libraries it needs (Libs.private). Written at install time, so that
# it names the PREFIX of that install.
PV_VERSION = $(shell sed -n 's/.*define PV_VERSION "\(.*\)"/\1/p' include/partnerval.h)
PC_LINES = 'prefix=$(PREFIX)' 'exec_prefix=$${prefix}' 'libdir=$${prefix}/lib' \
           'includedir=$${prefix}/include' '' 'Name: partnerval' \
           'Description: chooses municipal partner projects (MCDA scoring, MILP with GLPK)' \
           'Version: $(PV_VERSION)' 'Libs: -L$${libdir} -lpartnerval' \
           'Libs.private: $(strip $(GLPK_LIBS) $(CSV_LIBS) $(JANSSON_LIBS)) -lm' \
           'Cflags: -I$${includedir}'

# What `partnerval init` reads, installed under $(PREFIX)/share/partnerval.
SHARE_FILES = $(sort $(wildcard models/*.json models/README.md data/*.csv data/README.md \
                      examples/*/case.json examples/*/*.csv examples/*/scenarios/*.json))
# init's last fallback: the share folder of the PREFIX it was built for.
$(BUILD)/src/cli/init_cmd.o: CFLAGS += -DPV_DATADIR='"$(PREFIX)/share/partnerval"'

install: all
	for f in $(SHARE_FILES); do \
	  install -D -m 0644 "$$f" "$(DESTDIR)$(PREFIX)/share/partnerval/$$f" || exit 1; done
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	           $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 0755 partnerval $(DESTDIR)$(PREFIX)/bin/partnerval
	install -m 0644 libpartnerval.a $(DESTDIR)$(PREFIX)/lib/libpartnerval.a
	install -m 0644 include/partnerval.h $(DESTDIR)$(PREFIX)/include/partnerval.h
	install -m 0644 man/partnerval.1 $(DESTDIR)$(PREFIX)/share/man/man1/partnerval.1
	printf '%s\n' $(PC_LINES) >$(DESTDIR)$(PREFIX)/lib/pkgconfig/partnerval.pc
	chmod 0644 $(DESTDIR)$(PREFIX)/lib/pkgconfig/partnerval.pc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/partnerval $(DESTDIR)$(PREFIX)/lib/libpartnerval.a \
	      $(DESTDIR)$(PREFIX)/include/partnerval.h $(DESTDIR)$(PREFIX)/share/man/man1/partnerval.1 \
	      $(DESTDIR)$(PREFIX)/lib/pkgconfig/partnerval.pc
	rm -rf $(DESTDIR)$(PREFIX)/share/partnerval

format:
	clang-format -i include/*.h src/*.h src/*/*.c src/*/*.h tests/unit/*.c 2>/dev/null || true

lint:
	cppcheck --quiet --enable=warning,performance,portability --error-exitcode=1 \
	  --suppress=missingIncludeSystem -Iinclude -Isrc src

clean:
	rm -rf build partnerval libpartnerval.a tests/out

# fuzz, fuzz-build, valgrind, coverage (issue 6)
include tests/hardening.mk
