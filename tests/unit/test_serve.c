/* test_serve.c — the dispatcher of `partnerval serve` without sockets: every
 * security rule (Host, token, Origin, content type, size), every error code,
 * the API's answers against the library's renderers, and the path safety of
 * saved scenarios. Each test fails when its rule is removed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "serve/serve.h"
#include "testutil.h"

#define CASE "examples/lidkoping/case.json"
#define TOKEN "0123456789abcdef0123456789abcdef"
#define HOST "127.0.0.1:5555"

static pv_serve_ctx g_ctx;
static char g_dir[64];

static int setup(void **state)
{
    (void)state;
    if (tu_temp_dir(g_dir, sizeof g_dir, "pvserve"))
        return -1;
    char sd[128];
    snprintf(sd, sizeof sd, "%s/scenarios", g_dir);
    pv_serve_ctx_init(&g_ctx, CASE, sd, PV_LANG_DEFAULT);
    g_ctx.port = 5555;
    memcpy(g_ctx.token, TOKEN, sizeof g_ctx.token);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return tu_remove_tree(g_dir);
}

/* A request that passes every check; tests change one thing. */
static pv_request req_ok(const char *method, const char *path, const char *body)
{
    pv_request r = {.method = method, .path = path, .host = HOST, .token_header = TOKEN,
                    .content_type = "application/json", .body = body ? body : "",
                    .body_len = body ? strlen(body) : 0};
    return r;
}

static int status_of(const pv_request *r)
{
    pv_response res;
    pv_serve_handle(&g_ctx, r, &res);
    int s = res.status;
    pv_response_free(&res);
    return s;
}

/* The answer's body as a string (free with free). */
static char *answer(const pv_request *r, int *status)
{
    pv_response res;
    pv_serve_handle(&g_ctx, r, &res);
    *status = res.status;
    char *s = malloc(res.len + 1);
    memcpy(s, res.body, res.len);
    s[res.len] = '\0';
    pv_response_free(&res);
    return s;
}

static void test_host(void **state)
{
    (void)state;
    pv_request r = req_ok("GET", "/api/inputs", NULL);
    assert_int_equal(status_of(&r), 200);
    r.host = "localhost:5555";
    assert_int_equal(status_of(&r), 200);
    r.host = "[::1]:5555";
    assert_int_equal(status_of(&r), 200);
    r.host = NULL;
    assert_int_equal(status_of(&r), 421);
    r.host = "evil.example:5555"; /* DNS rebinding */
    assert_int_equal(status_of(&r), 421);
    r.host = "127.0.0.1:5556";
    assert_int_equal(status_of(&r), 421);
    r.host = "127.0.0.1";
    assert_int_equal(status_of(&r), 421);
    r.host = "127.0.0.1:55555";
    assert_int_equal(status_of(&r), 421);
    r.host = "192.168.1.2:5555"; /* only with --bind */
    assert_int_equal(status_of(&r), 421);
    /* Host is checked before the token. */
    r.host = "evil.example:5555";
    r.token_header = NULL;
    assert_int_equal(status_of(&r), 421);
}

static void test_token(void **state)
{
    (void)state;
    pv_request r = req_ok("GET", "/api/inputs", NULL);
    r.token_header = NULL;
    assert_int_equal(status_of(&r), 403);
    r.token_header = "0123456789abcdef0123456789abcdee";
    assert_int_equal(status_of(&r), 403);
    r.token_header = "0123456789abcdef0123456789abcdef0"; /* longer */
    assert_int_equal(status_of(&r), 403);
    r.token_header = "";
    assert_int_equal(status_of(&r), 403);
    r.token_header = NULL;
    r.cookie = "pv_token=" TOKEN;
    assert_int_equal(status_of(&r), 200);
    r.cookie = "a=1; pv_token=" TOKEN "; b=2";
    assert_int_equal(status_of(&r), 200);
    r.cookie = "pv_token=0123456789abcdef0123456789abcdee";
    assert_int_equal(status_of(&r), 403);
    r.cookie = "xpv_token=" TOKEN;
    assert_int_equal(status_of(&r), 403);
    r.cookie = NULL;
    r.query = "token=" TOKEN; /* the query token counts on GET / only */
    assert_int_equal(status_of(&r), 403);
    /* The page and its files need the token too. */
    pv_request p = req_ok("GET", "/app.js", NULL);
    assert_int_equal(status_of(&p), 200);
    p.token_header = NULL;
    assert_int_equal(status_of(&p), 403);
    p.path = "/";
    assert_int_equal(status_of(&p), 403);
    /* A POST without a token, even a well-formed one. */
    pv_request q = req_ok("POST", "/api/rank", "{}");
    q.token_header = NULL;
    assert_int_equal(status_of(&q), 403);
}

static void test_login(void **state)
{
    (void)state;
    pv_request r = req_ok("GET", "/", NULL);
    r.token_header = NULL;
    r.query = "token=" TOKEN;
    pv_response res;
    pv_serve_handle(&g_ctx, &r, &res);
    assert_int_equal(res.status, 303);
    assert_string_equal(res.location, "/");
    assert_non_null(strstr(res.set_cookie, "pv_token=" TOKEN));
    assert_non_null(strstr(res.set_cookie, "HttpOnly"));
    assert_non_null(strstr(res.set_cookie, "SameSite=Strict"));
    pv_response_free(&res);
    r.query = "token=0123456789abcdef0123456789abcdee";
    pv_serve_handle(&g_ctx, &r, &res);
    assert_int_equal(res.status, 403);
    assert_string_equal(res.set_cookie, "");
    pv_response_free(&res);
    /* With the cookie: the page. */
    r.query = NULL;
    r.cookie = "pv_token=" TOKEN;
    pv_serve_handle(&g_ctx, &r, &res);
    assert_int_equal(res.status, 200);
    assert_non_null(strstr(res.content_type, "text/html"));
    assert_true(res.len > 0);
    pv_response_free(&res);
}

static void test_headers(void **state)
{
    (void)state;
    int csp = 0, nosniff = 0, referrer = 0, store = 0;
    for (size_t i = 0; PV_SERVE_HEADERS[i][0]; i++) {
        const char *n = PV_SERVE_HEADERS[i][0], *v = PV_SERVE_HEADERS[i][1];
        csp |= !strcmp(n, "Content-Security-Policy") && !strcmp(v, "default-src 'self'");
        nosniff |= !strcmp(n, "X-Content-Type-Options") && !strcmp(v, "nosniff");
        referrer |= !strcmp(n, "Referrer-Policy") && !strcmp(v, "no-referrer");
        store |= !strcmp(n, "Cache-Control") && !strcmp(v, "no-store");
        assert_null(strstr(n, "Access-Control")); /* no CORS */
    }
    assert_true(csp && nosniff && referrer && store);
    /* No inline script in the page: scripts come from files ('self'). */
    pv_request r = req_ok("GET", "/", NULL);
    int st;
    char *page = answer(&r, &st);
    assert_int_equal(st, 200);
    assert_null(strstr(page, "<script>"));
    assert_null(strstr(page, " on"/* onclick= etc. */ "click="));
    assert_non_null(strstr(page, "src=\"/app.js\""));
    free(page);
}

static void test_routes(void **state)
{
    (void)state;
    pv_request r = req_ok("GET", "/nothing", NULL);
    assert_int_equal(status_of(&r), 404);
    r.path = "/../../etc/passwd";
    assert_int_equal(status_of(&r), 404);
    r.path = "/api/nothing";
    assert_int_equal(status_of(&r), 404);
    r.path = "/api/select"; /* a POST route */
    assert_int_equal(status_of(&r), 405);
    pv_request p = req_ok("POST", "/api/case", "{}");
    assert_int_equal(status_of(&p), 405);
    p.path = "/app.js";
    assert_int_equal(status_of(&p), 405);
    p.method = "DELETE";
    p.path = "/api/rank";
    assert_int_equal(status_of(&p), 405);
    p.method = "PUT";
    assert_int_equal(status_of(&p), 405);
    int st;
    char *e = answer(&r, &st);
    assert_non_null(strstr(e, "\"error\": {\"code\": \"method_not_allowed\""));
    free(e);
}

static void test_content_type(void **state)
{
    (void)state;
    pv_request r = req_ok("POST", "/api/weights", "{}");
    assert_int_equal(status_of(&r), 200);
    r.content_type = "application/json; charset=utf-8";
    assert_int_equal(status_of(&r), 200);
    r.content_type = NULL;
    assert_int_equal(status_of(&r), 415);
    r.content_type = "text/plain";
    assert_int_equal(status_of(&r), 415);
    r.content_type = "application/x-www-form-urlencoded";
    assert_int_equal(status_of(&r), 415);
    r.content_type = "application/jsonp";
    assert_int_equal(status_of(&r), 415);
}

static void test_origin(void **state)
{
    (void)state;
    pv_request r = req_ok("POST", "/api/weights", "{}");
    r.origin = "http://127.0.0.1:5555";
    assert_int_equal(status_of(&r), 200);
    r.origin = "http://localhost:5555";
    assert_int_equal(status_of(&r), 200);
    r.origin = "http://evil.example";
    assert_int_equal(status_of(&r), 403);
    r.origin = "http://127.0.0.1:5556";
    assert_int_equal(status_of(&r), 403);
    r.origin = "null";
    assert_int_equal(status_of(&r), 403);
    r.origin = "https://127.0.0.1:5555";
    assert_int_equal(status_of(&r), 403);
}

static void test_size(void **state)
{
    (void)state;
    pv_request r = req_ok("POST", "/api/weights", "{}");
    r.body_len = PV_SERVE_MAX_BODY + 1;
    assert_int_equal(status_of(&r), 413);
    /* 1 MiB exactly is allowed (here: invalid JSON, so 400, not 413). */
    char *big = malloc(PV_SERVE_MAX_BODY + 1);
    memset(big, ' ', PV_SERVE_MAX_BODY);
    big[PV_SERVE_MAX_BODY] = '\0';
    big[0] = '{';
    pv_request b = req_ok("POST", "/api/weights", big);
    assert_int_equal(status_of(&b), 400);
    big[PV_SERVE_MAX_BODY - 1] = '}';
    assert_int_equal(status_of(&b), 200);
    free(big);
}

/* The API's answer equals the library's rendering for the same case. */
static void test_same_as_cli(void **state)
{
    (void)state;
    pv_case *c = tu_load_ok(CASE);
    pv_ranking *rk = tu_rank_ok(c);
    pv_error err;
    pv_error_clear(&err);
    size_t len;
    char *want = pv_render_rank(c, rk, PV_FMT_JSON, PV_LANG_DEFAULT, &len, &err);
    pv_request r = req_ok("POST", "/api/rank", NULL);
    int st;
    char *got = answer(&r, &st);
    assert_int_equal(st, 200);
    assert_string_equal(got, want);
    free(got);
    pv_free(want);
    pv_select_opts so;
    pv_select_opts_init(&so);
    so.no_why = 1;
    pv_selection *s = pv_select(c, rk, &so, &err);
    want = pv_render_select(c, rk, s, PV_FMT_JSON, PV_LANG_DEFAULT, &len, &err);
    r = req_ok("POST", "/api/select", "{\"options\": {\"why\": false}}");
    got = answer(&r, &st);
    assert_int_equal(st, 200);
    assert_string_equal(got, want);
    free(got);
    pv_free(want);
    pv_selection_free(s);
    /* A patch changes the answer as a scenario does. */
    pv_scenario *sc = pv_scenario_from_patch(
        "p", "{\"model\": {\"criteria\": {\"safety\": {\"weight\": 4}}}}", &err);
    assert_non_null(sc);
    pv_case *pc = pv_case_load_scenario(CASE, sc, &err);
    assert_non_null(pc);
    pv_ranking *pr = tu_rank_ok(pc);
    want = pv_render_rank(pc, pr, PV_FMT_JSON, PV_LANG_DEFAULT, &len, &err);
    r = req_ok("POST", "/api/rank",
               "{\"patch\": {\"model\": {\"criteria\": {\"safety\": {\"weight\": 4}}}}}");
    got = answer(&r, &st);
    assert_int_equal(st, 200);
    assert_string_equal(got, want);
    free(got);
    pv_free(want);
    pv_ranking_free(pr);
    pv_case_free(pc);
    pv_scenario_free(sc);
    pv_ranking_free(rk);
    pv_case_free(c);
}

static void expect_error(const char *path, const char *body, int status, const char *code,
                         const char *epath)
{
    pv_request r = req_ok("POST", path, body);
    int st;
    char *got = answer(&r, &st);
    char want[200];
    snprintf(want, sizeof want, "{\"error\": {\"code\": \"%s\"", code);
    if (st != status || strncmp(got, want, strlen(want)))
        fail_msg("%s %s: %d %s", path, body, st, got);
    if (epath) {
        snprintf(want, sizeof want, "\"path\": \"%s\"}", epath);
        if (!strstr(got, want))
            fail_msg("%s %s: no %s in %s", path, body, want, got);
    }
    free(got);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("/api/rank", "{", 400, "invalid_input", NULL);
    expect_error("/api/rank", "[]", 400, "invalid_input", NULL);
    expect_error("/api/rank", "{\"patch\": 3}", 400, "invalid_input", "patch");
    expect_error("/api/rank", "{\"what\": 3}", 400, "invalid_input", "what");
    expect_error("/api/rank", "{\"patch\": {\"model\": {\"criteria\": {\"safety\": {\"weight\": "
                              "\"x\"}}}}}",
                 400, "invalid_input", "model.criteria.safety.weight");
    expect_error("/api/rank", "{\"patch\": {\"model\": null}}", 400, "invalid_input", "model");
    /* an unknown key: its own path */
    expect_error("/api/rank", "{\"patch\": {\"resources\": {\"budget_sek\": {\"limt\": 5}}}}", 400,
                 "invalid_input", "resources.budget_sek.limt");
    expect_error("/api/rank", "{\"patch\": {\"nmae\": \"x\"}}", 400, "invalid_input", "nmae");
    expect_error("/api/rank", "{\"options\": {\"steps\": 3}}", 400, "invalid_options",
                 "options.steps");
    expect_error("/api/select", "{\"options\": {\"why\": 1}}", 400, "invalid_options",
                 "options.why");
    expect_error("/api/select", "{\"options\": {\"gap\": 2}}", 400, "invalid_options",
                 "options.gap");
    expect_error("/api/frontier", "{}", 400, "invalid_options", "options.resource");
    expect_error("/api/frontier", "{\"options\": {\"resource\": \"budget_sek\", \"steps\": 0}}",
                 400, "invalid_options", "options.steps");
    expect_error("/api/frontier", "{\"options\": {\"resource\": \"nope\"}}", 400, "invalid_input",
                 NULL);
    expect_error("/api/robust", "{}", 400, "invalid_options", "options.samples");
    expect_error("/api/robust", "{\"options\": {\"samples\": 10, \"weights\": \"odd\"}}", 400,
                 "invalid_options", "options.weights");
    expect_error("/api/compare", "{\"scenarios\": [{\"name\": 1, \"patch\": {}}]}", 400,
                 "invalid_input", "scenarios[0].name");
    /* a member the endpoint does not read is refused, never ignored */
    expect_error("/api/compare", "{\"scenarios\": [{\"name\": \"a\", \"pach\": {}}]}", 400,
                 "invalid_input", "scenarios[0].pach");
    expect_error("/api/rank", "{\"scenarios\": [{\"name\": \"a\", \"patch\": {}}]}", 400,
                 "invalid_request", "scenarios");
    expect_error("/api/select", "{\"name\": \"a\", \"patch\": {}}", 400, "invalid_request", "name");
    expect_error("/api/scenario", "{\"name\": \"a\", \"patch\": {}, \"options\": {}}", 400,
                 "invalid_request", "options");
    pv_request r = req_ok("POST", "/api/report", "{\"patch\": {}}");
    r.query = "format=json&command=compare";
    int st;
    char *got = answer(&r, &st);
    if (st != 400 || !strstr(got, "\"path\": \"patch\"}"))
        fail_msg("report compare with a patch: %d %s", st, got);
    free(got);
}

/* No path from the client is ever opened: a patch naming a file (the model
 * as a path, a data table, the follow-up register) is refused on every
 * endpoint that takes one, before anything is read. */
static void test_patch_names_no_file(void **state)
{
    (void)state;
    static const char *const patches[] = {
        "{\"data\": {\"projects\": \"/etc/passwd\"}}",
        "{\"data\": {\"partners\": {\"file\": \"../x.xlsx\", \"sheet\": \"A\"}}}",
        "{\"data\": {\"countries\": \"/etc/hostname\"}}", "{\"model\": \"/etc/passwd\"}",
        "{\"followup\": {\"outcomes\": \"/etc/passwd\"}}"};
    static const char *const where[] = {"patch.data", "patch.data", "patch.data", "patch.model",
                                        "patch.followup.outcomes"};
    static const char *const eps[] = {"/api/rank",        "/api/select", "/api/frontier",
                                      "/api/sensitivity", "/api/robust", "/api/weights",
                                      "/api/scenario"};
    char body[300], cpath[40];
    for (size_t i = 0; i < sizeof patches / sizeof *patches; i++) {
        for (size_t k = 0; k < sizeof eps / sizeof *eps; k++) {
            snprintf(body, sizeof body, "{%s\"patch\": %s}", k == 6 ? "\"name\": \"x\", " : "",
                     patches[i]);
            expect_error(eps[k], body, 400, "invalid_input", where[i]);
        }
        snprintf(body, sizeof body, "{\"scenarios\": [{\"name\": \"a\", \"patch\": %s}]}",
                 patches[i]);
        snprintf(cpath, sizeof cpath, "scenarios[0].%s", where[i]);
        expect_error("/api/compare", body, 400, "invalid_input", cpath);
    }
    /* the model patched inline still works */
    pv_request r = req_ok("POST", "/api/rank",
                          "{\"patch\": {\"model\": {\"criteria\": {\"safety\": "
                          "{\"weight\": 2}}}}}");
    int st;
    free(answer(&r, &st));
    assert_int_equal(st, 200);
}

static void test_infeasible(void **state)
{
    (void)state;
    pv_request r = req_ok("POST", "/api/select",
                          "{\"patch\": {\"resources\": {\"budget_sek\": {\"limit\": 1000}}}, "
                          "\"options\": {\"why\": false}}");
    int st;
    char *got = answer(&r, &st);
    assert_int_equal(st, 409);
    assert_non_null(strstr(got, "{\"error\": {\"code\": \"infeasible\""));
    assert_non_null(strstr(got, "\"diagnosis\": {\"conflict\""));
    assert_non_null(strstr(got, "\"status\": \"infeasible\""));
    free(got);
    /* an infeasible analysis: 409 with select's diagnosis as "result", as
     * the CLI prints it (exit 3) */
    static const char *const eps[] = {"/api/frontier", "/api/sensitivity", "/api/robust"};
    static const char *const opts[] = {"{\"resource\": \"budget_sek\", \"steps\": 3}", "{}",
                                       "{\"samples\": 5}"};
    for (size_t k = 0; k < 3; k++) {
        char body[400];
        snprintf(body, sizeof body,
                 "{\"patch\": {\"resources\": {\"staff_hours\": {\"limit\": 10}}, "
                 "\"constraints\": [{\"id\": \"must\", \"type\": \"force\", \"in\": "
                 "[\"LK13\"]}]}, \"options\": %s}",
                 opts[k]);
        r = req_ok("POST", eps[k], body);
        got = answer(&r, &st);
        if (st != 409 || !strstr(got, "\"result\": ") ||
            !strstr(got, "\"diagnosis\": {\"conflict\""))
            fail_msg("%s: %d %s", eps[k], st, got);
        free(got);
    }
}

/* POST /api/parties: the CLI's `parties --format json`; the case as saved
 * (a patch is 400), a case without weight sets 404 in sv or en, a set that
 * makes the case infeasible 409, the report download. */
static void test_parties(void **state)
{
    (void)state;
    pv_case *c = tu_load_ok(CASE);
    pv_ranking *rk = tu_rank_ok(c);
    pv_error err;
    pv_error_clear(&err);
    pv_parties *p = pv_parties_run(c, rk, NULL, &err);
    assert_non_null(p);
    size_t len;
    char *want = pv_render_parties(c, rk, p, PV_FMT_JSON, PV_LANG_DEFAULT, &len, &err);
    pv_request r = req_ok("POST", "/api/parties", "{}");
    int st;
    char *got = answer(&r, &st);
    assert_int_equal(st, 200);
    assert_string_equal(got, want);
    free(got);
    pv_free(want);
    pv_set_report_date("2027-03-01");
    want = pv_render_parties(c, rk, p, PV_FMT_HTML, PV_LANG_EN, &len, &err);
    pv_set_report_date(NULL);
    pv_request rep = req_ok("POST", "/api/report", "{}");
    rep.query = "format=html&lang=en&command=parties&date=2027-03-01";
    got = answer(&rep, &st);
    assert_int_equal(st, 200);
    assert_string_equal(got, want);
    free(got);
    pv_free(want);
    pv_parties_free(p);
    pv_ranking_free(rk);
    pv_case_free(c);
    r.method = "GET";
    assert_int_equal(status_of(&r), 405);
    expect_error("/api/parties", "{\"patch\": {\"resources\": {}}}", 400, "invalid_request",
                 "patch");
    expect_error("/api/parties", "{\"options\": {\"steps\": 3}}", 400, "invalid_options",
                 "options.steps");
    expect_error("/api/parties", "{", 400, "invalid_input", NULL);
    /* Without weight sets: 404 in the language asked for. */
    const char *saved = g_ctx.case_path;
    g_ctx.case_path = "examples/tranas/case.json";
    expect_error("/api/parties", "{\"options\": {\"lang\": \"en\"}}", 404, "no_weight_sets",
                 "weight_sets");
    r = req_ok("POST", "/api/parties", "{\"options\": {\"lang\": \"sv\"}}");
    got = answer(&r, &st);
    assert_int_equal(st, 404);
    assert_non_null(strstr(got, "ärendet har inga viktningar"));
    free(got);
    /* A set that makes the case infeasible (tests/bad's case): 409. */
    char dir[160], cmd[600];
    snprintf(dir, sizeof dir, "%s/infeasible", g_dir);
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s' && cp tests/bad/_base/* '%s' && "
             "cp tests/bad/parties-set-infeasible/case.json '%s/case.json'",
             dir, dir, dir);
    assert_int_equal(system(cmd), 0);
    snprintf(dir + strlen(dir), sizeof dir - strlen(dir), "/case.json");
    g_ctx.case_path = dir;
    r = req_ok("POST", "/api/parties", "{}");
    got = answer(&r, &st);
    g_ctx.case_path = saved;
    assert_int_equal(st, 409);
    assert_non_null(strstr(got, "{\"error\": {\"code\": \"infeasible\""));
    assert_non_null(strstr(got, "weight set 'strict' makes the case infeasible"));
    free(got);
}

static void test_report(void **state)
{
    (void)state;
    pv_request r = req_ok("POST", "/api/report", "{\"options\": {\"why\": false}}");
    r.query = "format=md&lang=en&command=select";
    pv_response res;
    pv_serve_handle(&g_ctx, &r, &res);
    assert_int_equal(res.status, 200);
    assert_non_null(strstr(res.content_type, "text/markdown"));
    assert_non_null(strstr(res.disposition, "attachment"));
    assert_non_null(strstr(res.disposition, "partnerval-select.md"));
    pv_response_free(&res);
    /* the decision workbook: its own type and name (the tables were one short) */
    r.query = "format=xlsx&command=select";
    pv_serve_handle(&g_ctx, &r, &res);
    assert_int_equal(res.status, 200);
    assert_string_equal(res.content_type,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert_non_null(strstr(res.disposition, "partnerval-select.xlsx"));
    assert_true(res.len > 4 && !memcmp(res.body, "PK\3\4", 4));
    pv_response_free(&res);
    /* without lang=, a download is in the page's language (serve --lang en
     * here; Lidköping's model is Swedish); lang= or the options' lang win */
    static const struct {
        int page;
        const char *body, *query, *want;
    } L[] = {
        {PV_LANG_EN, "{}", "format=md&command=select", "Maximised:"},
        {PV_LANG_EN, "{}", "format=md&command=select&lang=sv", "Maximerat:"},
        {PV_LANG_EN, "{\"options\": {\"lang\": \"sv\"}}", "format=md&command=select", "Maximerat:"},
        {PV_LANG_DEFAULT, "{}", "format=md&command=select", "Maximerat:"},
        {PV_LANG_SV, "{\"options\": {\"lang\": \"en\"}}", "format=md&command=select",
         "Maximised:"}};
    for (size_t i = 0; i < sizeof L / sizeof *L; i++) {
        g_ctx.lang = (pv_lang)L[i].page;
        pv_request q = req_ok("POST", "/api/report", L[i].body);
        q.query = L[i].query;
        int st;
        char *got = answer(&q, &st);
        assert_int_equal(st, 200);
        if (!strstr(got, L[i].want))
            fail_msg("case %zu: no '%s' in %.200s", i, L[i].want, got);
        free(got);
    }
    g_ctx.lang = PV_LANG_DEFAULT;
    r.query = "format=pdf&command=select";
    assert_int_equal(status_of(&r), 400);
    r.query = "format=html&command=../../x";
    assert_int_equal(status_of(&r), 400);
    r.query = "format=html&command=select&date=yesterday";
    assert_int_equal(status_of(&r), 400);
}

/* Saves {"name": name, "patch": {}}; returns the status, the file name in file. */
static int save(const char *name_json, char *file, size_t size)
{
    char body[1024];
    snprintf(body, sizeof body, "{\"name\": %s, \"patch\": {\"keep_existing\": true}}", name_json);
    pv_request r = req_ok("POST", "/api/scenario", body);
    int st;
    char *got = answer(&r, &st);
    file[0] = '\0';
    const char *f = strstr(got, "\"file\": \"");
    if (f) {
        f += 9;
        size_t n = strcspn(f, "\"");
        snprintf(file, size, "%.*s", (int)n, f);
    }
    free(got);
    return st;
}

static void test_scenario_save(void **state)
{
    (void)state;
    char file[128], p[256];
    assert_int_equal(save("\"Budget −20 %\"", file, sizeof file), 201);
    assert_string_equal(file, "budget-20.json");
    snprintf(p, sizeof p, "%s/scenarios/budget-20.json", g_dir);
    assert_int_equal(access(p, F_OK), 0);
    /* The saved file is a scenario compare reads. */
    pv_error err;
    pv_error_clear(&err);
    pv_scenario *s = pv_scenario_load(p, &err);
    assert_non_null(s);
    assert_string_equal(pv_scenario_name(s), "Budget −20 %");
    pv_scenario_free(s);
    /* Never overwritten: a numbered name. */
    assert_int_equal(save("\"Budget −20 %\"", file, sizeof file), 201);
    assert_string_equal(file, "budget-20-2.json");
    /* Paths in the name never reach the file system. */
    assert_int_equal(save("\"../x\"", file, sizeof file), 201);
    assert_string_equal(file, "x.json");
    snprintf(p, sizeof p, "%s/x.json", g_dir);
    assert_int_equal(access(p, F_OK), -1);
    assert_int_equal(save("\"/etc/x\"", file, sizeof file), 201);
    assert_string_equal(file, "etc-x.json");
    assert_int_equal(save("\"..\"", file, sizeof file), 400);
    assert_int_equal(save("\"a\\u0000b\"", file, sizeof file), 400);
    char longname[320];
    memset(longname, 'a', sizeof longname);
    longname[0] = '"';
    longname[301] = '"';
    longname[302] = '\0';
    assert_int_equal(save(longname, file, sizeof file), 400);
    assert_int_equal(save("3", file, sizeof file), 400);
    /* Symlink planted with the name: not followed, a numbered name instead. */
    char link[256];
    snprintf(link, sizeof link, "%s/scenarios/trap.json", g_dir);
    snprintf(p, sizeof p, "%s/victim", g_dir);
    assert_int_equal(symlink(p, link), 0);
    assert_int_equal(save("\"trap\"", file, sizeof file), 201);
    assert_string_equal(file, "trap-2.json");
    assert_int_equal(access(p, F_OK), -1);
    /* An invalid patch is refused and writes nothing. */
    int before = tu_entries(g_ctx.scen_dir);
    pv_request r = req_ok("POST", "/api/scenario",
                          "{\"name\": \"bad\", \"patch\": {\"resources\": {\"budget_sek\": "
                          "{\"limit\": -1}}}}");
    assert_int_equal(status_of(&r), 400);
    assert_int_equal(tu_entries(g_ctx.scen_dir), before);
    /* The list shows the saved ones. */
    pv_request g = req_ok("GET", "/api/scenarios", NULL);
    int st;
    char *got = answer(&g, &st);
    assert_int_equal(st, 200);
    assert_non_null(strstr(got, "\"file\": \"budget-20.json\""));
    free(got);
}

/* GET /api/inputs: the stamp changes when an input changes; a broken input
 * gives the CLI's message. On a copy of the mini case. */
static void test_inputs(void **state)
{
    (void)state;
    char dir[160], cmd[400], casep[200];
    snprintf(dir, sizeof dir, "%s/mini", g_dir);
    snprintf(cmd, sizeof cmd, "cp -r tests/data/mini '%s'", dir);
    assert_int_equal(system(cmd), 0);
    snprintf(casep, sizeof casep, "%s/case.json", dir);
    pv_serve_ctx ctx = g_ctx;
    ctx.case_path = casep;
    pv_request r = req_ok("GET", "/api/inputs", NULL);
    pv_response a, b;
    pv_serve_handle(&ctx, &r, &a);
    assert_int_equal(a.status, 200);
    assert_non_null(strstr(a.body, "\"error\": null"));
    sleep(1); /* a new mtime even on coarse clocks */
    FILE *f = fopen(strcat(dir, "/projects.csv"), "a");
    assert_non_null(f);
    fputs("broken,\"row\n", f);
    fclose(f);
    pv_serve_handle(&ctx, &r, &b);
    assert_int_equal(b.status, 200);
    assert_memory_not_equal(a.body, b.body, 30); /* {"stamp": "…" differs */
    assert_null(strstr(b.body, "\"error\": null"));
    assert_non_null(strstr(b.body, "projects.csv"));
    pv_response_free(&a);
    pv_response_free(&b);
}

/* The last good state: after a snapshot (as serve takes at start), a broken
 * save on disk changes no answer; /api/inputs reports it (stamp differs from
 * loaded, the CLI's message); /api/reload refuses it with that message and
 * keeps the state; once the file is good again, /api/reload takes it and
 * the answers follow the new file. */
static void test_last_good_state(void **state)
{
    (void)state;
    char dir[160], cmd[400], casep[200], csv[220];
    snprintf(dir, sizeof dir, "%s/good", g_dir);
    snprintf(cmd, sizeof cmd, "cp -r tests/data/mini '%s'", dir);
    assert_int_equal(system(cmd), 0);
    snprintf(casep, sizeof casep, "%s/case.json", dir);
    snprintf(csv, sizeof csv, "%s/projects.csv", dir);
    pv_serve_ctx ctx = g_ctx;
    ctx.case_path = casep;
    pv_error err;
    pv_error_clear(&err);
    assert_int_equal(pv_serve_snapshot(casep, &err), 0);
    pv_request rank = req_ok("POST", "/api/rank", "{}");
    pv_request inputs = req_ok("GET", "/api/inputs", NULL);
    pv_request reload = req_ok("POST", "/api/reload", "{}");
    pv_response a, b, c, d, e, f;
    pv_serve_handle(&ctx, &rank, &a);
    assert_int_equal(a.status, 200);
    sleep(1); /* a new mtime even on coarse clocks */
    FILE *fp = fopen(csv, "a");
    assert_non_null(fp);
    fputs("broken,\"row\n", fp);
    fclose(fp);
    pv_serve_handle(&ctx, &rank, &b); /* the broken save changes nothing */
    assert_int_equal(b.status, 200);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.body, b.body, a.len);
    pv_serve_handle(&ctx, &inputs, &c);
    assert_non_null(strstr(c.body, "projects.csv"));
    char stamp[17] = "", loaded[17] = "";
    assert_int_equal(
        sscanf(c.body, "{\"stamp\": \"%16[0-9a-f]\", \"loaded\": \"%16[0-9a-f]\"", stamp, loaded),
        2);
    assert_string_not_equal(stamp, loaded);
    pv_serve_handle(&ctx, &reload, &d); /* refused, the state kept */
    assert_int_equal(d.status, 400);
    assert_non_null(strstr(d.body, "projects.csv"));
    pv_response_free(&b);
    pv_serve_handle(&ctx, &rank, &b);
    assert_memory_equal(a.body, b.body, a.len);
    /* a good save: P2 scores less; reload takes it, and rank follows it */
    sleep(1);
    snprintf(cmd, sizeof cmd,
             "sed -i -e '$d' -e 's/^P2,Demokrati Nairobi,nairobi,Lokal demokrati,80000,150,0.9,3,/"
             "P2,Demokrati Nairobi,nairobi,Lokal demokrati,80000,150,0.1,1,/' '%s'",
             csv);
    assert_int_equal(system(cmd), 0);
    pv_serve_handle(&ctx, &reload, &e);
    assert_int_equal(e.status, 200);
    pv_serve_handle(&ctx, &rank, &f);
    assert_int_equal(f.status, 200);
    assert_false(f.len == a.len && !memcmp(f.body, a.body, a.len));
    pv_serve_snapshot_drop();
    pv_response *all[] = {&a, &b, &c, &d, &e, &f};
    for (size_t i = 0; i < 6; i++)
        pv_response_free(all[i]);
}

static void test_slug(void **state)
{
    (void)state;
    char out[72];
    assert_int_equal(pv_serve_slug("Säkerhet först", out, sizeof out), 0);
    assert_string_equal(out, "sakerhet-forst");
    assert_int_equal(pv_serve_slug("../../etc/passwd", out, sizeof out), 0);
    assert_string_equal(out, "etc-passwd");
    assert_int_equal(pv_serve_slug("...", out, sizeof out), -1);
    assert_int_equal(pv_serve_slug("", out, sizeof out), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_host),
        cmocka_unit_test(test_token),
        cmocka_unit_test(test_login),
        cmocka_unit_test(test_headers),
        cmocka_unit_test(test_routes),
        cmocka_unit_test(test_content_type),
        cmocka_unit_test(test_origin),
        cmocka_unit_test(test_size),
        cmocka_unit_test(test_same_as_cli),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_patch_names_no_file),
        cmocka_unit_test(test_infeasible),
        cmocka_unit_test(test_report),
        cmocka_unit_test(test_scenario_save),
        cmocka_unit_test(test_slug),
        cmocka_unit_test(test_inputs),
        cmocka_unit_test(test_last_good_state),
        cmocka_unit_test(test_parties),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
