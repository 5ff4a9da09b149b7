/* csv_reader.c — the only user of libcsv. Reads a whole file into a pv_table:
 * dialect detection (',' or ';'), BOM, CRLF, quoted fields, line numbers for
 * every row, and limits on columns, rows and line length. */
#include "../internal.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#define PV_MAX_COLS 10000
#define PV_MAX_ROWS 1000000
#define PV_MAX_LINE (1024 * 1024)

typedef struct reader {
    pv_table *t;
    pv_error *err;
    int line;      /* line being fed (1-based) */
    int rec_line;  /* line where the current record started */
    int in_record;
    size_t *fields; /* current record: offsets into pool */
    size_t nf, capf;
    char *pool; /* every cell's text, NUL-terminated, back to back */
    size_t pool_len, pool_cap;
    size_t *cells; /* all data cells: offsets into pool */
    size_t ncells, capcells;
    int *lines;
    size_t caplines;
    int failed;
} reader;

static void on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    if (r->failed)
        return;
    if (!r->in_record) {
        r->in_record = 1;
        r->rec_line = r->line;
    }
    if (r->nf >= PV_MAX_COLS) {
        pv_err(r->err, PV_EINPUT, r->t->path, r->rec_line, (int)r->nf + 1,
               "more than %d columns", PV_MAX_COLS);
        r->failed = 1;
        return;
    }
    if (pv_grow((void **)&r->fields, &r->capf, r->nf + 1, sizeof(size_t))) {
        pv_err_nomem(r->err);
        r->failed = 1;
        return;
    }
    /* Trim spaces and tabs; libcsv already trims unquoted fields' edges. */
    const char *p = s ? s : "";
    while (len && (*p == ' ' || *p == '\t')) {
        p++;
        len--;
    }
    while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
        len--;
    /* One pool instead of a malloc per cell: large files have millions. */
    if (pv_grow((void **)&r->pool, &r->pool_cap, r->pool_len + len + 1, 1)) {
        pv_err_nomem(r->err);
        r->failed = 1;
        return;
    }
    memcpy(r->pool + r->pool_len, p, len);
    r->pool[r->pool_len + len] = '\0';
    r->fields[r->nf++] = r->pool_len;
    r->pool_len += len + 1;
}

static void drop_fields(reader *r) { r->nf = 0; }

static void on_record(int c, void *data)
{
    (void)c;
    reader *r = data;
    if (r->failed) {
        drop_fields(r);
        return;
    }
    if (!r->in_record) { /* a record of nothing: an empty line */
        return;
    }
    r->in_record = 0;
    pv_table *t = r->t;
    if (!t->header) {
        t->header = pv_calloc(r->nf, sizeof(char *));
        if (!t->header) {
            pv_err_nomem(r->err);
            r->failed = 1;
            return;
        }
        t->ncols = r->nf;
        for (size_t i = 0; i < t->ncols; i++)
            if (!(t->header[i] = pv_strdup(r->pool + r->fields[i]))) {
                pv_err_nomem(r->err);
                r->failed = 1;
                return;
            }
        r->nf = 0;
        for (size_t i = 0; i < t->ncols; i++) {
            if (!t->header[i][0]) {
                pv_err(r->err, PV_EINPUT, t->path, r->rec_line, (int)i + 1,
                       "header column %zu has no name", i + 1);
                r->failed = 1;
                return;
            }
            for (size_t k = 0; k < i; k++)
                if (!strcmp(t->header[i], t->header[k])) {
                    pv_err(r->err, PV_EINPUT, t->path, r->rec_line, (int)i + 1,
                           "duplicate column name '%s' (also column %zu)", t->header[i], k + 1);
                    r->failed = 1;
                    return;
                }
        }
        return;
    }
    /* A line of only delimiters (Excel pads rows) carries nothing: skip it. */
    int all_empty = 1;
    for (size_t i = 0; i < r->nf; i++)
        if (r->pool[r->fields[i]])
            all_empty = 0;
    if (all_empty) {
        drop_fields(r);
        return;
    }
    if (r->nf != t->ncols) {
        pv_err(r->err, PV_EINPUT, t->path, r->rec_line, (int)(r->nf < t->ncols ? r->nf : t->ncols + 1),
               "row has %zu fields but the header has %zu", r->nf, t->ncols);
        r->failed = 1;
        drop_fields(r);
        return;
    }
    if (t->nrows >= PV_MAX_ROWS) {
        pv_err(r->err, PV_EINPUT, t->path, r->rec_line, 0, "more than %d rows", PV_MAX_ROWS);
        r->failed = 1;
        drop_fields(r);
        return;
    }
    if (pv_grow((void **)&r->cells, &r->capcells, r->ncells + t->ncols, sizeof(size_t)) ||
        pv_grow((void **)&r->lines, &r->caplines, t->nrows + 1, sizeof(int))) {
        pv_err_nomem(r->err);
        r->failed = 1;
        drop_fields(r);
        return;
    }
    memcpy(r->cells + r->ncells, r->fields, t->ncols * sizeof(size_t));
    r->ncells += t->ncols;
    r->lines[t->nrows++] = r->rec_line;
    r->nf = 0;
}

/* Picks ';' when the header line has more semicolons than commas outside quotes. */
static char detect_delim(const char *d, size_t n)
{
    size_t commas = 0, semis = 0;
    int q = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = d[i];
        if (ch == '"')
            q = !q;
        else if (!q && (ch == '\n' || ch == '\r'))
            break;
        else if (!q && ch == ',')
            commas++;
        else if (!q && ch == ';')
            semis++;
    }
    return semis > commas ? ';' : ',';
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t'; }

pv_table *pv_table_parse(const char *path, const char *data, size_t len, pv_error *err)
{
    pv_table *t = pv_calloc(1, sizeof *t);
    if (!t || !(t->path = pv_strdup(path))) {
        pv_free(t);
        pv_err_nomem(err);
        return NULL;
    }
    if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
        (unsigned char)data[2] == 0xBF) {
        data += 3;
        len -= 3;
    }
    int bl, bc;
    if (pv_utf8_check(data, len, &bl, &bc)) {
        pv_err(err, PV_EINPUT, path, bl, bc,
               "invalid UTF-8 byte (save the file as UTF-8; Excel: \"CSV UTF-8\")");
        pv_table_free(t);
        return NULL;
    }
    const char *nul = memchr(data, '\0', len);
    if (nul) {
        int nl = 1, nc = 1;
        for (const char *q = data; q < nul; q++) {
            if (*q == '\n') {
                nl++;
                nc = 1;
            } else if (((unsigned char)*q & 0xC0) != 0x80)
                nc++;
        }
        pv_err(err, PV_EINPUT, path, nl, nc, "file contains a NUL byte; not a text file");
        pv_table_free(t);
        return NULL;
    }
    t->delim = detect_delim(data, len);

    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        pv_err_nomem(err);
        pv_table_free(t);
        return NULL;
    }
    csv_set_delim(&p, (unsigned char)t->delim);
    csv_set_space_func(&p, is_space);
    csv_set_realloc_func(&p, pv_realloc);
    csv_set_free_func(&p, pv_free);
    reader r = {.t = t, .err = err, .line = 1};
    size_t off = 0;
    /* Feed one line at a time so that every record knows its line number.
     * A file without any LF ends its lines with CR (old Mac Excel). */
    int eol = memchr(data, '\n', len) ? '\n' : '\r';
    while (off < len && !r.failed) {
        const char *nl = memchr(data + off, eol, len - off);
        size_t chunk = nl ? (size_t)(nl - (data + off)) + 1 : len - off;
        if (chunk > PV_MAX_LINE) {
            pv_err(err, PV_EINPUT, path, r.line, 0, "line is longer than %d bytes", PV_MAX_LINE);
            r.failed = 1;
            break;
        }
        if (csv_parse(&p, data + off, chunk, on_field, on_record, &r) != chunk) {
            if (!r.failed) {
                int e = csv_error(&p);
                pv_err(err, e == CSV_ENOMEM ? PV_EINTERNAL : PV_EINPUT, path, r.line, 0, "%s",
                       e == CSV_EPARSE ? "malformed quoting (a quote inside an unquoted field, "
                                         "or text after a closing quote)"
                       : e == CSV_ENOMEM ? "out of memory"
                                         : csv_strerror(e));
                r.failed = 1;
            }
            break;
        }
        off += chunk;
        if (nl)
            r.line++;
    }
    if (!r.failed && csv_fini(&p, on_field, on_record, &r) != 0 && !r.failed) {
        pv_err(err, PV_EINPUT, path, r.rec_line ? r.rec_line : r.line, 0,
               "unterminated quoted field (a quote is opened but never closed)");
        r.failed = 1;
    }
    csv_free(&p);
    pv_free(r.fields);
    t->row_line = r.lines;
    t->pool = r.pool;
    if (!r.failed && r.ncells) {
        /* Offsets become pointers only now: the pool moved while it grew. */
        t->cells = pv_calloc(r.ncells, sizeof(char *));
        if (!t->cells) {
            pv_err_nomem(err);
            r.failed = 1;
        } else
            for (size_t i = 0; i < r.ncells; i++)
                t->cells[i] = r.pool + r.cells[i];
    }
    pv_free(r.cells);
    if (r.failed) {
        t->nrows = 0;
        pv_table_free(t);
        return NULL;
    }
    if (!t->header) {
        pv_err(err, PV_EINPUT, path, 1, 0, "file is empty; a header row is needed");
        pv_table_free(t);
        return NULL;
    }
    return t;
}

pv_table *pv_table_load(const char *path, pv_error *err)
{
    size_t len;
    char *data = pv_read_file(path, &len, err);
    if (!data)
        return NULL;
    pv_table *t = pv_table_parse(path, data, len, err);
    pv_free(data);
    return t;
}

void pv_table_free(pv_table *t)
{
    if (!t)
        return;
    pv_free(t->cells);
    pv_free(t->pool);
    if (t->header)
        for (size_t i = 0; i < t->ncols; i++)
            pv_free(t->header[i]);
    pv_free(t->header);
    pv_free(t->row_line);
    pv_free(t->path);
    pv_free(t);
}

int pv_table_col(const pv_table *t, const char *name)
{
    if (!t)
        return -1;
    for (size_t i = 0; i < t->ncols; i++)
        if (!strcmp(t->header[i], name))
            return (int)i;
    return -1;
}

long pv_table_find(const pv_table *t, int col, const char *id)
{
    if (!t || col < 0)
        return -1;
    for (size_t r = 0; r < t->nrows; r++)
        if (!strcmp(pv_cell(t, r, (size_t)col), id))
            return (long)r;
    return -1;
}

long pv_table_find_sorted(const pv_table *t, int col, const size_t *sorted, const char *id)
{
    if (!sorted)
        return pv_table_find(t, col, id);
    size_t lo = 0, hi = t->nrows;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(pv_cell(t, sorted[mid], (size_t)col), id);
        if (cmp == 0)
            return (long)sorted[mid];
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}
