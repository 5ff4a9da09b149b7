/* test_rules.c — every operator, all/any/not, missing-is-false, per-partner
 * evaluation (a rule fires if it holds for any one partner), projects with no
 * partners, list cells, and the Swedish dialect's numbers in comparisons. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "testutil.h"

/* One flag rule per line of RULES; the test then reads which flags fired. */
static const char *RULES[][2] = {
    {"lt", "{\"field\": \"num\", \"op\": \"<\", \"value\": 5}"},
    {"le", "{\"field\": \"num\", \"op\": \"<=\", \"value\": 5}"},
    {"gt", "{\"field\": \"num\", \"op\": \">\", \"value\": 5}"},
    {"ge", "{\"field\": \"num\", \"op\": \">=\", \"value\": 5}"},
    {"eq_num", "{\"field\": \"num\", \"op\": \"==\", \"value\": 5}"},
    {"ne_num", "{\"field\": \"num\", \"op\": \"!=\", \"value\": 5}"},
    {"eq_txt", "{\"field\": \"txt\", \"op\": \"==\", \"value\": \"a\"}"},
    {"ne_txt", "{\"field\": \"txt\", \"op\": \"!=\", \"value\": \"a\"}"},
    {"in_txt", "{\"field\": \"txt\", \"op\": \"in\", \"value\": [\"a\", \"b\"]}"},
    {"not_in_txt", "{\"field\": \"txt\", \"op\": \"not_in\", \"value\": [\"a\", \"b\"]}"},
    {"in_num", "{\"field\": \"num\", \"op\": \"in\", \"value\": [1, 5]}"},
    {"missing", "{\"field\": \"txt\", \"op\": \"missing\"}"},
    {"present", "{\"field\": \"txt\", \"op\": \"present\"}"},
    {"list_eq", "{\"field\": \"lst\", \"op\": \"==\", \"value\": \"x\"}"},
    {"list_ne", "{\"field\": \"lst\", \"op\": \"!=\", \"value\": \"x\"}"},
    {"list_in", "{\"field\": \"lst\", \"op\": \"in\", \"value\": [\"z\", \"q\"]}"},
    {"all", "{\"all\": [{\"field\": \"num\", \"op\": \">\", \"value\": 1}, {\"field\": \"txt\", \"op\": \"==\", \"value\": \"a\"}]}"},
    {"any", "{\"any\": [{\"field\": \"num\", \"op\": \">\", \"value\": 100}, {\"field\": \"txt\", \"op\": \"==\", \"value\": \"b\"}]}"},
    {"not", "{\"not\": {\"field\": \"num\", \"op\": \"<\", \"value\": 5}}"},
    {"nested", "{\"any\": [{\"not\": {\"field\": \"txt\", \"op\": \"present\"}}, {\"all\": [{\"field\": \"num\", \"op\": \">=\", \"value\": 5}, {\"not\": {\"field\": \"lst\", \"op\": \"==\", \"value\": \"x\"}}]}]}"},
    {"p_gt", "{\"field\": \"partner.size\", \"op\": \">\", \"value\": 10}"},
    {"c_lt", "{\"field\": \"country.idx\", \"op\": \"<\", \"value\": 5}"},
    {"same_partner", "{\"all\": [{\"field\": \"partner.size\", \"op\": \">\", \"value\": 10}, {\"field\": \"country.idx\", \"op\": \"<\", \"value\": 5}]}"},
    {"mixed", "{\"all\": [{\"field\": \"partner.size\", \"op\": \">\", \"value\": 10}, {\"field\": \"num\", \"op\": \">=\", \"value\": 5}]}"},
    {"p_missing", "{\"field\": \"partner.size\", \"op\": \"missing\"}"},
    {"not_p", "{\"not\": {\"field\": \"partner.size\", \"op\": \">\", \"value\": 10}}"},
    {"c_eq", "{\"field\": \"country.name\", \"op\": \"==\", \"value\": \"Xa\"}"},
    {"c_ne", "{\"field\": \"country.name\", \"op\": \"!=\", \"value\": \"Xa\"}"},
};
#define NRULES (sizeof RULES / sizeof RULES[0])

/* Partners: pa (size 20, country XA idx 8), pb (size 5, XB idx 3),
 * pc (size and country empty). */
static const char *PARTNERS = "id,country,size\npa,XA,20\npb,XB,5\npc,,\n";
static const char *COUNTRIES = "code,name,idx\nXA,Xa,8\nXB,Xb,3\n";
static const char *PROJECTS = "id,num,txt,lst,partners\n"
                              "A,5,a,x|y,pa|pb\n"
                              "B,3,b,y,\n"
                              "C,7,,,pb\n"
                              "D,,c,xx|z,pa\n"
                              "E,1,a,x,pc\n";

/* Expected flags per project, in RULES order (1 = fires). */
static const struct {
    const char *id;
    int fires[NRULES];
    int eligible;
} WANT[] = {
    /*        lt le gt ge eq ne eT nT in nI iN mi pr lE lN lI al an no ne pG cL sP mx pM nP cE cN */
    {"A", {0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1}, 1},
    {"B", {1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0}, 1},
    {"C", {0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 0, 1}, 1},
    {"D", {0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0}, 0},
    {"E", {1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0}, 1},
};

static void build_case(const char *dir, const char *projects, const char *extra_rules)
{
    tu_make_dir(dir);
    char *m = malloc(20000);
    assert_non_null(m);
    size_t k = (size_t)sprintf(m, "{\"name\": \"rules\", \"language\": \"en\", \"criteria\": {\"n\": "
                                  "{\"weight\": 1, \"column\": \"num\", \"missing\": 0.5, \"value\": "
                                  "{\"type\": \"linear\", \"worst\": 0, \"best\": 10}}},\n \"rules\": {\n");
    for (size_t i = 0; i < NRULES; i++)
        k += (size_t)sprintf(m + k, "  \"%s\": {\"if\": %s, \"then\": \"flag\", \"because\": \"b\"},\n",
                             RULES[i][0], RULES[i][1]);
    k += (size_t)sprintf(m + k, "%s  \"excl\": {\"if\": {\"field\": \"txt\", \"op\": \"==\", \"value\": \"c\"}, "
                                "\"then\": \"exclude\", \"because\": \"c\", \"source\": \"s\"}}}\n",
                         extra_rules ? extra_rules : "");
    tu_write_file(dir, "model.json", m);
    free(m);
    tu_write_file(dir, "projects.csv", projects);
    tu_write_file(dir, "partners.csv", PARTNERS);
    tu_write_file(dir, "countries.csv", COUNTRIES);
    tu_write_file(dir, "case.json",
               "{\"name\": \"rules\", \"model\": \"model.json\", \"data\": {\"projects\": "
               "\"projects.csv\", \"partners\": \"partners.csv\", \"countries\": \"countries.csv\"}}\n");
}

static int fired(const pv_case *c, const pv_proj_result *p, const char *rule)
{
    for (size_t k = 0; k < p->nflags; k++)
        if (!strcmp(c->model->rules[p->flags[k]].id, rule))
            return 1;
    for (size_t k = 0; k < p->nexcluded; k++)
        if (!strcmp(c->model->rules[p->excluded_by[k]].id, rule))
            return 1;
    return 0;
}

static void check_all(const char *dir)
{
    char path[300];
    snprintf(path, sizeof path, "%s/case.json", dir);
    pv_case *c = tu_load_ok(path);
    int bad = 0;
    for (size_t w = 0; w < sizeof WANT / sizeof WANT[0]; w++) {
        long j = pv_case_project_index(c, WANT[w].id);
        assert_true(j >= 0);
        pv_proj_result res;
        memset(&res, 0, sizeof res);
        pv_error err;
        pv_error_clear(&err);
        if (pv_screen_project(c, (size_t)j, &res, &err))
            fail_msg("%s: %s:%d: %s", WANT[w].id, err.source, err.line, err.text);
        for (size_t i = 0; i < NRULES; i++) {
            int got = fired(c, &res, RULES[i][0]);
            if (got != WANT[w].fires[i]) {
                print_error("%s: project %s, rule %s: fired %d, want %d\n", dir, WANT[w].id,
                            RULES[i][0], got, WANT[w].fires[i]);
                bad++;
            }
        }
        if (res.eligible != WANT[w].eligible) {
            print_error("%s: project %s: eligible %d\n", dir, WANT[w].id, res.eligible);
            bad++;
        }
        /* flags and exclusions are listed in the model's rule order */
        for (size_t k = 1; k < res.nflags; k++)
            assert_true(res.flags[k] > res.flags[k - 1]);
        pv_free(res.flags);
        pv_free(res.excluded_by);
    }
    pv_case_free(c);
    if (bad)
        fail_msg("%d rule results differ", bad);
}

static void test_every_op(void **state)
{
    (void)state;
    build_case("tests/out/unit_rules", PROJECTS, NULL);
    check_all("tests/out/unit_rules");
}

/* The same case in the Swedish Excel dialect must screen identically. */
static void test_every_op_swedish(void **state)
{
    (void)state;
    build_case("tests/out/unit_rules_sv",
               "\xEF\xBB\xBFid;num;txt;lst;partners\r\n"
               "A;5,0;a;x|y;pa|pb\r\n"
               "B;3;b;y;\r\n"
               "C;7,00;;;pb\r\n"
               "D;;c;xx|z;pa\r\n"
               "E;1;a;x;pc\r\n",
               NULL);
    check_all("tests/out/unit_rules_sv");
}

/* A decimal comma is a number, not a list of two items. */
static void test_swedish_decimal_equality(void **state)
{
    (void)state;
    const char *dir = "tests/out/unit_rules_dec";
    build_case(dir, "id;num;txt;lst;partners\nA;1,5;a;x;\nB;1 500;b;x;\nC;2;b;x;\n",
               "  \"eq15\": {\"if\": {\"field\": \"num\", \"op\": \"==\", \"value\": 1.5}, \"then\": \"flag\", \"because\": \"b\"},\n"
               "  \"ne15\": {\"if\": {\"field\": \"num\", \"op\": \"!=\", \"value\": 1.5}, \"then\": \"flag\", \"because\": \"b\"},\n"
               "  \"in15\": {\"if\": {\"field\": \"num\", \"op\": \"in\", \"value\": [1.5, 1500]}, \"then\": \"flag\", \"because\": \"b\"},\n");
    pv_case *c = tu_load_ok("tests/out/unit_rules_dec/case.json");
    const char *ids[] = {"A", "B", "C"};
    const int eq[] = {1, 0, 0}, ne[] = {0, 1, 1}, in[] = {1, 1, 0};
    for (size_t w = 0; w < 3; w++) {
        size_t j = (size_t)pv_case_project_index(c, ids[w]);
        pv_proj_result res;
        memset(&res, 0, sizeof res);
        pv_error err;
        pv_error_clear(&err);
        if (pv_screen_project(c, j, &res, &err))
            fail_msg("%s: %s:%d: %s", ids[w], err.source, err.line, err.text);
        if (fired(c, &res, "eq15") != eq[w] || fired(c, &res, "ne15") != ne[w] ||
            fired(c, &res, "in15") != in[w])
            fail_msg("project %s: eq %d ne %d in %d", ids[w], fired(c, &res, "eq15"),
                     fired(c, &res, "ne15"), fired(c, &res, "in15"));
        pv_free(res.flags);
        pv_free(res.excluded_by);
    }
    pv_case_free(c);
}

/* A number comparison on a text cell is an input error naming file, line, column. */
static void test_compare_text_with_number(void **state)
{
    (void)state;
    const char *dir = "tests/out/unit_rules_err";
    build_case(dir, "id,num,txt,lst,partners\nA,5,a,x,\nB,five,b,x,\n", NULL);
    pv_case *c = tu_load_ok("tests/out/unit_rules_err/case.json");
    pv_proj_result res;
    memset(&res, 0, sizeof res);
    pv_error err;
    pv_error_clear(&err);
    assert_int_equal(pv_screen_project(c, 0, &res, &err), 0);
    pv_free(res.flags);
    pv_free(res.excluded_by);
    memset(&res, 0, sizeof res);
    assert_int_not_equal(pv_screen_project(c, 1, &res, &err), 0);
    pv_free(res.flags);
    pv_free(res.excluded_by);
    assert_int_equal(err.code, PV_EINPUT);
    assert_non_null(strstr(err.source, "projects.csv"));
    assert_int_equal(err.line, 3);
    assert_int_equal(err.column, 2);
    assert_non_null(strstr(err.text, "five"));
    pv_case_free(c);
}

/* The whole pipeline: exclusions rank last, and pv_rank reports the same. */
static void test_rank_uses_rules(void **state)
{
    (void)state;
    build_case("tests/out/unit_rules_rank", PROJECTS, NULL);
    pv_case *c = tu_load_ok("tests/out/unit_rules_rank/case.json");
    pv_error err;
    pv_error_clear(&err);
    pv_ranking *r = pv_rank(c, &err);
    assert_non_null(r);
    size_t last = r->order[r->n - 1];
    assert_string_equal(pv_project_id(c, last), "D");
    assert_false(r->p[last].eligible);
    assert_int_equal(r->p[last].nexcluded, 1);
    assert_string_equal(c->model->rules[r->p[last].excluded_by[0]].id, "excl");
    assert_string_equal(c->model->rules[r->p[last].excluded_by[0]].because, "c");
    assert_string_equal(c->model->rules[r->p[last].excluded_by[0]].source, "s");
    pv_ranking_free(r);
    pv_case_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_op),
        cmocka_unit_test(test_every_op_swedish),
        cmocka_unit_test(test_swedish_decimal_equality),
        cmocka_unit_test(test_compare_text_with_number),
        cmocka_unit_test(test_rank_uses_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
