/* number.c — strict number parsing for hand-edited spreadsheets: a cell is a
 * number in full or it is an error, never a silent prefix. */
#include "../internal.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int pv_has_ctrl(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return 1;
    return 0;
}

int pv_is_blank(const char *s)
{
    if (!s)
        return 1;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t')
            return 0;
    return 1;
}

/* Length of a thousands separator at p (space, NBSP, U+202F), or 0. */
static size_t thsep(const unsigned char *p)
{
    if (p[0] == ' ')
        return 1;
    if (p[0] == 0xC2 && p[1] == 0xA0)
        return 2;
    if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF)
        return 3;
    return 0;
}

/* The value of a plain decimal ("-123.45") of at most 15 digits: the digits
 * as an integer (exact below 2^53) divided by an exact power of ten, one
 * correctly rounded operation, so the very double strtod gives, faster. */
static double exact_decimal(const char *t, size_t fracdigits)
{
    static const double P10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    int neg = *t == '-';
    uint64_t m = 0;
    for (; *t; t++)
        if (*t >= '0' && *t <= '9')
            m = m * 10 + (uint64_t)(*t - '0');
    double v = (double)m / P10[fracdigits];
    return neg ? -v : v;
}

int pv_number_point_ambiguous(const char *s, size_t n)
{
    size_t i = n && (*s == '-' || *s == '+');
    size_t d = i;
    while (d < n && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d - i < 1 || d - i > 3 || s[i] == '0' || d + 4 != n || s[d] != '.')
        return 0;
    for (size_t k = d + 1; k < n; k++)
        if (s[k] < '0' || s[k] > '9')
            return 0;
    return 1;
}

int pv_parse_number(const char *s, int swedish, double *out)
{
    if (!s)
        return -1;
    size_t n = pv_trim_blanks(&s);
    /* a no-break space (or a narrow one) at either end, as Swedish Excel may
     * leave around a number, is blank too */
    for (int more = 1; more && n;) {
        more = 0;
        if (*s == ' ' || *s == '\t')
            s++, n--, more = 1;
        else if (n >= 2 && !memcmp(s, "\xC2\xA0", 2))
            s += 2, n -= 2, more = 1;
        else if (n >= 3 && !memcmp(s, "\xE2\x80\xAF", 3))
            s += 3, n -= 3, more = 1;
        else if (s[n - 1] == ' ' || s[n - 1] == '\t')
            n--, more = 1;
        else if (n >= 2 && !memcmp(s + n - 2, "\xC2\xA0", 2))
            n -= 2, more = 1;
        else if (n >= 3 && !memcmp(s + n - 3, "\xE2\x80\xAF", 3))
            n -= 3, more = 1;
    }
    if (!n)
        return -1;
    if (n > 400)
        return -1;
    char tmp[512];
    size_t k = 0;
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    if (*p == '+' || *p == '-')
        tmp[k++] = (char)*p++;
    /* NaN and infinity are never numbers in a spreadsheet cell. */
    if (end - p >= 3 && (!strncasecmp((const char *)p, "nan", 3) || !strncasecmp((const char *)p, "inf", 3)))
        return -3;
    size_t intdigits = 0, group = 0;
    int grouped = 0;
    while (p < end) {
        if (*p >= '0' && *p <= '9') {
            tmp[k++] = (char)*p++;
            intdigits++;
            group++;
            continue;
        }
        size_t sl = swedish ? thsep(p) : 0;
        if (sl) {
            /* 1 234 567: first group 1..3 digits, later groups exactly 3 */
            if (group == 0 || group > 3 || (grouped && group != 3))
                return -1;
            grouped = 1;
            group = 0;
            p += sl;
            if (p >= end || !(*p >= '0' && *p <= '9'))
                return -1;
            continue;
        }
        break;
    }
    if (grouped && group != 3)
        return -1;
    size_t fracdigits = 0;
    if (p < end && (*p == '.' || (swedish && *p == ','))) {
        tmp[k++] = '.';
        p++;
        while (p < end && *p >= '0' && *p <= '9') {
            tmp[k++] = (char)*p++;
            fracdigits++;
        }
    }
    if (intdigits + fracdigits == 0)
        return -1;
    int has_exp = p < end && (*p == 'e' || *p == 'E');
    if (has_exp) {
        tmp[k++] = 'e';
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            tmp[k++] = (char)*p++;
        size_t ed = 0;
        while (p < end && *p >= '0' && *p <= '9' && k < sizeof tmp - 1) {
            tmp[k++] = (char)*p++;
            ed++;
        }
        if (!ed)
            return -1;
    }
    if (p != end)
        return -1;
    /* 120.000 in a file of decimal commas: many European exports write
     * thousands so, and reading it as 120 would be a silent thousandfold
     * error; a point before any other number of digits, or after a leading
     * 0 (0.500), is a decimal point. */
    if (swedish && pv_number_point_ambiguous(s, n))
        return -4;
    tmp[k] = '\0';
    if (!has_exp && intdigits + fracdigits <= 15) {
        *out = exact_decimal(tmp, fracdigits);
        return 0;
    }
    errno = 0;
    char *e;
    double v = strtod(tmp, &e);
    if (*e != '\0')
        return -1;
    if (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL))
        return -2;
    if (!isfinite(v))
        return -2;
    /* subnormal (1e-310): GLPK's scaling divides by it and fails */
    if (v != 0 && fabs(v) < DBL_MIN)
        return -5;
    *out = v;
    return 0;
}

const char *pv_number_why(const char *s, int rc, int comma_file, char *buf, size_t n)
{
    if (!strcmp(s, PV_XLSX_NOVALUE)) {
        snprintf(buf, n,
                 "is a formula whose value the workbook does not hold: open the "
                 "workbook in Excel or LibreOffice and save it, or type the value");
        return buf;
    }
    if (rc == -4) {
        /* both readings spelt out, so the fix is one of two copies */
        char thousands[64], decimal[64];
        size_t a = 0, b = 0;
        for (const char *q = s; *q && a + 1 < sizeof thousands && b + 1 < sizeof decimal; q++) {
            if (*q == ' ' || *q == '\t')
                continue;
            if (*q != '.')
                thousands[a++] = *q;
            decimal[b++] = *q == '.' ? ',' : *q;
        }
        thousands[a] = decimal[b] = '\0';
        snprintf(buf, n,
                 "is ambiguous in a file with decimal commas: write %s if the point separates "
                 "thousands, or %s if it is a decimal point",
                 thousands, decimal);
        return buf;
    }
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    /* "60 %": the fraction it means, in the file's own form (0,6 or 0.6) */
    char frac[80] = "";
    if (rc == -1 && len > 1 && len < 64 && s[len - 1] == '%') {
        char num[64];
        double v;
        size_t m = len - 1;
        /* Swedish Excel writes 60 % with a no-break space (or a narrow one) */
        for (int more = 1; more;) {
            more = 0;
            if (m && (s[m - 1] == ' ' || s[m - 1] == '\t'))
                m--, more = 1;
            else if (m >= 2 && !memcmp(s + m - 2, "\xC2\xA0", 2))
                m -= 2, more = 1;
            else if (m >= 3 && !memcmp(s + m - 3, "\xE2\x80\xAF", 3))
                m -= 3, more = 1;
        }
        memcpy(num, s, m);
        num[m] = '\0';
        if (pv_parse_number(num, !comma_file, &v) == 0) {
            char f[40];
            snprintf(f, sizeof f, "%.10g", v / 100);
            for (char *q = f; !comma_file && *q; q++)
                if (*q == '.')
                    *q = ',';
            snprintf(frac, sizeof frac, " (write a share as a fraction: %s)", f);
        }
    }
    snprintf(buf, n, "%s%s",
             rc == -5   ? "is too close to 0 to compute with (its size is below 2.2e-308): write 0"
             : rc == -2 ? "is out of the range of a number"
             : rc == -3 ? "is NaN or infinity, which is not allowed"
                        : "is not a number",
             frac[0] ? frac
             : comma_file && rc == -1
                 ? " (in comma-separated files write plain numbers such as 1234.5)"
                 : "");
    return buf;
}

int pv_table_number_in(const pv_table *t, size_t row, size_t col, double lo, double hi, double *out,
                       pv_error *err)
{
    const char *s = pv_cell(t, row, col);
    double dec, th;
    /* 62.241 as a latitude: the thousands reading (62241) cannot be one */
    if (pv_parse_number(s, t->delim == ';', out) == -4 && pv_parse_number(s, 0, &dec) == 0 &&
        dec >= lo && dec <= hi) {
        char digits[64];
        size_t n = 0;
        for (const char *q = s; *q && n + 1 < sizeof digits; q++)
            if (*q != '.')
                digits[n++] = *q;
        digits[n] = '\0';
        if (pv_parse_number(digits, 0, &th) == 0 && (th < lo || th > hi)) {
            *out = dec;
            return 0;
        }
    }
    return pv_table_number(t, row, col, out, err);
}

int pv_table_number(const pv_table *t, size_t row, size_t col, double *out, pv_error *err)
{
    const char *s = pv_cell(t, row, col);
    int rc = pv_parse_number(s, t->delim == ';', out);
    if (rc == 0)
        return 0;
    char why[256];
    if (pv_is_blank(s))
        pv_err(err, PV_EINPUT, t->path, t->row_line[row], (int)col + 1,
               "column '%s' is empty but a number is needed", t->header[col]);
    else
        pv_err(err, PV_EINPUT, t->path, t->row_line[row], (int)col + 1, "column '%s': '%s' %s",
               t->header[col], s, pv_number_why(s, rc, t->delim == ',', why, sizeof why));
    return -1;
}

char **pv_split_list(const char *s, size_t *n)
{
    *n = 0;
    if (!s)
        return NULL;
    char sep = 0;
    for (const char *p = s; *p; p++)
        if (*p == '|' || *p == ',' || *p == ';') {
            sep = *p;
            break;
        }
    size_t cap = 1;
    for (const char *p = s; *p; p++)
        if (*p == sep)
            cap++;
    char **items = pv_calloc(cap, sizeof *items);
    if (!items)
        return NULL;
    const char *start = s;
    for (;;) {
        const char *stop = sep ? strchr(start, sep) : NULL;
        if (!stop)
            stop = start + strlen(start);
        const char *a = start, *b = stop;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        if (b > a) {
            items[*n] = pv_strndup(a, (size_t)(b - a));
            if (!items[*n]) {
                pv_free_list(items, *n);
                *n = 0;
                return NULL;
            }
            (*n)++;
        }
        if (!*stop)
            break;
        start = stop + 1;
    }
    return items;
}

void pv_free_list(char **items, size_t n)
{
    if (!items)
        return;
    for (size_t i = 0; i < n; i++)
        pv_free(items[i]);
    pv_free(items);
}

int pv_str_eq_trim(const char *cell, const char *value)
{
    if (!cell || !value)
        return 0;
    while (*cell == ' ' || *cell == '\t')
        cell++;
    size_t n = strlen(cell);
    while (n && (cell[n - 1] == ' ' || cell[n - 1] == '\t'))
        n--;
    return strlen(value) == n && memcmp(cell, value, n) == 0;
}

int pv_utf8_check(const char *s, size_t n, int *line, int *col)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    int ln = 1, cl = 1;
    while (p < end) {
        unsigned c = *p;
        size_t len;
        unsigned cp;
        if (c < 0x80) {
            if (c == '\n') {
                ln++;
                cl = 1;
            } else
                cl++;
            p++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else
            goto bad;
        if ((size_t)(end - p) < len)
            goto bad;
        for (size_t i = 1; i < len; i++) {
            if ((p[i] & 0xC0) != 0x80)
                goto bad;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            goto bad;
        p += len;
        cl++;
        continue;
    bad:
        *line = ln;
        *col = cl;
        return -1;
    }
    return 0;
}

int pv_cell_has(const char *cell, const char *value)
{
    if (!cell || !value)
        return 0;
    if (pv_str_eq_trim(cell, value))
        return 1;
    /* The items of a list cell as pv_split_list cuts them (the first of '|',
     * ',' or ';' separates; items trimmed), compared in place: no allocation
     * that could fail and silently read as "not listed". */
    const char *sep = strpbrk(cell, "|,;");
    if (!sep)
        return 0;
    size_t vn = strlen(value);
    for (const char *a = cell;;) {
        const char *e = strchr(a, *sep);
        const char *b = e ? e : a + strlen(a);
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        if (vn && (size_t)(b - a) == vn && memcmp(a, value, vn) == 0)
            return 1;
        if (!e)
            return 0;
        a = e + 1;
    }
}
