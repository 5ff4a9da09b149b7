/* api.c — the JSON API of `partnerval serve`, behind the dispatcher's checks.
 * Each command loads the case with the request's patch applied as `compare`
 * applies a scenario (pv_case_load_scenario), runs the same library calls as
 * the CLI command, and answers the same bytes the CLI prints with
 * --format json. Options are the CLI's long options by name ("why": false is
 * --no-why), checked as the CLI checks them. */
#include "serve.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../read/request.h"

typedef enum cmd {
    C_RANK, C_SELECT, C_WEIGHTS, C_SENS, C_FRONTIER, C_ROBUST, C_COMPARE, C_PARTIES, C_N
} cmd;
static const char *const CMD_NAMES[C_N] = {"rank",     "select", "weights", "sensitivity",
                                           "frontier", "robust", "compare", "parties"};

/* The options each command takes ("lang" everywhere). */
static const char *const CMD_OPTS[C_N] = {
    "lang",
    "lang time-limit gap why no-why",
    "lang",
    "lang",
    "lang resource from to steps",
    "lang samples seed threads weights",
    "lang why",
    "lang",
};

typedef struct run_opts {
    int lang, no_why, why, dist;
    double time_limit, gap, from, to;
    const char *resource;
    long steps, samples, threads;
    unsigned long long seed;
} run_opts;

static void opts_init(run_opts *o)
{
    memset(o, 0, sizeof *o);
    o->lang = PV_LANG_DEFAULT;
    o->time_limit = o->gap = o->from = o->to = -1;
    o->steps = 10;
    o->threads = 1;
    o->seed = 1;
    o->dist = PV_DIST_UNIFORM;
}

static int takes(cmd c, const char *key)
{
    const char *s = CMD_OPTS[c];
    size_t n = strlen(key);
    while ((s = strstr(s, key)) != NULL) {
        if ((s == CMD_OPTS[c] || s[-1] == ' ') && (s[n] == ' ' || s[n] == '\0'))
            return 1;
        s += n;
    }
    return 0;
}

static int count_of(const pv_api_opt *a, long lo, long hi, long *out)
{
    if (a->kind != PV_API_NUM || a->num != floor(a->num) || a->num < (double)lo ||
        a->num > (double)hi)
        return -1;
    *out = (long)a->num;
    return 0;
}

/* One option into o; the message of a bad value in msg. */
static int set_opt(const pv_api_opt *a, run_opts *o, const char **msg)
{
    const char *k = a->key;
    int num = a->kind == PV_API_NUM, str = a->kind == PV_API_STR, b = a->kind == PV_API_BOOL;
    if (!strcmp(k, "lang")) {
        *msg = "must be \"sv\" or \"en\"";
        return str && (o->lang = pv_lang_parse(a->str)) >= 0 ? 0 : -1;
    }
    if (!strcmp(k, "why") || !strcmp(k, "no-why")) {
        *msg = "must be true or false";
        if (!b)
            return -1;
        o->why = !strcmp(k, "why") ? a->b : !a->b;
        o->no_why = !o->why;
        return 0;
    }
    if (!strcmp(k, "time-limit")) {
        *msg = "takes seconds in (0, 86400]";
        o->time_limit = a->num;
        return num && a->num > 0 && a->num <= 86400 ? 0 : -1;
    }
    if (!strcmp(k, "gap")) {
        *msg = "takes a relative gap in [0, 1)";
        o->gap = a->num;
        return num && a->num >= 0 && a->num < 1 ? 0 : -1;
    }
    if (!strcmp(k, "resource")) {
        *msg = "must be a resource id (string)";
        o->resource = a->str;
        return str ? 0 : -1;
    }
    if (!strcmp(k, "from") || !strcmp(k, "to")) {
        *msg = "must be a number >= 0";
        *(!strcmp(k, "from") ? &o->from : &o->to) = a->num;
        return num && a->num >= 0 ? 0 : -1;
    }
    if (!strcmp(k, "steps")) {
        *msg = "must be a whole number in [1, 10000]";
        return count_of(a, 1, 10000, &o->steps);
    }
    if (!strcmp(k, "samples")) {
        *msg = "must be a whole number in [1, 10000000]";
        return count_of(a, 1, 10000000, &o->samples);
    }
    if (!strcmp(k, "threads")) {
        *msg = "must be a whole number in [1, 64]";
        return count_of(a, 1, 64, &o->threads);
    }
    if (!strcmp(k, "seed")) {
        long s;
        *msg = "takes a whole number >= 0";
        if (count_of(a, 0, 9007199254740991L, &s))
            return -1;
        o->seed = (unsigned long long)s;
        return 0;
    }
    *msg = "must be \"uniform\", \"ranked\" or \"intervals\""; /* weights */
    if (!str)
        return -1;
    o->dist = !strcmp(a->str, "uniform")  ? PV_DIST_UNIFORM
              : !strcmp(a->str, "ranked") ? PV_DIST_RANKED
              : !strcmp(a->str, "intervals") ? PV_DIST_INTERVALS
                                             : -1;
    return o->dist < 0 ? -1 : 0;
}

/* Checks and applies the body's options; 0, or -1 with a 400 answered. */
static int read_opts(cmd c, const pv_api_body *b, run_opts *o, pv_response *res)
{
    char path[160], msg[300];
    opts_init(o);
    if (c == C_SELECT)
        o->why = 1;
    for (size_t i = 0; i < b->nopts; i++) {
        const pv_api_opt *a = &b->opts[i];
        const char *why = NULL;
        snprintf(path, sizeof path, "options.%s", a->key);
        if (!takes(c, a->key)) {
            snprintf(msg, sizeof msg, "%s: '%s' takes no option '%s' (it takes: %s)", path,
                     CMD_NAMES[c], a->key, CMD_OPTS[c]);
            pv_serve_error(res, 400, "invalid_options", msg, path);
            return -1;
        }
        if (set_opt(a, o, &why)) {
            snprintf(msg, sizeof msg, "%s: %s", path, why);
            pv_serve_error(res, 400, "invalid_options", msg, path);
            return -1;
        }
    }
    o->no_why = !o->why;
    if (c == C_FRONTIER && !o->resource) {
        pv_serve_error(res, 400, "invalid_options",
                       "options.resource: is required (frontier needs the resource R)",
                       "options.resource");
        return -1;
    }
    if (c == C_ROBUST && !o->samples) {
        pv_serve_error(res, 400, "invalid_options",
                       "options.samples: is required (robust needs the number of samples)",
                       "options.samples");
        return -1;
    }
    return 0;
}

static void answer(pv_response *res, int status, const char *type, char *text, size_t len)
{
    res->status = status;
    res->content_type = type;
    res->body = text;
    res->len = len;
    res->body_owned = 1;
}

/* 409 for an infeasible selection: the error, and the CLI's report as "result". */
static void infeasible(pv_response *res, char *text, size_t len)
{
    pv_buf b;
    pv_buf_init(&b);
    pv_buf_puts(&b, "{\"error\": {\"code\": \"infeasible\", \"message\": \"no portfolio "
                    "satisfies every constraint (see the diagnosis)\", \"path\": null},\n"
                    "\"result\": ");
    pv_buf_put(&b, text, len);
    pv_buf_puts(&b, "}\n");
    pv_free(text);
    size_t n = 0;
    char *out = pv_buf_take(&b, &n);
    if (!out) {
        pv_serve_error(res, 500, "internal", "out of memory", NULL);
        return;
    }
    answer(res, 409, "application/json; charset=utf-8", out, n);
}

/* `partnerval parties CASE`: the case's weight sets, each set's optimum, the
 * max-min compromise and the minimax-regret portfolio. */
static char *run_parties(const pv_serve_ctx *ctx, pv_lang l, pv_format fmt, size_t *len,
                         pv_error *err)
{
    pv_case *cs = pv_case_load(ctx->case_path, err);
    pv_ranking *r = cs ? pv_rank(cs, err) : NULL;
    pv_parties *p = r ? pv_parties_run(cs, r, NULL, err) : NULL;
    char *text = p ? pv_render_parties(cs, r, p, fmt, l, len, err) : NULL;
    pv_parties_free(p);
    pv_ranking_free(r);
    pv_case_free(cs);
    return text;
}

/* Before parties runs: a patch is refused (each set is a patch of the case as
 * saved, which the sets' own optima are solved on, so a patch of the request
 * would hold for the compromises only), and a case without weight sets is
 * 404 in the request's language. 0, or -1 with the answer made. */
static int parties_check(const pv_serve_ctx *ctx, const pv_api_body *b, const run_opts *o,
                         pv_response *res)
{
    pv_error err;
    pv_error_clear(&err);
    pv_case *cs = pv_case_load(ctx->case_path, &err);
    if (!cs) {
        pv_serve_lib_error(res, &err);
        return -1;
    }
    int sv = pv_lang_is_sv(cs, o->lang == PV_LANG_DEFAULT ? ctx->lang : (pv_lang)o->lang);
    size_t n = cs->nwsets;
    pv_case_free(cs);
    if (b->patch) {
        pv_serve_error(res, 400, "invalid_request",
                       sv ? "patch: partierna räknas på ärendet som det är sparat (varje "
                            "viktning är en ändring av det); spara ändringarna i ärendet först"
                          : "patch: parties works on the case as saved (each weight set is a "
                            "patch of it); save the changes into the case first",
                       "patch");
        return -1;
    }
    if (n)
        return 0;
    pv_serve_error(res, 404, "no_weight_sets",
                   sv ? "weight_sets: ärendet har inga viktningar för partier (lägg till "
                        "\"weight_sets\": {\"S\": {\"criteria\": …}, …} i case.json)"
                      : "weight_sets: the case names no weight sets (add \"weight_sets\": "
                        "{\"S\": {\"criteria\": …}, …} to case.json)",
                   "weight_sets");
    return -1;
}

/* An infeasible analysis answers as the CLI does: select's report with the
 * diagnosis (status infeasible, so 409 with it as "result"). When the case
 * itself is feasible (a frontier range below its needs), NULL with err as it
 * was. */
static char *diagnosis(pv_case *cs, const pv_ranking *r, const run_opts *o, pv_format fmt,
                       size_t *len, int *status, pv_error *err)
{
    pv_error e2;
    pv_error_clear(&e2);
    pv_selection *s = pv_select_infeasible(cs, r, o->time_limit, &e2);
    char *text = s ? pv_render_select(cs, r, s, fmt, (pv_lang)o->lang, len, &e2) : NULL;
    if (text)
        *status = PV_STATUS_INFEASIBLE;
    else if (e2.code != PV_OK)
        *err = e2;
    pv_selection_free(s);
    return text;
}

/* Runs one command on the patched case and renders it in fmt. NULL + err on
 * failure; *status is PV_STATUS_INFEASIBLE for an infeasible selection. */
static char *run(const pv_serve_ctx *ctx, cmd c, const pv_api_body *b, const run_opts *o,
                 pv_format fmt, size_t *len, int *status, pv_error *err)
{
    pv_lang l = (pv_lang)o->lang;
    char *text = NULL;
    *status = PV_STATUS_OPTIMAL;
    if (c == C_COMPARE) {
        pv_select_opts so;
        pv_select_opts_init(&so);
        so.no_why = !o->why;
        pv_comparison *cmp = pv_compare(ctx->case_path, b->scen, b->nscen, &so, err);
        text = cmp ? pv_render_compare(cmp, fmt, l, len, err) : NULL;
        pv_comparison_free(cmp);
        return text;
    }
    if (c == C_PARTIES) /* the case as saved: the sets patch its model */
        return run_parties(ctx, l, fmt, len, err);
    pv_case *cs = b->patch ? pv_case_load_scenario(ctx->case_path, b->patch, err)
                           : pv_case_load(ctx->case_path, err);
    pv_ranking *r = cs && c != C_WEIGHTS ? pv_rank(cs, err) : NULL;
    if (c == C_WEIGHTS && cs)
        text = pv_render_weights(cs, fmt, l, len, err);
    else if (c == C_RANK && r)
        text = pv_render_rank(cs, r, fmt, l, len, err);
    else if (c == C_SELECT && r) {
        pv_select_opts so;
        pv_select_opts_init(&so);
        so.time_limit_s = o->time_limit;
        so.mip_gap = o->gap;
        so.no_why = o->no_why;
        pv_selection *s = pv_select(cs, r, &so, err);
        text = s ? pv_render_select(cs, r, s, fmt, l, len, err) : NULL;
        if (s)
            *status = (int)pv_selection_status(s);
        pv_selection_free(s);
    } else if (c == C_SENS && r) {
        pv_sensitivity *s = pv_sensitivity_run(cs, r, err);
        text = s ? pv_render_sensitivity(cs, r, s, fmt, l, len, err) : NULL;
        pv_sensitivity_free(s);
    } else if (c == C_FRONTIER && r) {
        pv_frontier *f = pv_frontier_run(cs, r, o->resource, o->from, o->to, (int)o->steps, err);
        text = f ? pv_render_frontier(cs, r, f, fmt, l, len, err) : NULL;
        pv_frontier_free(f);
    } else if (c == C_ROBUST && r) {
        pv_robust *rb = pv_robust_run(cs, r, (size_t)o->samples, o->seed,
                                      (pv_weights_dist)o->dist, (int)o->threads, err);
        text = rb ? pv_render_robust(cs, r, rb, fmt, l, len, err) : NULL;
        pv_robust_free(rb);
    }
    if (!text && r && err->code == PV_EINFEASIBLE && c != C_SELECT)
        text = diagnosis(cs, r, o, fmt, len, status, err);
    pv_ranking_free(r);
    pv_case_free(cs);
    return text;
}

/* Runs command c for one request, the parties' checks first. NULL when res
 * already holds the answer (a failed check or the library's error). */
static char *run_request(const pv_serve_ctx *ctx, cmd c, const pv_api_body *b,
                         const run_opts *o, pv_format fmt, pv_response *res, size_t *len,
                         int *status)
{
    if (c == C_PARTIES && parties_check(ctx, b, o, res))
        return NULL;
    pv_error err;
    pv_error_clear(&err);
    char *text = run(ctx, c, b, o, fmt, len, status, &err);
    if (!text)
        pv_serve_lib_error(res, &err);
    return text;
}

static cmd cmd_of(const char *name)
{
    int c = 0;
    while (c < C_N && strcmp(name, CMD_NAMES[c]))
        c++;
    return (cmd)c;
}

/* The body parsed, or -1 with a 400 answered. */
static int body_of(const pv_request *req, pv_api_body *b, pv_response *res)
{
    pv_error err;
    pv_error_clear(&err);
    if (pv_api_body_parse(req->body, req->body_len, b, &err) == 0)
        return 0;
    pv_serve_lib_error(res, &err);
    return -1;
}

/* A member the endpoint does not read is refused, never ignored: a patch
 * sent to compare, scenarios to select, a name to rank. 0, or -1 with
 * the 400 answer in res. */
static int members(const pv_api_body *b, int c, pv_response *res)
{
    const char *bad = NULL, *msg = NULL;
    if (c == C_COMPARE && b->patch) {
        bad = "patch";
        msg = "patch: compare takes \"scenarios\": [{\"name\", \"patch\"}, …]";
    } else if (c != C_COMPARE && b->scen) {
        bad = "scenarios";
        msg = "scenarios: only compare takes scenarios; send one \"patch\"";
    } else if (c >= 0 && b->name) {
        bad = "name";
        msg = "name: only POST /api/scenario (saving a scenario) takes a name";
    } else if (c < 0 && (b->scen || b->opts)) {
        bad = b->scen ? "scenarios" : "options";
        msg = b->scen ? "scenarios: saving takes \"name\" and \"patch\""
                      : "options: saving takes \"name\" and \"patch\"";
    }
    if (!bad)
        return 0;
    pv_serve_error(res, 400, "invalid_request", msg, bad);
    return -1;
}

static void command(const pv_serve_ctx *ctx, cmd c, const pv_request *req, pv_response *res)
{
    pv_api_body b;
    run_opts o;
    if (body_of(req, &b, res) || members(&b, (int)c, res) || read_opts(c, &b, &o, res)) {
        pv_api_body_free(&b);
        return;
    }
    size_t len = 0;
    int status;
    char *text = run_request(ctx, c, &b, &o, PV_FMT_JSON, res, &len, &status);
    if (text && status == PV_STATUS_INFEASIBLE)
        infeasible(res, text, len);
    else if (text && status == PV_STATUS_ERROR) {
        pv_free(text);
        pv_serve_error(res, 500, "solver_failed", "the solver failed", NULL);
    } else if (text)
        answer(res, 200, "application/json; charset=utf-8", text, len);
    pv_api_body_free(&b);
}

static const char *query_param(const char *q, const char *name, char *out, size_t size)
{
    size_t nl = strlen(name);
    while (q && *q) {
        const char *end = strchr(q, '&');
        size_t len = end ? (size_t)(end - q) : strlen(q);
        if (len > nl && !strncmp(q, name, nl) && q[nl] == '=' && len - nl - 1 < size) {
            memcpy(out, q + nl + 1, len - nl - 1);
            out[len - nl - 1] = '\0';
            return out;
        }
        q = end ? end + 1 : NULL;
    }
    return NULL;
}

/* POST /api/report?format=html|md|csv|json|text|xlsx&lang=sv|en&command=select[&date=D]. */
static void report(const pv_serve_ctx *ctx, const pv_request *req, pv_response *res)
{
    char fs[16] = "html", ls[8] = "", cs[16] = "select", ds[16] = "";
    if (!query_param(req->query, "format", fs, sizeof fs))
        snprintf(fs, sizeof fs, "html");
    query_param(req->query, "lang", ls, sizeof ls);
    query_param(req->query, "command", cs, sizeof cs);
    int fmt = pv_format_parse(fs), lang = ls[0] ? pv_lang_parse(ls) : PV_LANG_DEFAULT;
    cmd c = cmd_of(cs);
    if (fmt < 0 || lang < 0 || c == C_N) {
        pv_serve_error(res, 400, "invalid_request",
                       fmt < 0    ? "format: html, md, csv, json, text or xlsx"
                       : lang < 0 ? "lang: sv or en"
                                  : "command: rank, select, weights, sensitivity, frontier, "
                                    "robust, compare or parties",
                       fmt < 0    ? "format"
                       : lang < 0 ? "lang"
                                  : "command");
        return;
    }
    if (query_param(req->query, "date", ds, sizeof ds) && pv_set_report_date(ds)) {
        pv_serve_error(res, 400, "invalid_request", "date: YYYY-MM-DD", "date");
        return;
    }
    pv_api_body b;
    run_opts o;
    if (body_of(req, &b, res) || members(&b, (int)c, res) || read_opts(c, &b, &o, res)) {
        pv_api_body_free(&b);
        pv_set_report_date(NULL);
        return;
    }
    /* a download is for people: without lang= (query or options) it is in
     * the page's language, serve --lang (the model's when not given) */
    if (ls[0])
        o.lang = lang;
    else if (o.lang == PV_LANG_DEFAULT)
        o.lang = ctx->lang;
    size_t len = 0;
    int status;
    char *text = run_request(ctx, c, &b, &o, (pv_format)fmt, res, &len, &status);
    pv_set_report_date(NULL);
    pv_api_body_free(&b);
    if (!text)
        return;
    static const char *const types[] = {
        [PV_FMT_TEXT] = "text/plain; charset=utf-8",
        [PV_FMT_MD] = "text/markdown; charset=utf-8",
        [PV_FMT_CSV] = "text/csv; charset=utf-8",
        [PV_FMT_JSON] = "application/json; charset=utf-8",
        [PV_FMT_HTML] = "text/html; charset=utf-8",
        [PV_FMT_XLSX] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
    static const char *const exts[] = {
        [PV_FMT_TEXT] = "txt",  [PV_FMT_MD] = "md",     [PV_FMT_CSV] = "csv",
        [PV_FMT_JSON] = "json", [PV_FMT_HTML] = "html", [PV_FMT_XLSX] = "xlsx"};
    answer(res, 200, types[fmt], text, len);
    snprintf(res->disposition, sizeof res->disposition,
             "attachment; filename=\"partnerval-%s.%s\"", CMD_NAMES[c], exts[fmt]);
}

/* POST /api/scenario {"name", "patch"}: a new file in the scenarios folder. */
static void save_scenario(const pv_serve_ctx *ctx, const pv_request *req, pv_response *res)
{
    pv_api_body b;
    if (body_of(req, &b, res) || members(&b, -1, res))
        goto done;
    if (!b.name || !b.patch) {
        pv_serve_error(res, 400, "invalid_request",
                       !b.name ? "name: is required" : "patch: is required",
                       !b.name ? "name" : "patch");
        goto done;
    }
    /* The patch must make a valid case, as compare would find. */
    pv_error err;
    pv_error_clear(&err);
    pv_case *c = pv_case_load_scenario(ctx->case_path, b.patch, &err);
    if (!c) {
        pv_serve_lib_error(res, &err);
        goto done;
    }
    pv_case_free(c);
    char file[128];
    if (pv_serve_save(ctx->scen_dir, b.name, b.scenario_text, file, sizeof file, res))
        goto done;
    pv_buf o;
    pv_buf_init(&o);
    pv_buf_puts(&o, "{\"file\": ");
    pv_buf_json_str(&o, file);
    pv_buf_puts(&o, ", \"name\": ");
    pv_buf_json_str(&o, b.name);
    pv_buf_puts(&o, "}\n");
    size_t n = 0;
    char *t = pv_buf_take(&o, &n);
    if (t)
        answer(res, 201, "application/json; charset=utf-8", t, n);
    else
        pv_serve_error(res, 500, "internal", "out of memory", NULL);
done:
    pv_api_body_free(&b);
}

static void get_case(const pv_serve_ctx *ctx, pv_response *res)
{
    pv_error err;
    pv_error_clear(&err);
    pv_case *c = pv_case_load(ctx->case_path, &err);
    size_t len = 0;
    char *text = c ? pv_api_case_json(c, &len, &err) : NULL;
    pv_case_free(c);
    if (text)
        answer(res, 200, "application/json; charset=utf-8", text, len);
    else
        pv_serve_lib_error(res, &err);
}

void pv_serve_api(const pv_serve_ctx *ctx, const char *route, const pv_request *req,
                  pv_response *res)
{
    if (!strcmp(route, "case"))
        get_case(ctx, res);
    else if (!strcmp(route, "scenarios"))
        pv_serve_list(ctx, res);
    else if (!strcmp(route, "inputs"))
        pv_serve_inputs(ctx, res);
    else if (!strcmp(route, "reload"))
        pv_serve_reload(ctx, res);
    else if (!strcmp(route, "report"))
        report(ctx, req, res);
    else if (!strcmp(route, "scenario"))
        save_scenario(ctx, req, res);
    else if (cmd_of(route) < C_N)
        command(ctx, cmd_of(route), req, res);
    else
        pv_serve_error(res, 404, "not_found", "no such API", NULL);
}
