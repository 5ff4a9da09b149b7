/* whatif_cmd.c — `partnerval compare`, `sensitivity`, `frontier`, `robust` and
 * `merge-patch`: the what-if analyses around a selection. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* When the case itself is invalid: prints every one of its errors, one per
 * line, and returns the exit code; else 0. Run only after a scenario's load
 * failed, which names the first error as the scenario's own (so only this
 * path reads the case a second time). */
static int base_invalid(const pv_cli_opts *o)
{
    pv_errors *all = NULL;
    pv_error err;
    pv_error_clear(&err);
    pv_case *c = pv_case_load_all(o->args[0], &all, &err);
    int rc = c || err.code != PV_EINPUT ? 0
             : pv_errors_count(all) > 0 ? pv_cli_errors(all)
                                        : pv_cli_error(&err);
    pv_case_free(c);
    pv_errors_free(all);
    return rc;
}

/* The --set scenario applied on its own, before any solving, so that a bad
 * setting is blamed on the setting ("--set resources.x.limit=abc: …"), not on
 * the case file it was merged into. 0, or the exit code (message printed). */
static int check_sets(const pv_cli_opts *o, const pv_scenario *sets)
{
    pv_error err;
    pv_error_clear(&err);
    pv_case *t = pv_case_load_scenario(o->args[0], sets, &err);
    if (t) {
        pv_case_free(t);
        return 0;
    }
    if (err.code != PV_EINPUT)
        return pv_cli_error(&err);
    int rc = base_invalid(o);
    if (rc)
        return rc;
    for (size_t i = 0; i < o->nsets; i++) {
        size_t n = strcspn(o->sets[i], "=");
        if (!strncmp(err.text, o->sets[i], n) && err.text[n] == ':') {
            fprintf(stderr, "partnerval: error: --set %s: %s\n", o->sets[i],
                    err.text + n + (err.text[n + 1] == ' ' ? 2 : 1));
            return err.code;
        }
    }
    /* a setting that breaks something else (a reference, a constraint) */
    char msg[2048];
    fprintf(stderr, "partnerval: error: with --set %s", o->sets[0]);
    for (size_t i = 1; i < o->nsets; i++)
        fprintf(stderr, " --set %s", o->sets[i]);
    fprintf(stderr, ": %s\n", pv_error_format(&err, msg, sizeof msg));
    return err.code;
}

int pv_cli_run_compare(const pv_cli_opts *o)
{
    int rc;
    pv_error err;
    pv_error_clear(&err);
    size_t n = o->nargs - 1 + (o->nsets ? 1 : 0);
    pv_scenario **sc = calloc(n + 1, sizeof *sc);
    pv_comparison *cmp = NULL;
    pv_case *base = NULL;
    if (!sc)
        return pv_cli_nomem();
    /* -o must not overwrite a scenario file, nor any input of the case. */
    for (size_t i = 0; o->out && i < o->nargs; i++)
        if (pv_cli_same_file(o->out, o->args[i])) {
            fprintf(stderr, "partnerval: error: %s: refusing to overwrite an input file\n", o->out);
            rc = PV_EUSAGE;
            goto out;
        }
    if (o->out && !(base = pv_case_load(o->args[0], &err)))
        goto done;
    size_t k = 0;
    for (size_t i = 1; i < o->nargs; i++)
        if (!(sc[k++] = pv_scenario_load(o->args[i], &err)))
            goto done;
    if (o->nsets && !(sc[k++] = pv_scenario_from_sets("--set", o->sets, o->nsets, &err)))
        goto done;
    if (o->nsets && (rc = check_sets(o, sc[k - 1])))
        goto out;
    pv_select_opts so;
    pv_select_opts_init(&so);
    so.no_why = !o->why;
    cmp = pv_compare(o->args[0], sc, n, &so, &err);
    if (cmp) {
        size_t len;
        char *text = pv_render_compare(cmp, (pv_format)o->fmt, (pv_lang)o->lang, &len, &err);
        if (text) {
            rc = pv_cli_emit(base, o->out, text, len, &err);
            goto out;
        }
    }
done:
    rc = err.code == PV_EINPUT ? base_invalid(o) : 0;
    if (!rc)
        rc = pv_cli_error(&err);
out:
    pv_case_free(base);
    pv_comparison_free(cmp);
    for (size_t i = 0; i < n; i++)
        pv_scenario_free(sc[i]);
    free(sc);
    return rc;
}

typedef enum analysis { SENSITIVITY, FRONTIER, ROBUST } analysis;

/* Runs one analysis on the loaded case and renders it (NULL + run->err on failure). */
static char *analyse(analysis a, pv_cli_run *run, const pv_cli_opts *o, size_t *len)
{
    pv_case *c = run->c;
    const pv_ranking *r = run->r;
    pv_error *err = &run->err;
    char *text = NULL;
    if (a == SENSITIVITY) {
        pv_sensitivity *s = pv_sensitivity_run(c, r, err);
        text = s ? pv_render_sensitivity(c, r, s, run->fmt, run->lang, len, err) : NULL;
        pv_sensitivity_free(s);
    } else if (a == FRONTIER) {
        pv_frontier *fr = pv_frontier_run(c, r, o->resource, o->from, o->to, (int)o->steps, err);
        text = fr ? pv_render_frontier(c, r, fr, run->fmt, run->lang, len, err) : NULL;
        pv_frontier_free(fr);
    } else {
        pv_robust *rb = pv_robust_run(c, r, (size_t)o->samples, o->seed,
                                      (pv_weights_dist)o->dist, (int)o->threads, err);
        text = rb ? pv_render_robust(c, r, rb, run->fmt, run->lang, len, err) : NULL;
        pv_robust_free(rb);
    }
    return text;
}

/* What sensitivity, frontier and robust share: load, rank, analyse, emit, free;
 * an infeasible analysis shows select's diagnosis instead. */
static int run_analysis(const pv_cli_opts *o, analysis a)
{
    pv_cli_run run;
    int rc = pv_cli_load(&run, o, PV_CLI_RANK);
    size_t len = 0;
    char *text = rc ? NULL : analyse(a, &run, o, &len);
    if (!rc && !text && run.err.code == PV_EINFEASIBLE)
        rc = pv_cli_infeasible(run.c, run.r, o, &run.err);
    return pv_cli_finish(&run, rc, text, len);
}

int pv_cli_run_sensitivity(const pv_cli_opts *o)
{
    return run_analysis(o, SENSITIVITY);
}

int pv_cli_run_frontier(const pv_cli_opts *o)
{
    if (!o->resource)
        return pv_cli_usage("frontier needs --resource R");
    if (o->from >= 0 && o->to >= 0 && o->from > o->to)
        return pv_cli_usage("--from (%g) must not exceed --to (%g)", o->from, o->to);
    return run_analysis(o, FRONTIER);
}

int pv_cli_run_robust(const pv_cli_opts *o)
{
    if (!o->samples)
        return pv_cli_usage("robust needs --samples N");
    return run_analysis(o, ROBUST);
}

int pv_cli_run_merge_patch(const pv_cli_opts *o)
{
    pv_error err;
    pv_error_clear(&err);
    char *out = pv_merge_patch_files(o->args[0], o->args[1], &err);
    if (!out)
        return pv_cli_error(&err);
    /* written by stdio and flushed at the end by main's finish(), which
     * reports a failed write once, with the reason (ENOSPC, EPIPE) */
    printf("%s\n", out);
    pv_free(out);
    return 0;
}
