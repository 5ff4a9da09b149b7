/* csv_reader.c — the only user of libcsv. Reads a whole file into a pv_table:
 * dialect detection (',' or ';'), BOM, CRLF, quoted fields, line numbers for
 * every row, and limits on columns, rows and line length. */
#include "../internal.h"

#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PV_MAX_COLS 10000
#define PV_MAX_ROWS 1000000
#define PV_MAX_LINE (1024 * 1024)

/* The pool starts with the shared "" of empty cells, then the canonical
 * yes and no that pv_table_set_cell points cells to. */
static const char POOL0[] = "\0yes\0no";

typedef struct reader {
    pv_table *t;
    pv_error *err;
    int line;      /* line being fed (1-based) */
    int rec_line;  /* row where the current record started, as Excel numbers
                    * rows: file lines, less the line breaks inside quoted
                    * fields before it */
    int in_record;
    int records;   /* records ended so far (to see a quoted field span lines) */
    int span_line; /* line where the record being fed began */
    int inner;      /* line breaks inside quoted fields so far */
    int span_inner; /* inner when that record began */
    size_t pad;    /* unnamed header columns after the last named one (Excel's ";;;") */
    size_t *fields; /* current record: offsets into the pool (0: empty) */
    size_t nf, capf;
    size_t capfilled, caprank, capfirst, caplines, capoff, noff;
    int failed;
} reader;

static int pool_add(pv_table *t, const char *p, size_t len, size_t *at)
{
    if (t->pool_len + len + 1 > UINT32_MAX)
        return -1;
    if (pv_grow((void **)&t->pool, &t->pool_cap, t->pool_len + len + 1, 1))
        return -1;
    memcpy(t->pool + t->pool_len, p, len);
    t->pool[t->pool_len + len] = '\0';
    *at = t->pool_len;
    t->pool_len += len + 1;
    return 0;
}

static void on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    if (r->failed)
        return;
    if (!r->in_record) {
        r->in_record = 1;
        r->rec_line = r->span_line - r->span_inner;
    }
    if (len > PV_MAX_LINE) { /* only a quoted field over several lines gets here */
        pv_err(r->err, PV_EINPUT, r->t->path, r->span_line, 0,
               "a quoted field that starts on this line runs past %d bytes: is a quote "
               "opened but never closed?",
               PV_MAX_LINE);
        r->failed = 1;
        return;
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
    /* One pool instead of a malloc per cell; an empty cell takes no byte. */
    size_t at = 0;
    if (len && pool_add(r->t, p, len, &at)) {
        pv_err_nomem(r->err);
        r->failed = 1;
        return;
    }
    r->fields[r->nf++] = at;
}

static void drop_fields(reader *r) { r->nf = 0; }

static int read_header(reader *r)
{
    pv_table *t = r->t;
    t->header = pv_calloc(r->nf ? r->nf : 1, sizeof(char *));
    if (!t->header) {
        pv_err_nomem(r->err);
        return -1;
    }
    t->ncols = r->nf;
    /* Excel writes ";;;" after the last column when cells beyond it were ever
     * formatted: unnamed columns at the end are dropped while they stay empty
     * (on_record refuses a value in one) */
    while (t->ncols > 1 && !r->fields[t->ncols - 1]) {
        t->ncols--;
        r->pad++;
    }
    t->nwords = (t->ncols + 63) / 64;
    for (size_t i = 0; i < t->ncols; i++)
        if (!(t->header[i] = pv_strdup(t->pool + r->fields[i]))) {
            pv_err_nomem(r->err);
            return -1;
        }
    r->nf = 0;
    t->pool_len = sizeof POOL0; /* the header's text is copied out */
    for (size_t i = 0; i < t->ncols; i++) {
        if (!t->header[i][0]) {
            pv_err(r->err, PV_EINPUT, t->path, r->rec_line, (int)i + 1,
                   "header column %zu has no name", i + 1);
            return -1;
        }
        for (size_t k = 0; k < i; k++)
            if (!strcmp(t->header[i], t->header[k])) {
                pv_err(r->err, PV_EINPUT, t->path, r->rec_line, (int)i + 1,
                       "duplicate column name '%s' (also column %zu)", t->header[i], k + 1);
                return -1;
            }
    }
    return 0;
}

/* Stores the current record as row nrows: its bit words, ranks and offsets. */
static int store_row(reader *r)
{
    pv_table *t = r->t;
    size_t nw = t->nwords, row = t->nrows, base = row * nw;
    if (pv_grow((void **)&t->filled, &r->capfilled, base + nw + 1, sizeof(uint64_t)) ||
        pv_grow((void **)&t->rank, &r->caprank, base + nw + 1, sizeof(uint16_t)) ||
        pv_grow((void **)&t->first, &r->capfirst, row + 1, sizeof(size_t)) ||
        pv_grow((void **)&t->row_line, &r->caplines, row + 1, sizeof(int)))
        return -1;
    size_t nonempty = 0;
    for (size_t i = 0; i < t->ncols; i++)
        nonempty += r->fields[i] != 0;
    if (pv_grow((void **)&t->off, &r->capoff, r->noff + nonempty + 1, sizeof(uint32_t)))
        return -1;
    t->first[row] = r->noff;
    for (size_t w = 0; w < nw; w++) {
        uint64_t bits = 0;
        t->rank[base + w] = (uint16_t)(r->noff - t->first[row]);
        for (size_t b = 0; b < 64 && w * 64 + b < t->ncols; b++) {
            size_t at = r->fields[w * 64 + b];
            if (at) {
                bits |= (uint64_t)1 << b;
                t->off[r->noff++] = (uint32_t)at;
            }
        }
        t->filled[base + w] = bits;
    }
    t->row_line[row] = r->rec_line;
    t->nrows++;
    return 0;
}

static void on_record(int c, void *data)
{
    (void)c;
    reader *r = data;
    r->records++;
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
        if (read_header(r))
            r->failed = 1;
        return;
    }
    /* A line of only delimiters (Excel pads rows) carries nothing: skip it. */
    int all_empty = 1;
    for (size_t i = 0; i < r->nf; i++)
        if (r->fields[i])
            all_empty = 0;
    if (all_empty) {
        drop_fields(r);
        return;
    }
    while (r->nf > t->ncols && r->nf <= t->ncols + r->pad && !r->fields[r->nf - 1])
        r->nf--;
    if (r->nf > t->ncols && r->nf <= t->ncols + r->pad) {
        pv_err(r->err, PV_EINPUT, t->path, r->rec_line, (int)r->nf,
               "a value in column %zu, which has no name in the header: name the column, or "
               "move the value",
               r->nf);
        r->failed = 1;
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
    if (store_row(r)) {
        pv_err_nomem(r->err);
        r->failed = 1;
    }
    drop_fields(r);
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

/* Two header lines that are not this CSV dialect, each with what to do
 * instead of a later "row has N fields" or "header column 2 has no name":
 * Excel's "sep=;" hint line, and a tab-separated file ("Text (Tab
 * delimited)"), whose header has tabs and no ',' or ';' outside quotes. */
static int dialect_error(const char *d, size_t n, const char *path, pv_error *err)
{
    size_t e = 0;
    while (e < n && d[e] != '\n' && d[e] != '\r')
        e++;
    if (e == 5 && !strncasecmp(d, "sep=", 4)) {
        pv_err(err, PV_EINPUT, path, 1, 1,
               "the first line '%.5s' is Excel's separator hint, not a header: delete that line "
               "(partnerval finds ',' or ';' itself)",
               d);
        return -1;
    }
    size_t tabs = 0, seps = 0;
    int q = 0;
    for (size_t i = 0; i < e; i++) {
        if (d[i] == '"')
            q = !q;
        else if (!q && d[i] == '\t')
            tabs++;
        else if (!q && (d[i] == ',' || d[i] == ';'))
            seps++;
    }
    if (tabs && !seps) {
        pv_err(err, PV_EINPUT, path, 1, 1,
               "the columns are separated by tabs; save the file as CSV (Excel: \"CSV UTF-8\", "
               "which separates them with ';' or ',')");
        return -1;
    }
    return 0;
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t'; }

/* The file's line end: the first CR or LF outside quotes (a doubled quote
 * toggles twice). LF, also for CRLF; CR for old Mac Excel's files, even
 * when a quoted cell in one holds an LF. */
static int line_end(const char *data, size_t len)
{
    int quoted = 0;
    for (size_t i = 0; i < len; i++) {
        if (data[i] == '"')
            quoted = !quoted;
        else if (!quoted && (data[i] == '\n' || data[i] == '\r'))
            return data[i] == '\r' && (i + 1 == len || data[i + 1] != '\n') ? '\r' : '\n';
    }
    return memchr(data, '\n', len) ? '\n' : '\r';
}

/* Feeds data to libcsv one line at a time, so that every record knows its
 * line number. A file without any LF ends its lines with CR (old Mac Excel).
 * A line may hold PV_MAX_LINE bytes, its line end (LF or CRLF) not counted;
 * so may a quoted field that spans lines, counting the line ends it holds:
 * past that, it is reported at the line where its record (and so, most
 * likely, a stray quote) began. */
static void feed(struct csv_parser *p, reader *r, const char *data, size_t len)
{
    const char *path = r->t->path;
    size_t off = 0, span = 0;
    int span_line = 0;
    int eol = line_end(data, len);
    while (off < len && !r->failed) {
        const char *nl = memchr(data + off, eol, len - off);
        size_t chunk = nl ? (size_t)(nl - (data + off)) + 1 : len - off;
        size_t body = chunk - (nl ? 1 : 0);
        if (nl && eol == '\n' && body && data[off + body - 1] == '\r')
            body--;
        if (body > PV_MAX_LINE) {
            pv_err(r->err, PV_EINPUT, path, r->line, 0, "line is longer than %d bytes",
                   PV_MAX_LINE);
            r->failed = 1;
            break;
        }
        int before = r->records;
        if (!span) {
            span_line = r->line;
            r->span_inner = r->inner;
        }
        r->span_line = span_line;
        if (csv_parse(p, data + off, chunk, on_field, on_record, r) != chunk) {
            if (!r->failed) {
                int e = csv_error(p);
                pv_err(r->err, e == CSV_ENOMEM ? PV_EINTERNAL : PV_EINPUT, path,
                       span ? span_line : r->line, 0, "%s",
                       e == CSV_EPARSE ? "malformed quoting (a quote inside an unquoted field, "
                                         "or text after a closing quote)"
                       : e == CSV_ENOMEM ? "out of memory"
                                         : csv_strerror(e));
                r->failed = 1;
            }
            break;
        }
        /* A whole line fed and no record ended: a quoted field goes on. */
        span = nl && r->records == before ? span + body : 0;
        /* the field's bytes so far (libcsv's entry): exactly the limit the
         * field is held to when it ends (on_field), only sooner */
        if (span && p->entry_pos > PV_MAX_LINE && !r->failed) {
            pv_err(r->err, PV_EINPUT, path, span_line, 0,
                   "a quoted field that starts on this line runs past %d bytes: is a quote "
                   "opened but never closed?",
                   PV_MAX_LINE);
            r->failed = 1;
        }
        off += chunk;
        if (nl)
            r->line++;
        /* still inside quotes after the line's end: Excel shows no new row */
        if (nl && p->quoted)
            r->inner++;
    }
}

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
    if (dialect_error(data, len, path, err)) {
        pv_table_free(t);
        return NULL;
    }
    t->pool = pv_malloc(sizeof POOL0);
    if (!t->pool) {
        pv_err_nomem(err);
        pv_table_free(t);
        return NULL;
    }
    memcpy(t->pool, POOL0, sizeof POOL0);
    t->pool_len = t->pool_cap = sizeof POOL0;
    t->yes_off = 1;
    t->no_off = 5;
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
    /* libcsv grows a field's buffer by blk_size bytes at a time (128 by
     * default: quadratic on a long field); with 64 KiB and fields capped at
     * the line limit, a field costs at most 16 reallocations. */
    csv_set_blk_size(&p, 64 * 1024);
    reader r = {.t = t, .err = err, .line = 1};
    feed(&p, &r, data, len);
    if (!r.failed && csv_fini(&p, on_field, on_record, &r) != 0 && !r.failed) {
        pv_err(err, PV_EINPUT, path, r.rec_line ? r.rec_line : r.line, 0,
               "unterminated quoted field (a quote is opened but never closed)");
        r.failed = 1;
    }
    csv_free(&p);
    pv_free(r.fields);
    if (r.failed) {
        pv_table_free(t);
        return NULL;
    }
    if (!t->header) {
        pv_err(err, PV_EINPUT, path, 1, 0, "file is empty; a header row is needed");
        pv_table_free(t);
        return NULL;
    }
    if (!t->filled && !(t->filled = pv_calloc(1, sizeof(uint64_t)))) {
        pv_err_nomem(err);
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
    pv_free(t->pool);
    pv_free(t->filled);
    pv_free(t->rank);
    pv_free(t->first);
    pv_free(t->off);
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

void pv_table_cols(const pv_table *t, const char *const *names, int *const *dst, size_t n)
{
    for (size_t i = 0; i < n; i++)
        *dst[i] = pv_table_col(t, names[i]);
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

int pv_table_set_cell(pv_table *t, size_t row, size_t col, const char *text)
{
    size_t w = row * t->nwords + col / 64;
    uint64_t bits = t->filled[w], bit = (uint64_t)1 << (col % 64);
    if (!(bits & bit))
        return -1;
    size_t k = t->first[row] + t->rank[w] + (size_t)__builtin_popcountll(bits & (bit - 1));
    size_t at;
    uint32_t *canon = !strcmp(text, "yes") ? &t->yes_off : !strcmp(text, "no") ? &t->no_off : NULL;
    if (canon && *canon)
        at = *canon;
    else if (!strcmp(t->pool + t->off[k], text))
        return 0;
    else if (pool_add(t, text, strlen(text), &at))
        return -1;
    else if (canon)
        *canon = (uint32_t)at;
    t->off[k] = (uint32_t)at;
    return 0;
}

int pv_table_pack(pv_table *t, const size_t *cells)
{
    reader r = {.t = t};
    size_t n = t->nrows;
    t->nwords = (t->ncols + 63) / 64;
    t->nrows = 0;
    r.caplines = n; /* row_line is already filled, for all n rows */
    if (t->pool_len > UINT32_MAX || pv_grow((void **)&r.fields, &r.capf, t->ncols + 1,
                                            sizeof(size_t)))
        return -1;
    int rc = 0;
    for (size_t row = 0; row < n && !rc; row++) {
        memcpy(r.fields, cells + row * t->ncols, t->ncols * sizeof(size_t));
        r.nf = t->ncols;
        r.rec_line = t->row_line[row];
        rc = store_row(&r);
    }
    pv_free(r.fields);
    if (!rc && !t->filled && !(t->filled = pv_calloc(1, sizeof(uint64_t))))
        rc = -1;
    return rc;
}
