# hardening.mk — issue 6: fuzzing, valgrind and coverage (included by the Makefile).
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="csv case scenario pipeline xlsx serve"]
#   make fuzz-build          build the libFuzzer harnesses only (build/fuzz/fuzz_*)
#   make valgrind            the CLI folder tests under valgrind, zero findings
#   make coverage            line and branch coverage of src/ (build/cov, gcovr)
# The fuzzing regressions and the seed corpus are replayed by `make test`
# (tests/unit/test_fuzz_regress.c), which needs no libFuzzer: it links the
# library, regress_driver.c and the five harnesses, each compiled on its own
# with LLVMFuzzerTestOneInput renamed to pv_fuzz_<target>.

FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= csv case scenario pipeline xlsx serve
FUZZ_CC      ?= clang
FUZZ_BUILD   := build/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_FLAGS   ?= -max_len=16384 -timeout=30 -rss_limit_mb=2048 -print_final_stats=1
FUZZ_BINS    := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
FUZZ_PKGS    := clang libclang-rt-14-dev
COV_BUILD    := build/cov

.PHONY: fuzz fuzz-build fuzz-deps valgrind coverage

REGRESS_HARNESSES := csv case scenario pipeline xlsx serve
REGRESS_OBJ := $(BUILD)/tests/fuzz/regress_driver.o \
               $(REGRESS_HARNESSES:%=$(BUILD)/tests/fuzz/fuzz_%.o)

$(BUILD)/tests/fuzz/regress_driver.o: tests/fuzz/regress_driver.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(DEPFLAGS) -c $< -o $@

$(BUILD)/tests/fuzz/fuzz_%.o: tests/fuzz/fuzz_%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(DEPFLAGS) -DLLVMFuzzerTestOneInput=pv_fuzz_$* -c $< -o $@

$(BUILD)/tests/test_fuzz_regress: tests/unit/test_fuzz_regress.c $(REGRESS_OBJ) $(LIB)
	@mkdir -p $(dir $@) $(BUILD)/tests/deps
	$(CC) $(CFLAGS) $(DEPFLAGS) $(UNIT_DEP) -Itests/fuzz $< $(REGRESS_OBJ) -o $@ $(LDFLAGS) $(LIB) $(LIBS)

-include $(REGRESS_OBJ:.o=.d)

fuzz-deps:
	@sh tests/tools/deps.sh $(FUZZ_PKGS)

# The library is built by this Makefile itself, with clang and fuzzer-no-link.
.PHONY: fuzz-lib
fuzz-lib:
	@CC=$(FUZZ_CC) CFLAGS="-g -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	  $(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) SANITIZE=0 $(FUZZ_BUILD)/libpartnerval.a

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h fuzz-lib
	$(FUZZ_CC) -g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude \
	  $(JANSSON_CFLAGS) -DPV_ROOT='"$(CURDIR)"' -fsanitize=fuzzer $(FUZZ_SAN) \
	  $< -o $@ $(FUZZ_BUILD)/libpartnerval.a $(LIBS)

fuzz-build: fuzz-deps $(FUZZ_BINS)

# Each target runs FUZZ_SECONDS; new inputs go to build/fuzz/corpus/<target>,
# crashes to build/fuzz/artifacts/. Any crash fails the target: minimise it
# (fuzz_X -minimize_crash=1 FILE), fix it, and add it to tests/fuzz/regress/<target>/.
fuzz: fuzz-build
	@set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/artifacts; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(FUZZ_BUILD)/fuzz_$$t $(FUZZ_FLAGS) -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t- \
	    $(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t \
	    $$(test -d tests/fuzz/regress/$$t && echo tests/fuzz/regress/$$t) \
	    2>$(FUZZ_BUILD)/$$t.log || { tail -60 $(FUZZ_BUILD)/$$t.log; exit 1; }; \
	  grep -E "^(#[0-9]+ *DONE|stat::number_of_executed_units|stat::peak_rss)" $(FUZZ_BUILD)/$$t.log || true; \
	done; echo "fuzz: no crash on $(FUZZ_TARGETS)"

# The CLI folder tests (tests/cli, tests/bad) under valgrind. GLPK's and
# libc's one-time allocations are "still reachable", not leaks.
VALGRIND ?= valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
            --error-exitcode=99 -q
valgrind: all
	@sh tests/tools/deps.sh valgrind
	@PV_WRAP="$(VALGRIND)" PV_NO_SCRIPTS=1 PV_TEST_OUT=$(CURDIR)/tests/out-valgrind \
	  sh tests/run.sh $(BUILD)

# Coverage: a separate -O0 --coverage build in build/cov; the whole suite runs
# against its binary (PV_BIN) and unit tests; gcovr then reports src/.
coverage: deps
	@sh tests/tools/deps.sh gcovr
	@rm -rf $(COV_BUILD)
	@CFLAGS="-O0 -g --coverage" LDFLAGS="--coverage" \
	  $(MAKE) --no-print-directory BUILD=$(COV_BUILD) SANITIZE=0 $(COV_BUILD)/partnerval \
	  $(UNIT_SRC:tests/unit/%.c=$(COV_BUILD)/tests/%)
	@PV_BIN=$(CURDIR)/$(COV_BUILD)/partnerval PV_TEST_OUT=$(CURDIR)/tests/out-cov \
	  sh tests/run.sh $(COV_BUILD) $(UNIT_SRC:tests/unit/%.c=$(COV_BUILD)/tests/%) || true
	@gcovr --root . --filter 'src/' --object-directory $(COV_BUILD) --sort-uncovered \
	  $(GCOVR_FLAGS) $(COV_BUILD) | tail -n 45
	@gcovr --root . --filter 'src/' --object-directory $(COV_BUILD) --branches --print-summary \
	  $(GCOVR_FLAGS) $(COV_BUILD) | tail -n 4
