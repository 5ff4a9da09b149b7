/* buf.c — growable string buffer that every report renders into. */
#include "../internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void pv_buf_init(pv_buf *b)
{
    memset(b, 0, sizeof *b);
    b->fails0 = pv_alloc_failures();
}

void pv_buf_free(pv_buf *b)
{
    pv_free(b->data);
    memset(b, 0, sizeof *b);
}

enum { FLUSH_AT = 64 * 1024 };

int pv_buf_drain(pv_buf *b)
{
    if (b->oom)
        return -1;
    if (b->flush && b->len) {
        if (b->flush(b->flush_ctx, b->data, b->len)) {
            b->oom = 1;
            return -1;
        }
        b->len = 0;
        b->data[0] = '\0';
    }
    return 0;
}

static int reserve(pv_buf *b, size_t extra)
{
    if (b->oom)
        return -1;
    if (b->flush && b->len + extra + 1 > FLUSH_AT && pv_buf_drain(b))
        return -1;
    if (b->len + extra + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + extra + 1)
            cap *= 2;
        char *p = pv_realloc(b->data, cap);
        if (!p) {
            b->oom = 1;
            return -1;
        }
        b->data = p;
        b->cap = cap;
    }
    return 0;
}

void pv_buf_put(pv_buf *b, const char *s, size_t n)
{
    if (reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void pv_buf_puts(pv_buf *b, const char *s) { pv_buf_put(b, s, strlen(s)); }

void pv_buf_putc(pv_buf *b, char c)
{
    /* the common case, without the length arithmetic of pv_buf_put */
    if (!b->oom && b->len + 2 <= b->cap && (!b->flush || b->len + 2 <= FLUSH_AT)) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return;
    }
    pv_buf_put(b, &c, 1);
}

void pv_buf_printf(pv_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->oom = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        pv_buf_put(b, small, (size_t)n);
        return;
    }
    if (reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *pv_buf_take(pv_buf *b, size_t *len)
{
    /* Any allocation that failed while b was filled (a helper's temporary
     * buffer, say) may have left a piece out: no output rather than a wrong one. */
    if (pv_alloc_failures() != b->fails0)
        b->oom = 1;
    if (reserve(b, 0)) {
        pv_buf_free(b);
        return NULL;
    }
    char *d = b->data;
    if (len)
        *len = b->len;
    memset(b, 0, sizeof *b);
    return d;
}

void pv_buf_escape(pv_buf *b, const char *s, const pv_escaper *e)
{
    const unsigned char *p = (const unsigned char *)(s ? s : ""), *run = p;
    for (;; p++) {
        unsigned c = *p;
        if (c && (c >= 128 || !(e->mask[c >> 6] >> (c & 63) & 1)))
            continue;
        if (p > run) /* escapes are rare: copy the plain run in one go */
            pv_buf_put(b, (const char *)run, (size_t)(p - run));
        if (!c)
            break;
        const char *k = strchr(e->chars, (int)c);
        if (k)
            pv_buf_puts(b, e->reps[k - e->chars]);
        else if (e->hex)
            pv_buf_printf(b, "\\u%04x", c);
        else
            pv_buf_putc(b, ' ');
        run = p + 1;
    }
}

void pv_buf_json_str(pv_buf *b, const char *s)
{
    /* RFC 8259: the quote, the backslash and every control character */
    static const char *const reps[] = {"\\\"", "\\\\", "\\n", "\\r", "\\t"};
    static const pv_escaper json = {{0xffffffffu | PV_BIT('"'), PV_BIT('\\')},
                                    "\"\\\n\r\t", reps, 1};
    pv_buf_putc(b, '"');
    pv_buf_escape(b, s, &json);
    pv_buf_putc(b, '"');
}

void pv_buf_csv_field(pv_buf *b, const char *s, char delim)
{
    s = s ? s : "";
    int quote = 0;
    for (const char *p = s; *p; p++)
        if (*p == delim || *p == '"' || *p == '\n' || *p == '\r')
            quote = 1;
    if (!quote) {
        pv_buf_puts(b, s);
        return;
    }
    pv_buf_putc(b, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            pv_buf_putc(b, '"');
        pv_buf_putc(b, *p);
    }
    pv_buf_putc(b, '"');
}

const char *pv_num_text(char out[PV_NUM_TEXT], double x, int decimals)
{
    if (!isfinite(x))
        return "null";
    /* Fast path for report-sized numbers: printf's exact decimal expansion
     * dominated the time of large rankings. Rounds half away from zero. */
    static const double P10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    if (decimals >= 0 && decimals <= 9 && fabs(x) < 1e9) {
        double scaled = fabs(x) * P10[decimals];
        long long v = (long long)(scaled + 0.5);
        long long ip = v / (long long)P10[decimals], fp = v % (long long)P10[decimals];
        char *q = out + PV_NUM_TEXT;
        *--q = '\0';
        for (int d = 0; d < decimals; d++) {
            *--q = (char)('0' + fp % 10);
            fp /= 10;
        }
        if (decimals > 0)
            *--q = '.';
        do {
            *--q = (char)('0' + ip % 10);
            ip /= 10;
        } while (ip);
        if (x < 0 && v != 0) /* what rounds to zero is printed "0.000…", unsigned */
            *--q = '-';
        return q;
    }
    snprintf(out, PV_NUM_TEXT, "%.*f", decimals, x);
    /* "-0.000" would differ from "0.000" between platforms' rounding paths. */
    if (out[0] == '-') {
        int allzero = 1;
        for (const char *p = out + 1; *p; p++)
            if (*p != '0' && *p != '.')
                allzero = 0;
        if (allzero)
            return out + 1;
    }
    return out;
}

void pv_buf_num(pv_buf *b, double x, int decimals)
{
    char tmp[PV_NUM_TEXT];
    pv_buf_puts(b, pv_num_text(tmp, x, decimals));
}
