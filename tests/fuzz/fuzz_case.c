/*
 * fuzz_case.c — the case and model JSON readers with full validation.
 * The first byte picks what the rest of the input is:
 *   even: a case file (case.json) in a folder that also holds models/, data/,
 *         examples/ and mini/ (symlinks to the repository's);
 *   odd:  a model file (model.json) for a fixed case: byte % 4 == 1 uses the
 *         mini test data, == 3 Lidköping's.
 * A loaded case is checked, ranked, and rendered in every format, and its
 * weights rendered; a failed load must give a proper error.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    fz_setup();
    int mode = data[0];
    const char *case_path;
    if ((mode & 1) == 0) {
        case_path = fz_write("case.json", data + 1, size - 1);
    } else {
        fz_write("model.json", data + 1, size - 1);
        case_path = fz_path((mode & 3) == 1 ? "fixed_mini.json" : "fixed_lidkoping.json");
    }
    pv_error err;
    pv_error_clear(&err);
    pv_case *c = pv_case_load(case_path, &err);
    if (!c) {
        fz_check_error(&err);
        return 0;
    }
    pv_warnings *w = pv_check(c, &err);
    if (!w)
        fz_check_error(&err);
    for (size_t i = 0; w && i < pv_warnings_count(w); i++)
        if (!pv_warnings_get(w, i))
            fz_die("NULL warning");
    pv_warnings_free(w);
    pv_error_clear(&err);
    pv_ranking *r = pv_rank(c, &err);
    if (!r)
        fz_check_error(&err);
    else
        fz_render_rank(c, r);
    for (int f = 0; f <= PV_FMT_JSON; f++) {
        size_t len;
        pv_error_clear(&err);
        char *s = pv_render_weights(c, (pv_format)f, PV_LANG_EN, &len, &err);
        if (!s)
            fz_die("render_weights failed on a loaded case");
        pv_free(s);
    }
    pv_ranking_free(r);
    pv_case_free(c);
    return 0;
}
