/* common.c — what every report shares: language, number formats, cells. */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The index of s in names (a pv_format's or pv_lang's value), or -1. */
static int name_index(const char *s, const char *const *names, int n)
{
    for (int i = 0; s && i < n; i++)
        if (names[i] && !strcmp(s, names[i]))
            return i;
    return -1;
}

int pv_format_parse(const char *s)
{
    static const char *const NAMES[] = {
        [PV_FMT_TEXT] = "text", [PV_FMT_MD] = "md",     [PV_FMT_CSV] = "csv",
        [PV_FMT_JSON] = "json", [PV_FMT_HTML] = "html", [PV_FMT_XLSX] = "xlsx",
    };
    return name_index(s, NAMES, (int)(sizeof NAMES / sizeof *NAMES));
}

int pv_lang_parse(const char *s)
{
    /* PV_LANG_DEFAULT has no name: it is what no --lang means */
    static const char *const NAMES[] = {[PV_LANG_SV] = "sv", [PV_LANG_EN] = "en"};
    return name_index(s, NAMES, (int)(sizeof NAMES / sizeof *NAMES));
}

int pv_lang_is_sv(const pv_case *c, pv_lang lang)
{
    if (lang == PV_LANG_SV)
        return 1;
    if (lang == PV_LANG_EN)
        return 0;
    return c && c->model && c->model->language && !strcmp(c->model->language, "sv");
}

const char *pv_tr(int sv, const char *en, const char *sv_text) { return sv ? sv_text : en; }

const char *pv_crit_label(const pv_criterion *cr, int sv)
{
    const char *l = sv ? cr->label_sv : cr->label_en;
    return l && l[0] ? l : cr->id;
}

int pv_crit_depth(const pv_criterion *cr)
{
    int depth = 0;
    for (const pv_criterion *p = cr->parent; p; p = p->parent)
        depth++;
    return depth;
}

void pv_fmt_grouped(pv_buf *b, double x, int decimals, const char *thousands, char mark)
{
    if (!isfinite(x)) {
        pv_buf_puts(b, "–");
        return;
    }
    char num[PV_NUM_TEXT], out[4 * PV_NUM_TEXT];
    const char *s = pv_num_text(num, x, decimals);
    size_t o = 0, tl = strlen(thousands);
    if (tl > 4) /* the marks in use are one or two bytes */
        tl = 4;
    if (*s == '-') {
        memcpy(out, "−", 3); /* U+2212, the typographic minus */
        o = 3;
        s++;
    }
    const char *dot = strchr(s, '.');
    size_t intlen = dot ? (size_t)(dot - s) : strlen(s);
    for (size_t i = 0; i < intlen; i++) {
        if (i > 0 && (intlen - i) % 3 == 0) {
            memcpy(out + o, thousands, tl);
            o += tl;
        }
        out[o++] = s[i];
    }
    if (dot) {
        out[o++] = mark;
        size_t fl = strlen(dot + 1);
        memcpy(out + o, dot + 1, fl);
        o += fl;
    }
    pv_buf_put(b, out, o);
}

void pv_fmt_num(pv_buf *b, double x, int decimals, int sv)
{
    if (!sv) {
        pv_buf_num(b, x, decimals);
        return;
    }
    pv_fmt_grouped(b, x, decimals, "\xC2\xA0", ','); /* no-break space, decimal comma */
}

void pv_csv_cell(pv_buf *b, const char *s, int sv)
{
    char delim = sv ? ';' : ',';
    s = s ? s : "";
    /* Control characters from the inputs (ESC, BEL, a newline in a name) are
     * shown as '?', as in error messages: a cell never spans lines. */
    for (const char *p = s; *p; p++)
        if (pv_ctrl_seq(p)) {
            char *t = pv_strdup(s);
            if (!t) {
                b->oom = 1;
                return;
            }
            pv_sanitize_ctrl(t);
            pv_csv_cell(b, t, sv);
            pv_free(t);
            return;
        }
    /* OWASP CSV injection: text that a spreadsheet would run as a formula. */
    if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
        double d;
        if (pv_parse_number(s, 0, &d) != 0) {
            size_t n = strlen(s);
            char *t = pv_malloc(n + 2);
            if (!t) {
                b->oom = 1;
                return;
            }
            t[0] = '\'';
            memcpy(t + 1, s, n + 1);
            pv_buf_csv_field(b, t, delim);
            pv_free(t);
            return;
        }
    }
    pv_buf_csv_field(b, s, delim);
}

void pv_csv_num(pv_buf *b, double x, int decimals, int sv)
{
    if (!isfinite(x))
        return; /* an empty cell */
    char tmp[PV_NUM_TEXT];
    const char *t = pv_num_text(tmp, x, decimals);
    char *dot = sv ? strchr(tmp + (t - tmp), '.') : NULL; /* t points into tmp */
    if (dot)
        *dot = ',';
    pv_buf_puts(b, t);
}

void pv_csv_start(pv_buf *b, int sv)
{
    if (sv)
        pv_buf_puts(b, "\xEF\xBB\xBF");
}

void pv_csv_sep(pv_buf *b, int sv) { pv_buf_putc(b, sv ? ';' : ','); }

void pv_csv_eol(pv_buf *b) { pv_buf_puts(b, "\r\n"); }

void pv_csv_ids(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n, int sv)
{
    pv_buf t;
    pv_buf_init(&t);
    pv_ids_text(&t, c, x, n, "");
    pv_csv_cell(b, t.data ? t.data : "", sv);
    pv_buf_free(&t);
}

void pv_csv_cells(pv_buf *b, const char *const *cells, size_t n, int sv)
{
    for (size_t i = 0; i < n; i++) {
        pv_csv_cell(b, cells[i], sv);
        pv_csv_sep(b, sv);
    }
}

void pv_csv_header(pv_buf *b, const char *const *names, size_t n, int sv)
{
    pv_csv_start(b, sv);
    for (size_t i = 0; i < n; i++) {
        if (i)
            pv_csv_sep(b, sv);
        pv_csv_cell(b, names[i], sv);
    }
}

char *pv_buf_finish(pv_buf *b, size_t *len, pv_error *err)
{
    if (b->oom) {
        pv_buf_free(b);
        pv_err_nomem(err);
        return NULL;
    }
    char *s = pv_buf_take(b, len);
    if (!s)
        pv_err_nomem(err);
    return s;
}

/* ------------------------------------------------------------ id lists */

void pv_json_diff(pv_buf *b, const pv_case *c, const unsigned char *from,
                  const unsigned char *to, size_t n, unsigned char *add, unsigned char *rem)
{
    pv_ids_diff(from, to, n, add, rem);
    pv_buf_puts(b, "\"added\": ");
    pv_ids_json(b, c, add, n);
    pv_buf_puts(b, ", \"removed\": ");
    pv_ids_json(b, c, rem, n);
}

void pv_ids_json(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n)
{
    pv_buf_putc(b, '[');
    int first = 1;
    for (size_t j = 0; x && j < n; j++)
        if (x[j]) {
            if (!first)
                pv_buf_puts(b, ", ");
            pv_buf_json_str(b, pv_project_id(c, j));
            first = 0;
        }
    pv_buf_putc(b, ']');
}

void pv_ids_mark(unsigned char *mark, const unsigned char *x, size_t n)
{
    for (size_t j = 0; x && j < n; j++)
        mark[j] |= x[j] != 0;
}

size_t pv_ids_legend(pv_buf *b, const pv_case *c, const unsigned char *mark, size_t n, int sv,
                     int md, int heading)
{
    size_t k = 0;
    void (*put)(pv_buf *, const char *) = md ? pv_buf_md : pv_buf_plain;
    for (size_t j = 0; j < n; j++) {
        if (!mark[j])
            continue;
        if (!k++ && heading)
            pv_buf_printf(b, "%s:\n%s", pv_tr(sv, "Proposals named above", "Förslagen ovan"),
                          md ? "\n" : "");
        pv_buf_puts(b, md ? "- " : "  ");
        put(b, pv_project_id(c, j));
        const char *nm = pv_project_name(c, j);
        if (strcmp(nm, pv_project_id(c, j))) {
            pv_buf_putc(b, ' ');
            put(b, nm);
        }
        pv_buf_putc(b, '\n');
    }
    return k;
}

void pv_ids_text(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n,
                 const char *none)
{
    int first = 1;
    for (size_t j = 0; x && j < n; j++)
        if (x[j]) {
            pv_buf_puts(b, first ? "" : ", ");
            pv_buf_puts(b, pv_project_id(c, j));
            first = 0;
        }
    if (first)
        pv_buf_puts(b, none);
}

void pv_proj_ref_as(pv_buf *b, const pv_case *c, size_t j, int md)
{
    void (*put)(pv_buf *, const char *) = md ? pv_buf_md : pv_buf_plain;
    const char *id = pv_project_id(c, j), *name = pv_project_name(c, j);
    if (!*name) { /* a case without names: the id alone */
        put(b, id);
        return;
    }
    put(b, name);
    if (strcmp(name, id)) {
        pv_buf_puts(b, " (");
        put(b, id);
        pv_buf_putc(b, ')');
    }
}

void pv_proj_ref(pv_buf *b, const pv_case *c, size_t j) { pv_proj_ref_as(b, c, j, 0); }

void pv_names_text(pv_buf *b, const pv_case *c, const unsigned char *x, size_t n)
{
    int first = 1;
    for (size_t j = 0; x && j < n; j++)
        if (x[j]) {
            pv_buf_puts(b, first ? "" : ", ");
            pv_proj_ref(b, c, j);
            first = 0;
        }
    if (first)
        pv_buf_puts(b, "–");
}

void pv_ids_diff(const unsigned char *a, const unsigned char *b, size_t n, unsigned char *add,
                 unsigned char *rem)
{
    for (size_t j = 0; j < n; j++) {
        add[j] = b && b[j] && !(a && a[j]);
        rem[j] = a && a[j] && !(b && b[j]);
    }
}

int pv_xlsx_refused(pv_format fmt, pv_error *err)
{
    if (fmt != PV_FMT_XLSX)
        return 0;
    pv_err(err, PV_EUSAGE, NULL, 0, 0, "the xlsx format is for the rank, select, compare, followup and parties reports only");
    return 1;
}

char *pv_render_view(const pv_view_ops *ops, const pv_case *c, const pv_ranking *r,
                     const void *data, pv_format fmt, pv_lang lang, size_t *len, pv_error *err)
{
    if (pv_xlsx_refused(fmt, err))
        return NULL;
    pv_view v = {c, r, data, fmt, pv_lang_is_sv(c, lang), r->n, NULL, NULL};
    v.add = pv_calloc(2 * (v.n + 1), 1);
    if (!v.add) {
        pv_err_nomem(err);
        return NULL;
    }
    v.rem = v.add + v.n + 1; /* one block: freed with add */
    pv_buf b;
    pv_buf_init(&b);
    int fail = 0;
    if (fmt == PV_FMT_HTML) {
        fail = pv_html_begin(&b, c, v.sv, ops->title_en, ops->title_sv, ops->kind, err);
        if (!fail)
            ops->html(&b, &v);
    } else if (fmt == PV_FMT_JSON) {
        /* every what-if document opens with what is maximised */
        pv_buf_puts(&b, "{\n  ");
        pv_json_maximised(&b, c, -1);
        ops->json(&b, &v);
    } else {
        (fmt == PV_FMT_CSV ? ops->csv : ops->text)(&b, &v);
    }
    pv_free(v.add);
    if (fail) {
        pv_buf_free(&b);
        return NULL;
    }
    return fmt == PV_FMT_HTML ? pv_html_finish(&b, c, v.sv, len, err)
                              : pv_buf_finish(&b, len, err);
}

void pv_json_num_or_null(pv_buf *b, int has, double x)
{
    if (has)
        pv_buf_num(b, x, 6);
    else
        pv_buf_puts(b, "null");
}

void pv_json_str_or_null(pv_buf *b, const char *s)
{
    if (s)
        pv_buf_json_str(b, s);
    else
        pv_buf_puts(b, "null");
}

void pv_json_keyed_num(pv_buf *b, const char *key, double x)
{
    pv_buf_puts(b, key);
    pv_buf_num(b, x, 6);
}

void pv_json_res_map(pv_buf *b, const pv_case *c, const double *x, const double *minus)
{
    pv_buf_putc(b, '{');
    for (size_t k = 0; k < c->nres; k++) {
        pv_buf_puts(b, k ? ", " : "");
        pv_buf_json_str(b, c->res[k].id);
        pv_buf_puts(b, ": ");
        pv_buf_num(b, minus ? x[k] - minus[k] : x[k], 6);
    }
    pv_buf_putc(b, '}');
}
