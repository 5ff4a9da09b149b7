/* save.c — what `partnerval serve` reads and writes beside the API's
 * computations: saved scenarios (a new file named after the scenario's name,
 * never a path from the client, never over an existing file), the list of
 * saved scenarios, the inputs' change stamp (for the page's reload offer),
 * and JSON errors. */
#include "serve.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void pv_serve_error(pv_response *res, int status, const char *code, const char *message,
                    const char *path)
{
    pv_buf b;
    pv_buf_init(&b);
    pv_buf_puts(&b, "{\"error\": {\"code\": ");
    pv_buf_json_str(&b, code);
    pv_buf_puts(&b, ", \"message\": ");
    pv_buf_json_str(&b, message);
    pv_buf_puts(&b, ", \"path\": ");
    if (path)
        pv_buf_json_str(&b, path);
    else
        pv_buf_puts(&b, "null");
    pv_buf_puts(&b, "}}\n");
    pv_response_free(res);
    res->status = status;
    res->content_type = "application/json; charset=utf-8";
    res->body = pv_buf_take(&b, &res->len);
    res->body_owned = res->body != NULL;
    if (!res->body) { /* out of memory: a fixed answer */
        static const char oom[] =
            "{\"error\": {\"code\": \"internal\", \"message\": \"out of memory\", \"path\": null}}\n";
        res->status = 500;
        res->body = (char *)oom;
        res->len = sizeof oom - 1;
    }
}

/* 200 with b's JSON as the body (500 when b ran out of memory). */
static void json_ok(pv_response *res, pv_buf *b)
{
    res->status = 200;
    res->content_type = "application/json; charset=utf-8";
    res->body = pv_buf_take(b, &res->len);
    res->body_owned = res->body != NULL;
    if (!res->body)
        pv_serve_error(res, 500, "internal", "out of memory", NULL);
}

/* 1 when s[0..n) may be a key path (letters, digits, . _ - [ ]). */
static int path_chars(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == '.' || s[i] == '_' || s[i] == '-' || s[i] == '[' || s[i] == ']' ||
              (s[i] >= '0' && s[i] <= '9') || ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')))
            return 0;
    return 1;
}

/* The key path of keys.c's "unknown key 'K' in P…" (P.K) or "… at the top
 * level" (K). 1 when text is such a message and the path fits. */
static int unknown_key_path(const char *text, char *out, size_t size)
{
    static const char HEAD[] = "unknown key '";
    if (strncmp(text, HEAD, sizeof HEAD - 1))
        return 0;
    const char *k = text + sizeof HEAD - 1, *q = strchr(k, '\'');
    if (!q || q == k || !path_chars(k, (size_t)(q - k)))
        return 0;
    size_t kn = (size_t)(q - k);
    if (!strncmp(q, "' at the top level", 18)) {
        if (kn >= size)
            return 0;
        memcpy(out, k, kn);
        out[kn] = '\0';
        return 1;
    }
    if (strncmp(q, "' in ", 5))
        return 0;
    const char *p = q + 5;
    size_t pn = strcspn(p, "; (");
    if (pn == 0 || !path_chars(p, pn) || pn + 1 + kn >= size)
        return 0;
    memcpy(out, p, pn);
    out[pn] = '.';
    memcpy(out + pn + 1, k, kn);
    out[pn + 1 + kn] = '\0';
    return 1;
}

/* "model.criteria.x.weight: must be …" -> "model.criteria.x.weight". */
static int key_path(const char *text, char *out, size_t size)
{
    if (unknown_key_path(text, out, size))
        return 1;
    size_t n = strcspn(text, ": \"'");
    if (n == 0 || n >= size || strncmp(text + n, ": ", 2) || !path_chars(text, n))
        return 0;
    memcpy(out, text, n);
    out[n] = '\0';
    return 1;
}

void pv_serve_lib_error(pv_response *res, const pv_error *err)
{
    char msg[2048], path[512];
    pv_error_format(err, msg, sizeof msg);
    int has_path = key_path(err->text, path, sizeof path);
    switch (err->code) {
    case PV_EINPUT:
    case PV_EUSAGE:
        pv_serve_error(res, 400, "invalid_input", msg, has_path ? path : NULL);
        return;
    case PV_EINFEASIBLE:
        pv_serve_error(res, 409, "infeasible", msg, has_path ? path : NULL);
        return;
    default:
        pv_serve_error(res, 500, "internal", msg, NULL);
    }
}

int pv_serve_slug(const char *name, char *out, size_t size)
{
    static const struct {
        const char *utf8, *ascii;
    } FOLD[] = {{"\xc3\xa5", "a"}, {"\xc3\xa4", "a"}, {"\xc3\xb6", "o"}, {"\xc3\x85", "a"},
                {"\xc3\x84", "a"}, {"\xc3\x96", "o"}, {"\xc3\xa9", "e"}, {"\xc3\xbc", "u"},
                {"\xc3\x9c", "u"}, {"\xc3\xa6", "ae"}, {"\xc3\xb8", "o"}};
    size_t n = 0;
    int dash = 0;
    if (size < 2)
        return -1;
    for (const char *p = name; *p && n + 3 < size && n < 60;) {
        unsigned char ch = (unsigned char)*p;
        const char *add = NULL;
        char one[2] = {0, 0};
        size_t adv = 1;
        for (size_t i = 0; i < sizeof FOLD / sizeof *FOLD && ch >= 0x80; i++)
            if (!strncmp(p, FOLD[i].utf8, 2)) {
                add = FOLD[i].ascii;
                adv = 2;
            }
        if (!add && ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                     (ch >= 'A' && ch <= 'Z'))) {
            one[0] = (char)(ch | (ch >= 'A' && ch <= 'Z' ? 32 : 0));
            add = one;
        }
        p += adv;
        if (!add) {
            dash = n > 0;
            continue;
        }
        if (dash)
            out[n++] = '-';
        dash = 0;
        for (; *add && n + 1 < size; add++)
            out[n++] = *add;
    }
    out[n] = '\0';
    return n ? 0 : -1;
}

/* Creates dir/file exclusively (O_EXCL: an existing file, or a link planted
 * there, is never followed or overwritten) and writes text. 0, 1 when the
 * name is taken, -1 on another error (errno). */
static int create_new(const char *dir, const char *file, const char *text)
{
    char path[4352];
    if (snprintf(path, sizeof path, "%s/%s", dir, file) >= (int)sizeof path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0)
        return errno == EEXIST ? 1 : -1;
    size_t len = strlen(text), off = 0;
    while (off < len) {
        ssize_t w = write(fd, text + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        off += (size_t)w;
    }
    int e = errno;
    if (close(fd) != 0 || off < len) {
        unlink(path);
        errno = off < len ? e : errno;
        return -1;
    }
    return 0;
}

int pv_serve_save(const char *dir, const char *name, const char *text, char *file, size_t fsize,
                  pv_response *res)
{
    char slug[72], msg[4400];
    if (strlen(name) > 200 || pv_serve_slug(name, slug, sizeof slug)) {
        pv_serve_error(res, 400, "invalid_name",
                       strlen(name) > 200
                           ? "name: at most 200 bytes"
                           : "name: must contain a letter or a digit (the file is named after it)",
                       "name");
        return -1;
    }
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        snprintf(msg, sizeof msg, "%s: cannot create the scenarios folder: %s", dir,
                 strerror(errno));
        pv_serve_error(res, 500, "cannot_write", msg, NULL);
        return -1;
    }
    for (int i = 1; i <= 99; i++) {
        if (i == 1)
            snprintf(file, fsize, "%s.json", slug);
        else
            snprintf(file, fsize, "%s-%d.json", slug, i);
        int rc = create_new(dir, file, text);
        if (rc == 0)
            return 0;
        if (rc < 0) {
            snprintf(msg, sizeof msg, "%s/%s: cannot write: %s", dir, file, strerror(errno));
            pv_serve_error(res, 500, "cannot_write", msg, NULL);
            return -1;
        }
    }
    pv_serve_error(res, 409, "exists", "name: 99 scenarios of that name exist already", "name");
    return -1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* GET /api/scenarios: [{"file", "scenario": {…}}] of the folder's valid *.json. */
void pv_serve_list(const pv_serve_ctx *ctx, pv_response *res)
{
    char *names[256];
    size_t n = 0;
    DIR *d = opendir(ctx->scen_dir);
    struct dirent *e;
    while (d && n < 256 && (e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (e->d_name[0] != '.' && l > 5 && !strcmp(e->d_name + l - 5, ".json") &&
            (names[n] = pv_strdup(e->d_name)) != NULL)
            n++;
    }
    if (d)
        closedir(d);
    qsort(names, n, sizeof *names, by_name);
    pv_buf b;
    pv_buf_init(&b);
    pv_buf_puts(&b, "[");
    int first = 1;
    for (size_t i = 0; i < n; i++) {
        char path[4352];
        pv_error err;
        pv_error_clear(&err);
        snprintf(path, sizeof path, "%s/%s", ctx->scen_dir, names[i]);
        pv_scenario *s = pv_scenario_load(path, &err);
        size_t len = 0;
        char *text = s ? pv_read_file(path, &len, &err) : NULL;
        if (text) {
            pv_buf_puts(&b, first ? "\n" : ",\n");
            pv_buf_puts(&b, "{\"file\": ");
            pv_buf_json_str(&b, names[i]);
            pv_buf_puts(&b, ", \"scenario\": ");
            pv_buf_put(&b, text, strlen(text));
            pv_buf_puts(&b, "}");
            first = 0;
        }
        pv_free(text);
        pv_scenario_free(s);
        pv_free(names[i]);
    }
    pv_buf_puts(&b, "\n]\n");
    json_ok(res, &b);
}

/* The change stamp of c's input files on disk (the case file, model, tables,
 * register): their modification times and sizes, hashed. */
static unsigned long long stamp_of(const char *case_path, const pv_case *c)
{
    unsigned long long h = 1469598103934665603ULL;
    size_t n = c ? pv_case_input_count(c) : 0;
    for (size_t i = 0; i <= n; i++) { /* the case file, then its inputs */
        struct stat st;
        if (stat(i ? pv_case_input_path(c, i - 1) : case_path, &st) == 0)
            h = (h ^ (unsigned long long)st.st_mtim.tv_nsec ^ (unsigned long long)st.st_mtime ^
                 (unsigned long long)st.st_size) * 1099511628211ULL;
    }
    return h;
}

/* The stamp of the files the server answers from (its snapshot). */
static unsigned long long g_loaded;
static int g_have_loaded;

int pv_serve_snapshot(const char *case_path, pv_error *err)
{
    pv_snapshot *fresh = pv_snapshot_new();
    if (!fresh) {
        pv_err_nomem(err);
        return -1;
    }
    pv_snapshot *cur = pv_snapshot_use(NULL); /* read the disk, not the last state */
    pv_snapshot_record(fresh);
    pv_case *c = pv_case_load(case_path, err);
    pv_snapshot_record(NULL);
    if (!c || !pv_snapshot_ok(fresh)) {
        if (c)
            pv_err_nomem(err);
        pv_case_free(c);
        pv_snapshot_free(fresh);
        pv_snapshot_use(cur);
        return -1;
    }
    g_loaded = stamp_of(case_path, c);
    g_have_loaded = 1;
    pv_case_free(c);
    pv_snapshot_free(cur);
    pv_snapshot_use(fresh);
    return 0;
}

void pv_serve_snapshot_drop(void)
{
    pv_snapshot_free(pv_snapshot_use(NULL));
    g_have_loaded = 0;
}

/* POST /api/reload: the case read again from disk; when it loads, the
 * server answers from it from now on ({"stamp"}), else 400 with the CLI's
 * message and the last good state kept. */
void pv_serve_reload(const pv_serve_ctx *ctx, pv_response *res)
{
    pv_error err;
    pv_error_clear(&err);
    if (pv_serve_snapshot(ctx->case_path, &err)) {
        pv_serve_lib_error(res, &err);
        return;
    }
    pv_buf b;
    pv_buf_init(&b);
    pv_buf_printf(&b, "{\"stamp\": \"%016llx\"}\n", g_loaded);
    json_ok(res, &b);
}

/* GET /api/inputs: {"stamp": "…", "loaded": "…" | null, "lang": --lang or
 * null, "error": null | "the CLI's message"}. stamp changes when any input
 * file of the case changes on disk; loaded is the stamp of the files the
 * server answers from (its last good state), and error what the files on
 * disk would give now. */
void pv_serve_inputs(const pv_serve_ctx *ctx, pv_response *res)
{
    pv_error err;
    pv_error_clear(&err);
    pv_snapshot *cur = pv_snapshot_use(NULL); /* the files on disk */
    pv_case *c = pv_case_load(ctx->case_path, &err);
    pv_snapshot_use(cur);
    pv_buf b;
    pv_buf_init(&b);
    pv_buf_printf(&b, "{\"stamp\": \"%016llx\", \"loaded\": ", stamp_of(ctx->case_path, c));
    if (g_have_loaded)
        pv_buf_printf(&b, "\"%016llx\"", g_loaded);
    else
        pv_buf_puts(&b, "null");
    pv_buf_printf(&b, ", \"lang\": %s, \"error\": ",
                  ctx->lang == PV_LANG_SV   ? "\"sv\""
                  : ctx->lang == PV_LANG_EN ? "\"en\""
                                            : "null");
    if (c)
        pv_buf_puts(&b, "null");
    else {
        char msg[2048];
        pv_buf_json_str(&b, pv_error_format(&err, msg, sizeof msg));
    }
    pv_buf_puts(&b, "}\n");
    pv_case_free(c);
    json_ok(res, &b);
}
