/*
 * fuzz_pipeline.c — the whole pipeline on a small case: the fuzzed bytes are
 * projects.csv for Lidköping's model with the reference partners and
 * countries, two resources and two constraints. A valid case is checked,
 * ranked and rendered in every format; small ones (<= 24 projects) are also
 * selected (GLPK, 1 s limit, why-in/why-out only up to 8 projects) and the
 * selection rendered.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_setup();
    fz_write("projects.csv", data, size);
    pv_error err;
    pv_error_clear(&err);
    pv_case *c = pv_case_load(fz_path("pipeline.json"), &err);
    if (!c) {
        fz_check_error(&err);
        return 0;
    }
    pv_warnings *w = pv_check(c, &err);
    pv_warnings_free(w);
    pv_error_clear(&err);
    pv_ranking *r = pv_rank(c, &err);
    if (!r) {
        fz_check_error(&err);
        pv_case_free(c);
        return 0;
    }
    fz_render_rank(c, r);
    size_t np = pv_case_project_count(c);
    if (np <= 24) {
        pv_select_opts o;
        pv_select_opts_init(&o);
        o.time_limit_s = 1;
        o.no_why = np > 8;
        pv_selection *s = pv_select(c, r, &o, &err);
        if (!s)
            fz_check_error(&err);
        else {
            for (int f = 0; f <= PV_FMT_HTML; f++) {
                size_t len;
                char *txt = pv_render_select(c, r, s, (pv_format)f, PV_LANG_SV, &len, &err);
                if (!txt)
                    fz_die("render_select failed on a selection");
                pv_free(txt);
            }
        }
        pv_selection_free(s);
    }
    pv_ranking_free(r);
    pv_case_free(c);
    return 0;
}
