/*
 * test_alloc.c — allocation-failure injection (as Jansson's test_chaos.c).
 *
 * Every allocation of libpartnerval, Jansson's (json_set_alloc_funcs) and
 * libcsv's (csv_set_realloc_func) goes through src/util/alloc.c, which
 * pv_set_alloc_funcs redirects here. For each job below, a first run counts
 * the allocations N; then, for every n = 1 … N+1, the job runs again with the
 * n-th allocation failing (the others succeed). Each run must either complete
 * or fail cleanly: PV_EINTERNAL "out of memory", no crash, no leak (every
 * block allocated through us is freed: counted here, and by LeakSanitizer
 * under SANITIZE=1), and no output file or temporary file left behind.
 * GLPK's and OpenSSL's own allocations are not ours and are not injected;
 * nor are Jansson's inside json_load* (Jansson 2.14 aborts on a failure there,
 * akheron/jansson#362), though they are counted for leaks.
 *
 * PV_ALLOC_STRIDE=k (environment) tests every k-th n only, for quick runs.
 */
#include "internal.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

static long g_count, g_fail_at = -1, g_live, g_failed;
static const char *g_job;
static int g_jobno; /* 1-based job number, for gdb conditions */

/* A place for a debugger's breakpoint: gdb -ex 'break injected' … */
__attribute__((noinline)) void injected(const char *job, long n);
__attribute__((noinline)) void injected(const char *job, long n)
{
    __asm__ volatile("" ::"r"(job), "r"(n));
}

static void *t_malloc(size_t n)
{
    if (pv_alloc_in_json_parse()) { /* see src/util/alloc.c: Jansson aborts on OOM there */
        void *p = malloc(n);
        if (p)
            g_live++;
        return p;
    }
    if (++g_count == g_fail_at) {
        g_failed = 1;
        injected(g_job, g_count);
        return NULL;
    }
    void *p = malloc(n);
    if (p)
        g_live++;
    return p;
}

static void *t_realloc(void *p, size_t n)
{
    if (++g_count == g_fail_at) {
        g_failed = 1;
        injected(g_job, g_count);
        return NULL;
    }
    void *q = realloc(p, n);
    if (q && !p)
        g_live++;
    return q;
}

static void t_free(void *p)
{
    if (p)
        g_live--;
    free(p);
}

static char g_dir[256];

typedef int (*job_fn)(const char *case_path, pv_error *err);

/* Renders in every format; each text is freed. */
static int render_all_rank(const pv_case *c, const pv_ranking *r, pv_error *err)
{
    for (int f = PV_FMT_TEXT; f <= PV_FMT_HTML; f++) {
        size_t len;
        char *s = pv_render_rank(c, r, (pv_format)f, f == PV_FMT_CSV ? PV_LANG_SV : PV_LANG_EN,
                                 &len, err);
        if (!s)
            return -1;
        pv_free(s);
    }
    return 0;
}

/* load + check + rank + every rank format + weights + an atomic write + the
 * streamed rank writes. */
static int job_rank(const char *case_path, pv_error *err)
{
    int rc = -1;
    pv_case *c = pv_case_load(case_path, err);
    pv_warnings *w = c ? pv_check(c, err) : NULL;
    pv_ranking *r = w ? pv_rank(c, err) : NULL;
    if (!r || render_all_rank(c, r, err))
        goto done;
    for (int f = PV_FMT_TEXT; f <= PV_FMT_JSON; f++) {
        size_t len;
        char *s = pv_render_weights(c, (pv_format)f, PV_LANG_SV, &len, err);
        if (!s)
            goto done;
        pv_free(s);
    }
    size_t len;
    char *s = pv_render_rank(c, r, PV_FMT_JSON, PV_LANG_EN, &len, err);
    if (!s)
        goto done;
    char out[300];
    snprintf(out, sizeof out, "%s/out.json", g_dir);
    int wr = pv_write_file_atomic(c, out, s, len, err);
    pv_free(s);
    if (wr)
        goto done;
    unlink(out);
    /* the streamed writer: a failure mid-report leaves no file */
    for (int f = PV_FMT_TEXT; f <= PV_FMT_JSON; f++) {
        if (pv_write_rank(c, r, (pv_format)f, PV_LANG_SV, out, err))
            goto done;
        unlink(out);
    }
    rc = 0;
done:
    pv_ranking_free(r);
    pv_warnings_free(w);
    pv_case_free(c);
    return rc;
}

/* load + rank + select (with or without why) + every selection format. */
static int job_select(const char *case_path, pv_error *err, int why)
{
    int rc = -1;
    pv_case *c = pv_case_load(case_path, err);
    pv_ranking *r = c ? pv_rank(c, err) : NULL;
    pv_select_opts o;
    pv_select_opts_init(&o);
    o.no_why = !why;
    pv_selection *s = r ? pv_select(c, r, &o, err) : NULL;
    if (!s)
        goto done;
    for (int f = PV_FMT_TEXT; f <= PV_FMT_HTML; f++) {
        size_t len;
        char *t = pv_render_select(c, r, s, (pv_format)f, PV_LANG_SV, &len, err);
        if (!t)
            goto done;
        pv_free(t);
    }
    rc = 0;
done:
    pv_selection_free(s);
    pv_ranking_free(r);
    pv_case_free(c);
    return rc;
}
static int job_select_why(const char *p, pv_error *err) { return job_select(p, err, 1); }
static int job_select_nowhy(const char *p, pv_error *err) { return job_select(p, err, 0); }

/* a scenario from --set settings and a compare, as the CLI does it */
static int job_compare(const char *case_path, pv_error *err)
{
    const char *sets[] = {"resources.budget_sek.limit=200000", "model.criteria.risk.weight=5"};
    pv_scenario *sc = pv_scenario_from_sets("--set", sets, 2, err);
    if (!sc)
        return -1;
    pv_select_opts o;
    pv_select_opts_init(&o);
    o.no_why = 1;
    pv_comparison *cmp = pv_compare(case_path, &sc, 1, &o, err);
    int rc = -1;
    if (cmp) {
        size_t len;
        char *t = pv_render_compare(cmp, PV_FMT_JSON, PV_LANG_EN, &len, err);
        if (t) {
            rc = 0;
            pv_free(t);
        }
    }
    pv_comparison_free(cmp);
    pv_scenario_free(sc);
    return rc;
}

static int failures;

static void check(int cond, const char *what, const char *job, const char *path, long n,
                  const pv_error *err)
{
    if (cond)
        return;
    char msg[2048];
    fprintf(stderr, "FAIL %s %s, allocation %ld fails: %s (error %d: %s)\n", job, path, n, what,
            err->code, pv_error_format(err, msg, sizeof msg));
    failures++;
}

static void run_job(const char *name, job_fn fn, const char *path, long stride)
{
    pv_error err;
    g_job = name;
    g_jobno++;
    /* a clean run counts the allocations */
    g_count = 0;
    g_fail_at = -1;
    g_live = 0;
    pv_error_clear(&err);
    int rc = fn(path, &err);
    long total = g_count;
    check(rc == 0, "the run without failures fails", name, path, 0, &err);
    check(g_live == 0, "the run without failures leaks", name, path, 0, &err);
    long runs = 0, oom = 0;
    for (long n = 1; n <= total + 1; n += (n <= 50 ? 1 : stride)) {
        g_count = 0;
        g_fail_at = n;
        g_live = 0;
        g_failed = 0;
        pv_error_clear(&err);
        rc = fn(path, &err);
        runs++;
        if (rc == 0 && g_failed && getenv("PV_ALLOC_VERBOSE"))
            fprintf(stderr, "%s %s: allocation %ld failed, yet the run succeeded\n", name, path, n);
        if (rc != 0) {
            oom++;
            check(g_failed, "fails although no allocation failed", name, path, n, &err);
            check(err.code == PV_EINTERNAL, "error code is not PV_EINTERNAL", name, path, n, &err);
            check(strstr(err.text, "out of memory") != NULL, "message is not 'out of memory'",
                  name, path, n, &err);
        }
        check(g_live == 0, "leaks", name, path, n, &err);
        check(tu_entries(g_dir) == 0, "leaves a file in the output folder", name, path, n, &err);
        if (failures > 20) {
            fprintf(stderr, "too many failures; stopping\n");
            exit(1);
        }
    }
    printf("%-14s %-36s %6ld allocations, %5ld runs, %5ld out of memory\n", name, path, total,
           runs, oom);
}

int main(void)
{
    const char *e = getenv("PV_ALLOC_STRIDE");
    long stride = e && atol(e) > 0 ? atol(e) : 1;
    if (tu_temp_dir(g_dir, sizeof g_dir, "pvalloc")) {
        perror("mkdtemp");
        return 1;
    }
    pv_set_report_date("2026-01-01");
    pv_set_alloc_funcs(t_malloc, t_realloc, t_free);
    run_job("rank", job_rank, "tests/data/mini/case.json", stride);
    run_job("select+why", job_select_why, "tests/data/mini/case.json", stride);
    run_job("compare", job_compare, "tests/data/mini/case.json", stride);
    run_job("rank", job_rank, "examples/lidkoping/case.json", stride);
    run_job("select", job_select_nowhy, "examples/lidkoping/case.json", stride);
    pv_set_alloc_funcs(NULL, NULL, NULL);
    rmdir(g_dir);
    printf("%s\n", failures ? "allocation-failure test FAILED" : "allocation-failure test passed");
    return failures ? 1 : 0;
}
