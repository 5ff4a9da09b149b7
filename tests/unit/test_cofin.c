/* test_cofin.c — contingent co-financing: the expected-value objective, the
 * commitments, and the portfolio's figures against a brute-force
 * enumeration; the committed use that frontier walks. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "optimise/select.h"
#include "testutil.h"

static char dir[64];

static const char PROJECTS[] = "id,name,b,cost,grant,prob,contingent\n"
                               "P1,One,10,100,1000,0.5,\n"
                               "P2,Two,5,100,500,0.25,\n"
                               "P3,Three,8,100,,,\n"
                               "P4,Four,2,100,100,0.8,\n"
                               "P5,Five,1,100,100,0.9,no\n";

static pv_case *write_case(const char *commit, double limit)
{
    char text[1024];
    snprintf(text, sizeof text,
             "{\"name\": \"t\", \"model\": {\"name\": \"m\", \"criteria\": {\"b\": {\"weight\": 1, "
             "\"column\": \"b\", \"value\": {\"type\": \"linear\", \"worst\": 0, \"best\": 10}}}},"
             " \"data\": {\"projects\": \"projects.csv\"},"
             " \"resources\": {\"budget\": {\"column\": \"cost\", \"limit\": %g}},"
             " \"cofinancing\": {\"grant\": \"grant\", \"probability\": \"prob\","
             " \"contingent\": \"contingent\", \"commit\": \"%s\"}}",
             limit, commit);
    tu_write_file(dir, "projects.csv", PROJECTS);
    tu_write_file(dir, "case.json", text);
    char p[128];
    snprintf(p, sizeof p, "%s/case.json", dir);
    return tu_load_ok(p);
}

static pv_selection *solve(const pv_case *c, const pv_ranking *r)
{
    pv_error err;
    pv_error_clear(&err);
    pv_select_opts o;
    pv_select_opts_init(&o);
    o.no_why = 1;
    pv_selection *s = pv_select(c, r, &o, &err);
    if (!s)
        fail_msg("%s", err.text);
    return s;
}

/* Brute force over the selected contingent projects: expected score,
 * P(use > limit) and the q-quantile of the score. */
static void brute(const pv_case *c, const pv_ranking *r, const pv_selection *s, double *exp_score,
                  double *over, double q, double *quant)
{
    size_t n = c->projects->nrows, cj[8], m = 0;
    for (size_t j = 0; j < n; j++)
        if (s->x[j] && c->cofin->contingent[j])
            cj[m++] = j;
    double vals[256], ws[256];
    *exp_score = *over = 0;
    for (size_t mask = 0; mask < ((size_t)1 << m); mask++) {
        double w = 1, sc = 0, use = 0;
        for (size_t j = 0; j < n; j++) {
            if (!s->x[j])
                continue;
            int runs = 1;
            for (size_t i = 0; i < m; i++)
                if (cj[i] == j)
                    runs = (mask >> i) & 1;
            if (runs) {
                sc += r->p[j].score;
                use += c->res[0].a[j];
            }
        }
        for (size_t i = 0; i < m; i++)
            w *= (mask >> i) & 1 ? c->cofin->prob[cj[i]] : 1 - c->cofin->prob[cj[i]];
        vals[mask] = sc;
        ws[mask] = w;
        *exp_score += w * sc;
        if (use > c->res[0].limit + 1e-9)
            *over += w;
    }
    /* smallest value whose cumulative probability reaches q */
    *quant = HUGE_VAL;
    for (size_t a = 0; a < ((size_t)1 << m); a++) {
        double cum = 0;
        for (size_t b = 0; b < ((size_t)1 << m); b++)
            if (vals[b] <= vals[a])
                cum += ws[b];
        if (cum >= q - 1e-12 && vals[a] < *quant)
            *quant = vals[a];
    }
}

static void test_worst_case(void **state)
{
    (void)state;
    pv_case *c = write_case("worst_case", 300);
    pv_ranking *r = tu_rank_ok(c);
    assert_int_equal(c->cofin->contingent[0], 1);
    assert_int_equal(c->cofin->contingent[2], 0); /* no grant */
    assert_int_equal(c->cofin->contingent[4], 0); /* grant, but contingent = no */
    pv_selection *s = solve(c, r);
    /* expected coefficients 50, 12.5, 80, 16, 10: three fit in 300 */
    assert_true(s->x[0] && s->x[2] && s->x[3] && !s->x[1] && !s->x[4]);
    assert_true(fabs(s->objective - 146) < 1e-9);
    assert_non_null(s->cofin);
    assert_true(fabs(s->cofin->all_granted - 200) < 1e-9);
    assert_true(fabs(s->cofin->none_granted - 80) < 1e-9);
    assert_true(s->cofin->overrun[0] == 0); /* worst case: never overruns */
    double e, o, q;
    brute(c, r, s, &e, &o, 0.5, &q);
    assert_true(fabs(s->cofin->expected - e) < 1e-9);
    assert_true(fabs(s->cofin->q[1] - q) < 1e-9);
    double u;
    pv_error err;
    pv_error_clear(&err);
    assert_int_equal(pv_cofin_committed(c, 0, s->x, s->y, &u, &err), 0);
    assert_true(fabs(u - 300) < 1e-9);
    pv_selection_free(s);
    pv_ranking_free(r);
    pv_case_free(c);
}

static void test_expected(void **state)
{
    (void)state;
    pv_case *c = write_case("expected", 300);
    pv_ranking *r = tu_rank_ok(c);
    pv_selection *s = solve(c, r);
    /* expected use 50 + 25 + 100 + 80 + 100 = 355 > 300: P2 (12.5) or P5 (10)
     * out; dropping P5 keeps 255 and 158.5 points */
    assert_true(s->x[0] && s->x[1] && s->x[2] && s->x[3] && !s->x[4]);
    assert_true(fabs(s->objective - 158.5) < 1e-9);
    double e, o, q10, q90;
    brute(c, r, s, &e, &o, 0.1, &q10);
    brute(c, r, s, &e, &o, 0.9, &q90);
    assert_true(fabs(s->cofin->expected - e) < 1e-9);
    assert_true(fabs(s->cofin->overrun[0] - o) < 1e-12);
    assert_true(fabs(o - 0.5 * 0.25 * 0.8) < 1e-12); /* over only when all three are granted */
    assert_true(fabs(s->cofin->q[0] - q10) < 1e-9 && fabs(s->cofin->q[2] - q90) < 1e-9);
    assert_int_equal(s->cofin->exact, 1);
    double u;
    pv_error err;
    pv_error_clear(&err);
    assert_int_equal(pv_cofin_committed(c, 0, s->x, s->y, &u, &err), 0);
    assert_true(fabs(u - 255) < 1e-9);
    pv_selection_free(s);
    pv_ranking_free(r);
    pv_case_free(c);
}

static void test_chance(void **state)
{
    (void)state;
    pv_case *c = write_case("chance", 300);
    pv_ranking *r = tu_rank_ok(c);
    pv_selection *s = solve(c, r);
    assert_int_equal(s->status, PV_STATUS_OPTIMAL);
    /* alpha_met is exactly whether the joint overrun is within alpha */
    assert_int_equal(s->cofin->alpha_met, s->cofin->overrun_any <= c->cofin->alpha + 1e-12);
    double e, o, q;
    brute(c, r, s, &e, &o, 0.5, &q);
    assert_true(fabs(s->cofin->overrun[0] - o) < 1e-12);
    pv_selection_free(s);
    pv_ranking_free(r);
    pv_case_free(c);
}

static int setup(void **state)
{
    (void)state;
    return tu_temp_dir(dir, sizeof dir, "pv_cofin");
}

static int teardown(void **state)
{
    (void)state;
    return tu_remove_tree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_worst_case),
        cmocka_unit_test(test_expected),
        cmocka_unit_test(test_chance),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
