/*
 * fuzz_serve.c — the dispatcher of `partnerval serve` (patch and dispatch),
 * without sockets, on the mini case.
 *   byte 0: the route (the API's, the page's, and a few that do not exist);
 *   byte 1: flags: 1 token header, 2 token cookie, 4 POST (else GET),
 *           8 Content-Type application/json, 16 an Origin, 32 a fuzzed Host,
 *           64 a query;
 *   then, for each of Host, Origin, query that the flags ask for, one line;
 *   the rest is the body.
 * Checks: every answer has a known status and a body of its stated length,
 * errors are {"error": …} JSON, and nothing passes a failed check (no 200
 * without the token, or with a foreign Host).
 */
#include "fuzz_common.h"

#include <dirent.h>
#include <strings.h>

#include "../../src/serve/serve.h"

#define TOKEN "00112233445566778899aabbccddeeff"

static const char *const ROUTES[] = {
    "/",           "/app.js",        "/style.css",      "/api/case",      "/api/scenarios",
    "/api/inputs", "/api/rank",      "/api/select",     "/api/weights",   "/api/frontier",
    "/api/compare", "/api/report",   "/api/scenario",   "/api/nothing",   "/../etc/passwd",
    "/api/sensitivity", "/api/robust", "/api/parties",
};

/* Splits off one line of *p (len *n); NULL when none is left. */
static char *line(char **p, size_t *n)
{
    if (!*n)
        return NULL;
    char *s = *p, *nl = memchr(s, '\n', *n);
    size_t k = nl ? (size_t)(nl - s) : *n;
    s[k] = '\0';
    *p += k + (nl ? 1 : 0);
    *n -= k + (nl ? 1 : 0);
    return s;
}

static void empty_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[1200];
    while (d && (e = readdir(d)) != NULL)
        if (e->d_name[0] != '.') {
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
    if (d)
        closedir(d);
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 65536)
        return 0;
    fz_setup();
    char *buf = malloc(size + 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    /* Long analyses are not what this harness looks for. */
    if (strstr(buf + 2, "samples") || strstr(buf + 2, "steps") || strstr(buf + 2, "time-limit") ||
        strstr(buf + 2, "robust") || strstr(buf + 2, "sensitivity")) {
        free(buf);
        return 0;
    }
    unsigned route = (unsigned char)buf[0] % (sizeof ROUTES / sizeof *ROUTES);
    unsigned flags = (unsigned char)buf[1];
    char *p = buf + 2;
    size_t n = size - 2;
    pv_serve_ctx ctx;
    char scen[800];
    snprintf(scen, sizeof scen, "%s", fz_path("scen"));
    pv_serve_ctx_init(&ctx, fz_path("mini/case.json"), scen, PV_LANG_EN);
    ctx.port = 4242;
    memcpy(ctx.token, TOKEN, sizeof ctx.token);
    pv_request req = {.method = flags & 4 ? "POST" : "GET", .path = ROUTES[route],
                      .host = "127.0.0.1:4242"};
    if (flags & 1)
        req.token_header = TOKEN;
    if (flags & 2)
        req.cookie = "pv_token=" TOKEN;
    if (flags & 8)
        req.content_type = "application/json";
    if (flags & 32)
        req.host = line(&p, &n);
    if (flags & 16)
        req.origin = line(&p, &n);
    if (flags & 64)
        req.query = line(&p, &n);
    req.body = p;
    req.body_len = n;
    if (!req.query && route == 11)
        req.query = "format=json&command=select";
    pv_response res;
    pv_serve_handle(&ctx, &req, &res);
    static const int known[] = {200, 201, 303, 400, 403, 404, 405, 409, 413, 415, 421, 500};
    int ok = 0;
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        ok |= res.status == known[i];
    if (!ok)
        fz_die("unknown status");
    if (res.len && !res.body)
        fz_die("a body length without a body");
    if (res.status >= 400 && (res.len < 10 || strncmp(res.body, "{\"error\": ", 10)))
        fz_die("an error that is not {\"error\": …}");
    if (res.status < 300 && !(flags & 3) && !(req.query && strstr(req.query, TOKEN)))
        fz_die("answered without the token");
    if (res.status < 400 && (flags & 32) && strcmp(req.host, "127.0.0.1:4242") &&
        strcmp(req.host, "localhost:4242") && strcmp(req.host, "[::1]:4242") &&
        strcasecmp(req.host, "localhost:4242"))
        fz_die("answered a foreign Host");
    if (res.status == 200 && res.len && memchr(res.body, '\0', res.len) &&
        strncmp(ROUTES[route], "/api/", 5) == 0)
        fz_die("NUL byte in a JSON answer");
    pv_response_free(&res);
    empty_dir(scen);
    free(buf);
    return 0;
}
