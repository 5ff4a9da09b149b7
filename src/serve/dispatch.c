/* dispatch.c — the request dispatcher of `partnerval serve`: a pure function
 * from a request to a response (no socket), so that unit tests and the fuzzer
 * drive it directly. The checks, in order:
 *   Host is 127.0.0.1:PORT, localhost:PORT or [::1]:PORT (or --bind's)  else 421
 *   the token: cookie pv_token, header X-Partnerval-Token, or ?token= on GET /  else 403
 *   the path is known                                                 else 404
 *   the method is the path's                                          else 405
 *   a POST has Content-Type application/json                          else 415
 *   a POST's Origin, when present, is this server's                   else 403
 *   the body is at most 1 MiB                                         else 413
 * Every answer carries PV_SERVE_HEADERS (CSP, nosniff, no referrer, no store)
 * and no CORS header. */
#include "serve.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

const char *const PV_SERVE_HEADERS[][2] = {
    {"Content-Security-Policy", "default-src 'self'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"Cache-Control", "no-store"},
    {"X-Frame-Options", "DENY"},
    {NULL, NULL},
};

void pv_serve_ctx_init(pv_serve_ctx *ctx, const char *case_path, const char *scen_dir,
                       pv_lang lang)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->case_path = case_path;
    ctx->lang = lang;
    snprintf(ctx->bind, sizeof ctx->bind, "127.0.0.1");
    if (scen_dir) {
        snprintf(ctx->scen_dir, sizeof ctx->scen_dir, "%s", scen_dir);
        return;
    }
    const char *slash = strrchr(case_path, '/');
    int n = slash ? (int)(slash - case_path) : 0;
    snprintf(ctx->scen_dir, sizeof ctx->scen_dir, "%.*s%sscenarios", n, case_path,
             slash ? "/" : "");
}

void pv_response_free(pv_response *res)
{
    if (res->body_owned)
        pv_free(res->body);
    res->body = NULL;
    res->body_owned = 0;
}

/* The token compared in constant time (its length is public). */
static int token_eq(const pv_serve_ctx *ctx, const char *s, size_t n)
{
    if (!s || n != PV_SERVE_TOKEN_HEX || !ctx->token[0])
        return 0;
    unsigned char d = 0;
    for (size_t i = 0; i < n; i++)
        d |= (unsigned char)(s[i] ^ ctx->token[i]);
    return d == 0;
}

/* The value of name in a "a=1; b=2" cookie header or an "a=1&b=2" query. */
static const char *param(const char *s, const char *name, char sep, size_t *n)
{
    size_t nl = strlen(name);
    while (s && *s) {
        while (*s == ' ' || *s == sep)
            s++;
        const char *end = strchr(s, sep);
        size_t len = end ? (size_t)(end - s) : strlen(s);
        if (len > nl && !strncmp(s, name, nl) && s[nl] == '=') {
            *n = len - nl - 1;
            return s + nl + 1;
        }
        s = end;
    }
    return NULL;
}

static int cookie_token(const pv_serve_ctx *ctx, const pv_request *req)
{
    size_t n = 0;
    const char *v = param(req->cookie, "pv_token", ';', &n);
    return token_eq(ctx, v, n);
}

/* Bound to another address than loopback (--bind): any IP address written
 * as such, with the port, since DNS rebinding needs a name. */
static int ip_literal_host(const pv_serve_ctx *ctx, const char *host, size_t len)
{
    char ip[64], port[16];
    unsigned char addr[16];
    if (!strcmp(ctx->bind, "127.0.0.1") || !strcmp(ctx->bind, "::1") || len >= sizeof ip)
        return 0;
    snprintf(port, sizeof port, ":%u", ctx->port);
    size_t pl = strlen(port);
    if (len <= pl || strncmp(host + len - pl, port, pl))
        return 0;
    size_t il = len - pl;
    if (il > 2 && host[0] == '[' && host[il - 1] == ']') {
        memcpy(ip, host + 1, il - 2);
        ip[il - 2] = '\0';
        return inet_pton(AF_INET6, ip, addr) == 1;
    }
    memcpy(ip, host, il);
    ip[il] = '\0';
    return inet_pton(AF_INET, ip, addr) == 1;
}

/* host is one of the names this server answers to, with its port. */
static int host_ok(const pv_serve_ctx *ctx, const char *host, size_t len)
{
    if (host && ip_literal_host(ctx, host, len))
        return 1;
    const char *names[] = {"127.0.0.1", "localhost", "[::1]", ctx->bind};
    char want[128];
    for (size_t i = 0; host && i < sizeof names / sizeof *names; i++) {
        int ipv6 = i == 3 && strchr(ctx->bind, ':');
        int n = snprintf(want, sizeof want, "%s%s%s:%u", ipv6 ? "[" : "", names[i],
                         ipv6 ? "]" : "", ctx->port);
        if (n > 0 && (size_t)n == len && !strncasecmp(host, want, len))
            return 1;
    }
    return 0;
}

static int origin_ok(const pv_serve_ctx *ctx, const char *origin)
{
    if (!origin)
        return 1;
    if (strncasecmp(origin, "http://", 7))
        return 0;
    return host_ok(ctx, origin + 7, strlen(origin + 7));
}

static int is_json_type(const char *t)
{
    if (!t)
        return 0;
    while (*t == ' ')
        t++;
    size_t n = strlen("application/json");
    if (strncasecmp(t, "application/json", n))
        return 0;
    t += n;
    while (*t == ' ')
        t++;
    return *t == '\0' || *t == ';';
}

/* Routes: the page and its files (GET), the API (GET or POST). */
typedef struct route {
    const char *path, *method;
} route;

static const route ROUTES[] = {
    {"/", "GET"},
    {"/api/case", "GET"},
    {"/api/scenarios", "GET"},
    {"/api/inputs", "GET"},
    {"/api/reload", "POST"},
    {"/api/rank", "POST"},
    {"/api/select", "POST"},
    {"/api/weights", "POST"},
    {"/api/sensitivity", "POST"},
    {"/api/frontier", "POST"},
    {"/api/robust", "POST"},
    {"/api/compare", "POST"},
    {"/api/parties", "POST"},
    {"/api/report", "POST"},
    {"/api/scenario", "POST"},
};

static const route *find_route(const char *path)
{
    for (size_t i = 0; i < sizeof ROUTES / sizeof *ROUTES; i++)
        if (!strcmp(path, ROUTES[i].path))
            return &ROUTES[i];
    return NULL;
}

/* GET /?token=T: the cookie is set and the token leaves the address bar. */
static int token_login(const pv_serve_ctx *ctx, const pv_request *req, pv_response *res)
{
    size_t n = 0;
    const char *t = param(req->query, "token", '&', &n);
    if (!t || !token_eq(ctx, t, n))
        return 0;
    res->status = 303;
    res->content_type = "text/plain; charset=utf-8";
    res->body = "";
    res->len = 0;
    snprintf(res->location, sizeof res->location, "/");
    snprintf(res->set_cookie, sizeof res->set_cookie,
             "pv_token=%s; Path=/; HttpOnly; SameSite=Strict", ctx->token);
    return 1;
}

static void page_file(const pv_request *req, pv_response *res)
{
    const char *type = NULL;
    size_t len = 0;
    const char *data = pv_serve_asset(req->path, &len, &type);
    res->status = 200;
    res->content_type = type;
    res->body = (char *)data;
    res->len = len;
}

void pv_serve_handle(const pv_serve_ctx *ctx, const pv_request *req, pv_response *res)
{
    memset(res, 0, sizeof *res);
    const char *path = req->path ? req->path : "", *method = req->method ? req->method : "";
    if (!host_ok(ctx, req->host, req->host ? strlen(req->host) : 0)) {
        pv_serve_error(res, 421, "misdirected_request",
                       "the Host header must be 127.0.0.1:PORT, localhost:PORT or [::1]:PORT",
                       NULL);
        return;
    }
    int is_get = !strcmp(method, "GET") || !strcmp(method, "HEAD");
    if (is_get && !strcmp(path, "/") && token_login(ctx, req, res))
        return;
    size_t hn = req->token_header ? strlen(req->token_header) : 0;
    if (!cookie_token(ctx, req) && !token_eq(ctx, req->token_header, hn)) {
        pv_serve_error(res, 403, "forbidden",
                       "no valid token: open the address that 'partnerval serve' printed", NULL);
        return;
    }
    const route *r = find_route(path), asset = {path, "GET"};
    size_t alen = 0;
    const char *atype = NULL;
    if (!r && pv_serve_asset(path, &alen, &atype))
        r = &asset;
    if (!r) {
        pv_serve_error(res, 404, "not_found", "no such page or API", NULL);
        return;
    }
    if (!(is_get && !strcmp(r->method, "GET")) && strcmp(method, r->method)) {
        pv_serve_error(res, 405, "method_not_allowed",
                       !strcmp(r->method, "GET") ? "use GET" : "use POST", NULL);
        return;
    }
    if (!strcmp(r->method, "POST")) {
        if (!is_json_type(req->content_type)) {
            pv_serve_error(res, 415, "unsupported_media_type",
                           "the body must be sent as Content-Type: application/json", NULL);
            return;
        }
        if (!origin_ok(ctx, req->origin)) {
            pv_serve_error(res, 403, "forbidden", "the request comes from another origin", NULL);
            return;
        }
        if (req->body_len > PV_SERVE_MAX_BODY) {
            pv_serve_error(res, 413, "payload_too_large", "the body is over 1 MiB", NULL);
            return;
        }
    }
    if (strncmp(path, "/api/", 5))
        page_file(req, res);
    else
        pv_serve_api(ctx, path + 5, req, res);
}
