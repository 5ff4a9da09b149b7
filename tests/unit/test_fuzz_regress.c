/*
 * test_fuzz_regress.c — `make test` replays every fuzzing regression
 * (tests/fuzz/regress/<target>/) and the seed corpus (tests/fuzz/corpus/<target>/)
 * through the five harnesses, without libFuzzer, built with the suite's flags
 * (so `make test SANITIZE=1` replays them under ASan+UBSan). Paths are
 * relative to the repository (the current folder, or $PV_ROOT). The harnesses
 * and the driver are linked in as objects, beside the library.
 */
#include <stdio.h>
#include <stdlib.h>

#include "regress.h"

/* The five harnesses, each built with LLVMFuzzerTestOneInput renamed
 * (tests/hardening.mk). */
int pv_fuzz_csv(const uint8_t *data, size_t size);
int pv_fuzz_case(const uint8_t *data, size_t size);
int pv_fuzz_scenario(const uint8_t *data, size_t size);
int pv_fuzz_pipeline(const uint8_t *data, size_t size);
int pv_fuzz_xlsx(const uint8_t *data, size_t size);
int pv_fuzz_serve(const uint8_t *data, size_t size);

int main(void)
{
    static const struct {
        const char *name;
        pv_fuzz_fn fn;
    } targets[] = {{"csv", pv_fuzz_csv},
                   {"case", pv_fuzz_case},
                   {"scenario", pv_fuzz_scenario},
                   {"pipeline", pv_fuzz_pipeline},
                   {"xlsx", pv_fuzz_xlsx},
                   {"serve", pv_fuzz_serve}};
    const char *root = getenv("PV_ROOT");
    if (!root || !*root)
        root = ".";
    int rc = 0;
    for (size_t i = 0; i < sizeof targets / sizeof *targets; i++) {
        char reg[1024], cor[1024];
        snprintf(reg, sizeof reg, "%s/tests/fuzz/regress/%s", root, targets[i].name);
        snprintf(cor, sizeof cor, "%s/tests/fuzz/corpus/%s", root, targets[i].name);
        const char *dirs[] = {reg, cor};
        size_t n = 0;
        if (pv_regress_replay(targets[i].fn, dirs, 2, &n))
            rc = 1;
        printf("%s: %zu inputs replayed\n", targets[i].name, n);
    }
    return rc;
}
