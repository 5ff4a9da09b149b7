/*
 * test_stream.c — the streamed rank writer (issue 18): byte for byte what
 * pv_render_rank gives, for a report far over the 64 KiB flush size, and the
 * atomic writer's promises kept (no file on failure, links followed, mode
 * kept, inputs refused, a pending stop signal honoured).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "internal.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "testutil.h"

static char dir[256];

/* A case of n projects (a report of about 300 n bytes) in dir/gen. */
static void write_case(size_t n)
{
    char p[400];
    snprintf(p, sizeof p, "%s/gen", dir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/gen/projects.csv", dir);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fprintf(f, "id,name,benefit,risk\n");
    for (size_t j = 0; j < n; j++)
        fprintf(f, "P%05zu,\"Projekt \"\"%zu\"\", å\",%zu,%s\n", j, j, 1 + j % 5,
                j % 3 ? "low" : "high");
    fclose(f);
    snprintf(p, sizeof p, "%s/gen/case.json", dir);
    f = fopen(p, "w");
    assert_non_null(f);
    fputs("{\"name\": \"Stream\", \"data\": {\"projects\": \"projects.csv\"},\n"
          " \"model\": {\"name\": \"M\", \"language\": \"sv\", \"criteria\": {\n"
          "  \"benefit\": {\"weight\": 2, \"column\": \"benefit\", \"value\": {\"type\": \"linear\","
          " \"worst\": 1, \"best\": 5}},\n"
          "  \"risk\": {\"weight\": 1, \"column\": \"risk\", \"value\": {\"type\": \"categorical\","
          " \"map\": {\"low\": 1, \"high\": 0}}}},\n"
          " \"rules\": {\"r\": {\"if\": {\"field\": \"benefit\", \"op\": \"<=\", \"value\": 1},"
          " \"then\": \"exclude\", \"because\": \"low\"}}}}\n",
          f);
    fclose(f);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    *len = fread(s, 1, (size_t)n, f);
    fclose(f);
    return s;
}

static void test_same_bytes(void **state)
{
    (void)state;
    char cp[400], out[400];
    snprintf(cp, sizeof cp, "%s/gen/case.json", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    pv_case *c = tu_load_ok(cp);
    pv_ranking *r = tu_rank_ok(c);
    static const int fmts[] = {PV_FMT_TEXT, PV_FMT_MD, PV_FMT_CSV, PV_FMT_JSON, PV_FMT_HTML,
                               PV_FMT_XLSX};
    for (size_t fi = 0; fi < sizeof fmts / sizeof *fmts; fi++)
        for (int l = PV_LANG_SV; l <= PV_LANG_EN; l++) {
            int f = fmts[fi];
            pv_error err;
            pv_error_clear(&err);
            size_t len = 0, flen = 0;
            char *s = pv_render_rank(c, r, (pv_format)f, (pv_lang)l, &len, &err);
            assert_non_null(s);
            if (f != PV_FMT_HTML && f != PV_FMT_XLSX)
                assert_true(len > 4 * 64 * 1024); /* several flushes */
            assert_int_equal(pv_write_rank(c, r, (pv_format)f, (pv_lang)l, out, &err), 0);
            char *t = slurp(out, &flen);
            assert_non_null(t);
            assert_int_equal(flen, len);
            assert_memory_equal(s, t, len);
            free(t);
            pv_free(s);
        }
    assert_int_equal(tu_entries(dir), 2); /* gen/ and out: no temporary file */
    unlink(out);
    pv_ranking_free(r);
    pv_case_free(c);
}

/* More ranks than one window of the renderer (32,768): every CSV line is
 * the project at its place in the ranking, with its rank and score. */
static void test_rank_order(void **state)
{
    (void)state;
    char cp[400];
    snprintf(cp, sizeof cp, "%s/gen/case.json", dir);
    pv_case *c = tu_load_ok(cp);
    pv_ranking *r = tu_rank_ok(c);
    assert_true(r->n > 32768 + 1000);
    pv_error err;
    pv_error_clear(&err);
    size_t len = 0;
    char *s = pv_render_rank(c, r, PV_FMT_CSV, PV_LANG_EN, &len, &err);
    assert_non_null(s);
    char *line = strchr(s, '\n') + 1; /* after the header */
    for (size_t i = 0; i < r->n; i++) {
        size_t j = r->order[i];
        assert_int_equal(r->rank[j], i + 1);
        char want[200];
        int n = snprintf(want, sizeof want, "%zu,%s,", i + 1, pv_project_id(c, j));
        assert_memory_equal(line, want, (size_t)n);
        const char *score = strstr(line + n, "å\","); /* the name ends in å */
        assert_non_null(score);
        char num[PV_NUM_TEXT];
        const char *t = pv_num_text(num, r->p[j].score, 6);
        assert_memory_equal(score + strlen("å\","), t, strlen(t));
        line = strchr(line, '\n');
        assert_non_null(line);
        line++;
    }
    assert_int_equal(*line, '\0');
    pv_free(s);
    pv_ranking_free(r);
    pv_case_free(c);
}

static void test_promises(void **state)
{
    (void)state;
    char cp[400], out[400], link[400];
    snprintf(cp, sizeof cp, "%s/gen/case.json", dir);
    snprintf(out, sizeof out, "%s/kept", dir);
    snprintf(link, sizeof link, "%s/link", dir);
    pv_case *c = tu_load_ok(cp);
    pv_ranking *r = tu_rank_ok(c);
    pv_error err;

    /* an existing file keeps its mode; a link is followed and stays a link */
    FILE *f = fopen(out, "w");
    fputs("old", f);
    fclose(f);
    chmod(out, 0640);
    assert_int_equal(symlink("kept", link), 0);
    pv_error_clear(&err);
    assert_int_equal(pv_write_rank(c, r, PV_FMT_CSV, PV_LANG_SV, link, &err), 0);
    struct stat st, lst;
    assert_int_equal(stat(out, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    assert_true(st.st_size > 1000);
    assert_int_equal(lstat(link, &lst), 0);
    assert_true(S_ISLNK(lst.st_mode));

    /* a directory, an input of the case: refused, nothing written */
    pv_error_clear(&err);
    assert_int_not_equal(pv_write_rank(c, r, PV_FMT_JSON, PV_LANG_EN, dir, &err), 0);
    assert_int_equal(err.code, PV_EUSAGE);
    pv_error_clear(&err);
    assert_int_not_equal(pv_write_rank(c, r, PV_FMT_JSON, PV_LANG_EN, cp, &err), 0);
    assert_int_equal(err.code, PV_EUSAGE);

    /* a SIGINT pending when the report is complete: interrupted, no file */
    char fresh[400];
    snprintf(fresh, sizeof fresh, "%s/fresh", dir);
    sigset_t s, old;
    sigemptyset(&s);
    sigaddset(&s, SIGINT);
    sigprocmask(SIG_BLOCK, &s, &old);
    raise(SIGINT);
    pv_error_clear(&err);
    assert_int_not_equal(pv_write_rank(c, r, PV_FMT_JSON, PV_LANG_EN, fresh, &err), 0);
    assert_int_equal(err.code, PV_EINTERRUPTED);
    signal(SIGINT, SIG_IGN);
    sigprocmask(SIG_SETMASK, &old, NULL);
    signal(SIGINT, SIG_DFL);
    assert_int_not_equal(access(fresh, F_OK), 0);

    /* an incomplete report (failed = 1) is dropped */
    pv_error_clear(&err);
    pv_outfile *o = pv_outfile_open(c, fresh, &err);
    assert_non_null(o);
    assert_int_equal(pv_outfile_write(o, "partial", 7), 0);
    assert_int_not_equal(pv_outfile_commit(o, 1, &err), 0);
    assert_int_equal(err.code, PV_EINTERNAL);
    assert_int_not_equal(access(fresh, F_OK), 0);

    assert_int_equal(tu_entries(dir), 3); /* gen/, kept, link */
    unlink(link);
    unlink(out);
    pv_ranking_free(r);
    pv_case_free(c);
}

int main(void)
{
    if (tu_temp_dir(dir, sizeof dir, "pvstream"))
        return 1;
    write_case(34000); /* more than one window of the rank renderer */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_bytes),
        cmocka_unit_test(test_rank_order),
        cmocka_unit_test(test_promises),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    if (tu_remove_tree(dir) != 0)
        rc = 1;
    return rc;
}
