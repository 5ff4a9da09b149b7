/* test_json_util.c — the reader's shared JSON helpers (src/read/json_util.c):
 * the member walker, typed checks, string choices and sv/en texts, and the
 * allocation helpers of util/alloc.c that the free functions share. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "read/json.h"

/* A context whose messages name "f.json"; err cleared. */
static pvj_ctx ctx(pv_error *err)
{
    pv_error_clear(err);
    return (pvj_ctx){.file = "f.json", .err = err};
}

static json_t *parse(const char *text)
{
    json_error_t je;
    json_t *v = json_loads(text, JSON_DECODE_ANY, &je);
    if (!v)
        fail_msg("bad test JSON: %s", je.text);
    return v;
}

static void test_choice(void **state)
{
    (void)state;
    static const char *const three[] = {"min", "max", "mean", NULL};
    static const char *const two[] = {"saaty", "alonso_lamata", NULL};
    pv_error err;
    pvj_ctx x = ctx(&err);
    json_t *o = parse("{\"a\": \"mean\", \"b\": \"median\", \"c\": 3}");
    assert_int_equal(pvj_choice(&x, o, "a", "k", three, 0), 2);
    assert_int_equal(pvj_choice(&x, o, "absent", "k", three, 1), 1);
    assert_false(pv_failed(&err));
    assert_int_equal(pvj_choice(&x, o, "b", "k", three, 0), -1);
    assert_string_equal(err.text, "k.b: must be min, max or mean, not 'median'");
    x = ctx(&err);
    assert_int_equal(pvj_choice(&x, o, "b", "", two, 0), -1);
    assert_string_equal(err.text, "b: must be saaty or alonso_lamata, not 'median'");
    x = ctx(&err);
    assert_int_equal(pvj_choice(&x, o, "c", "k", two, 0), -1);
    assert_string_equal(err.text, "k.c: must be a string, not a number");
    json_decref(o);
}

typedef struct seen {
    char keys[4][16], paths[4][16];
    int n, fail_at;
} seen;

static int record(pvj_ctx *x, const char *key, json_t *val, const char *k, void *c)
{
    (void)val;
    seen *s = c;
    if (s->n == s->fail_at) {
        pvj_err(x, k, "stop");
        return -1;
    }
    snprintf(s->keys[s->n], sizeof s->keys[0], "%s", key);
    snprintf(s->paths[s->n], sizeof s->paths[0], "%s", k);
    s->n++;
    return 0;
}

static void test_each(void **state)
{
    (void)state;
    pv_error err;
    pvj_ctx x = ctx(&err);
    json_t *o = parse("{\"b\": 1, \"a\": 2, \"c\": 3}");
    seen s = {.fail_at = -1};
    assert_int_equal(pvj_each(&x, o, "top", record, &s), 0);
    assert_int_equal(s.n, 3); /* in the file's order */
    assert_string_equal(s.keys[0], "b");
    assert_string_equal(s.keys[2], "c");
    assert_string_equal(s.paths[1], "top.a");
    x = ctx(&err);
    s = (seen){.fail_at = 1};
    assert_int_equal(pvj_each(&x, o, "", record, &s), -1);
    assert_int_equal(s.n, 1); /* stops at the first failure */
    assert_string_equal(err.text, "a: stop");
    json_decref(o);
}

static void test_typed(void **state)
{
    (void)state;
    pv_error err;
    pvj_ctx x = ctx(&err);
    json_t *o = parse("{\"arr\": [1], \"none\": [], \"obj\": {}}");
    char k[KP];
    assert_int_equal(pvj_opt(&x, NULL, JSON_OBJECT, "k", "m"), 0);
    assert_int_equal(pvj_opt(&x, json_object_get(o, "obj"), JSON_OBJECT, "k", "m"), 1);
    assert_int_equal(pvj_expect(&x, json_object_get(o, "arr"), JSON_ARRAY, "k", "m"), 0);
    assert_non_null(pvj_nonempty(&x, o, "arr", "p", JSON_ARRAY, k, "m"));
    assert_string_equal(k, "p.arr");
    assert_false(pv_failed(&err));
    assert_int_equal(pvj_opt(&x, json_object_get(o, "arr"), JSON_OBJECT, "k", "must be 100% {}"),
                     -1);
    assert_string_equal(err.text, "k: must be 100% {}"); /* the message is text, not a format */
    x = ctx(&err);
    assert_int_equal(pvj_expect(&x, NULL, JSON_ARRAY, "k", "needed"), -1);
    assert_string_equal(err.text, "k: needed");
    x = ctx(&err);
    assert_null(pvj_nonempty(&x, o, "none", "p", JSON_ARRAY, k, "must not be empty"));
    assert_string_equal(err.text, "p.none: must not be empty");
    x = ctx(&err);
    assert_null(pvj_nonempty(&x, o, "absent", "p", JSON_OBJECT, k, "is missing"));
    assert_string_equal(err.text, "p.absent: is missing");
    json_decref(o);
}

static void test_sv_en(void **state)
{
    (void)state;
    pv_error err;
    pvj_ctx x = ctx(&err);
    json_t *o = parse("{\"s\": \"Both\", \"o\": {\"en\": \"Only en\"}, \"n\": 4}");
    const char *sv, *en;
    char *a, *b;
    assert_int_equal(pvj_sv_en(&x, json_object_get(o, "s"), "k", 0, &sv, &en), 0);
    assert_string_equal(sv, "Both");
    assert_string_equal(en, "Both");
    assert_int_equal(pvj_sv_en(&x, json_object_get(o, "o"), "k", 0, &sv, &en), 0);
    assert_null(sv);
    assert_int_equal(pvj_dup_pair(&x, sv, en, "id", &a, &b), 0);
    assert_string_equal(a, "Only en"); /* the other language stands in */
    assert_string_equal(b, "Only en");
    pv_free(a);
    pv_free(b);
    assert_int_equal(pvj_dup_pair(&x, NULL, NULL, "id", &a, &b), 0);
    assert_string_equal(a, "id");
    assert_string_equal(b, "id");
    pv_free(a);
    pv_free(b);
    assert_int_equal(pvj_sv_en(&x, json_object_get(o, "n"), "k", 0, &sv, &en), -1);
    assert_string_equal(err.text, "k: must be a string or {\"sv\": …, \"en\": …}");
    x = ctx(&err);
    assert_int_equal(pvj_sv_en(&x, json_object_get(o, "n"), "k", 1, &sv, &en), -1);
    assert_string_equal(err.text, "k: must be a string or {\"sv\": …, \"en\": …}, not a number");
    x = ctx(&err);
    assert_int_equal(pvj_check_id(&x, "ok_id", "k", "rule"), 0);
    assert_int_equal(pvj_check_id(&x, "a.b", "k", "rule"), -1);
    assert_string_equal(err.text, "k: rule id must be non-empty, at most 200 bytes, without '.' or "
                                  "control characters");
    json_decref(o);
}

static void test_entry_id(void **state)
{
    (void)state;
    pv_error err;
    pvj_ctx x = ctx(&err);
    json_t *o = parse("{\"r\": {}, \"n\": 1}");
    char *id = pvj_entry_id(&x, "r", json_object_get(o, "r"), "rules.r", "rule", "must be {}");
    assert_non_null(id);
    assert_string_equal(id, "r");
    pv_free(id);
    assert_null(pvj_entry_id(&x, "n", json_object_get(o, "n"), "rules.n", "rule", "must be {}"));
    assert_string_equal(err.text, "rules.n: must be {}");
    x = ctx(&err);
    assert_null(pvj_entry_id(&x, "", json_object_get(o, "r"), "rules.", "resource", "must be {}"));
    assert_string_equal(err.text, "rules.: resource id must be non-empty, at most 200 bytes, "
                                  "without '.' or control characters");
    json_decref(o);
}

static void test_alloc_helpers(void **state)
{
    (void)state;
    pv_error err;
    pv_error_clear(&err);
    double *d = pv_calloc_err(4, sizeof *d, &err);
    assert_non_null(d);
    assert_true(d[3] == 0.0);
    assert_false(pv_failed(&err));
    void *own[] = {d, NULL, pv_strdup("x")}; /* NULL entries are skipped */
    pv_free_each(own, sizeof own / sizeof *own);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_choice),        cmocka_unit_test(test_each),
        cmocka_unit_test(test_typed),         cmocka_unit_test(test_sv_en),
        cmocka_unit_test(test_entry_id), cmocka_unit_test(test_alloc_helpers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
