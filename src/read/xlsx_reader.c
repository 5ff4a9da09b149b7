/* xlsx_reader.c — the only user of libzip and Expat. One sheet of an .xlsx
 * workbook into the same pv_table the CSV reader makes, streaming each part's
 * XML through Expat (a sheet's XML is never held whole in memory).
 *
 * The package: _rels/.rels names the workbook part (xl/workbook.xml when it
 * is missing); the workbook lists the sheets and its relationships name each
 * sheet's part and the shared strings. Relationships are followed a fixed
 * number of steps, never recursively, so a cyclic one cannot loop; a part a
 * relationship names is looked up in the archive only, never opened as a file.
 *
 * Limits beyond the CSV reader's: every part's uncompressed size (and their
 * sum) within the input file limit, a compression ratio of at most 100:1 for
 * parts over 1 MiB (zip bombs), cell references within Excel's A1:XFD1048576,
 * at most 20 million cells in the table, and no DOCTYPE (so no entities). */
#include "xlsx.h"

#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

/* What is called from libzip and Expat, bound on first use (util/dl.c). */
/* clang-format off */
#define ZIP_FUNCS(X) \
    X(zip_discard) \
    X(zip_error_fini) \
    X(zip_error_init) \
    X(zip_error_strerror) \
    X(zip_fclose) \
    X(zip_fopen_index) \
    X(zip_fread) \
    X(zip_name_locate) \
    X(zip_open_from_source) \
    X(zip_source_buffer_create) \
    X(zip_source_free) \
    X(zip_stat_index) \
    X(zip_stat_init)
#define XML_FUNCS(X) \
    X(XML_ErrorString) \
    X(XML_GetCurrentLineNumber) \
    X(XML_GetErrorCode) \
    X(XML_Parse) \
    X(XML_ParserCreate_MM) \
    X(XML_ParserFree) \
    X(XML_SetCharacterDataHandler) \
    X(XML_SetElementHandler) \
    X(XML_SetEntityDeclHandler) \
    X(XML_SetStartDoctypeDeclHandler) \
    X(XML_SetUserData) \
    X(XML_StopParser)
/* clang-format on */
static struct {
    ZIP_FUNCS(PV_DL_FIELD)
    XML_FUNCS(PV_DL_FIELD)
} fn;
static void zip_bind(void *so, const char **missing) { ZIP_FUNCS(PV_DL_BIND) }
static void xml_bind(void *so, const char **missing) { XML_FUNCS(PV_DL_BIND) }
static pv_dl libzip = {.soname = PV_ZIP_SONAME,
                       .first = PV_CRYPTO_SONAME,
                       .package = "libzip4",
                       .purpose = "reading Excel workbooks",
                       .bind = zip_bind};
static pv_dl expat = {.soname = PV_EXPAT_SONAME,
                      .package = "libexpat1",
                      .purpose = "reading Excel workbooks",
                      .bind = xml_bind};

#define X_MAX_TEXT (1024 * 1024)  /* one string, as a CSV line */
#define X_MAX_RATIO 100
#define X_RATIO_FLOOR (1024 * 1024)
#define X_MAX_RELS 10000
#define X_MAX_SHEETS 10000
#define X_MAX_STRINGS 10000000UL

int x_pool_add(xpool *p, const char *s, size_t n)
{
    size_t end = p->len + n + 1; /* the text and its NUL */
    if (pv_grow((void **)&p->data, &p->cap, end, 1))
        return -1;
    char *to = memcpy(p->data + p->len, s, n);
    to[n] = '\0';
    p->len = end;
    return 0;
}

static int hex4(const char *s)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int c = (unsigned char)s[i], d = c >= '0' && c <= '9'   ? c - '0'
                                         : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                         : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                                : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* The code point of an escape "_xHHHH_" at s (n bytes left), or -1. */
static long escape_at(const char *s, size_t n)
{
    return n >= 7 && s[0] == '_' && s[1] == 'x' && s[6] == '_' ? hex4(s + 2) : -1;
}

size_t x_unescape(char *s, size_t n)
{
    size_t i = 0, o = 0;
    while (i < n) {
        long cp = escape_at(s + i, n - i), lo;
        size_t used = 7;
        if (cp >= 0xD800 && cp <= 0xDBFF && (lo = escape_at(s + i + 7, n - i - 7)) >= 0xDC00 &&
            lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            used = 14;
        }
        /* A lone surrogate or NUL has no UTF-8: the text stays as written. */
        if (cp <= 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
            s[o++] = s[i++];
            continue;
        }
        unsigned char *u = (unsigned char *)s + o;
        if (cp < 0x80)
            u[0] = (unsigned char)cp, o += 1;
        else if (cp < 0x800)
            u[0] = (unsigned char)(0xC0 | cp >> 6), u[1] = (unsigned char)(0x80 | (cp & 63)),
            o += 2;
        else if (cp < 0x10000)
            u[0] = (unsigned char)(0xE0 | cp >> 12), u[1] = (unsigned char)(0x80 | (cp >> 6 & 63)),
            u[2] = (unsigned char)(0x80 | (cp & 63)), o += 3;
        else
            u[0] = (unsigned char)(0xF0 | cp >> 18), u[1] = (unsigned char)(0x80 | (cp >> 12 & 63)),
            u[2] = (unsigned char)(0x80 | (cp >> 6 & 63)), u[3] = (unsigned char)(0x80 | (cp & 63)),
            o += 4;
        i += used;
    }
    s[o] = '\0';
    return o;
}

void x_fail(xbook *b, void *x, int code, const char *src, int line, int col, const char *fmt,
            ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pv_err(b->err, code, src, line, col, "%s", msg);
    b->failed = 1;
    if (x)
        fn.XML_StopParser(x, XML_FALSE);
}

typedef struct xrel {
    char *id, *type, *target;
} xrel;

void x_stop(void *x) { fn.XML_StopParser(x, XML_FALSE); }

void x_fail_nomem(xbook *b, void *x)
{
    pv_err_nomem(b->err);
    b->failed = 1;
    if (x)
        fn.XML_StopParser(x, XML_FALSE);
}

/* The element's or attribute's local name: "r:id" -> "id". */
const char *x_local(const char *name)
{
    const char *c = strrchr(name, ':');
    return c ? c + 1 : name;
}

const char *x_attr(const char **at, const char *name, int prefixed)
{
    for (size_t i = 0; at[i]; i += 2)
        if (!strcmp(x_local(at[i]), name) && (!prefixed || strchr(at[i], ':')))
            return at[i + 1];
    return NULL;
}

/* ------------------------------------------------------------- XML parts */

static const XML_Memory_Handling_Suite MEM = {pv_malloc, pv_realloc, pv_free};

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sys,
                               const XML_Char *pub, int has_internal)
{
    (void)name, (void)sys, (void)pub, (void)has_internal;
    xpart *p = ud;
    x_fail(p->b, p->x, PV_EINPUT, p->b->path, 0, 0,
         "part %s declares a DOCTYPE; a workbook never does (entities are refused)", p->name);
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int pe, const XML_Char *v, int vl,
                              const XML_Char *base, const XML_Char *sys, const XML_Char *pub,
                              const XML_Char *notation)
{
    (void)name, (void)pe, (void)v, (void)vl, (void)base, (void)sys, (void)pub, (void)notation;
    xpart *p = ud;
    x_fail(p->b, p->x, PV_EINPUT, p->b->path, 0, 0, "part %s declares an XML entity; refused",
         p->name);
}

/* Streams part `name` through a parser whose handlers take `ud` (which starts
 * with an xpart). Returns 0, 1 when the part is missing, -1 on an error. */
int x_parse_part(xbook *b, const char *name, xpart *ud, x_start_fn start, x_end_fn end,
                 x_text_fn text)
{
    zip_int64_t idx = fn.zip_name_locate(b->z, name, ZIP_FL_ENC_GUESS);
    if (idx < 0)
        idx = fn.zip_name_locate(b->z, name, ZIP_FL_NOCASE | ZIP_FL_ENC_GUESS);
    if (idx < 0)
        return 1;
    zip_stat_t st;
    fn.zip_stat_init(&st);
    if (fn.zip_stat_index(b->z, (zip_uint64_t)idx, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
        !(st.valid & ZIP_STAT_COMP_SIZE)) {
        x_fail(b, NULL, PV_EINPUT, b->path, 0, 0, "cannot read part %s of the archive", name);
        return -1;
    }
    unsigned long long max = pv_max_file_bytes(b->err);
    if (!max) {
        b->failed = 1;
        return -1;
    }
    if (st.size > max || b->total + st.size > max) {
        pv_err(b->err, PV_EINPUT, b->path, 0, 0,
               "part %s unpacks to %llu bytes, more than the limit of %llu bytes for the "
               "whole workbook (set PARTNERVAL_MAX_FILE_BYTES to raise it)",
               name, (unsigned long long)st.size, max);
        b->failed = 1;
        return -1;
    }
    if (st.size > X_RATIO_FLOOR && st.size / (st.comp_size ? st.comp_size : 1) > X_MAX_RATIO) {
        pv_err(b->err, PV_EINPUT, b->path, 0, 0,
               "part %s unpacks %llu times its packed size (more than %d): refused as a "
               "possible zip bomb",
               name, (unsigned long long)(st.size / (st.comp_size ? st.comp_size : 1)),
               X_MAX_RATIO);
        b->failed = 1;
        return -1;
    }
    zip_file_t *f = fn.zip_fopen_index(b->z, (zip_uint64_t)idx, 0);
    if (!f) {
        x_fail(b, NULL, PV_EINPUT, b->path, 0, 0,
             "cannot unpack part %s (encrypted, or an unknown compression)", name);
        return -1;
    }
    XML_Parser x = fn.XML_ParserCreate_MM(NULL, &MEM, NULL);
    if (!x) {
        fn.zip_fclose(f);
        x_fail_nomem(b, NULL);
        return -1;
    }
    ud->b = b;
    ud->name = name;
    ud->x = x;
    fn.XML_SetUserData(x, ud);
    fn.XML_SetElementHandler(x, start, end);
    if (text)
        fn.XML_SetCharacterDataHandler(x, text);
    fn.XML_SetStartDoctypeDeclHandler(x, on_doctype);
    fn.XML_SetEntityDeclHandler(x, on_entity);
    char buf[65536];
    unsigned long long got = 0;
    int done = 0;
    while (!done && !b->failed) {
        zip_int64_t n = fn.zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            x_fail(b, NULL, PV_EINPUT, b->path, 0, 0, "part %s is damaged (cannot unpack it)",
                 name);
            break;
        }
        got += (unsigned long long)n;
        b->total += (unsigned long long)n;
        if (got > st.size || b->total > max) {
            x_fail(b, NULL, PV_EINPUT, b->path, 0, 0, "part %s unpacks beyond its stated size",
                 name);
            break;
        }
        done = n == 0;
        if (fn.XML_Parse(x, buf, (int)n, done) != XML_STATUS_OK && !b->failed) {
            enum XML_Error e = fn.XML_GetErrorCode(x);
            if (e == XML_ERROR_NO_MEMORY)
                x_fail_nomem(b, NULL);
            else {
                pv_err(b->err, PV_EINPUT, b->path, 0, 0, "part %s: bad XML at line %lu: %s", name,
                       (unsigned long)fn.XML_GetCurrentLineNumber(x), fn.XML_ErrorString(e));
                b->failed = 1;
            }
        }
    }
    fn.XML_ParserFree(x);
    fn.zip_fclose(f);
    return b->failed ? -1 : 0;
}

/* --------------------------------------------------------- relationships */

typedef struct xrels {
    xpart p;
    xrel *r;
    size_t n, cap;
} xrels;

static void XMLCALL rels_start(void *ud, const XML_Char *el, const XML_Char **at)
{
    xrels *rs = ud;
    if (rs->p.b->failed || strcmp(x_local(el), "Relationship"))
        return;
    const char *id = x_attr(at, "Id", 0), *type = x_attr(at, "Type", 0),
               *target = x_attr(at, "Target", 0), *mode = x_attr(at, "TargetMode", 0);
    if (!id || !type || !target || (mode && !strcmp(mode, "External")))
        return;
    if (rs->n >= X_MAX_RELS) {
        x_fail(rs->p.b, rs->p.x, PV_EINPUT, rs->p.b->path, 0, 0,
             "part %s has too many relationships", rs->p.name);
        return;
    }
    if (pv_grow((void **)&rs->r, &rs->cap, rs->n + 1, sizeof *rs->r)) {
        x_fail_nomem(rs->p.b, rs->p.x);
        return;
    }
    xrel *r = &rs->r[rs->n];
    r->id = pv_strdup(id);
    r->type = pv_strdup(type);
    r->target = pv_strdup(target);
    rs->n++;
    if (!r->id || !r->type || !r->target)
        x_fail_nomem(rs->p.b, rs->p.x);
}

static void XMLCALL no_end(void *ud, const XML_Char *el) { (void)ud, (void)el; }

static void rels_free(xrels *rs)
{
    for (size_t i = 0; i < rs->n; i++) {
        pv_free(rs->r[i].id);
        pv_free(rs->r[i].type);
        pv_free(rs->r[i].target);
    }
    pv_free(rs->r);
}

static const xrel *rel_by_type(const xrels *rs, const char *suffix)
{
    size_t sl = strlen(suffix);
    for (size_t i = 0; i < rs->n; i++) {
        size_t tl = strlen(rs->r[i].type);
        if (tl >= sl && !strcmp(rs->r[i].type + tl - sl, suffix))
            return &rs->r[i];
    }
    return NULL;
}

/* A relationship's target as a part name: relative to the folder of the
 * part that owns it (dir ends with '/' or is ""), or absolute ("/xl/..."),
 * with "." and ".." resolved. NULL when it climbs above the package. */
static char *part_name(const char *dir, const char *target)
{
    size_t n = strlen(dir) + strlen(target) + 1;
    char *joined = pv_malloc(n), *out = pv_malloc(n);
    if (!joined || !out) {
        pv_free(joined);
        pv_free(out);
        return NULL;
    }
    if (target[0] == '/')
        snprintf(joined, n, "%s", target + 1);
    else
        snprintf(joined, n, "%s%s", dir, target);
    size_t k = 0;
    int bad = 0;
    for (char *seg = joined, *next; seg && !bad; seg = next) {
        char *slash = strchr(seg, '/');
        next = slash ? slash + 1 : NULL;
        size_t len = slash ? (size_t)(slash - seg) : strlen(seg);
        if (len == 0 || (len == 1 && seg[0] == '.'))
            continue;
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            if (!k)
                bad = 1;
            while (k && out[k - 1] != '/')
                k--;
            if (k)
                k--;
            continue;
        }
        if (k)
            out[k++] = '/';
        memcpy(out + k, seg, len);
        k += len;
    }
    out[k] = '\0';
    pv_free(joined);
    if (bad || !k) {
        pv_free(out);
        return NULL;
    }
    return out;
}

/* The folder of a part name, with its '/', or "". */
static char *part_dir(const char *name)
{
    const char *s = strrchr(name, '/');
    return pv_strndup(name, s ? (size_t)(s - name) + 1 : 0);
}

/* The relationships of part `owner` (xl/workbook.xml -> xl/_rels/workbook.xml.rels). */
static int load_rels(xbook *b, const char *owner, xrels *rs)
{
    const char *s = strrchr(owner, '/');
    size_t dl = s ? (size_t)(s - owner) + 1 : 0;
    size_t n = strlen(owner) + 16;
    char *name = pv_malloc(n);
    if (!name) {
        x_fail_nomem(b, NULL);
        return -1;
    }
    snprintf(name, n, "%.*s_rels/%s.rels", (int)dl, owner, owner + dl);
    int rc = x_parse_part(b, name, &rs->p, rels_start, no_end, NULL);
    pv_free(name);
    return rc;
}

/* -------------------------------------------------------------- workbook */

typedef struct xsheets {
    xpart p;
    char **name, **rid;
    int *hidden;
    size_t n, cap, caph, capr;
    int date1904; /* <workbookPr date1904="1"/>: serials count from 1904-01-01 */
} xsheets;

static void XMLCALL book_start(void *ud, const XML_Char *el, const XML_Char **at)
{
    xsheets *ws = ud;
    if (!ws->p.b->failed && !strcmp(x_local(el), "workbookPr")) {
        const char *d = x_attr(at, "date1904", 0);
        ws->date1904 = d && (!strcmp(d, "1") || !strcmp(d, "true"));
        return;
    }
    if (ws->p.b->failed || strcmp(x_local(el), "sheet"))
        return;
    const char *name = x_attr(at, "name", 0), *rid = x_attr(at, "id", 1), *state = x_attr(at, "state", 0);
    if (!name || !rid)
        return;
    if (ws->n >= X_MAX_SHEETS) {
        x_fail(ws->p.b, ws->p.x, PV_EINPUT, ws->p.b->path, 0, 0, "part %s has too many sheets",
             ws->p.name);
        return;
    }
    if (pv_grow((void **)&ws->name, &ws->cap, ws->n + 1, sizeof(char *)) ||
        pv_grow((void **)&ws->rid, &ws->capr, ws->n + 1, sizeof(char *)) ||
        pv_grow((void **)&ws->hidden, &ws->caph, ws->n + 1, sizeof(int))) {
        x_fail_nomem(ws->p.b, ws->p.x);
        return;
    }
    ws->name[ws->n] = pv_strdup(name);
    ws->rid[ws->n] = pv_strdup(rid);
    ws->hidden[ws->n] = state && strcmp(state, "visible");
    ws->n++;
    if (!ws->name[ws->n - 1] || !ws->rid[ws->n - 1])
        x_fail_nomem(ws->p.b, ws->p.x);
}

static void sheets_free(xsheets *ws)
{
    for (size_t i = 0; i < ws->n; i++) {
        pv_free(ws->name[i]);
        pv_free(ws->rid[i]);
    }
    pv_free(ws->name);
    pv_free(ws->rid);
    pv_free(ws->hidden);
}

/* ---------------------------------------------------------- shared strings */

static void XMLCALL sst_start(void *ud, const XML_Char *el, const XML_Char **at)
{
    (void)at;
    xsst *s = ud;
    const char *l = x_local(el);
    if (s->p.b->failed)
        return;
    if (!strcmp(l, "si")) {
        s->in_si = 1;
        s->start = s->pool.len;
        if (pv_grow((void **)&s->pool.data, &s->pool.cap, s->pool.len + 1, 1)) {
            x_fail_nomem(s->p.b, s->p.x);
            return;
        }
        s->pool.data[s->pool.len] = '\0';
    } else if (!strcmp(l, "rPh"))
        s->in_rph = 1;
    else if (!strcmp(l, "t") && s->in_si && !s->in_rph)
        s->in_t = 1;
}

static void XMLCALL sst_end(void *ud, const XML_Char *el)
{
    xsst *s = ud;
    const char *l = x_local(el);
    if (s->p.b->failed)
        return;
    if (!strcmp(l, "t"))
        s->in_t = 0;
    else if (!strcmp(l, "rPh"))
        s->in_rph = 0;
    else if (!strcmp(l, "si") && s->in_si) {
        s->in_si = 0;
        if (s->n >= X_MAX_STRINGS) {
            x_fail(s->p.b, s->p.x, PV_EINPUT, s->p.b->path, 0, 0, "part %s has too many strings",
                 s->p.name);
            return;
        }
        if (pv_grow((void **)&s->off, &s->cap, s->n + 1, sizeof(size_t))) {
            x_fail_nomem(s->p.b, s->p.x);
            return;
        }
        s->off[s->n++] = s->start;
        s->pool.len = s->start + x_unescape(s->pool.data + s->start, s->pool.len - s->start);
        s->pool.len++; /* keep the NUL */
    }
}

static void XMLCALL sst_text(void *ud, const XML_Char *txt, int len)
{
    xsst *s = ud;
    if (s->p.b->failed || !s->in_t)
        return;
    size_t have = s->pool.len - s->start;
    if (have + (size_t)len > X_MAX_TEXT) {
        x_fail(s->p.b, s->p.x, PV_EINPUT, s->p.b->path, 0, 0,
             "part %s has a string longer than 1 MiB", s->p.name);
        return;
    }
    if (pv_grow((void **)&s->pool.data, &s->pool.cap, s->pool.len + (size_t)len + 1, 1)) {
        x_fail_nomem(s->p.b, s->p.x);
        return;
    }
    memcpy(s->pool.data + s->pool.len, txt, (size_t)len);
    s->pool.len += (size_t)len;
    s->pool.data[s->pool.len] = '\0';
}

/* ----------------------------------------------------------------- styles */

/* The cell formats that show dates, from the styles part the workbook's
 * relationships name (or the usual one): x_read_styles. */
static int read_styles(xbook *b, const xrels *wr, const char *wbdir, const char *wb,
                       const char *sheet_part, xsst *sst)
{
    const xrel *r = rel_by_type(wr, "/styles");
    char *name = part_name(wbdir, r ? r->target : "styles.xml");
    int rc = 0;
    if (name && strcmp(name, wb) && strcmp(name, sheet_part)) /* else no styles: numbers */
        rc = x_read_styles(b, name, sst);
    pv_free(name);
    return rc;
}

/* -------------------------------------------------------------- the book */

int pv_is_xlsx_path(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return n > 5 && !strcasecmp(path + n - 5, ".xlsx");
}

/* The sheet asked for (exact name, else the same letters in any case), or
 * the first visible one. -1 with the error. */
static long pick_sheet(xbook *b, const xsheets *ws, const char *want)
{
    if (!ws->n) {
        x_fail(b, NULL, PV_EINPUT, b->path, 0, 0, "the workbook has no sheets");
        return -1;
    }
    if (!want) {
        for (size_t i = 0; i < ws->n; i++)
            if (!ws->hidden[i])
                return (long)i;
        return 0;
    }
    for (size_t i = 0; i < ws->n; i++)
        if (!strcmp(ws->name[i], want))
            return (long)i;
    /* else ignoring case as Excel does, Å/Ä/Ö too (FÖRSLAG names Förslag) */
    for (size_t i = 0; i < ws->n; i++)
        if (pv_str_eq_fold(ws->name[i], want))
            return (long)i;
    char list[600];
    size_t k = 0;
    list[0] = '\0';
    for (size_t i = 0; i < ws->n && k < sizeof list - 80; i++)
        k += (size_t)snprintf(list + k, sizeof list - k, "%s'%.60s'", i ? ", " : "", ws->name[i]);
    x_fail(b, NULL, PV_EINPUT, b->path, 0, 0, "no sheet named '%s'; the workbook has %s%s", want,
         list, k >= sizeof list - 80 ? ", ..." : "");
    return -1;
}

/* The shared strings the workbook's relationships name (or the usual part). */
static int read_sst(xbook *b, const xrels *wr, const char *wbdir, const char *wb,
                    const char *sheet_part, xsst *sst)
{
    const xrel *r = rel_by_type(wr, "/sharedStrings");
    char *name = part_name(wbdir, r ? r->target : "sharedStrings.xml");
    if (!name) {
        x_fail(b, NULL, PV_EINPUT, b->path, 0, 0,
             "the shared strings relationship points outside the package");
        return -1;
    }
    if (!strcmp(name, wb) || !strcmp(name, sheet_part)) {
        x_fail(b, NULL, PV_EINPUT, b->path, 0, 0,
             "the shared strings relationship points back to %s (cyclic relationships)", name);
        pv_free(name);
        return -1;
    }
    int rc = x_parse_part(b, name, &sst->p, sst_start, sst_end, sst_text);
    pv_free(name);
    sst->present = rc == 0;
    return rc < 0 ? -1 : 0;
}

/* The sheet's part name from the workbook's relationships. */
static char *sheet_part(xbook *b, const xrels *wr, const char *wbdir, const char *wb,
                        const char *rid, const char *sheet)
{
    const xrel *r = NULL;
    for (size_t i = 0; i < wr->n && !r; i++)
        if (!strcmp(wr->r[i].id, rid))
            r = &wr->r[i];
    if (!r) {
        x_fail(b, NULL, PV_EINPUT, b->path, 0, 0,
             "sheet '%s' refers to relationship %s, which the workbook's relationships do not "
             "define (a missing relationship)", sheet, rid);
        return NULL;
    }
    char *name = part_name(wbdir, r->target);
    if (!name) {
        x_fail(b, NULL, PV_EINPUT, b->path, 0, 0,
             "relationship %s of sheet '%s' points outside the package", rid, sheet);
        return NULL;
    }
    size_t n = strlen(name);
    if (!strcmp(name, wb) || (n >= 5 && !strcasecmp(name + n - 5, ".rels"))) {
        x_fail(b, NULL, PV_EINPUT, b->path, 0, 0,
             "relationship %s of sheet '%s' points back to %s (cyclic relationships)", rid,
             sheet, name);
        pv_free(name);
        return NULL;
    }
    return name;
}

/* The workbook part's name, from the package relationships. */
static char *workbook_part(xbook *b)
{
    xrels pr = {0};
    int rc = load_rels(b, "", &pr);
    const xrel *r = rc == 0 ? rel_by_type(&pr, "/officeDocument") : NULL;
    char *wb = rc < 0 ? NULL : part_name("", r ? r->target : "xl/workbook.xml");
    if (rc >= 0 && !wb)
        x_fail(b, NULL, PV_EINPUT, b->path, 0, 0,
             "the package's relationship to the workbook points outside the package");
    else if (wb && (strlen(wb) >= 5 && !strcasecmp(wb + strlen(wb) - 5, ".rels"))) {
        x_fail(b, NULL, PV_EINPUT, b->path, 0, 0,
             "the package's relationship to the workbook points to %s (cyclic relationships)", wb);
        pv_free(wb);
        wb = NULL;
    }
    rels_free(&pr);
    return wb;
}

/* Everything after the archive is open: workbook, sheet, strings, cells. */
static pv_table *read_book(xbook *b, const char *want)
{
    pv_table *t = NULL;
    xsheets ws = {0};
    xrels wr = {0};
    xsst sst = {0};
    char *wbdir = NULL, *part = NULL, *wb = workbook_part(b);
    if (!wb)
        goto out;
    int rc = x_parse_part(b, wb, &ws.p, book_start, no_end, NULL);
    if (rc == 1)
        x_fail(b, NULL, PV_EINPUT, b->path, 0, 0,
             "no workbook part (%s) in the archive: not an Excel workbook", wb);
    if (rc)
        goto out;
    long k = pick_sheet(b, &ws, want);
    if (k < 0)
        goto out;
    if ((rc = load_rels(b, wb, &wr)) == 1)
        x_fail(b, NULL, PV_EINPUT, b->path, 0, 0,
             "the workbook's relationships are missing, so sheet '%s' cannot be found",
             ws.name[k]);
    if (rc || !(wbdir = part_dir(wb)))
        goto out;
    if (!(part = sheet_part(b, &wr, wbdir, wb, ws.rid[k], ws.name[k])) ||
        read_sst(b, &wr, wbdir, wb, part, &sst) || read_styles(b, &wr, wbdir, wb, part, &sst))
        goto out;
    sst.date1904 = ws.date1904;
    size_t pl = strlen(b->path), sl = strlen(ws.name[k]);
    if (!(t = pv_calloc(1, sizeof *t)) || !(t->path = pv_malloc(pl + sl + 2))) {
        x_fail_nomem(b, NULL);
        goto out;
    }
    memcpy(t->path, b->path, pl);
    t->path[pl] = PV_SHEET_MARK;
    memcpy(t->path + pl + 1, ws.name[k], sl + 1);
    t->delim = ';'; /* numbers typed as text are read in the Swedish form too */
    if (x_read_sheet(b, part, &sst, t)) {
        t->nrows = 0;
        pv_table_free(t);
        t = NULL;
    }
out:
    if (b->failed && t) {
        pv_table_free(t);
        t = NULL;
    }
    pv_free(sst.pool.data);
    pv_free(sst.off);
    pv_free(sst.xf_date);
    pv_free(part);
    pv_free(wbdir);
    rels_free(&wr);
    sheets_free(&ws);
    pv_free(wb);
    return t;
}

pv_table *pv_xlsx_parse(const char *path, const char *data, size_t len, const char *sheet,
                        pv_error *err)
{
    xbook b = {.path = path, .err = err};
    if (len < 4 || memcmp(data, "PK\3\4", 4)) {
        int ole = len >= 4 && !memcmp(data, "\xD0\xCF\x11\xE0", 4);
        pv_err(err, PV_EINPUT, path, 0, 0, "not an Excel workbook (.xlsx): not a zip archive%s",
               ole ? " (an old .xls file, or a workbook saved with a password: save it as "
                     ".xlsx without a password)"
                   : "");
        return NULL;
    }
    if (pv_dl_need(&libzip, err) || pv_dl_need(&expat, err))
        return NULL;
    zip_error_t ze;
    fn.zip_error_init(&ze);
    zip_source_t *zs = fn.zip_source_buffer_create(data, len, 0, &ze);
    if (zs && !(b.z = fn.zip_open_from_source(zs, ZIP_RDONLY, &ze)))
        fn.zip_source_free(zs);
    if (!b.z) {
        pv_err(err, PV_EINPUT, path, 0, 0,
               "not a readable .xlsx workbook: damaged zip archive (%s)",
               fn.zip_error_strerror(&ze));
        fn.zip_error_fini(&ze);
        return NULL;
    }
    fn.zip_error_fini(&ze);
    pv_table *t = read_book(&b, sheet);
    fn.zip_discard(b.z);
    return t;
}

pv_table *pv_xlsx_load(const char *path, const char *sheet, pv_error *err)
{
    size_t len;
    char *data = pv_read_file(path, &len, err);
    if (!data)
        return NULL;
    pv_table *t = pv_xlsx_parse(path, data, len, sheet, err);
    pv_free(data);
    return t;
}
