/* http.c — the one file that uses GNU libmicrohttpd: the listening socket,
 * the request body (kept up to 1 MiB, counted beyond), the call to the
 * dispatcher, and the response with its security headers. One internal
 * polling thread handles every request in turn, so the library (GLPK, the
 * worker processes of why and robust) never runs twice at once.
 * libmicrohttpd is loaded when a server starts (util/dl.c): with GnuTLS it
 * is the largest part of the program's start-up, which no other command
 * should pay. */
#include "serve.h"

#include "../optimise/select.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

/* What is called from libmicrohttpd, bound on first use (util/dl.c). */
/* clang-format off */
#define MHD_FUNCS(X) \
    X(MHD_start_daemon) \
    X(MHD_stop_daemon) \
    X(MHD_lookup_connection_value) \
    X(MHD_create_response_from_buffer) \
    X(MHD_add_response_header) \
    X(MHD_queue_response) \
    X(MHD_destroy_response)
/* clang-format on */
static struct {
    MHD_FUNCS(PV_DL_FIELD)
} fn;
static void dl_bind(void *so, const char **missing) { MHD_FUNCS(PV_DL_BIND) }
static pv_dl mhd = {
    .soname = PV_MHD_SONAME, .package = "libmicrohttpd12", .purpose = "serve", .bind = dl_bind};

struct pv_server {
    struct MHD_Daemon *daemon;
    pv_serve_ctx ctx;
    char *case_path;
    char url[160];
    int fd;
};

/* bind(2), named apart from the --bind address variables. */
static int bind_socket(int fd, const struct sockaddr *sa, socklen_t len)
{
    return bind(fd, sa, len);
}

/* Per request: the whole URI (for the query), the body kept so far. */
typedef struct conn_state {
    char *uri;
    char *body;
    size_t kept, total;
    int answered;
} conn_state;

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    conn_state *st = pv_calloc(1, sizeof *st);
    if (st && !(st->uri = pv_strdup(uri))) {
        pv_free(st);
        st = NULL;
    }
    return st;
}

static void on_done(void *cls, struct MHD_Connection *c, void **con_cls,
                    enum MHD_RequestTerminationCode code)
{
    (void)cls;
    (void)c;
    (void)code;
    conn_state *st = *con_cls;
    if (st) {
        pv_free(st->uri);
        pv_free(st->body);
        pv_free(st);
    }
    *con_cls = NULL;
}

static const char *header(struct MHD_Connection *c, const char *name)
{
    return fn.MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
}

static enum MHD_Result reply(struct MHD_Connection *c, const pv_serve_ctx *ctx,
                             const conn_state *st, const char *method)
{
    char path[2048];
    const char *q = strchr(st->uri, '?');
    size_t pl = q ? (size_t)(q - st->uri) : strlen(st->uri);
    if (pl >= sizeof path)
        pl = sizeof path - 1;
    memcpy(path, st->uri, pl);
    path[pl] = '\0';
    pv_request req = {
        .method = method,
        .path = path,
        .query = q ? q + 1 : NULL,
        .host = header(c, MHD_HTTP_HEADER_HOST),
        .origin = header(c, "Origin"),
        .content_type = header(c, MHD_HTTP_HEADER_CONTENT_TYPE),
        .cookie = header(c, MHD_HTTP_HEADER_COOKIE),
        .token_header = header(c, "X-Partnerval-Token"),
        .body = st->body ? st->body : "",
        .body_len = st->total,
    };
    pv_response res;
    pv_serve_handle(ctx, &req, &res);
    pv_solver_thread_done(); /* this thread ends without a hook: free GLPK's env now */
    struct MHD_Response *r =
        fn.MHD_create_response_from_buffer(res.len, res.body, MHD_RESPMEM_MUST_COPY);
    pv_response_free(&res);
    if (!r)
        return MHD_NO;
    for (size_t i = 0; PV_SERVE_HEADERS[i][0]; i++)
        fn.MHD_add_response_header(r, PV_SERVE_HEADERS[i][0], PV_SERVE_HEADERS[i][1]);
    if (res.content_type)
        fn.MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, res.content_type);
    if (res.location[0])
        fn.MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, res.location);
    if (res.set_cookie[0])
        fn.MHD_add_response_header(r, MHD_HTTP_HEADER_SET_COOKIE, res.set_cookie);
    if (res.disposition[0])
        fn.MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_DISPOSITION, res.disposition);
    if (res.status == 413)
        fn.MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
    enum MHD_Result ok = fn.MHD_queue_response(c, (unsigned)res.status, r);
    fn.MHD_destroy_response(r);
    return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    (void)url;
    (void)version;
    const pv_server *srv = cls;
    conn_state *st = *con_cls;
    if (!st)
        return MHD_NO;
    if (st->answered) { /* the rest of a body over the limit: read and dropped */
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (!st->body && st->total == 0 && *upload_data_size == 0) {
        /* The first call. A body over the limit is read and dropped, so that
         * the client can read the 413; one announced as huge is answered now
         * (and the connection closed). */
        const char *cl = header(c, MHD_HTTP_HEADER_CONTENT_LENGTH);
        unsigned long long n = cl ? strtoull(cl, NULL, 10) : 0;
        if (n > 64ull * PV_SERVE_MAX_BODY) {
            st->total = (size_t)n;
            st->answered = 1;
            return reply(c, &srv->ctx, st, method);
        }
        if (!(st->body = pv_malloc(1)))
            return MHD_NO;
        return MHD_YES;
    }
    if (*upload_data_size) {
        size_t n = *upload_data_size;
        if (st->kept + n <= PV_SERVE_MAX_BODY) {
            char *b = pv_realloc(st->body, st->kept + n + 1);
            if (!b)
                return MHD_NO;
            memcpy(b + st->kept, upload_data, n);
            st->body = b;
            st->kept += n;
            st->body[st->kept] = '\0';
        }
        st->total += n;
        *upload_data_size = 0;
        return MHD_YES;
    }
    st->answered = 1;
    return reply(c, &srv->ctx, st, method);
}

static int make_token(char *out)
{
    unsigned char r[16];
    size_t got = 0;
    while (got < sizeof r) {
        ssize_t n = getrandom(r + got, sizeof r - got, 0);
        if (n <= 0)
            return -1;
        got += (size_t)n;
    }
    for (size_t i = 0; i < sizeof r; i++)
        snprintf(out + 2 * i, 3, "%02x", r[i]);
    return 0;
}

/* The listening socket, bound before the daemon starts so that the port is
 * known to the dispatcher from the first request on. -1 + err on failure. */
static int listen_on(const char *bind, unsigned port, int *ipv6, unsigned *bound, pv_error *err)
{
    struct sockaddr_storage ss;
    socklen_t sl;
    memset(&ss, 0, sizeof ss);
    struct sockaddr_in *a4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&ss;
    if (inet_pton(AF_INET, bind, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((unsigned short)port);
        sl = sizeof *a4;
        *ipv6 = 0;
    } else if (inet_pton(AF_INET6, bind, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((unsigned short)port);
        sl = sizeof *a6;
        *ipv6 = 1;
    } else {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "--bind takes an IP address, not '%s'", bind);
        return -1;
    }
    int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
    if (fd >= 0)
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (fd < 0 || bind_socket(fd, (struct sockaddr *)&ss, sl) != 0 || listen(fd, 1024) != 0 ||
        getsockname(fd, (struct sockaddr *)&ss, &sl) != 0) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "cannot listen on %s port %u: %s", bind, port,
               strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    *bound = ntohs(*ipv6 ? a6->sin6_port : a4->sin_port);
    return fd;
}

static struct MHD_Daemon *start(pv_server *s, int fd, int ipv6)
{
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | (ipv6 ? MHD_USE_IPv6 : 0);
    return fn.MHD_start_daemon(flags, 0, NULL, NULL, on_request, s, MHD_OPTION_LISTEN_SOCKET, fd,
                               MHD_OPTION_URI_LOG_CALLBACK, on_uri, s, MHD_OPTION_NOTIFY_COMPLETED,
                               on_done, s, MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
                               MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)120, MHD_OPTION_END);
}

pv_server *pv_serve_start(const pv_serve_opts *o, pv_error *err)
{
    if (pv_dl_need(&mhd, err))
        return NULL;
    /* a broken case fails here, exit 2; else the requests answer from the
     * files as read now until a reload reads them again */
    if (pv_serve_snapshot(o->case_path, err))
        return NULL;
    pv_server *s = pv_calloc(1, sizeof *s);
    if (!s || !(s->case_path = pv_strdup(o->case_path))) {
        pv_free(s);
        pv_serve_snapshot_drop();
        pv_err_nomem(err);
        return NULL;
    }
    const char *bind = o->bind ? o->bind : "127.0.0.1";
    pv_serve_ctx_init(&s->ctx, s->case_path, o->scenarios_dir, o->lang);
    snprintf(s->ctx.bind, sizeof s->ctx.bind, "%s", bind);
    if (make_token(s->ctx.token)) {
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "getrandom failed: no token can be made");
        pv_serve_stop(s);
        return NULL;
    }
    int ipv6 = 0, fd = listen_on(bind, o->port, &ipv6, &s->ctx.port, err);
    if (fd < 0) {
        pv_serve_stop(s);
        return NULL;
    }
    if (!(s->daemon = start(s, fd, ipv6))) {
        close(fd);
        pv_err(err, PV_EINTERNAL, NULL, 0, 0, "cannot start the web server (libmicrohttpd)");
        pv_serve_stop(s);
        return NULL;
    }
    s->fd = fd;
    /* The address to open: the one bound, or loopback for a wildcard. */
    const char *host = !strcmp(bind, "0.0.0.0") ? "127.0.0.1"
                       : !strcmp(bind, "::") || !strcmp(bind, "::1") ? "[::1]"
                                                                     : bind;
    snprintf(s->url, sizeof s->url, "http://%s%s%s:%u/?token=%s",
             ipv6 && host == bind ? "[" : "", host, ipv6 && host == bind ? "]" : "",
             s->ctx.port, s->ctx.token);
    return s;
}

const char *pv_serve_url(const pv_server *s)
{
    return s->url;
}

void pv_serve_stop(pv_server *s)
{
    if (!s)
        return;
    if (s->daemon) {
        fn.MHD_stop_daemon(s->daemon);
        close(s->fd);
    }
    pv_free(s->case_path);
    pv_free(s);
    pv_serve_snapshot_drop();
}
