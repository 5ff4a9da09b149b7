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

void pv_err(pv_error *err, int code, const char *src, int line, int col, const char *fmt, ...)
{
    if (!err || err->code != PV_OK)
        return;
    err->code = code;
    snprintf(err->source, sizeof err->source, "%s", src ? src : "");
    err->line = line;
    err->column = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
    /* Messages quote input (ids, keys, cells): a control character there
     * (an ESC sequence, say) must not reach the user's terminal. */
    pv_sanitize_ctrl(err->source);
    pv_sanitize_ctrl(err->text);
}

void pv_sanitize_ctrl(char *s)
{
    for (; s && *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            *s = '?';
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
