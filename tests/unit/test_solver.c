/* test_solver.c — the selection MILP: rows and columns built from a small
 * case, bounds from exclusions and force, names fit for LP files, solving,
 * explanations, diagnosis and the empty case. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "optimise/select.h"
#include "optimise/glpk_driver.h"
#include "analyse/resolve.h"
#include "report/wording.h"
#include "testutil.h"

static char root[256]; /* the tests' private folder, removed at the end */
static char dir[320];

/* dir = root/name, created. */
static void use_dir(const char *name)
{
    snprintf(dir, sizeof dir, "%s/%s", root, name);
    mkdir(dir, 0700);
}

static int setup(void **state)
{
    (void)state;
    return tu_temp_dir(root, sizeof root, "pv_test_solver");
}

static int teardown(void **state)
{
    (void)state;
    return tu_remove_tree(root);
}

/* Four projects: A (score 100·1) needs partner p1; B (0.5) and C (0.75) need
 * none; D is excluded by the rule. Budget 10: A costs 6 + p1's fee 2, B 3, C 5. */
static const char *MODEL =
    "{\"name\": \"m\", \"language\": \"en\", \"criteria\": {\"v\": {\"weight\": 1, \"column\": "
    "\"value\", \"value\": {\"type\": \"linear\", \"worst\": 0, \"best\": 4}}},"
    " \"rules\": {\"no_d\": {\"if\": {\"field\": \"bad\", \"op\": \"==\", \"value\": \"yes\"},"
    " \"then\": \"exclude\", \"because\": \"D is bad\"}}}";
static const char *PROJECTS = "id,name,value,cost,partners,bad,area\n"
                              "A,Alpha,4,6,p1,no,x|y\n"
                              "B,Beta,2,3,,no,y\n"
                              "C,Gamma,3,5,,no,x\n"
                              "D-1 ö,Delta,4,1,p2,yes,x\n";
static const char *PARTNERS = "id,name,active,fee\np1,One,no,2\np2,Two,yes,1\np3,Three,yes,0\n";

/* Writes case.json (text) into dir and loads it. */
static pv_case *load_case(const char *text)
{
    tu_write_file(dir, "case.json", text);
    char p[512];
    snprintf(p, sizeof p, "%s/case.json", dir);
    return tu_load_ok(p);
}

static pv_case *load(const char *extra)
{
    use_dir("solver");
    tu_write_file(dir, "model.json", MODEL);
    tu_write_file(dir, "projects.csv", PROJECTS);
    tu_write_file(dir, "partners.csv", PARTNERS);
    char c[4096];
    snprintf(c, sizeof c,
             "{\"name\": \"t\", \"model\": \"model.json\", \"data\": {\"projects\": "
             "\"projects.csv\", \"partners\": \"partners.csv\"}, \"resources\": {\"budget\": "
             "{\"column\": \"cost\", \"partner_column\": \"fee\", \"limit\": 10}}%s}",
             extra);
    return load_case(c);
}

static void test_build(void **state)
{
    (void)state;
    pv_case *c = load("");
    pv_error e;
    pv_error_clear(&e);
    pv_ranking *r = pv_rank(c, &e);
    assert_non_null(r);
    pv_mip *m = pv_mip_build(c, r, &e);
    assert_non_null(m);
    /* 4 projects + partners p1, p2 (named); p3 has no column */
    assert_int_equal(m->ncols, 6);
    assert_string_equal(m->cname[0], "x_A");
    assert_string_equal(m->cname[3], "x_D_1___"); /* "-", " " and both bytes of "ö" sanitised */
    assert_int_equal(m->ycol[2], -1);
    /* D excluded: fixed to 0; p2 only serves D: fixed to 0 */
    assert_true(m->ub[3] == 0);
    assert_true(m->ub[(size_t)m->ycol[1]] == 0);
    assert_true(m->ub[(size_t)m->ycol[0]] == 1);
    /* rows: the resource, then one link (A-p1); D's link is left out */
    assert_int_equal(m->nrows, 2);
    assert_string_equal(m->rows[0].name, "res_budget");
    assert_true(m->rows[0].ub == 10);
    assert_int_equal(m->rows[0].nz, 4); /* A, B, C and p1's fee; D excluded, p2 fixed */
    assert_string_equal(m->rows[1].name, "link_A_p1");
    pv_mip_free(m);
    pv_ranking_free(r);
    pv_case_free(c);
}

static void test_select_and_why(void **state)
{
    (void)state;
    pv_case *c = load("");
    pv_error e;
    pv_error_clear(&e);
    pv_ranking *r = pv_rank(c, &e);
    pv_select_opts o;
    pv_select_opts_init(&o);
    pv_selection *s = pv_select(c, r, &o, &e);
    assert_non_null(s);
    assert_int_equal(pv_selection_status(s), PV_STATUS_OPTIMAL);
    /* A+p1 = 8 leaves 2: best is A (100) alone vs B+C (50+75=125) */
    assert_false(s->x[0]);
    assert_true(s->x[1] && s->x[2]);
    assert_false(s->y[0]);
    assert_true(fabs(s->objective - 125) < 1e-9);
    assert_true(fabs(s->res_used[0] - 8) < 1e-12);
    assert_int_equal(s->why[0].kind, PV_WHY_OUT);
    assert_true(fabs(s->why[0].loss - 25) < 1e-9); /* A+nothing else fits: 100 */
    assert_int_equal(s->why[1].kind, PV_WHY_IN);
    assert_true(fabs(s->why[1].loss - 25) < 1e-9); /* without B: A alone, 100 */
    assert_int_equal(s->why[3].kind, PV_WHY_EXCLUDED);
    /* p2 and p3 are active, not engaged: review (p1 is inactive and, with no
     * `new` column, not an agreement) */
    size_t len;
    char *txt = pv_render_select(c, r, s, PV_FMT_JSON, PV_LANG_EN, &len, &e);
    assert_non_null(txt);
    assert_non_null(strstr(txt, "\"selected_projects\": [\"C\", \"B\"]"));
    assert_non_null(strstr(txt, "\"id\": \"p2\", \"name\": \"Two\", \"engaged\": false, "
                                "\"active\": true, \"review\": {\"action\": \"review\", "
                                "\"reasons\": [\"active agreement that no selected project uses\"]}"));
    assert_null(strstr(txt, "\"end_candidate\""));
    pv_free(txt);
    txt = pv_render_select(c, r, s, PV_FMT_TEXT, PV_LANG_SV, &len, &e);
    assert_non_null(strstr(txt, "Three: ses över — aktivt avtal som inget valt projekt använder"));
    pv_free(txt);
    pv_selection_free(s);
    pv_ranking_free(r);
    pv_case_free(c);
}

/* The four review actions, own agreements by the case's "municipality" item
 * by item (a partner of "town|other" is town's), candidates and other
 * municipalities' agreements left out. */
static void test_agreement_review(void **state)
{
    (void)state;
    use_dir("review");
    tu_write_file(dir, "model.json", MODEL);
    tu_write_file(dir, "projects.csv", "id,name,value,cost,partners,bad,municipality\n"
                                       "A,Alpha,4,1,pa|pi,no,other\n"
                                       "B,Beta,1,100,pb|pj,no,other\n");
    tu_write_file(dir, "partners.csv", "id,name,municipality,active,new,fee\n"
                                       "pa,PA,town,yes,no,0\npb,PB,town,yes,no,0\n"
                                       "pi,PI,other|town,no,no,0\npj,PJ,town,no,no,0\n"
                                       "pc,PC,town,no,yes,0\npo,PO,other,yes,no,0\n");
    pv_case *c = load_case("{\"name\": \"t\", \"municipality\": [\"town\"], \"model\": "
                           "\"model.json\", \"data\": {\"projects\": \"projects.csv\", "
                           "\"partners\": \"partners.csv\"}, \"resources\": {\"budget\": "
                           "{\"column\": \"cost\", \"limit\": 10}}}");
    pv_error e;
    pv_error_clear(&e);
    pv_ranking *r = pv_rank(c, &e);
    pv_select_opts o;
    pv_select_opts_init(&o);
    pv_selection *s = pv_select(c, r, &o, &e);
    assert_non_null(s);
    assert_true(s->x[0] && !s->x[1]);
    static const char *const want[] = {"keep", "review", "revive", "end_candidate", NULL, NULL};
    for (size_t p = 0; p < 6; p++) {
        pv_review_action a = pv_review_of(c, s, p);
        if (want[p])
            assert_string_equal(pv_review_key(a), want[p]);
        else
            assert_int_equal(a, PV_REV_NONE);
    }
    assert_false(s->listed[5]); /* another municipality's agreement */
    size_t len;
    char *txt = pv_render_select(c, r, s, PV_FMT_JSON, PV_LANG_EN, &len, &e);
    assert_non_null(txt);
    assert_non_null(strstr(txt, "{\"action\": \"revive\", \"reasons\": [\"inactive agreement "
                                "used by the selected project(s) A;"));
    assert_null(strstr(txt, "\"po\""));
    pv_free(txt);
    pv_selection_free(s);
    pv_ranking_free(r);
    pv_case_free(c);
    /* Without the key, the projects' cells say whose agreements these are:
     * "other", so pi and po are listed and pa is not. */
    c = load_case("{\"name\": \"t\", \"model\": \"model.json\", \"data\": {\"projects\": "
                  "\"projects.csv\", \"partners\": \"partners.csv\"}, \"resources\": "
                  "{\"budget\": {\"column\": \"cost\", \"limit\": 10}}}");
    r = pv_rank(c, &e);
    s = pv_select(c, r, &o, &e);
    assert_non_null(s);
    assert_int_equal(pv_review_of(c, s, 0), PV_REV_NONE);
    assert_int_equal(pv_review_of(c, s, 2), PV_REV_REVIVE);
    assert_int_equal(pv_review_of(c, s, 5), PV_REV_REVIEW);
    pv_selection_free(s);
    pv_ranking_free(r);
    pv_case_free(c);
    static const char *const files[] = {"case.json", "model.json", "projects.csv", "partners.csv"};
    char f[512];
    for (size_t i = 0; i < 4; i++) {
        snprintf(f, sizeof f, "%s/%s", dir, files[i]);
        unlink(f);
    }
    rmdir(dir);
}

/* Quality thresholds (min_score, a parent's and a leaf's min) and the
 * weighted objective; a what-if's weights re-evaluate the thresholds, so a
 * project below one at the model's weights can come in. Leaves a, b (under q)
 * and f weigh 0.25, 0.25 and 0.5. */
static void test_thresholds_and_objective(void **state)
{
    (void)state;
    use_dir("thr");
    tu_write_file(dir, "model.json",
                  "{\"name\": \"m\", \"language\": \"en\", \"criteria\": {"
                  "\"q\": {\"weight\": 1, \"min\": 0.7, \"children\": {"
                  "\"a\": {\"weight\": 1, \"column\": \"a\", \"value\": {\"type\": \"linear\", "
                  "\"worst\": 0, \"best\": 4}},"
                  "\"b\": {\"weight\": 1, \"column\": \"b\", \"value\": {\"type\": \"linear\", "
                  "\"worst\": 0, \"best\": 4}}}},"
                  "\"f\": {\"weight\": 1, \"min\": 0.25, \"column\": \"f\", \"value\": {\"type\": "
                  "\"linear\", \"worst\": 0, \"best\": 4}}}}");
    tu_write_file(dir, "projects.csv", "id,name,a,b,f,n,cost\n"
                                       "A,A,4,4,4,1,1\nG,G,4,0.8,4,2,1\nC,C,4,4,0,1,1\nD,D,3,3,1,1,1\n");
    pv_case *c = load_case("{\"name\": \"t\", \"model\": \"model.json\", \"min_score\": 55, "
                           "\"objective\": {\"type\": \"weighted\", \"column\": \"n\"}, "
                           "\"data\": {\"projects\": \"projects.csv\"}, \"resources\": "
                           "{\"budget\": {\"column\": \"cost\", \"limit\": 10}}}");
    pv_error e;
    pv_error_clear(&e);
    pv_ranking *r = pv_rank(c, &e);
    assert_non_null(r);
    assert_true(r->p[0].eligible);
    assert_false(r->p[1].eligible); /* G: q = 0.6 < 0.7 */
    assert_true(r->p[1].rules_ok);
    assert_int_equal(r->p[1].nbelow, 1);
    assert_string_equal(c->model->all[r->p[1].below[0]]->id, "q");
    assert_true(fabs(pv_criterion_value(c, c->model->all[0], NULL, r->p[1].value) - 0.6) < 1e-12);
    assert_false(r->p[2].eligible); /* C: f = 0 < 0.25 */
    assert_string_equal(c->model->all[r->p[2].below[0]]->id, "f");
    assert_true(r->p[3].eligible == 0 && r->p[3].below_min_score && r->p[3].nbelow == 0);
    pv_select_opts o;
    pv_select_opts_init(&o);
    pv_selection *s = pv_select(c, r, &o, &e);
    assert_non_null(s);
    assert_true(s->x[0] && !s->x[1] && !s->x[2] && !s->x[3]);
    assert_true(fabs(s->objective - 100) < 1e-9);
    size_t len;
    char *txt = pv_render_select(c, r, s, PV_FMT_JSON, PV_LANG_EN, &len, &e);
    assert_non_null(strstr(txt, "\"below_threshold\": [{\"id\": \"q\", \"value\": 0.600000, "
                                "\"min\": 0.700000}]"));
    assert_non_null(strstr(txt, "\"maximised\": {\"type\": \"weighted\", \"column\": \"n\""));
    pv_free(txt);
    txt = pv_render_select(c, r, s, PV_FMT_TEXT, PV_LANG_SV, &len, &e);
    /* by name: the key min_score is for JSON and CSV */
    assert_non_null(strstr(txt, "inte valbar: under kvalitetsgränsen: poäng 50,00 < lägsta 55,00"));
    assert_null(strstr(txt, "(min_score)"));
    assert_non_null(strstr(txt, "Maximerat: summan av poäng × n"));
    pv_free(txt);
    /* weights a 0.4, b 0.1, f 0.5: G's q is 0.84 and its score 92, so it
     * comes in (objective 100·1 + 92·2); C and D stay out */
    double w[3] = {0.4, 0.1, 0.5}, score[4];
    pv_scores_for_weights(c, r, w, score);
    assert_true(fabs(score[1] - 92) < 1e-9);
    assert_true(isnan(score[2]) && isnan(score[3]));
    pv_resolver f;
    assert_int_equal(pv_resolver_init(&f, c, r, &e), 0);
    unsigned char x[4];
    double obj;
    assert_int_equal(pv_resolver_solve(&f, score, x, &obj, &e), 1);
    assert_true(x[0] && x[1] && !x[2] && !x[3]);
    assert_true(fabs(obj - 284) < 1e-9);
    assert_false(pv_base_optimal(c, r, s->x, score, obj));
    pv_resolver_free(&f);
    pv_selection_free(s);
    pv_ranking_free(r);
    pv_case_free(c);
    static const char *const files[] = {"case.json", "model.json", "projects.csv"};
    char fn[512];
    for (size_t i = 0; i < 3; i++) {
        snprintf(fn, sizeof fn, "%s/%s", dir, files[i]);
        unlink(fn);
    }
    rmdir(dir);
}

static void test_constraints_and_cannot_fit(void **state)
{
    (void)state;
    pv_case *c = load(", \"constraints\": [{\"id\": \"ax\", \"type\": \"count\", \"column\": "
                      "\"area\", \"value\": \"x\", \"max\": 1}, {\"type\": \"force\", \"in\": "
                      "[\"A\"]}]");
    pv_error e;
    pv_error_clear(&e);
    pv_ranking *r = pv_rank(c, &e);
    pv_selection *s = pv_select(c, r, NULL, &e);
    assert_non_null(s);
    /* A forced in (area x), so C (x) is out; budget 8 used, B (3) does not fit */
    assert_true(s->x[0] && !s->x[1] && !s->x[2]);
    assert_true(s->y[0]);
    assert_int_equal(s->why[0].kind, PV_WHY_FORCED_IN);
    assert_true(s->cons_binding[0]);
    pv_selection_free(s);
    pv_ranking_free(r);
    pv_case_free(c);
}

static void test_infeasible_diagnosis(void **state)
{
    (void)state;
    pv_case *c = load(", \"constraints\": [{\"id\": \"both\", \"type\": \"force\", \"in\": "
                      "[\"A\", \"C\"]}, {\"id\": \"unrelated\", \"type\": \"max_partners\", "
                      "\"max\": 5}]");
    pv_error e;
    pv_error_clear(&e);
    pv_ranking *r = pv_rank(c, &e);
    pv_selection *s = pv_select(c, r, NULL, &e);
    assert_non_null(s);
    assert_int_equal(pv_selection_status(s), PV_STATUS_INFEASIBLE);
    /* minimal conflict: the budget and the force, not the partner cap */
    assert_int_equal(s->nconflict, 2);
    assert_int_equal(s->conflict[0], 0);
    assert_int_equal(s->conflict[1], 1);
    assert_true(s->raise_helps);
    assert_true(fabs(s->res_raise[0] - 3) < 1e-6); /* 6+2+5 = 13 */
    pv_selection_free(s);
    pv_ranking_free(r);
    pv_case_free(c);
}

static void test_forced_excluded_is_input_error(void **state)
{
    (void)state;
    pv_case *c = load(", \"constraints\": [{\"type\": \"force\", \"in\": [\"D-1 ö\"]}]");
    pv_error e;
    pv_error_clear(&e);
    pv_ranking *r = pv_rank(c, &e);
    pv_selection *s = pv_select(c, r, NULL, &e);
    assert_null(s);
    assert_int_equal(e.code, PV_EINPUT);
    assert_non_null(strstr(e.text, "no_d"));
    pv_ranking_free(r);
    pv_case_free(c);
}

static void test_empty_and_export(void **state)
{
    (void)state;
    /* every project excluded: an empty, optimal portfolio */
    pv_case *c = load("");
    pv_error e;
    pv_error_clear(&e);
    pv_ranking *r = pv_rank(c, &e);
    for (size_t j = 0; j < r->n; j++)
        r->p[j].score = 0;
    pv_selection *s = pv_select(c, r, NULL, &e);
    assert_non_null(s);
    assert_int_equal(pv_selection_status(s), PV_STATUS_OPTIMAL);
    assert_true(s->objective == 0);
    pv_selection_free(s);
    char p[512];
    snprintf(p, sizeof p, "%s/m.lp", dir);
    assert_int_equal(pv_export(c, r, PV_EXPORT_LP, p, &e), 0);
    size_t len;
    char *lp = pv_read_file(p, &len, &e);
    assert_non_null(lp);
    assert_non_null(strstr(lp, "res_budget:"));
    assert_non_null(strstr(lp, "x_A"));
    pv_free(lp);
    /* NaN scores never reach GLPK */
    r->p[0].score = NAN;
    assert_null(pv_select(c, r, NULL, &e));
    assert_int_equal(e.code, PV_EINPUT);
    pv_ranking_free(r);
    pv_case_free(c);
}

/* A generated knapsack-like case: n projects on 3 resources, every third
 * project needs one of 8 partners with a fee. Deterministic (LCG). */
/* The generated cases' directory with model written into it. */
static void gen_dir(const char *model)
{
    use_dir("solver");
    tu_write_file(dir, "model.json", model);
}

/* The generators' pseudo-random numbers, 0..999 (an LCG: the same cases on
 * every platform). */
static unsigned lcg(unsigned *x)
{
    *x = *x * 1103515245u + 12345u;
    return (*x >> 8) % 1000;
}

static pv_case *load_generated(int n, unsigned seed)
{
    gen_dir(MODEL);
    char *csv = malloc(64 * (size_t)n + 64);
    size_t len = (size_t)sprintf(csv, "id,name,value,cost,hours,dept,partners,bad,area\n");
    unsigned x = seed;
#define NEXT() lcg(&x)
    for (int j = 0; j < n; j++) {
        unsigned v = NEXT() % 5, c = 1 + NEXT() % 40, h = 1 + NEXT() % 30, d = NEXT() % 20;
        char part[8] = "";
        if (j % 3 == 0)
            snprintf(part, sizeof part, "q%u", NEXT() % 8);
        len += (size_t)sprintf(csv + len, "P%03d,P,%u.%u,%u,%u,%u,%s,no,x\n", j, v, NEXT() % 10, c,
                               h, d, part);
    }
    tu_write_file(dir, "projects.csv", csv);
    free(csv);
    tu_write_file(dir, "partners.csv",
                  "id,name,active,fee\nq0,a,no,3\nq1,b,no,0\nq2,c,yes,7\n"
                  "q3,d,no,2\nq4,e,no,5\nq5,f,yes,1\nq6,g,no,4\nq7,h,no,6\n");
#undef NEXT
    char c[1024];
    snprintf(c, sizeof c,
             "{\"name\": \"g\", \"model\": \"model.json\", \"data\": {\"projects\": "
             "\"projects.csv\", \"partners\": \"partners.csv\"}, \"resources\": {"
             "\"budget\": {\"column\": \"cost\", \"partner_column\": \"fee\", \"limit\": %d},"
             "\"hours\": {\"column\": \"hours\", \"limit\": %d},"
             "\"dept\": {\"column\": \"dept\", \"limit\": %d}}}",
             n * 7, n * 5, n * 3);
    return load_case(c);
}

/* The core rounds and reduced-cost fixing must not change the optimum: the
 * plain search (tuning core = 0) is the reference; on 14 projects so is
 * enumeration of every subset. Variant 1 is the core search as it was before
 * the early stop of its rounds and the pseudo-cost plain search after it;
 * variant 2 the defaults (the proof by small_bb.c, split by the number of
 * projects); variant 3 the defaults with GLPK's proof instead; variant 4
 * small_bb without the split by the number of projects. */
static void test_core_search_keeps_the_optimum(void **state)
{
    (void)state;
    const int sizes[] = {14, 40, 60, 90};
    for (size_t t = 0; t < sizeof sizes / sizeof *sizes; t++) {
        for (unsigned seed = 1; seed <= 3; seed++) {
            pv_case *c = load_generated(sizes[t], seed);
            pv_error e;
            pv_error_clear(&e);
            pv_ranking *r = pv_rank(c, &e);
            assert_non_null(r);
            double obj[5];
            for (int v = 0; v < 5; v++) {
                pv_tuning tune;
                pv_tuning_init(&tune);
                tune.core = v > 0;
                if (v == 1) {
                    tune.round_stop = 0;
                    tune.core_br = tune.br;
                    tune.core_bt = tune.bt;
                }
                tune.small_bb = v != 3;
                tune.card_split = v != 4;
                pv_selection *s =
                    pv_select_solve(c, r, &tune, c->time_limit_s, c->mip_gap, NULL, &e);
                assert_non_null(s);
                assert_int_equal(pv_selection_status(s), PV_STATUS_OPTIMAL);
                obj[v] = s->objective;
                for (size_t k = 0; k < c->nres; k++)
                    assert_true(s->res_used[k] <= c->res[k].limit * (1 + 1e-9));
                pv_selection_free(s);
            }
            for (int v = 1; v < 5; v++)
                assert_true(fabs(obj[0] - obj[v]) <= 1e-9 * (1 + fabs(obj[0])));
            if (sizes[t] <= 14) {
                /* enumeration: partners engaged by need, fees counted once */
                size_t n = c->projects->nrows, np = c->partners->nrows;
                double best = 0;
                for (unsigned long S = 0; S < (1ul << n); S++) {
                    double v = 0, use[3] = {0, 0, 0};
                    unsigned char eng[16] = {0};
                    for (size_t j = 0; j < n; j++)
                        if (S >> j & 1) {
                            v += r->p[j].score;
                            for (size_t k = 0; k < 3; k++)
                                use[k] += c->res[k].a[j];
                            for (size_t q = 0; q < c->proj_npartners[j]; q++)
                                eng[c->proj_partners[j][q]] = 1;
                        }
                    for (size_t p = 0; p < np; p++)
                        if (eng[p])
                            for (size_t k = 0; k < 3; k++)
                                use[k] += c->res[k].f[p];
                    int ok = 1;
                    for (size_t k = 0; k < 3; k++)
                        ok &= use[k] <= c->res[k].limit + 1e-9;
                    if (ok && v > best)
                        best = v;
                }
                assert_true(fabs(best - obj[2]) <= 1e-9 * (1 + best));
            }
            pv_ranking_free(r);
            pv_case_free(c);
        }
    }
}

/* Optimum of m with its current scores by the full search; val ncols bytes. */
static double full_optimum(pv_mip *m, unsigned char *val)
{
    pv_error e;
    pv_error_clear(&e);
    pv_mip_sol sol;
    memset(&sol, 0, sizeof sol);
    sol.val = val;
    assert_int_equal(pv_mip_solve(m, 60, 0, NULL, &sol, &e), 0);
    assert_int_equal(sol.status, PV_STATUS_OPTIMAL);
    return pv_mip_value(m, val);
}

/* The re-solve of robust, sensitivity and parties (the main solve's core
 * search and our own branch and bound, from a known portfolio) gives the
 * optimum of GLPK's plain branch and bound for changed scores, whether it
 * starts from the last optimum or from a poor portfolio (the empty one). */
static void test_resolve_from_start_matches_glpk(void **state)
{
    (void)state;
    const int sizes[] = {40, 90};
    size_t better = 0;
    for (size_t t = 0; t < sizeof sizes / sizeof *sizes; t++) {
        pv_case *c = load_generated(sizes[t], 2);
        pv_error e;
        pv_error_clear(&e);
        pv_ranking *r = pv_rank(c, &e);
        assert_non_null(r);
        pv_mip *full = pv_mip_build(c, r, &e), *re = pv_mip_build(c, r, &e);
        assert_non_null(full);
        assert_non_null(re);
        full->tune.small_bb = 0; /* the reference: GLPK alone */
        re->core_search = 1;
        size_t n = r->n, nc = full->ncols;
        double *score = calloc(n, sizeof *score);
        unsigned char *opt = calloc(nc, 1), *start = calloc(nc, 1), *val = calloc(nc, 1);
        assert_non_null(score);
        assert_non_null(opt);
        assert_non_null(start);
        assert_non_null(val);
        unsigned long x = 12345;
        for (int k = 0; k < 12; k++) {
            for (size_t j = 0; j < n; j++) {
                x = x * 6364136223846793005ul + 1442695040888963407ul;
                score[j] = r->p[j].score * (0.97 + 0.06 * (double)(x >> 11) / 9007199254740992.0);
            }
            pv_mip_set_scores(full, score);
            pv_mip_set_scores(re, score);
            double best = full_optimum(full, opt);
            if (k == 11)
                memset(start, 0, nc); /* the empty portfolio: feasible, far from optimal */
            pv_mip_sol sol;
            memset(&sol, 0, sizeof sol);
            sol.val = val;
            assert_int_equal(pv_mip_solve(re, 60, 0, start, &sol, &e), 0);
            assert_int_equal(sol.status, PV_STATUS_OPTIMAL);
            assert_true(pv_mip_feasible(re, val));
            assert_true(fabs(pv_mip_value(re, val) - best) <= 1e-9 * (1 + fabs(best)));
            better += pv_mip_value(re, val) > pv_mip_value(re, start) + 1e-9;
            memcpy(start, opt, nc);
        }
        free(score);
        free(opt);
        free(start);
        free(val);
        pv_mip_free(full);
        pv_mip_free(re);
        pv_ranking_free(r);
        pv_case_free(c);
    }
    /* the starts were not already optimal: the search had to move */
    assert_true(better >= 2);
}

/* The generated case of n projects (seed), ranked, its MILP built and the
 * root LP solved (objective in *z). */
static pv_mip *generated_mip(int n, unsigned seed, pv_case **c, pv_ranking **r, double *z)
{
    *c = load_generated(n, seed);
    pv_error e;
    pv_error_clear(&e);
    *r = pv_rank(*c, &e);
    assert_non_null(*r);
    pv_mip *m = pv_mip_build(*c, *r, &e);
    assert_non_null(m);
    *z = 0;
    assert_int_equal(pv_lp_root(m, 60, z, &e), 0);
    return m;
}

/* The penalty test (one dual simplex step's bound) never calls a column
 * dead that the full LP probe would keep: for every column and value, at
 * cutoffs 0.1 %, 1 % and 5 % below the LP bound, on cases of three sizes.
 * It must also fire, or it would test nothing. */
static void test_probe_penalty_bounds_the_lp(void **state)
{
    (void)state;
    const int sizes[] = {40, 90, 150};
    const double gaps[] = {0.001, 0.01, 0.05};
    size_t fired = 0, tests = 0;
    for (size_t t = 0; t < sizeof sizes / sizeof *sizes; t++) {
        pv_case *c;
        pv_ranking *r;
        double z;
        pv_mip *m = generated_mip(sizes[t], (unsigned)t + 4, &c, &r, &z);
        signed char *fix = malloc(m->ncols + 1);
        assert_non_null(fix);
        memset(fix, -1, m->ncols + 1);
        pv_lp *q = pv_lp_fixed_copy(m, m->lp, fix, -HUGE_VAL);
        assert_true(pv_lp_probe_begin(q));
        for (size_t g = 0; g < sizeof gaps / sizeof *gaps; g++) {
            double cutoff = z - gaps[g] * fabs(z);
            for (size_t j = 0; j < m->ncols; j++) {
                if (m->lb[j] >= m->ub[j])
                    continue;
                for (int v = 0; v < 2; v++) {
                    if (!pv_lp_probe_penalty(q, j, v, cutoff))
                        continue;
                    fired++;
                    /* the full probe on its own copy, from the same LP */
                    pv_lp *q2 = pv_lp_fixed_copy(m, m->lp, fix, -HUGE_VAL);
                    assert_true(pv_lp_probe_begin(q2));
                    assert_true(pv_lp_probe_dead(q2, j, v, cutoff));
                    pv_lp_free(q2);
                }
                tests += 2;
            }
        }
        pv_lp_free(q);
        free(fix);
        pv_mip_free(m);
        pv_ranking_free(r);
        pv_case_free(c);
    }
    assert_true(fired > 0 && fired < tests);
}

/* GLPK's presolved search given an incumbent (pv_bb.incumbent, use_sol):
 * the optimum as incumbent leaves nothing better, reported as infeasible
 * and never as GLPK's meaningless postprocessed vector; a worse incumbent
 * still gives the optimum, proven. On generated cases of three sizes. */
static void test_incumbent_prunes_as_glpk_own(void **state)
{
    (void)state;
    const int sizes[] = {30, 60, 120};
    for (size_t t = 0; t < sizeof sizes / sizeof *sizes; t++) {
        pv_case *c;
        pv_ranking *r;
        double z;
        pv_mip *m = generated_mip(sizes[t], (unsigned)t + 11, &c, &r, &z);
        signed char *fix = malloc(m->ncols + 1);
        unsigned char *opt = calloc(m->ncols + 1, 1), *val = calloc(m->ncols + 1, 1);
        assert_true(fix && opt && val);
        memset(fix, -1, m->ncols + 1);
        pv_bb o = {1, PV_BR_DTH, PV_BT_BLB, 0, 0, 0, 60000, 0, 0, NULL, NULL};
        pv_bb_out out;
        pv_lp *q = pv_lp_fixed_copy(m, m->lp, fix, -HUGE_VAL);
        assert_int_equal(pv_lp_branch(m, q, &o, opt, &out), 0);
        pv_lp_free(q);
        assert_true(out.found && out.proven && pv_mip_feasible(m, opt));
        double best = pv_mip_value(m, opt);
        /* the optimum as incumbent: nothing better, and no portfolio */
        o.incumbent = opt;
        memset(val, 7, m->ncols);
        q = pv_lp_fixed_copy(m, m->lp, fix, -HUGE_VAL);
        assert_int_equal(pv_lp_branch(m, q, &o, val, &out), 0);
        pv_lp_free(q);
        assert_false(out.found);
        assert_false(out.proven);
        assert_true(out.infeasible);
        /* the empty portfolio (feasible here) as incumbent: the optimum */
        unsigned char *none = calloc(m->ncols + 1, 1);
        assert_non_null(none);
        assert_true(pv_mip_feasible(m, none));
        o.incumbent = none;
        q = pv_lp_fixed_copy(m, m->lp, fix, -HUGE_VAL);
        assert_int_equal(pv_lp_branch(m, q, &o, val, &out), 0);
        pv_lp_free(q);
        assert_true(out.found && out.proven && pv_mip_feasible(m, val));
        assert_true(fabs(pv_mip_value(m, val) - best) <= 1e-6 * (1 + fabs(best)));
        free(none);
        free(fix);
        free(opt);
        free(val);
        pv_mip_free(m);
        pv_ranking_free(r);
        pv_case_free(c);
    }
}

/* A generated case with three criteria (for the what-if analyses, which
 * vary their weights): n projects, seeded; criterion "a" with a minimum
 * (a leaf's: the same for any weights) when leaf_min. */
static pv_case *load_three_criteria(int n, unsigned seed, int leaf_min)
{
    char model[1024];
    snprintf(model, sizeof model,
             "{\"name\": \"m3\", \"language\": \"en\", \"criteria\": {"
             "\"a\": {\"weight\": 0.5, \"column\": \"a\",%s \"value\": {\"type\": \"linear\","
             " \"worst\": 0, \"best\": 10}},"
             "\"b\": {\"weight\": 0.3, \"column\": \"b\", \"value\": {\"type\": \"linear\","
             " \"worst\": 0, \"best\": 10}},"
             "\"c\": {\"weight\": 0.2, \"column\": \"c\", \"value\": {\"type\": \"linear\","
             " \"worst\": 10, \"best\": 0}}}}",
             leaf_min ? " \"min\": 0.2," : "");
    gen_dir(model);
    char *csv = malloc(64 * (size_t)n + 64);
    size_t len = (size_t)sprintf(csv, "id,name,a,b,c,cost,hours,partners\n");
    unsigned x = seed;
    for (int j = 0; j < n; j++) {
        unsigned a = lcg(&x) % 11, b = lcg(&x) % 11, cc = lcg(&x) % 11;
        unsigned cost = 5 + lcg(&x) % 40, h = 1 + lcg(&x) % 30;
        char part[8] = "";
        if (j % 4 == 0)
            snprintf(part, sizeof part, "q%u", lcg(&x) % 4);
        len +=
            (size_t)sprintf(csv + len, "P%03d,P,%u,%u,%u,%u,%u,%s\n", j, a, b, cc, cost, h, part);
    }
    tu_write_file(dir, "projects.csv", csv);
    free(csv);
    tu_write_file(dir, "partners.csv",
                  "id,name,active,fee\nq0,a,no,6\nq1,b,no,0\nq2,c,yes,9\nq3,d,no,3\n");
    char c[1024];
    snprintf(c, sizeof c,
             "{\"name\": \"g3\", \"model\": \"model.json\", \"data\": {\"projects\": "
             "\"projects.csv\", \"partners\": \"partners.csv\"}, \"resources\": {"
             "\"budget\": {\"column\": \"cost\", \"partner_column\": \"fee\", \"limit\": %d},"
             "\"hours\": {\"column\": \"hours\", \"limit\": %d}}}",
             n * 8, n * 6);
    return load_case(c);
}

/* Sensitivity's exact edges (crossing of the base's and the taker-over's
 * values, linear in the weight) answer the bisection's steps as the plain
 * bisection, re-solving at every step, does: the same edges and the same
 * portfolios beyond them, on generated cases of several sizes and seeds,
 * with and without a leaf's minimum. */
/* A model of n binaries and its rows, built by hand (only what
 * pv_mip_propagate_infeasible and pv_mip_feasible read). */
typedef struct {
    pv_mip m;
    double lb[8], ub[8];
    pv_row rows[4];
    size_t col[4][8];
    double val[4][8];
} hand_mip;

static void hand_init(hand_mip *h, size_t n, size_t nrows)
{
    memset(h, 0, sizeof *h);
    h->m.ncols = n;
    h->m.lb = h->lb;
    h->m.ub = h->ub;
    h->m.nrows = nrows;
    h->m.rows = h->rows;
    for (size_t j = 0; j < n; j++)
        h->ub[j] = 1;
    for (size_t i = 0; i < nrows; i++) {
        h->rows[i].group = -1;
        h->rows[i].lb = -HUGE_VAL;
        h->rows[i].ub = HUGE_VAL;
        h->rows[i].col = h->col[i];
        h->rows[i].val = h->val[i];
    }
}

static void hand_coef(hand_mip *h, size_t i, size_t j, double a)
{
    pv_row *r = &h->rows[i];
    h->col[i][r->nz] = j;
    h->val[i][r->nz++] = a;
}

/* Bound propagation proves a conflict only where there is one: on random
 * small rows (coefficients of both signs, fixings, one- and two-sided rows)
 * its "infeasible" always agrees with enumeration, and it does prove the
 * chained case (a count forces two columns in, a cap then cannot hold). */
static void test_propagation_proves_only_true_conflicts(void **state)
{
    (void)state;
    hand_mip h;
    /* x0 + x1 + x2 >= 2 with x0 fixed out forces x1 = x2 = 1; x1 + x2 <= 1 */
    hand_init(&h, 3, 2);
    for (size_t j = 0; j < 3; j++)
        hand_coef(&h, 0, j, 1);
    h.rows[0].lb = 2;
    hand_coef(&h, 1, 1, 1);
    hand_coef(&h, 1, 2, 1);
    h.rows[1].ub = 1;
    h.ub[0] = 0;
    assert_int_equal(pv_mip_propagate_infeasible(&h.m), 1);
    h.ub[0] = 1; /* x0 free again: x = (1, 1, 0) */
    assert_int_equal(pv_mip_propagate_infeasible(&h.m), 0);
    /* at the tolerance's edge: 3 x0 <= 3 - 1e-12 holds for x0 = 1 */
    hand_init(&h, 1, 1);
    hand_coef(&h, 0, 0, 3);
    h.rows[0].ub = 3 - 1e-12;
    h.lb[0] = 1;
    assert_int_equal(pv_mip_propagate_infeasible(&h.m), 0);

    srand(7);
    int proved = 0, infeasible = 0;
    for (int t = 0; t < 4000; t++) {
        size_t n = 2 + (size_t)(rand() % 6), nr = 1 + (size_t)(rand() % 4);
        hand_init(&h, n, nr);
        for (size_t i = 0; i < nr; i++) {
            for (size_t j = 0; j < n; j++)
                if (rand() % 3)
                    hand_coef(&h, i, j, (double)(rand() % 11 - 5));
            int kind = rand() % 3;
            double b = (double)(rand() % 9 - 2);
            if (kind != 1)
                h.rows[i].ub = b;
            if (kind != 0)
                h.rows[i].lb = kind == 2 ? b - (double)(rand() % 4) : b;
        }
        for (size_t j = 0; j < n; j++) {
            int f = rand() % 6;
            if (f == 0)
                h.ub[j] = 0;
            else if (f == 1)
                h.lb[j] = 1;
        }
        int any = 0;
        unsigned char x[8];
        for (unsigned S = 0; S < (1u << n) && !any; S++) {
            for (size_t j = 0; j < n; j++)
                x[j] = (unsigned char)(S >> j & 1);
            any = pv_mip_feasible(&h.m, x);
        }
        int p = pv_mip_propagate_infeasible(&h.m);
        assert_true(p == 0 || p == 1);
        if (p)
            assert_false(any);
        proved += p;
        infeasible += !any;
    }
    /* it proves a good share of the conflicts, not none */
    assert_true(proved > infeasible / 3);
}

/* GLPK's row bounds move inward to the activity grid, never past a
 * portfolio: whole kronor, öre, or left alone when a coefficient is not on
 * a decimal grid. */
static void test_row_bounds_on_the_activity_grid(void **state)
{
    (void)state;
    hand_mip h;
    hand_init(&h, 3, 1);
    hand_coef(&h, 0, 0, 120000);
    hand_coef(&h, 0, 1, 20000);
    double lb = -HUGE_VAL, ub = 139999.5;
    pv_row_solver_bounds(&h.rows[0], &lb, &ub);
    assert_true(ub == 139999 && lb == -HUGE_VAL);
    ub = 140000; /* on the grid: unchanged, also just off it by rounding */
    pv_row_solver_bounds(&h.rows[0], &lb, &ub);
    assert_true(ub == 140000);
    ub = 140000 - 1e-9;
    pv_row_solver_bounds(&h.rows[0], &lb, &ub);
    assert_true(ub == 140000);
    lb = 2.5;
    ub = HUGE_VAL;
    pv_row_solver_bounds(&h.rows[0], &lb, &ub);
    assert_true(lb == 3 && ub == HUGE_VAL);
    hand_init(&h, 3, 1); /* öre */
    hand_coef(&h, 0, 0, 0.5);
    hand_coef(&h, 0, 1, 1.25);
    lb = -HUGE_VAL;
    ub = 3.333;
    pv_row_solver_bounds(&h.rows[0], &lb, &ub);
    assert_true(fabs(ub - 3.33) < 1e-12);
    hand_init(&h, 3, 1); /* a third: no decimal grid, left alone */
    hand_coef(&h, 0, 0, 1.0 / 3);
    hand_coef(&h, 0, 1, 1);
    ub = 0.5;
    pv_row_solver_bounds(&h.rows[0], &lb, &ub);
    assert_true(ub == 0.5);
}

static void test_sensitivity_exact_edges_match_bisection(void **state)
{
    (void)state;
    const int sizes[] = {12, 30, 60};
    size_t moved = 0;
    for (size_t t = 0; t < sizeof sizes / sizeof *sizes; t++)
        for (unsigned seed = 1; seed <= 3; seed++) {
            pv_case *c = load_three_criteria(sizes[t], seed, seed == 2);
            pv_error e;
            pv_error_clear(&e);
            pv_ranking *r = pv_rank(c, &e);
            assert_non_null(r);
            pv_sensitivity *fast = pv_sensitivity_edges(c, r, 1, &e);
            assert_non_null(fast);
            pv_sensitivity *plain = pv_sensitivity_edges(c, r, 0, &e);
            assert_non_null(plain);
            assert_int_equal(fast->nleaves, plain->nleaves);
            assert_int_equal(fast->exact, plain->exact);
            assert_memory_equal(fast->base, plain->base, r->n ? r->n : 1);
            for (size_t i = 0; i < fast->nleaves; i++) {
                const pv_sens_crit *a = &fast->crit[i], *b = &plain->crit[i];
                assert_true(a->low == b->low);
                assert_true(a->high == b->high);
                moved += a->low > 0 || a->high < 1;
                assert_int_equal(a->below == NULL, b->below == NULL);
                assert_int_equal(a->above == NULL, b->above == NULL);
                if (a->below)
                    assert_memory_equal(a->below, b->below, r->n);
                if (a->above)
                    assert_memory_equal(a->above, b->above, r->n);
            }
            pv_sensitivity_free(fast);
            pv_sensitivity_free(plain);
            pv_ranking_free(r);
            pv_case_free(c);
        }
    assert_true(moved >= 10); /* the edges were inside (0, 1): searched, not the ends */
}

/* GLPK's error path (glp_error, as when it runs out of memory), at every
 * call into GLPK in turn: select with its explanations fails with "out of
 * memory in the solver", GLPK's environment is released (the sanitizers see
 * no leak and no use of a released problem), and the next select is whole. */
static void test_glpk_failure_recovers(void **state)
{
    (void)state;
    pv_case *c = load("");
    pv_ranking *r = tu_rank_ok(c);
    pv_error e;
    pv_error_clear(&e);
    pv_selection *ref = pv_select(c, r, NULL, &e);
    assert_non_null(ref);
    long n;
    for (n = 1; n < 2000; n++) {
        pv_test_fail_glpk(n);
        pv_error_clear(&e);
        pv_selection *s = pv_select(c, r, NULL, &e);
        pv_test_fail_glpk(0);
        if (s) { /* n is past the last call into GLPK */
            pv_selection_free(s);
            break;
        }
        assert_int_equal(e.code, PV_EINTERNAL);
        assert_non_null(strstr(e.text, "out of memory in the solver (GLPK: glp_alloc"));
        pv_error_clear(&e);
        s = pv_select(c, r, NULL, &e);
        assert_non_null(s);
        assert_int_equal(pv_selection_status(s), pv_selection_status(ref));
        assert_true(fabs(s->objective - ref->objective) < 1e-9);
        pv_selection_free(s);
    }
    assert_true(n > 3 && n < 2000); /* the failure was met at several calls */
    /* the analyses too: sensitivity, at each of its calls into GLPK */
    for (n = 1; n < 2000; n++) {
        pv_test_fail_glpk(n);
        pv_error_clear(&e);
        pv_sensitivity *sv = pv_sensitivity_run(c, r, &e);
        pv_test_fail_glpk(0);
        if (sv) {
            pv_sensitivity_free(sv);
            break;
        }
        assert_non_null(strstr(e.text, "out of memory in the solver"));
    }
    assert_true(n > 1 && n < 2000);
    pv_selection_free(ref);
    pv_ranking_free(r);
    pv_case_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build),
        cmocka_unit_test(test_glpk_failure_recovers),
        cmocka_unit_test(test_sensitivity_exact_edges_match_bisection),
        cmocka_unit_test(test_select_and_why),
        cmocka_unit_test(test_agreement_review),
        cmocka_unit_test(test_thresholds_and_objective),
        cmocka_unit_test(test_constraints_and_cannot_fit),
        cmocka_unit_test(test_infeasible_diagnosis),
        cmocka_unit_test(test_forced_excluded_is_input_error),
        cmocka_unit_test(test_empty_and_export),
        cmocka_unit_test(test_core_search_keeps_the_optimum),
        cmocka_unit_test(test_probe_penalty_bounds_the_lp),
        cmocka_unit_test(test_incumbent_prunes_as_glpk_own),
        cmocka_unit_test(test_propagation_proves_only_true_conflicts),
        cmocka_unit_test(test_row_bounds_on_the_activity_grid),
        cmocka_unit_test(test_resolve_from_start_matches_glpk),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
