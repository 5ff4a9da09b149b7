/* test_score.c — value functions, global weights, the mini fixture's scores
 * computed by hand, and the ranking order (eligible first, ties by id). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "testutil.h"

#define EPS 1e-9

/* cmocka's float assertion works in single precision: use doubles. */
#undef assert_double_equal
#define assert_double_equal(a, b, eps)                                                         \
    do {                                                                                       \
        double a_ = (a), b_ = (b);                                                             \
        if (!(fabs(a_ - b_) <= (eps)))                                                         \
            fail_msg("%s = %.12g, want %.12g (line %d)", #a, a_, b_, __LINE__);              \
    } while (0)

/* ------------------------------------------------------------- helpers */

static long proj(const pv_case *c, const char *id)
{
    long j = pv_case_project_index(c, id);
    if (j < 0)
        fail_msg("no project %s", id);
    return j;
}

static long leaf(const pv_case *c, const char *id)
{
    for (size_t i = 0; i < c->model->nleaves; i++)
        if (!strcmp(c->model->leaves[i]->id, id))
            return (long)i;
    fail_msg("no leaf %s", id);
    return -1;
}

/* Great-circle distance, written out again here rather than borrowed. */
static double km(double la1, double lo1, double la2, double lo2)
{
    const double r = 3.14159265358979323846 / 180;
    double h = pow(sin((la2 - la1) * r / 2), 2) + cos(la1 * r) * cos(la2 * r) * pow(sin((lo2 - lo1) * r / 2), 2);
    return 2 * 6371.0 * atan2(sqrt(h), sqrt(1 - h));
}

static double clamp01(double v) { return v < 0 ? 0 : v > 1 ? 1 : v; }

/* ------------------------------------------------------ value functions */

static void test_linear(void **state)
{
    (void)state;
    pv_valuefn vf = {.type = PV_VF_LINEAR, .worst = 1, .best = 5};
    assert_double_equal(pv_vf_eval(&vf, 1), 0, EPS);
    assert_double_equal(pv_vf_eval(&vf, 5), 1, EPS);
    assert_double_equal(pv_vf_eval(&vf, 2), 0.25, EPS);
    assert_double_equal(pv_vf_eval(&vf, 4.5), 0.875, EPS);
    assert_double_equal(pv_vf_eval(&vf, 0), 0, EPS);   /* clamped below */
    assert_double_equal(pv_vf_eval(&vf, 100), 1, EPS); /* clamped above */
    assert_double_equal(pv_vf_eval(&vf, -1e300), 0, EPS);
    /* worst > best: less is better */
    pv_valuefn down = {.type = PV_VF_LINEAR, .worst = 3000, .best = 0};
    assert_double_equal(pv_vf_eval(&down, 0), 1, EPS);
    assert_double_equal(pv_vf_eval(&down, 3000), 0, EPS);
    assert_double_equal(pv_vf_eval(&down, 750), 0.75, EPS);
    assert_double_equal(pv_vf_eval(&down, 5000), 0, EPS);
    assert_double_equal(pv_vf_eval(&down, -10), 1, EPS);
    pv_valuefn neg = {.type = PV_VF_LINEAR, .worst = -10, .best = -2};
    assert_double_equal(pv_vf_eval(&neg, -6), 0.5, EPS);
    /* extreme doubles: best - worst overflows, yet the value is never NaN */
    pv_valuefn wide = {.type = PV_VF_LINEAR, .worst = -1e308, .best = 1e308};
    assert_double_equal(pv_vf_eval(&wide, 1.7e308), 1, EPS);
    assert_double_equal(pv_vf_eval(&wide, -1.7e308), 0, EPS);
    assert_double_equal(pv_vf_eval(&wide, 0), 0.5, EPS);
    assert_double_equal(pv_vf_eval(&wide, 0.5e308), 0.75, EPS);
}

static void test_piecewise(void **state)
{
    (void)state;
    double px[] = {0, 0.5, 0.8}, py[] = {0, 0.8, 1};
    pv_valuefn vf = {.type = PV_VF_PIECEWISE, .npts = 3, .px = px, .py = py};
    assert_double_equal(pv_vf_eval(&vf, 0), 0, EPS);
    assert_double_equal(pv_vf_eval(&vf, 0.25), 0.4, EPS);
    assert_double_equal(pv_vf_eval(&vf, 0.5), 0.8, EPS);
    assert_double_equal(pv_vf_eval(&vf, 0.65), 0.9, EPS);
    assert_double_equal(pv_vf_eval(&vf, 0.8), 1, EPS);
    assert_double_equal(pv_vf_eval(&vf, 0.9), 1, EPS);  /* clamped at the right end */
    assert_double_equal(pv_vf_eval(&vf, -5), 0, EPS);   /* clamped at the left end */
    /* decreasing and non-zero ends: clamping keeps the end values */
    double qx[] = {10, 20, 40}, qy[] = {0.9, 0.3, 0.1};
    pv_valuefn dec = {.type = PV_VF_PIECEWISE, .npts = 3, .px = qx, .py = qy};
    assert_double_equal(pv_vf_eval(&dec, 0), 0.9, EPS);
    assert_double_equal(pv_vf_eval(&dec, 15), 0.6, EPS);
    assert_double_equal(pv_vf_eval(&dec, 30), 0.2, EPS);
    assert_double_equal(pv_vf_eval(&dec, 1e9), 0.1, EPS);
    double rx[] = {1, 2}, ry[] = {0.25, 0.75};
    pv_valuefn two = {.type = PV_VF_PIECEWISE, .npts = 2, .px = rx, .py = ry};
    assert_double_equal(pv_vf_eval(&two, 1.5), 0.5, EPS);
    double wx[] = {-1e308, 1e308}, wy[] = {0, 1};
    pv_valuefn wide = {.type = PV_VF_PIECEWISE, .npts = 2, .px = wx, .py = wy};
    assert_double_equal(pv_vf_eval(&wide, 0.5e308), 0.75, EPS);
    assert_false(isnan(pv_vf_eval(&wide, 0.99e308)));
}

/* A case built on the fly, for categorical, weights, ties. */
static const char *TIE_MODEL =
    "{\"name\": \"tie\", \"language\": \"en\", \"criteria\": {\n"
    "  \"a\": {\"weight\": 3, \"children\": {\n"
    "     \"a1\": {\"weight\": 1, \"column\": \"x\", \"value\": {\"type\": \"linear\", \"worst\": 0, \"best\": 10}},\n"
    "     \"a2\": {\"weight\": 3, \"column\": \"cat\", \"value\": {\"type\": \"categorical\", \"map\": {\"hi\": 1, \"mid\": 0.4, \"lo\": 0}}}}},\n"
    "  \"b\": {\"weight\": 1, \"children\": {\n"
    "     \"b1\": {\"weight\": 0, \"column\": \"x\", \"value\": {\"type\": \"linear\", \"worst\": 10, \"best\": 0}},\n"
    "     \"b2\": {\"weight\": 2, \"children\": {\n"
    "        \"b21\": {\"weight\": 1, \"column\": \"y\", \"missing\": 0.3, \"value\": {\"type\": \"piecewise\", \"points\": [[0, 0], [4, 1]]}},\n"
    "        \"b22\": {\"weight\": 1, \"column\": \"y\", \"value\": {\"type\": \"linear\", \"worst\": 0, \"best\": 8}, \"missing\": 0}}}}}},\n"
    " \"rules\": {\"no\": {\"if\": {\"field\": \"cat\", \"op\": \"==\", \"value\": \"lo\"}, \"then\": \"exclude\", \"because\": \"lo\"}}}\n";

static const char *TIE_PROJECTS = "id,x,cat,y\n"
                                  "b,5,mid,2\n"
                                  "a,5,mid,2\n"
                                  "z,10,lo,4\n"
                                  "c,5, mid ,2\n"
                                  "d,0,hi,\n"
                                  "e,10,hi,8\n"
                                  "y,0,lo,0\n"
                                  "aa,5,mid,2\n";

static pv_case *tie_case(void)
{
    const char *dir = "tests/out/unit_score_tie";
    tu_make_dir(dir);
    tu_write_file(dir, "model.json", TIE_MODEL);
    tu_write_file(dir, "projects.csv", TIE_PROJECTS);
    tu_write_file(dir, "case.json",
               "{\"name\": \"tie\", \"model\": \"model.json\", \"data\": {\"projects\": \"projects.csv\"}}\n");
    return tu_load_ok("tests/out/unit_score_tie/case.json");
}

static void test_global_weights(void **state)
{
    (void)state;
    pv_case *c = tie_case();
    /* a: 3/4; a1: 3/4*1/4; a2: 3/4*3/4; b: 1/4; b1: 0; b2: 1/4; b21 = b22 = 1/8 */
    assert_double_equal(c->model->leaves[leaf(c, "a1")]->global, 3.0 / 16, EPS);
    assert_double_equal(c->model->leaves[leaf(c, "a2")]->global, 9.0 / 16, EPS);
    assert_double_equal(c->model->leaves[leaf(c, "b1")]->global, 0, EPS);
    assert_double_equal(c->model->leaves[leaf(c, "b21")]->global, 1.0 / 8, EPS);
    assert_double_equal(c->model->leaves[leaf(c, "b22")]->global, 1.0 / 8, EPS);
    double sum = 0;
    for (size_t i = 0; i < c->model->nleaves; i++)
        sum += c->model->leaves[i]->global;
    assert_double_equal(sum, 1, EPS);
    pv_case_free(c);
}

static double tie_score(double x, double cat, double y, int y_missing)
{
    double v21 = y_missing ? 0.3 : clamp01(y / 4);
    double v22 = y_missing ? 0 : clamp01(y / 8);
    return 100 * (3.0 / 16 * (x / 10) + 9.0 / 16 * cat + 1.0 / 8 * v21 + 1.0 / 8 * v22);
}

static void test_categorical_missing_and_ties(void **state)
{
    (void)state;
    pv_case *c = tie_case();
    pv_ranking *r = tu_rank_ok(c);
    struct {
        const char *id;
        double score;
        int eligible;
    } want[] = {
        {"e", tie_score(10, 1, 8, 0), 1},  {"d", tie_score(0, 1, 0, 1), 1},
        {"a", tie_score(5, 0.4, 2, 0), 1}, {"aa", tie_score(5, 0.4, 2, 0), 1},
        {"b", tie_score(5, 0.4, 2, 0), 1}, {"c", tie_score(5, 0.4, 2, 0), 1},
        {"z", tie_score(10, 0, 4, 0), 0},  {"y", tie_score(0, 0, 0, 0), 0},
    };
    size_t n = sizeof want / sizeof want[0];
    assert_int_equal(r->n, n);
    for (size_t i = 0; i < n; i++) {
        size_t j = r->order[i];
        if (strcmp(pv_project_id(c, j), want[i].id))
            fail_msg("rank %zu is %s, want %s", i + 1, pv_project_id(c, j), want[i].id);
        assert_double_equal(r->p[j].score, want[i].score, 1e-9);
        assert_int_equal(r->p[j].eligible, want[i].eligible);
        assert_int_equal(r->rank[j], i + 1);
    }
    /* categorical value, contributions and missing */
    long d = proj(c, "d");
    assert_double_equal(r->p[d].value[leaf(c, "a2")], 1, EPS);
    assert_true(r->p[d].used_missing[leaf(c, "b21")]);
    assert_double_equal(r->p[d].value[leaf(c, "b21")], 0.3, EPS);
    assert_double_equal(r->p[d].contrib[leaf(c, "b21")], 100 * 0.3 / 8, EPS);
    long cc = proj(c, "c");
    assert_double_equal(r->p[cc].value[leaf(c, "a2")], 0.4, EPS); /* " mid " is trimmed */
    double sum = 0;
    for (size_t i = 0; i < c->model->nleaves; i++)
        sum += r->p[cc].contrib[i];
    assert_double_equal(sum, r->p[cc].score, 1e-9);
    pv_ranking_free(r);
    pv_case_free(c);
}

static void test_categorical_unknown(void **state)
{
    (void)state;
    const char *dir = "tests/out/unit_score_cat";
    tu_make_dir(dir);
    tu_write_file(dir, "model.json", TIE_MODEL);
    tu_write_file(dir, "projects.csv", "id,x,cat,y\na,1,hi,1\nb,1,High,1\n");
    tu_write_file(dir, "case.json",
               "{\"model\": \"model.json\", \"data\": {\"projects\": \"projects.csv\"}}\n");
    pv_case *c = tu_load_ok("tests/out/unit_score_cat/case.json");
    pv_error err;
    pv_error_clear(&err);
    assert_null(pv_rank(c, &err));
    assert_int_equal(err.code, PV_EINPUT);
    assert_non_null(strstr(err.source, "projects.csv"));
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 3);
    assert_non_null(strstr(err.text, "High"));
    pv_case_free(c);
}

static void test_weights_invalid(void **state)
{
    (void)state;
    pv_criterion a = {.id = "a", .path = "criteria.a", .weight = 0};
    pv_criterion b = {.id = "b", .path = "criteria.b", .weight = 0};
    pv_criterion *top[] = {&a, &b};
    pv_model m = {.path = "m.json", .top = top, .ntop = 2};
    pv_error err;
    pv_error_clear(&err);
    assert_int_not_equal(pv_model_weights(&m, &err), 0);
    assert_int_equal(err.code, PV_EINPUT);
    assert_string_equal(err.source, "m.json");
    b.weight = 2;
    pv_error_clear(&err);
    assert_int_equal(pv_model_weights(&m, &err), 0);
    assert_double_equal(a.global, 0, EPS);
    assert_double_equal(b.global, 1, EPS);
}

/* ---------------------------------------------------------- mini fixture */

static void test_mini_by_hand(void **state)
{
    (void)state;
    pv_case *c = tu_load_ok("tests/data/mini/case.json");
    pv_ranking *r = tu_rank_ok(c);
    const double W_dev = 4.0 / 9 * 2 / 3, W_ext = 4.0 / 9 * 1 / 3, W_dem = 2.0 / 9,
                 W_trv = 1.0 / 9, W_risk = 2.0 / 9;
    assert_double_equal(c->model->leaves[leaf(c, "development")]->global, W_dev, EPS);
    assert_double_equal(c->model->leaves[leaf(c, "external_funding")]->global, W_ext, EPS);
    assert_double_equal(c->model->leaves[leaf(c, "democracy")]->global, W_dem, EPS);
    assert_double_equal(c->model->leaves[leaf(c, "travel")]->global, W_trv, EPS);
    assert_double_equal(c->model->leaves[leaf(c, "risk")]->global, W_risk, EPS);

    const double hl = 58.50517, ho = 13.15765;
    double d_riga = km(hl, ho, 56.94600, 24.10589), d_nai = km(hl, ho, -1.28333, 36.81667),
           d_minsk = km(hl, ho, 53.9, 27.56667), d_kl = km(hl, ho, 62.22655, -6.58901),
           d_v6 = km(hl, ho, 58.5, 13.2);
    assert_true(d_nai > 3000 && d_riga < 3000);
#define DEM(x) clamp01(((x)-2) / 7)
#define TRV(d) clamp01(1 - (d) / 3000)
    struct {
        const char *id;
        double dev, ext, dem, trv, risk;
        int eligible;
        const char *excl, *flag;
    } want[] = {
        {"P1", 0.75, 0.8, DEM(7.73), TRV(d_riga), 1, 1, "", ""},
        {"P4", 1.0, 0.4, DEM(7.73) /* FO left out */, TRV(fmax(d_kl, d_riga)), 1, 1, "", ""},
        {"P2", 0.5, 1.0, DEM(5.05), 0, 0.5, 1, "", "weak_democracy"},
        {"P6", 0.0, 1.0, 0.5 /* no partners: missing */, 1, 0.5, 1, "", ""},
        {"P5", 0.5, 0.0, 1 /* 9.35 clamped */, TRV(d_v6), 1, 0, "purpose", ""},
        {"P7", 0.75, 0.8 + 0.2 / 3, DEM(5.05), 0, 1, 0, "democracy_reflection", "weak_democracy"},
        {"P3", 0.25, 0.32, 0, TRV(d_minsk), 0, 0, "sanctions,democracy_reflection", "weak_democracy"},
    };
    size_t n = sizeof want / sizeof want[0];
    assert_int_equal(r->n, n);
    for (size_t i = 0; i < n; i++) {
        size_t j = r->order[i];
        if (strcmp(pv_project_id(c, j), want[i].id))
            fail_msg("rank %zu is %s, want %s", i + 1, pv_project_id(c, j), want[i].id);
        const pv_proj_result *p = &r->p[j];
        double score = 100 * (W_dev * want[i].dev + W_ext * want[i].ext + W_dem * want[i].dem +
                              W_trv * want[i].trv + W_risk * want[i].risk);
        if (fabs(p->score - score) > 1e-9)
            fail_msg("%s: score %.9f, want %.9f", want[i].id, p->score, score);
        assert_double_equal(p->value[leaf(c, "development")], want[i].dev, EPS);
        assert_double_equal(p->value[leaf(c, "external_funding")], want[i].ext, EPS);
        assert_double_equal(p->value[leaf(c, "democracy")], want[i].dem, EPS);
        assert_double_equal(p->value[leaf(c, "travel")], want[i].trv, 1e-9);
        assert_double_equal(p->value[leaf(c, "risk")], want[i].risk, EPS);
        assert_double_equal(p->contrib[leaf(c, "risk")], 100 * W_risk * want[i].risk, EPS);
        assert_int_equal(p->eligible, want[i].eligible);
        char ex[200] = "", fl[200] = "";
        for (size_t k = 0; k < p->nexcluded; k++)
            snprintf(ex + strlen(ex), sizeof ex - strlen(ex), "%s%s", k ? "," : "",
                     c->model->rules[p->excluded_by[k]].id);
        for (size_t k = 0; k < p->nflags; k++)
            snprintf(fl + strlen(fl), sizeof fl - strlen(fl), "%s%s", k ? "," : "",
                     c->model->rules[p->flags[k]].id);
        assert_string_equal(ex, want[i].excl);
        assert_string_equal(fl, want[i].flag);
    }
    /* the 6-decimal JSON numbers of the golden file, as a second opinion */
    assert_double_equal(r->p[proj(c, "P1")].score, 83.109259, 1e-6);
    assert_double_equal(r->p[proj(c, "P3")].score, 19.463455, 1e-6);
    assert_true(r->p[proj(c, "P5")].clamped[leaf(c, "democracy")]);
    assert_true(r->p[proj(c, "P6")].used_missing[leaf(c, "travel")]);
    pv_ranking_free(r);
    pv_case_free(c);
}

static void test_mini_deterministic_render(void **state)
{
    (void)state;
    pv_case *c = tu_load_ok("tests/data/mini/case.json");
    pv_ranking *r1 = tu_rank_ok(c), *r2 = tu_rank_ok(c);
    pv_error err;
    pv_error_clear(&err);
    size_t n1 = 0, n2 = 0;
    char *a = pv_render_rank(c, r1, PV_FMT_JSON, PV_LANG_EN, &n1, &err);
    char *b = pv_render_rank(c, r2, PV_FMT_JSON, PV_LANG_EN, &n2, &err);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    assert_non_null(strstr(a, "\"id\": \"P1\", \"name\": \"Skolutbyte, Riga\", \"rank\": 1, \"score\": 83.109259"));
    pv_free(a);
    pv_free(b);
    pv_ranking_free(r1);
    pv_ranking_free(r2);
    pv_case_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_linear),
        cmocka_unit_test(test_piecewise),
        cmocka_unit_test(test_global_weights),
        cmocka_unit_test(test_categorical_missing_and_ties),
        cmocka_unit_test(test_categorical_unknown),
        cmocka_unit_test(test_weights_invalid),
        cmocka_unit_test(test_mini_by_hand),
        cmocka_unit_test(test_mini_deterministic_render),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
