/* error.c — one error struct; the first error wins, as in Jansson. */
#include "../internal.h"

#include <stdio.h>
#include <string.h>

void pv_error_clear(pv_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

int pv_failed(const pv_error *err) { return err && err->code != PV_OK; }

/* Column number (1-based) to Excel's letters: 1 A, 26 Z, 27 AA. */
void pv_col_letters(int col, char out[8])
{
    char tmp[8];
    int n = 0;
    while (col > 0 && n < 7) {
        tmp[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

/* Whether s reads as a cell reference (A1 style up to XFD, or R1C1), which
 * Excel quotes as a sheet name so as not to take it for one. */
static int cell_like(const char *s)
{
    const char *p = s;
    size_t letters = 0;
    while (((*p | 32) >= 'a' && (*p | 32) <= 'z') && letters < 4)
        p++, letters++;
    if (letters >= 1 && letters <= 3 && *p >= '1' && *p <= '9') {
        while (*p >= '0' && *p <= '9')
            p++;
        if (!*p)
            return 1;
    }
    /* R1C1 style: R, C, R5, C7, RC, R1C1 */
    int r = (s[0] | 32) == 'r', c = (s[0] | 32) == 'c';
    return (r || c) && (s[1] == '\0' || (s[1] >= '0' && s[1] <= '9') || (r && (s[1] | 32) == 'c'));
}

/* A sheet name as Excel writes it in a reference: quoted ('Mina förslag')
 * unless it is letters, digits and underscores only, does not start with a
 * digit and does not read as a cell ('2027', 'AB12', 'R1C1'). */
static void sheet_ref(char *out, size_t size, const char *sheet)
{
    int plain = *sheet != '\0' && !(*sheet >= '0' && *sheet <= '9') && !cell_like(sheet);
    for (const unsigned char *p = (const unsigned char *)sheet; *p; p++)
        if (!(*p >= 0x80 || *p == '_' || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z')))
            plain = 0;
    if (plain) {
        snprintf(out, size, "%s", sheet);
        return;
    }
    size_t k = 0;
    if (size < 4)
        return;
    out[k++] = '\'';
    for (; *sheet && k + 3 < size; sheet++) {
        if (*sheet == '\'')
            out[k++] = '\'';
        out[k++] = *sheet;
    }
    out[k++] = '\'';
    out[k] = '\0';
}

/* A table read from a workbook's sheet is named "BOOK<PV_SHEET_MARK>SHEET"
 * (xlsx_reader.c): its errors name the cell as Excel shows it,
 * "BOOK: Sheet!F12" (row and column become the reference). */
static void sheet_source(pv_error *err, const char *src)
{
    const char *mark = strchr(src, PV_SHEET_MARK);
    char ref[300];
    sheet_ref(ref, sizeof ref, mark + 1);
    int book = (int)(mark - src);
    if (err->line > 0 && err->column > 0) {
        char letters[8];
        pv_col_letters(err->column, letters);
        snprintf(err->source, sizeof err->source, "%.*s: %s!%s%d", book, src, ref, letters,
                 err->line);
    } else if (err->line > 0)
        snprintf(err->source, sizeof err->source, "%.*s: %s!%d:%d", book, src, ref, err->line,
                 err->line);
    else
        snprintf(err->source, sizeof err->source, "%.*s: %s", book, src, ref);
    err->line = err->column = 0;
}

void pv_where(char *out, size_t size, const char *path, int line, int col)
{
    pv_error e = {0};
    snprintf(e.source, sizeof e.source, "%s", path);
    e.line = line;
    e.column = col;
    if (strchr(path, PV_SHEET_MARK))
        sheet_source(&e, path);
    if (e.line > 0 && e.column > 0)
        snprintf(out, size, "%s:%d:%d", e.source, e.line, e.column);
    else if (e.line > 0)
        snprintf(out, size, "%s:%d", e.source, e.line);
    else
        snprintf(out, size, "%s", e.source);
}

/* In message text, a sheet's table name reads "BOOK, sheet SHEET". */
void pv_unmark_sheets(char *s, size_t size)
{
    static const char SEP[] = ", sheet ";
    char *m;
    while ((m = strchr(s, PV_SHEET_MARK)) != NULL) {
        size_t len = strlen(s), add = sizeof SEP - 2;
        if (len + add + 1 > size) {
            *m = ' ';
            continue;
        }
        memmove(m + add + 1, m + 1, len - (size_t)(m - s));
        memcpy(m, SEP, sizeof SEP - 1);
    }
}

/* The list that a load in progress collects its input errors into (see
 * pv_err_collect_begin). One per thread: a load runs in one thread. */
static _Thread_local struct {
    pv_errors *list;
} COLLECT;

static void collect(const pv_error *e);

void pv_err(pv_error *err, int code, const char *src, int line, int col, const char *fmt, ...)
{
    if (!err)
        return;
    /* While a load collects, every input error is kept in the list, also
     * when err already holds one; the first stays in err, as always. */
    int keep = COLLECT.list && code == PV_EINPUT;
    if (err->code != PV_OK && !keep)
        return;
    pv_error extra = {0}; /* filled below; zeroed so that no reader sees indeterminate bytes */
    pv_error *dst = err->code == PV_OK ? err : &extra;
    dst->code = code;
    snprintf(dst->source, sizeof dst->source, "%s", src ? src : "");
    dst->line = line;
    dst->column = col;
    if (src && strchr(src, PV_SHEET_MARK))
        sheet_source(dst, src);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst->text, sizeof dst->text, fmt, ap);
    va_end(ap);
    pv_unmark_sheets(dst->text, sizeof dst->text);
    /* Messages quote input (ids, keys, cells): a control character there
     * (an ESC sequence, say) must not reach the user's terminal. */
    pv_sanitize_ctrl(dst->source);
    pv_sanitize_ctrl(dst->text);
    /* A message cut at its buffer's end is cut at a character boundary. */
    pv_utf8_trim_partial(dst->source);
    pv_utf8_trim_partial(dst->text);
    if (keep)
        collect(dst);
}

size_t pv_ctrl_seq(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x20 || u[0] == 0x7f)
        return 1;
    /* C1 controls U+0080..U+009F (U+009B acts as ESC [ on some terminals) */
    if (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f)
        return 2;
    if (u[0] == 0xe2 && u[1] == 0x80 &&
        ((u[2] >= 0x8e && u[2] <= 0x8f) || (u[2] >= 0xa8 && u[2] <= 0xae)))
        return 3; /* LRM, RLM; line and paragraph separators; bidi embeddings and overrides */
    if (u[0] == 0xe2 && u[1] == 0x81 && u[2] >= 0xa6 && u[2] <= 0xa9)
        return 3; /* bidi isolates */
    return 0;
}

void pv_sanitize_ctrl(char *s)
{
    if (!s)
        return;
    char *w = s;
    while (*s) {
        size_t n = pv_ctrl_seq(s);
        if (n) {
            *w++ = '?';
            s += n;
        } else
            *w++ = *s++;
    }
    *w = '\0';
}

void pv_err_nomem(pv_error *err) { pv_err(err, PV_EINTERNAL, NULL, 0, 0, "out of memory"); }

char *pv_error_format(const pv_error *err, char *buf, size_t size)
{
    if (!buf || !size)
        return buf;
    if (!err) {
        buf[0] = '\0';
        return buf;
    }
    if (err->source[0] && err->line > 0 && err->column > 0)
        snprintf(buf, size, "%s:%d:%d: %s", err->source, err->line, err->column, err->text);
    else if (err->source[0] && err->line > 0)
        snprintf(buf, size, "%s:%d: %s", err->source, err->line, err->text);
    else if (err->source[0])
        snprintf(buf, size, "%s: %s", err->source, err->text);
    else
        snprintf(buf, size, "%s", err->text);
    return buf;
}

/* ------------------------------------------------------------ error lists */

struct pv_errors {
    pv_error v[PV_ERRORS_MAX];
    size_t n, total;
};

pv_errors *pv_errors_new(void) { return pv_calloc(1, sizeof(pv_errors)); }
size_t pv_errors_count(const pv_errors *l) { return l ? l->n : 0; }
size_t pv_errors_total(const pv_errors *l) { return l ? l->total : 0; }
const pv_error *pv_errors_get(const pv_errors *l, size_t i)
{
    return l && i < l->n ? &l->v[i] : NULL;
}
void pv_errors_free(pv_errors *l) { pv_free(l); }

static void collect(const pv_error *e)
{
    pv_errors *l = COLLECT.list;
    /* The same message twice (one cell read by two criteria) counts once. */
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].line == e->line && l->v[i].column == e->column &&
            !strcmp(l->v[i].source, e->source) && !strcmp(l->v[i].text, e->text))
            return;
    if (l->n < PV_ERRORS_MAX)
        l->v[l->n++] = *e;
    l->total++;
}

pv_errors *pv_err_collect_begin(pv_errors *l)
{
    pv_errors *prev = COLLECT.list;
    COLLECT.list = l;
    return prev;
}

void pv_err_collect_end(pv_errors *prev) { COLLECT.list = prev; }

int pv_err_collecting(void) { return COLLECT.list != NULL; }

int pv_err_reads_on(const pv_error *err) { return COLLECT.list && err->code == PV_EINPUT; }

void pv_err_add_more(pv_error *err, const pv_errors *l)
{
    size_t more = l && l->total > 1 ? l->total - 1 : 0;
    if (!err || !more)
        return;
    size_t n = strlen(err->text);
    if (l->total <= PV_ERRORS_MAX)
        snprintf(err->text + n, sizeof err->text - n,
                 " (and %zu more error%s: 'partnerval check' lists them all)", more,
                 more == 1 ? "" : "s");
    else
        snprintf(err->text + n, sizeof err->text - n,
                 " (and %zu more errors: 'partnerval check' lists the first %d)", more,
                 PV_ERRORS_MAX);
}
