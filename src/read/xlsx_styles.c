/* xlsx_styles.c — which cells of a workbook show dates: the number formats
 * of styles.xml (built-in and custom codes) per cell format, so that a date
 * cell reads as the date Excel shows (xlsx_sheet.c). Parsed through
 * xlsx_reader.c's streaming parser. */
#include "xlsx.h"

#include <stdlib.h>
#include <string.h>

/* What number format code f shows: 0 no date, 1 a date, 2 a date and a time
 * of day. A date field is d or y, or m (month) with neither h nor s beside
 * it (then m is minutes); a time field is h or s, or [h], [m], [s] (elapsed
 * time). Quoted text, escaped characters and other [colour] or [$-locale]
 * brackets are no fields. A time alone (h:mm, [h]:mm) is no date: the
 * number stays a number, as before. */
static int date_code(const char *f)
{
    int in_q = 0, date = 0, time = 0, m = 0;
    for (; *f; f++) {
        if (in_q) {
            in_q = *f != '"';
            continue;
        }
        if (*f == '"')
            in_q = 1;
        else if (*f == '[') {
            const char *e = strchr(f, ']');
            if (!e)
                break;
            if (e > f + 1 && strspn(f + 1, "hHmMsS") == (size_t)(e - f - 1))
                time = 1;
            f = e;
        } else if (*f == '\\' || *f == '_' || *f == '*') {
            if (f[1])
                f++; /* an escaped or padding character */
        } else if (strchr("dDyY", *f))
            date = 1;
        else if (strchr("hHsS", *f))
            time = 1;
        else if (strchr("mM", *f))
            m = 1;
    }
    if (m && !time)
        date = 1;
    return date ? (time ? 2 : 1) : 0;
}

/* Excel's built-in date formats (ECMA-376 18.8.30): 14-17 dates, 22 a date
 * and time; 18-21 and 45-47 are times alone (no date). The East Asian ones,
 * 27-36 and 50-58, are taken as dates. */
static int builtin_date(long id)
{
    if (id == 22)
        return 2;
    return (id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

typedef struct xstyles {
    xpart p;
    xsst *sst;
    unsigned char *custom; /* per custom numFmt id < 65536: what it shows (date_code) */
    size_t capxf;
    int in_xfs;
} xstyles;

static void styles_start(void *ud, const char *el, const char **at)
{
    xstyles *s = ud;
    const char *l = x_local(el);
    if (s->p.b->failed)
        return;
    if (!strcmp(l, "numFmt")) {
        const char *id = x_attr(at, "numFmtId", 0), *code = x_attr(at, "formatCode", 0);
        long n = id ? strtol(id, NULL, 10) : -1;
        if (code && n >= 0 && n < 65536)
            s->custom[n] = (unsigned char)date_code(code);
    } else if (!strcmp(l, "cellXfs"))
        s->in_xfs = 1;
    else if (!strcmp(l, "xf") && s->in_xfs) {
        const char *id = x_attr(at, "numFmtId", 0);
        long n = id ? strtol(id, NULL, 10) : 0;
        int kind = n >= 0 && n < 65536 && s->custom[n] ? s->custom[n] : builtin_date(n);
        xsst *t = s->sst;
        if (t->nxf >= 65536)
            return; /* beyond Excel's own limit: read as numbers */
        if (pv_grow((void **)&t->xf_date, &s->capxf, t->nxf + 1, 1)) {
            x_fail_nomem(s->p.b, s->p.x);
            return;
        }
        t->xf_date[t->nxf++] = (unsigned char)kind;
    }
}

static void styles_end(void *ud, const char *el)
{
    xstyles *s = ud;
    if (!strcmp(x_local(el), "cellXfs"))
        s->in_xfs = 0;
}

int x_read_styles(xbook *b, const char *name, xsst *sst)
{
    xstyles st = {.sst = sst, .custom = pv_calloc(65536, 1)};
    if (!st.custom) {
        x_fail_nomem(b, NULL);
        return -1;
    }
    pv_error e;
    pv_error_clear(&e);
    xbook sb = *b; /* its own error and failure flag */
    sb.err = &e;
    sb.failed = 0;
    x_parse_part(&sb, name, &st.p, styles_start, styles_end, NULL);
    b->total = sb.total;
    pv_free(st.custom);
    if (sb.failed && e.code == PV_EINTERNAL) { /* out of memory, not a broken part */
        x_fail_nomem(b, NULL);
        return -1;
    }
    if (sb.failed) {
        pv_free(sst->xf_date);
        sst->xf_date = NULL;
        sst->nxf = 0;
    }
    return 0;
}
