/* serve.h — `partnerval serve`, shared by its files (not part of the public
 * header): the request and response of the dispatcher, which is a pure
 * function (no socket, no libmicrohttpd) so that unit tests and the fuzzer
 * call it directly; http.c is the one file that uses libmicrohttpd. */
#ifndef PV_SERVE_H
#define PV_SERVE_H

#include <stddef.h>

#include "../internal.h"

#define PV_SERVE_MAX_BODY (1u << 20) /* 1 MiB; larger bodies get 413 */
#define PV_SERVE_TOKEN_HEX 32

/* What the dispatcher needs to know of the server. */
typedef struct pv_serve_ctx {
    const char *case_path;
    char scen_dir[4096];   /* where POST /api/scenario writes */
    unsigned port;
    char token[PV_SERVE_TOKEN_HEX + 1];
    char bind[64];         /* the address bound, as given; also accepted in Host */
    pv_lang lang;          /* the page's language (default: the model's) */
} pv_serve_ctx;

/* A request as the dispatcher sees it; absent headers are NULL. The body is
 * at most PV_SERVE_MAX_BODY bytes; body_len is its whole length (larger when
 * the transport stopped keeping it). */
typedef struct pv_request {
    const char *method;
    const char *path;    /* without the query */
    const char *query;   /* after '?', or NULL */
    const char *host, *origin, *content_type, *cookie, *token_header;
    const char *body;
    size_t body_len;
} pv_request;

/* The answer: status, type, body (owned when body_owned), extra headers. */
typedef struct pv_response {
    int status;
    const char *content_type;
    char *body;
    size_t len;
    int body_owned;
    char location[64];
    char set_cookie[160];
    char disposition[96];
} pv_response;

/* Fills ctx with the defaults for a case; token and port are set by the caller. */
void pv_serve_ctx_init(pv_serve_ctx *ctx, const char *case_path, const char *scen_dir,
                       pv_lang lang);

/* The dispatcher: token, Host, Origin, content type, size, routing, JSON
 * errors. Always fills *res (free with pv_response_free). */
void pv_serve_handle(const pv_serve_ctx *ctx, const pv_request *req, pv_response *res);
void pv_response_free(pv_response *res);

/* Every response carries these (name, value) pairs; NULL-terminated. */
extern const char *const PV_SERVE_HEADERS[][2];

/* api.c: the JSON API behind the dispatcher's checks (path is after "/api/"). */
void pv_serve_api(const pv_serve_ctx *ctx, const char *route, const pv_request *req,
                  pv_response *res);
/* A JSON error {"error": {"code", "message", "path"}}; path NULL => null. */
void pv_serve_error(pv_response *res, int status, const char *code, const char *message,
                    const char *path);
/* The error of a library call: 400 input/usage, 409 infeasible, else 500. */
void pv_serve_lib_error(pv_response *res, const pv_error *err);

/* assets.c: the embedded page files; NULL when unknown. */
const char *pv_serve_asset(const char *path, size_t *len, const char **type);

/* save.c: the file name of a scenario from its name ("Budget −20 %" ->
 * "budget-20"); -1 when none can be made. */
int pv_serve_slug(const char *name, char *out, size_t size);
/* Writes text as a new file in dir named after name (never overwriting);
 * the file name made in *file. 0, or -1 with status and message set. */
int pv_serve_save(const char *dir, const char *name, const char *text, char *file, size_t fsize,
                  pv_response *res);

/* GET /api/scenarios and GET /api/inputs (save.c). */
void pv_serve_list(const pv_serve_ctx *ctx, pv_response *res);
void pv_serve_inputs(const pv_serve_ctx *ctx, pv_response *res);
/* POST /api/reload (save.c): the case read again; kept only when it loads. */
void pv_serve_reload(const pv_serve_ctx *ctx, pv_response *res);
/* Loads the case at case_path from disk and makes the files it read the
 * state every request answers from (pv_snapshot_use), the last good state
 * until the next success. 0, or -1 + err with the state as it was. */
int pv_serve_snapshot(const char *case_path, pv_error *err);
/* Drops that state: requests read the disk again. */
void pv_serve_snapshot_drop(void);

#endif
