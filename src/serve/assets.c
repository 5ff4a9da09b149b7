/* assets.c — the page's files, compiled in from src/serve/web/ (the Makefile
 * turns each into a C array with od and sed, $(BUILD)/gen/web_*.h). No path
 * from a request is ever opened: a request names one of these or gets 404. */
#include "serve.h"

#include <string.h>

#include "web_index.html.h"
#include "web_app.js.h"
#include "web_i18n.js.h"
#include "web_words.json.h"
#include "web_chart.js.h"
#include "web_parties.js.h"
#include "web_style.css.h"
#include "web_favicon.svg.h"

static const struct asset {
    const char *path, *type;
    const char *data;
    size_t len;
} ASSETS[] = {
    {"/", "text/html; charset=utf-8", WEB_INDEX_HTML, sizeof WEB_INDEX_HTML - 1},
    {"/index.html", "text/html; charset=utf-8", WEB_INDEX_HTML, sizeof WEB_INDEX_HTML - 1},
    {"/app.js", "text/javascript; charset=utf-8", WEB_APP_JS, sizeof WEB_APP_JS - 1},
    {"/i18n.js", "text/javascript; charset=utf-8", WEB_I18N_JS, sizeof WEB_I18N_JS - 1},
    {"/words.json", "application/json; charset=utf-8", WEB_WORDS_JSON, sizeof WEB_WORDS_JSON - 1},
    {"/chart.js", "text/javascript; charset=utf-8", WEB_CHART_JS, sizeof WEB_CHART_JS - 1},
    {"/parties.js", "text/javascript; charset=utf-8", WEB_PARTIES_JS, sizeof WEB_PARTIES_JS - 1},
    {"/style.css", "text/css; charset=utf-8", WEB_STYLE_CSS, sizeof WEB_STYLE_CSS - 1},
    {"/favicon.svg", "image/svg+xml", WEB_FAVICON_SVG, sizeof WEB_FAVICON_SVG - 1},
};

const char *pv_serve_asset(const char *path, size_t *len, const char **type)
{
    for (size_t i = 0; path && i < sizeof ASSETS / sizeof *ASSETS; i++)
        if (!strcmp(path, ASSETS[i].path)) {
            *len = ASSETS[i].len;
            *type = ASSETS[i].type;
            return ASSETS[i].data;
        }
    return NULL;
}
