/* xlsx_writer.c — the only user of libxlsxwriter: workbooks, sheets, formats,
 * cells and column widths for the xlsx reports (xlsx_report.c).
 *
 * libxlsxwriter writes to a file name; pv_render_via_file (util/fileio.c)
 * gives it an unnamed temporary file and reads the bytes back, so that the
 * CLI writes the report as every other one (atomically, -o). The creation
 * time in docProps/core.xml is the report date at 00:00 UTC, and the zip
 * entries carry libxlsxwriter's fixed time stamp: the bytes depend on the
 * inputs and --date only. libxlsxwriter (and the libcrypto it links) is
 * loaded on the first workbook (util/dl.c). */
#include "html.h"
#include "xlsx.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

/* What is called from libxlsxwriter, bound on first use (util/dl.c). */
/* clang-format off */
#define XW_FUNCS(X) \
    X(format_set_align) \
    X(format_set_bg_color) \
    X(format_set_bold) \
    X(format_set_bottom) \
    X(format_set_font_size) \
    X(format_set_num_format) \
    X(format_set_text_wrap) \
    X(lxw_strerror) \
    X(workbook_add_format) \
    X(workbook_add_worksheet) \
    X(workbook_close) \
    X(workbook_new_opt) \
    X(workbook_set_properties) \
    X(worksheet_autofilter) \
    X(worksheet_data_validation_range) \
    X(worksheet_fit_to_pages) \
    X(worksheet_freeze_panes) \
    X(worksheet_merge_range) \
    X(worksheet_set_column) \
    X(worksheet_set_landscape) \
    X(worksheet_set_paper) \
    X(worksheet_set_row) \
    X(worksheet_write_number) \
    X(worksheet_write_string)
/* clang-format on */
static struct {
    XW_FUNCS(PV_DL_FIELD)
} fn;
static void dl_bind(void *so, const char **missing) { XW_FUNCS(PV_DL_BIND) }
static pv_dl xw = {.soname = PV_XLSXW_SONAME,
                   .first = PV_CRYPTO_SONAME,
                   .package = "libxlsxwriter4",
                   .purpose = "writing Excel workbooks",
                   .bind = dl_bind};

#define XW_MAX_COLS 64
#define XW_MAX_STR 32767 /* Excel's longest cell text */

struct pv_xw {
    int sv;
    const char *title;
    lxw_workbook *wb;
    lxw_worksheet *ws;
    lxw_format *fmt[PV_XF_N];
    double width[XW_MAX_COLS]; /* the current sheet's widest cell per column */
    int wrap[XW_MAX_COLS];
    int failed;
    int (*build)(pv_xw *w, void *ctx);
    void *ctx;
    pv_error *err;
};

/* Characters of UTF-8 text. */
static size_t u8len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void fit(pv_xw *w, size_t col, double chars, int wrap)
{
    if (col >= XW_MAX_COLS)
        return;
    if (chars > w->width[col])
        w->width[col] = chars;
    w->wrap[col] |= wrap;
}

/* Column widths of the sheet just finished: its widest cell, within 6..60
 * (wrapped text 80). */
static void apply_widths(pv_xw *w)
{
    if (!w->ws)
        return;
    for (size_t c = 0; c < XW_MAX_COLS; c++) {
        if (w->width[c] <= 0)
            continue;
        double max = w->wrap[c] ? 80 : 60, wd = w->width[c] + 2;
        fn.worksheet_set_column(w->ws, (lxw_col_t)c, (lxw_col_t)c,
                                wd < 6     ? 6
                                : wd > max ? max
                                           : wd,
                                w->wrap[c] ? w->fmt[PV_XF_WRAP] : NULL);
    }
    memset(w->width, 0, sizeof w->width);
    memset(w->wrap, 0, sizeof w->wrap);
}

int pv_xw_sheet(pv_xw *w, const char *name)
{
    apply_widths(w);
    char cut[128];
    size_t k = 0, chars = 0;
    for (const char *p = name; *p && chars < 31 && k < sizeof cut - 5; chars++) {
        do
            cut[k++] = *p++;
        while (((unsigned char)*p & 0xC0) == 0x80 && k < sizeof cut - 1);
    }
    cut[k] = '\0';
    if (!(w->ws = fn.workbook_add_worksheet(w->wb, cut))) {
        w->failed = 1;
        return -1;
    }
    fn.worksheet_set_landscape(w->ws); /* printed: A4 across, one page wide */
    fn.worksheet_set_paper(w->ws, 9);
    fn.worksheet_fit_to_pages(w->ws, 1, 0);
    return 0;
}

void pv_xw_str(pv_xw *w, size_t row, size_t col, const char *s, pv_xf f)
{
    if (!w->ws || !s || !*s)
        return;
    char *cut = NULL;
    if (strlen(s) > XW_MAX_STR) {
        size_t n = XW_MAX_STR;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        if (!(cut = pv_strndup(s, n))) {
            w->failed = 1;
            return;
        }
        s = cut;
    }
    if (fn.worksheet_write_string(w->ws, (lxw_row_t)row, (lxw_col_t)col, s, w->fmt[f]) !=
        LXW_NO_ERROR)
        w->failed = 1;
    if (f != PV_XF_TITLE)
        fit(w, col, (double)u8len(s) * (f == PV_XF_HEAD ? 1.1 : 1.0), f == PV_XF_WRAP);
    pv_free(cut);
}

void pv_xw_num(pv_xw *w, size_t row, size_t col, double x, pv_xf f)
{
    if (!w->ws || !isfinite(x))
        return;
    if (fn.worksheet_write_number(w->ws, (lxw_row_t)row, (lxw_col_t)col, x, w->fmt[f]) !=
        LXW_NO_ERROR)
        w->failed = 1;
    double digits = fabs(x) >= 1 ? floor(log10(fabs(x))) + 1 : 1;
    int decimals = f == PV_XF_SCORE || f == PV_XF_NUM ? 3 : f == PV_XF_PCT || f == PV_XF_DEC3 ? 4
                                                                                            : 0;
    double chars = digits + floor((digits - 1) / 3) + (x < 0) + decimals +
                   (f == PV_XF_KR || f == PV_XF_HOURS ? 4 : 0);
    fit(w, col, chars, 0);
}

void pv_xw_paragraph(pv_xw *w, size_t row, size_t last_col, const char *s, double chars)
{
    if (!w->ws || !s)
        return;
    if (fn.worksheet_merge_range(w->ws, (lxw_row_t)row, 0, (lxw_row_t)row, (lxw_col_t)last_col, s,
                                 w->fmt[PV_XF_WRAP]) != LXW_NO_ERROR)
        w->failed = 1;
    double lines = ceil((double)u8len(s) / (chars > 10 ? chars : 10));
    fn.worksheet_set_row(w->ws, (lxw_row_t)row, 15 * (lines < 1 ? 1 : lines) + 2, NULL);
}

void pv_xw_tall(pv_xw *w, size_t row, const char *s, double chars)
{
    double lines = s ? ceil((double)u8len(s) / chars) : 1;
    if (w->ws && lines > 1)
        fn.worksheet_set_row(w->ws, (lxw_row_t)row, 15 * lines + 2, NULL);
}

void pv_xw_wrapped(pv_xw *w, size_t row, size_t col, const char *s)
{
    pv_xw_str(w, row, col, s, PV_XF_WRAP);
    pv_xw_tall(w, row, s, 78);
}

void pv_xw_header(pv_xw *w, size_t row, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        pv_xw_str(w, row, i, names[i], PV_XF_HEAD);
    if (w->ws)
        fn.worksheet_freeze_panes(w->ws, (lxw_row_t)row + 1, 0);
}

int pv_xw_table(pv_xw *w, const char *sheet, const char *const *names, size_t n)
{
    if (pv_xw_sheet(w, sheet))
        return -1;
    pv_xw_header(w, 0, names, n);
    return 0;
}

void pv_xw_filter(pv_xw *w, size_t header_row, size_t last_row, size_t ncols)
{
    if (w->ws && ncols)
        fn.worksheet_autofilter(w->ws, (lxw_row_t)header_row, 0,
                                (lxw_row_t)(last_row > header_row ? last_row : header_row),
                                (lxw_col_t)(ncols - 1));
}

/* s cut to at most max characters (UTF-8 code points), into out (size cap). */
static const char *cut_chars(const char *s, size_t max, char *out, size_t cap)
{
    size_t k = 0, chars = 0;
    for (const char *p = s ? s : ""; *p && chars < max && k + 4 < cap; chars++) {
        do
            out[k++] = *p++;
        while (((unsigned char)*p & 0xC0) == 0x80 && k + 1 < cap);
    }
    out[k] = '\0';
    return out;
}

/* Can the n items be an Excel list (joined by commas, at most 255 characters)? */
static int list_fits(const char *const *items, size_t n)
{
    size_t chars = 0;
    for (size_t i = 0; i < n; i++) {
        if (!*items[i] || strpbrk(items[i], ",\""))
            return 0;
        chars += strlen(items[i]) + (i > 0); /* bytes: never more than Excel's characters */
    }
    return n > 0 && chars <= 255;
}

void pv_xw_validate(pv_xw *w, size_t first, size_t last, size_t col, const char *title,
                    const char *message, const char *const *items, size_t n)
{
    if (!w->ws)
        return;
    char t[32 * 4 + 1], m[255 * 4 + 1];
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_ANY;
    if (list_fits(items, n)) {
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = (char **)items; /* NULL-terminated by the caller */
        v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        v.show_error = LXW_VALIDATION_ON;
        v.error_title = (char *)pv_tr(w->sv, "Not in the list", "Inte i listan");
        v.error_message = (char *)pv_tr(w->sv, "Choose one of the values in the list.",
                                        "Välj ett av värdena i listan.");
    }
    v.ignore_blank = LXW_VALIDATION_ON;
    v.show_input = LXW_VALIDATION_ON;
    v.input_title = (char *)cut_chars(title, 32, t, sizeof t);
    v.input_message = (char *)cut_chars(message, 255, m, sizeof m);
    if (fn.worksheet_data_validation_range(w->ws, (lxw_row_t)first, (lxw_col_t)col, (lxw_row_t)last,
                                           (lxw_col_t)col, &v) != LXW_NO_ERROR)
        w->failed = 1;
}

static void make_formats(pv_xw *w)
{
    int sv = w->sv;
    for (int i = 0; i < PV_XF_N; i++) {
        w->fmt[i] = fn.workbook_add_format(w->wb);
        fn.format_set_align(w->fmt[i], LXW_ALIGN_VERTICAL_TOP);
    }
    fn.format_set_text_wrap(w->fmt[PV_XF_WRAP]);
    fn.format_set_bold(w->fmt[PV_XF_HEAD]);
    fn.format_set_bg_color(w->fmt[PV_XF_HEAD], 0xDDE6EE);
    fn.format_set_bottom(w->fmt[PV_XF_HEAD], LXW_BORDER_THIN);
    fn.format_set_bold(w->fmt[PV_XF_TITLE]);
    fn.format_set_font_size(w->fmt[PV_XF_TITLE], 14);
    fn.format_set_bold(w->fmt[PV_XF_BOLD]);
    fn.format_set_num_format(w->fmt[PV_XF_INT], "0");
    fn.format_set_num_format(w->fmt[PV_XF_KR], sv ? "#,##0\\ \"kr\"" : "#,##0\\ \"SEK\"");
    fn.format_set_num_format(w->fmt[PV_XF_HOURS], "#,##0\\ \"h\"");
    fn.format_set_num_format(w->fmt[PV_XF_PCT], "0.0%");
    fn.format_set_num_format(w->fmt[PV_XF_SCORE], "0.00");
    fn.format_set_num_format(w->fmt[PV_XF_NUM], "#,##0.00");
    fn.format_set_num_format(w->fmt[PV_XF_DEC3], "0.000");
}

/* The report date at 00:00 UTC. */
static time_t report_time(void)
{
    char d[11];
    pv_html_date(d);
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = atoi(d) - 1900;
    tm.tm_mon = atoi(d + 5) - 1;
    tm.tm_mday = atoi(d + 8);
    return timegm(&tm);
}

static int write_book(const char *path, void *ctx)
{
    pv_xw *w = ctx;
    lxw_workbook_options opt = {.constant_memory = 0, .tmpdir = NULL, .use_zip64 = 0};
    if (!(w->wb = fn.workbook_new_opt(path, &opt))) {
        pv_err_nomem(w->err);
        return -1;
    }
    lxw_doc_properties props;
    memset(&props, 0, sizeof props);
    props.title = (char *)w->title;
    props.created = report_time();
    fn.workbook_set_properties(w->wb, &props);
    make_formats(w);
    unsigned long fails0 = pv_alloc_failures();
    int rc = w->build(w, w->ctx);
    apply_widths(w);
    lxw_error e = fn.workbook_close(w->wb);
    w->wb = NULL;
    if (pv_alloc_failures() != fails0) { /* a text piece missing: never a partial report */
        pv_err_nomem(w->err);
        return -1;
    }
    if (rc || w->failed || e != LXW_NO_ERROR) {
        if (e != LXW_NO_ERROR)
            pv_err(w->err, PV_EINTERNAL, NULL, 0, 0, "cannot write the workbook: %s",
                   fn.lxw_strerror(e));
        else
            pv_err(w->err, PV_EINTERNAL, NULL, 0, 0, "cannot write the workbook");
        return -1;
    }
    return 0;
}

char *pv_xw_render(int sv, const char *title, int (*build)(pv_xw *w, void *ctx), void *ctx,
                   size_t *len, pv_error *err)
{
    if (pv_dl_need(&xw, err))
        return NULL;
    pv_xw w = {.sv = sv, .title = title, .build = build, .ctx = ctx, .err = err};
    return pv_render_via_file(write_book, &w, len, err);
}
