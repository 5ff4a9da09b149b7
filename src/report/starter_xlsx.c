/*
 * starter_xlsx.c — `partnerval init`'s projects file as an Excel workbook
 * (pv_starter_xlsx): the sheet Projekt (Projects) with exactly the columns
 * the case reads and the example proposals, and the sheet Kolumner (Columns)
 * saying what each column means. Every column of Projekt shows its meaning
 * as an input message when a cell is entered; yes/no columns and the
 * model's categorical columns are drop-down lists (ja/nej, the categories).
 * Written through the xlsx writer (xlsx_writer.c), so the bytes depend on
 * the inputs and the report date only.
 */
#include "starter.h"
#include "xlsx.h"

#include <string.h>

/* Rows below the header that carry the lists and messages. */
#define STARTER_ROWS 1000

typedef struct starter_ctx {
    const pv_case *c;
    const unsigned char *used, *keep;
    int sv;
} starter_ctx;

const char *pv_starter_sheet(int sv) { return pv_tr(sv, "Projects", "Projekt"); }

/* Does a comparison name yes or no? */
static int names_yesno(const pv_cond *k, void *ctx)
{
    (void)ctx;
    if (k->str && !k->val_is_num && pv_yesno_word(k->str))
        return 1;
    for (size_t i = 0; i < k->nlist; i++)
        if (!k->list_is_num[i] && pv_yesno_word(k->list_str[i]))
            return 1;
    return 0;
}

/* The categories of column col: yes/no (1, *vf NULL), a categorical
 * criterion's (2, *vf set) or none (0). */
static int categories(const pv_case *c, size_t col, const pv_valuefn **vf)
{
    const pv_model *m = c->model;
    *vf = NULL;
    for (size_t i = 0; i < m->nleaves; i++) {
        const pv_criterion *l = m->leaves[i];
        if (l->field.scope != PV_SCOPE_PROJECT || l->field.col != (int)col ||
            l->vf.type != PV_VF_CATEGORICAL || !l->vf.ncat)
            continue;
        int yn = 1;
        for (size_t k = 0; k < l->vf.ncat && yn; k++)
            yn = pv_yesno(l->vf.cat_key[k]) >= 0;
        if (yn)
            return 1;
        *vf = &l->vf;
        return 2;
    }
    for (size_t i = 0; i < m->nrules; i++)
        if (pv_starter_cond_walk(m->rules[i].cond, (int)col, names_yesno, NULL))
            return 1;
    return 0;
}

/* A category as the reports show it: its label in the case (the reader takes
 * a label for its code), else the code. */
static const char *shown(const pv_case *c, size_t col, const char *code, int sv)
{
    for (size_t i = 0; i < c->nlabels; i++) {
        const pv_label *l = &c->labels[i];
        if (!strcmp(l->column, c->projects->header[col]) && !strcmp(l->value, code)) {
            const char *t = sv ? l->sv : l->en;
            return t && *t ? t : code;
        }
    }
    return code;
}

/* A cell of the projects table, as a coordinator would type it. */
static void put_cell(pv_xw *w, const starter_ctx *x, size_t row, size_t out, size_t k, size_t i)
{
    const pv_case *c = x->c;
    const char *s = pv_cell(c->projects, i, k);
    const pv_valuefn *vf;
    double v;
    int kind = categories(c, k, &vf);
    if (kind == 1 && pv_yesno(s) >= 0) {
        int yes = pv_yesno(s) == PV_YN_YES;
        pv_xw_str(w, row, out, pv_yes_no(yes, x->sv),
                  PV_XF_TEXT);
        return;
    }
    if (kind == 2) {
        pv_xw_str(w, row, out, shown(c, k, s, x->sv), PV_XF_TEXT);
        return;
    }
    int text = (int)k == c->proj_id_col || (int)k == c->proj_name_col ||
               (int)k == c->proj_partners_col || (s[0] == '0' && s[1] >= '0' && s[1] <= '9');
    if (!text && pv_parse_number(s, 0, &v) == 0)
        pv_xw_num(w, row, out, v, PV_XF_TEXT); /* General: 30000, 0.88, 2027 */
    else
        pv_xw_str(w, row, out, s, PV_XF_TEXT);
}

/* Column out's input message and list (column k of the table). */
static void validate(pv_xw *w, const starter_ctx *x, size_t out, size_t k, pv_buf *mean,
                     pv_buf *vals)
{
    const char *yn[] = {pv_yes_no(1, x->sv), pv_yes_no(0, x->sv), NULL};
    const pv_valuefn *vf;
    int kind = categories(x->c, k, &vf);
    size_t n = kind == 1 ? 2 : kind == 2 ? vf->ncat : 0;
    const char **list = NULL; /* the categories as shown, NULL-terminated */
    if (kind == 2 && (list = pv_calloc(n + 1, sizeof *list)))
        for (size_t i = 0; i < n; i++)
            list[i] = shown(x->c, k, vf->cat_key[i], x->sv);
    if (kind == 2 && !list)
        n = 0;
    pv_buf msg;
    pv_buf_init(&msg);
    pv_buf_printf(&msg, "%s: ", pv_tr(x->sv, "Allowed", "Tillåtet"));
    if (n) /* the list's items, as the drop-down shows them */
        for (size_t i = 0; i < n; i++)
            pv_buf_printf(&msg, "%s%s", i ? (i + 1 < n ? ", " : pv_tr(x->sv, " or ", " eller ")) : "",
                          kind == 2 ? list[i] : yn[i]);
    else
        pv_buf_puts(&msg, vals->data ? vals->data : "");
    pv_buf_printf(&msg, ".\n%s", mean->data ? mean->data : "");
    const char *more = pv_tr(x->sv, " … (see the sheet Columns)", " … (se bladet Kolumner)");
    if (msg.data && pv_text_width(msg.data) > 255) { /* Excel's longest input message */
        size_t keep = 0, chars = 0, room = 255 - pv_text_width(more);
        for (; msg.data[keep] && chars < room; chars++)
            do
                keep++;
            while (((unsigned char)msg.data[keep] & 0xC0) == 0x80);
        msg.len = keep;
        pv_buf_puts(&msg, more);
    }
    pv_xw_validate(w, 1, STARTER_ROWS, out, x->c->projects->header[k], msg.data ? msg.data : "",
                   kind == 2 ? list : yn, n);
    pv_free(list);
    pv_buf_free(&msg);
}

static int starter_build(pv_xw *w, void *ctx)
{
    const starter_ctx *x = ctx;
    const pv_table *t = x->c->projects;
    if (pv_xw_sheet(w, pv_starter_sheet(x->sv)))
        return -1;
    size_t out = 0, row = 0;
    for (size_t k = 0; k < t->ncols; k++) {
        if (!x->used[k])
            continue;
        pv_xw_str(w, 0, out, t->header[k], PV_XF_HEAD);
        row = 0;
        for (size_t i = 0; i < t->nrows; i++)
            if (x->keep[i])
                put_cell(w, x, ++row, out, k, i);
        pv_buf mean, vals;
        pv_buf_init(&mean);
        pv_buf_init(&vals);
        pv_starter_describe(x->c, k, x->sv, &mean, &vals);
        validate(w, x, out++, k, &mean, &vals);
        pv_buf_free(&mean);
        pv_buf_free(&vals);
    }
    pv_xw_header(w, 0, NULL, 0);
    pv_xw_filter(w, 0, row, out);
    if (pv_xw_sheet(w, pv_tr(x->sv, "Columns", "Kolumner")))
        return -1;
    const char *head[] = {pv_tr(x->sv, "column", "kolumn"), pv_tr(x->sv, "meaning", "betydelse"),
                          pv_tr(x->sv, "allowed values", "tillåtna värden")};
    pv_xw_header(w, 0, head, 3);
    row = 0;
    for (size_t k = 0; k < t->ncols; k++) {
        if (!x->used[k])
            continue;
        pv_buf mean, vals;
        pv_buf_init(&mean);
        pv_buf_init(&vals);
        pv_starter_describe(x->c, k, x->sv, &mean, &vals);
        pv_xw_str(w, ++row, 0, t->header[k], PV_XF_BOLD);
        pv_xw_str(w, row, 1, mean.data ? mean.data : "", PV_XF_WRAP);
        pv_xw_str(w, row, 2, vals.data ? vals.data : "", PV_XF_WRAP);
        pv_xw_tall(w, row, mean.data, 78);
        pv_buf_free(&mean);
        pv_buf_free(&vals);
    }
    pv_xw_filter(w, 0, row, 3);
    return 0;
}

char *pv_starter_xlsx(const pv_case *c, const unsigned char *used, const unsigned char *keep,
                      int sv, size_t *len, pv_error *err)
{
    starter_ctx x = {c, used, keep, sv};
    return pv_xw_render(sv, pv_tr(sv, "Proposals", "Förslag"), starter_build, &x, len, err);
}
