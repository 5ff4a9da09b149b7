/* compare.c — the base case and each scenario solved side by side. */
#include "compare.h"

#include <string.h>

void pv_comparison_free(pv_comparison *cmp)
{
    if (!cmp)
        return;
    for (size_t i = 0; i < cmp->n; i++) {
        pv_selection_free(cmp->run[i].s);
        pv_ranking_free(cmp->run[i].r);
        pv_case_free(cmp->run[i].c);
        pv_free(cmp->run[i].name);
    }
    pv_free(cmp->run);
    pv_free(cmp);
}

pv_comparison *pv_compare(const char *case_path, pv_scenario *const *scen, size_t n,
                          const pv_select_opts *o, pv_error *err)
{
    pv_comparison *cmp = pv_calloc(1, sizeof *cmp);
    if (!cmp || !(cmp->run = pv_calloc(n + 1, sizeof *cmp->run))) {
        pv_free(cmp);
        pv_err_nomem(err);
        return NULL;
    }
    cmp->n = n + 1;
    for (size_t i = 0; i <= n; i++) {
        pv_run *run = &cmp->run[i];
        run->c = i == 0 ? pv_case_load(case_path, err)
                        : pv_case_load_scenario(case_path, scen[i - 1], err);
        if (!run->c)
            goto fail;
        run->name = pv_strdup(i == 0 ? "base" : pv_scenario_name(scen[i - 1]));
        if (!run->name) {
            pv_err_nomem(err);
            goto fail;
        }
        if (!(run->r = pv_rank(run->c, err)) || !(run->s = pv_select(run->c, run->r, o, err)))
            goto fail;
    }
    return cmp;
fail:
    pv_comparison_free(cmp);
    return NULL;
}
