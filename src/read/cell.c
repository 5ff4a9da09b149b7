/* cell.c — the accessors every later stage uses to reach a project's,
 * partner's or country's cell. */
#include "../internal.h"

#include <math.h>
#include <string.h>

const char *pv_case_name(const pv_case *c) { return c->name; }
size_t pv_case_project_count(const pv_case *c) { return c->projects->nrows; }
size_t pv_case_input_count(const pv_case *c) { return c->ninputs; }
const char *pv_case_input_path(const pv_case *c, size_t i)
{
    return i < c->ninputs ? c->inputs[i] : NULL;
}

const char *pv_project_id(const pv_case *c, size_t j)
{
    return pv_cell(c->projects, j, (size_t)c->proj_id_col);
}

const char *pv_project_name(const pv_case *c, size_t j)
{
    if (c->proj_name_col < 0)
        return "";
    return pv_cell(c->projects, j, (size_t)c->proj_name_col);
}

const char *pv_partner_id(const pv_case *c, size_t p)
{
    return pv_cell(c->partners, p, (size_t)c->part_id_col);
}

const char *pv_partner_name(const pv_case *c, size_t p)
{
    if (c->part_name_col < 0)
        return pv_partner_id(c, p);
    return pv_cell(c->partners, p, (size_t)c->part_name_col);
}

long pv_case_project_index(const pv_case *c, const char *id)
{
    return pv_table_find(c->projects, c->proj_id_col, id);
}

const char *pv_field_cell(const pv_case *c, const pv_field *f, size_t j, size_t k,
                          const pv_table **t, size_t *row, int *is_num, double *num)
{
    *is_num = 0;
    *t = NULL;
    *row = 0;
    if (f->scope == PV_SCOPE_PROJECT) {
        *t = c->projects;
        *row = j;
        const char *s = pv_cell(c->projects, j, (size_t)f->col);
        return pv_is_blank(s) ? NULL : s;
    }
    if (k == (size_t)-1 || k >= c->proj_npartners[j])
        return NULL;
    size_t p = c->proj_partners[j][k];
    if (f->scope == PV_SCOPE_PARTNER) {
        if (f->col == PV_COL_DISTANCE) {
            *t = c->partners;
            *row = p;
            if (isnan(c->partner_dist[p]))
                return NULL;
            *is_num = 1;
            *num = c->partner_dist[p];
            return "";
        }
        *t = c->partners;
        *row = p;
        const char *s = pv_cell(c->partners, p, (size_t)f->col);
        return pv_is_blank(s) ? NULL : s;
    }
    long r = c->partner_country[p];
    if (r < 0)
        return NULL;
    *t = c->countries;
    *row = (size_t)r;
    const char *s = pv_cell(c->countries, (size_t)r, (size_t)f->col);
    return pv_is_blank(s) ? NULL : s;
}
