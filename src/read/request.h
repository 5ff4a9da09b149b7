/* request.h — the JSON side of `partnerval serve` (src/serve/), read here
 * because Jansson stays in src/read: a request body {"patch", "options",
 * "scenarios", "name"} into C values, the case as JSON with its model
 * inlined, and the text of a scenario file to save. */
#ifndef PV_READ_REQUEST_H
#define PV_READ_REQUEST_H

#include "../internal.h"

/* One "options" member: a CLI long option by name, its JSON value. */
typedef enum pv_api_kind { PV_API_BOOL, PV_API_NUM, PV_API_STR } pv_api_kind;
typedef struct pv_api_opt {
    char *key;
    pv_api_kind kind;
    int b;
    double num;
    char *str;
} pv_api_opt;

typedef struct pv_api_body {
    pv_scenario *patch;   /* "patch" (named "patch"), NULL when absent */
    pv_api_opt *opts;     /* "options", in the body's order */
    size_t nopts;
    pv_scenario **scen;   /* "scenarios": [{"name", "patch"}, …] (compare) */
    size_t nscen;
    char *name;           /* "name" (scenario save), NULL when absent */
    char *scenario_text;  /* {"name", "patch"} as a scenario file, when both are given */
} pv_api_body;

/*
 * Parses a request body (len bytes, not NUL-terminated; empty means {}).
 * Errors are PV_EINPUT with text "KEY.PATH: message" (or "invalid JSON: …"
 * with line and column), and no source. Returns 0, or -1 + err; free *b with
 * pv_api_body_free in every case.
 */
int pv_api_body_parse(const char *body, size_t len, pv_api_body *b, pv_error *err);
void pv_api_body_free(pv_api_body *b);

/*
 * The case file as JSON with its model inlined under "model", plus "display":
 * {"projects": {id: {"name", "demand": {resource: amount}}}, "partners": …}
 * from the loaded case c
 * (which was read from the same path). Pretty-printed, NUL-terminated, free
 * with pv_free; NULL + err.
 */
char *pv_api_case_json(const pv_case *c, size_t *len, pv_error *err);

#endif
