/* test_followup.c — the outcomes register's status words, and the follow-up
 * review of own agreements (keep / review / end_candidate) on Kristianstad's
 * example over the years: activity, the evaluation window, the two-year rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "internal.h"
#include "testutil.h"
#include "../../src/analyse/followup.h"

static void test_status_words(void **state)
{
    (void)state;
    assert_int_equal(pv_ostatus_parse("done"), PV_OS_DONE);
    assert_int_equal(pv_ostatus_parse("  Klar "), PV_OS_DONE);
    assert_int_equal(pv_ostatus_parse("avslutad"), PV_OS_DONE);
    assert_int_equal(pv_ostatus_parse("ANSÖKT"), PV_OS_APPLIED);
    assert_int_equal(pv_ostatus_parse("ansokt"), PV_OS_APPLIED);
    assert_int_equal(pv_ostatus_parse("PÅGÅENDE"), PV_OS_RUNNING);
    assert_int_equal(pv_ostatus_parse("Inställd"), PV_OS_CANCELLED);
    assert_int_equal(pv_ostatus_parse("avbruten"), PV_OS_CANCELLED);
    assert_int_equal(pv_ostatus_parse("beviljad"), PV_OS_GRANTED);
    assert_int_equal(pv_ostatus_parse("avslagen"), PV_OS_REJECTED);
    assert_int_equal(pv_ostatus_parse("planerad"), PV_OS_PLANNED);
    /* the first and last spelling of each status, and near misses (-1) */
    static const struct {
        const char *w;
        int st;
    } T[] = {{"planned", PV_OS_PLANNED},     {"planerat", PV_OS_PLANNED},
             {"granted", PV_OS_GRANTED},     {"rejected", PV_OS_REJECTED},
             {"pagaende", PV_OS_RUNNING},    {"avslutat", PV_OS_DONE},
             {"cancelled", PV_OS_CANCELLED}, {"avbrutet", PV_OS_CANCELLED},
             {"klar klart", -1},             {"done|", -1},
             {"don", -1},                    {"plan", -1},
             {"|", -1},                      {"", -1}};
    for (size_t i = 0; i < sizeof T / sizeof *T; i++)
        assert_int_equal(pv_ostatus_parse(T[i].w), T[i].st);
    assert_int_equal(pv_ostatus_parse("finished"), -1);
    assert_int_equal(pv_ostatus_parse(""), -1);
    assert_int_equal(pv_ostatus_parse("klar klar"), -1);
}

static pv_fu_action action(const pv_case *c, const char *id, int year, int from, int *last)
{
    long p = pv_case_partner_index(c, id);
    assert_true(p >= 0);
    pv_fu_agree a;
    assert_int_equal(pv_fu_agree_of(c, (size_t)p, year, from, &a), 0);
    pv_fu_action act = a.action;
    if (last)
        *last = a.last_activity;
    pv_fu_agree_free(&a);
    return act;
}

static void test_agreements(void **state)
{
    (void)state;
    pv_case *c = tu_load_ok("examples/kristianstad/case.json");
    int last = -1;
    /* the four inactive twin towns: no activity on record */
    assert_int_equal(action(c, "siauliai", 2027, 2027, &last), PV_FU_END);
    assert_int_equal(last, 0);
    assert_int_equal(action(c, "koszalin", 2027, 2027, NULL), PV_FU_END);
    assert_int_equal(action(c, "budafok", 2027, 2027, NULL), PV_FU_END);
    assert_int_equal(action(c, "rendsburg", 2027, 2027, NULL), PV_FU_END);
    /* active with activity (a project that works with it) */
    assert_int_equal(action(c, "koge", 2027, 2027, &last), PV_FU_KEEP);
    assert_int_equal(last, 2027);
    /* active with activity, but last evaluated 2024-09-15, more than 24 months before the
     * end of 2027: review; in 2026 (no row) for want of activity */
    assert_int_equal(action(c, "esn", 2027, 2027, NULL), PV_FU_REVIEW);
    assert_int_equal(action(c, "esn", 2026, 2026, NULL), PV_FU_REVIEW);
    /* Skåne Nordost evaluated 2026-12-01: keep in 2027 */
    assert_int_equal(action(c, "skane_nordost", 2027, 2027, NULL), PV_FU_KEEP);
    /* a partner that is no own agreement: none */
    assert_int_equal(action(c, "gdansk", 2027, 2027, NULL), PV_FU_NONE);
    /* in 2028, activity of 2027 is the year before: an active agreement with none in the
     * period is reviewed; an inactive one keeps being an end candidate */
    assert_int_equal(action(c, "koge", 2028, 2028, &last), PV_FU_REVIEW);
    assert_int_equal(last, 2027);
    assert_int_equal(action(c, "siauliai", 2028, 2028, NULL), PV_FU_END);
    pv_case_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_status_words),
        cmocka_unit_test(test_agreements),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
