/* link.c — ids and the links between the case's tables: unique ids (and the
 * sorted partner index that lookups search), each partner's country and
 * distance from home, the agreements that are this case's own, and each
 * project's partners. Reads only the loaded tables: no Jansson here. */
#include "link.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct id_ctx {
    const pv_table *t;
    size_t col;
    int fold;
} id_ctx;

static int id_cmp(size_t a, size_t b, const void *vctx)
{
    const id_ctx *x = vctx;
    const char *p = pv_cell(x->t, a, x->col), *q = pv_cell(x->t, b, x->col);
    return x->fold ? strcasecmp(p, q) : strcmp(p, q);
}

size_t *pv_rows_by_cell(const pv_table *t, size_t col, int fold)
{
    size_t n = t->nrows;
    size_t *idx = pv_calloc(n ? n : 1, sizeof *idx);
    id_ctx ic = {t, col, fold};
    if (idx)
        for (size_t i = 0; i < n; i++)
            idx[i] = i;
    if (idx && pv_sort_idx(idx, n, id_cmp, &ic)) {
        pv_free(idx);
        idx = NULL;
    }
    return idx;
}

/* Ids are references in reports and in the MILP: non-empty, unique, printable. */
int pv_check_ids(pv_error *err, const pv_table *t, int col, const char *what, size_t **sorted_out)
{
    /* while check collects, every bad id is named, not the first */
    int bad = 0;
    for (size_t r = 0; r < t->nrows && (!bad || pv_err_collecting()); r++) {
        const char *id = pv_cell(t, r, (size_t)col);
        if (!id[0]) {
            pv_err(err, PV_EINPUT, t->path, t->row_line[r], col + 1, "%s id is empty", what);
            bad = 1;
        } else if (pv_has_ctrl(id)) {
            pv_err(err, PV_EINPUT, t->path, t->row_line[r], col + 1,
                   "%s id contains a control character", what);
            bad = 1;
        } else if (strlen(id) > PV_MAX_ID) {
            pv_err(err, PV_EINPUT, t->path, t->row_line[r], col + 1,
                   "%s id is longer than 200 bytes", what);
            bad = 1;
        }
    }
    if (bad && !pv_err_collecting())
        return -1;
    /* Sort row indices by id to find duplicates in n log n. */
    size_t n = t->nrows;
    size_t *idx = pv_rows_by_cell(t, (size_t)col, 0);
    if (!idx) {
        pv_err_nomem(err);
        return -1;
    }
    int rc = bad ? -1 : 0;
    /* each run of one id: every row after its first (lowest) one is named */
    for (size_t a = 0, e; a < n && (rc == 0 || pv_err_collecting()); a = e) {
        const char *id = pv_cell(t, idx[a], (size_t)col);
        size_t first = idx[a];
        for (e = a + 1; e < n && !strcmp(pv_cell(t, idx[e], (size_t)col), id); e++)
            first = idx[e] < first ? idx[e] : first;
        if (e - a < 2 || !id[0])
            continue;
        for (size_t i = a; i < e; i++) {
            if (idx[i] == first)
                continue;
            pv_err(err, PV_EINPUT, t->path, t->row_line[idx[i]], col + 1,
                   "duplicate %s id '%s' (first on %s %d)", what, id,
                   strchr(t->path, PV_SHEET_MARK) ? "row" : "line", t->row_line[first]);
            rc = -1;
            if (!pv_err_collecting())
                break;
        }
    }
    if (rc == 0 && sorted_out) {
        *sorted_out = idx;
        idx = NULL;
    }
    pv_free(idx);
    return rc;
}

/* "; did you mean 'X'?" (edit distance <= 2) or, for an id that equals a
 * known one once Unicode is normalised, a note saying so; "" otherwise. */
void pv_unknown_id_hint(const pv_table *t, int col, const char *id, char *hint, size_t size)
{
    hint[0] = '\0';
    if (!t || col < 0)
        return;
    pv_suggest s;
    pv_suggest_init(&s, id, 2);
    for (size_t r = 0; r < t->nrows; r++) {
        const char *known = pv_cell(t, r, (size_t)col);
        if (pv_same_after_normalising(id, known)) {
            snprintf(hint, size,
                     "; '%s' in %s differs only in Unicode normalisation (NFC/NFD): retype one of them",
                     known, t->path);
            return;
        }
        pv_suggest_offer(&s, known);
    }
    pv_suggest_hint(&s, hint, size);
}

static double haversine(double lat1, double lon1, double lat2, double lon2)
{
    const double R = 6371.0, d2r = 3.14159265358979323846 / 180.0;
    double dlat = (lat2 - lat1) * d2r, dlon = (lon2 - lon1) * d2r;
    double a = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * d2r) * cos(lat2 * d2r) * sin(dlon / 2) * sin(dlon / 2);
    return 2 * R * asin(sqrt(a < 1 ? a : 1));
}

/* Municipality names match as a reader would: "Kristianstad" is "kristianstad". */
static int cmp_str(const void *a, const void *b)
{
    return pv_str_cmp_fold(*(const char *const *)a, *(const char *const *)b);
}

/* The sorted, split municipality items of the projects' `municipality`
 * cells: the guess of whose agreements these are when the case does not say. */
static char **project_munis(const pv_case *c, int jm, size_t *nall, int *oom)
{
    char **all = NULL;
    size_t cap = 0;
    *nall = 0;
    for (size_t j = 0; j < c->projects->nrows && !*oom; j++) {
        size_t ni;
        const char *cell = pv_cell(c->projects, j, (size_t)jm);
        char **it = pv_split_list(cell, &ni);
        if (!it) {
            *oom = !pv_is_blank(cell);
            continue;
        }
        if (pv_grow((void **)&all, &cap, *nall + ni + 1, sizeof(char *))) {
            pv_free_list(it, ni);
            *oom = 1;
            break;
        }
        for (size_t i = 0; i < ni; i++)
            all[(*nall)++] = it[i];
        pv_free(it); /* the items now belong to all[] */
    }
    return all;
}

/* A shared partners.csv may list several municipalities' agreements. A
 * partner is this case's own when its `municipality` list names one of the
 * case's "municipality"; when the case does not say, one of its projects'
 * (the items of their `municipality` cells); when neither the case nor the
 * projects say, or partners.csv has no such column, every partner is. An own
 * partner is an agreement (to keep, review, revive or end) when it is active,
 * or when a `new` column says it is not a candidate. The names are sorted
 * once, so the check stays n log n whatever the files hold. */
static int own_agreements(pv_case *c, pv_error *err)
{
    int pm = pv_table_col(c->partners, "municipality");
    int jm = pv_table_col(c->projects, "municipality");
    int nw = pv_table_col(c->partners, "new");
    char **all = NULL;
    size_t nall = 0;
    int oom = 0, every = pm < 0 || (!c->nmunis && jm < 0);
    if (!every && c->nmunis) {
        all = pv_calloc(c->nmunis, sizeof *all);
        for (size_t i = 0; all && i < c->nmunis; i++)
            if (!(all[nall++] = pv_strdup(c->munis[i])))
                oom = 1;
        oom |= !all;
    } else if (!every)
        all = project_munis(c, jm, &nall, &oom);
    if (!oom && nall)
        qsort(all, nall, sizeof *all, cmp_str);
    for (size_t p = 0; p < c->partners->nrows && !oom; p++) {
        int own = every;
        size_t ni = 0;
        const char *cell = every ? "" : pv_cell(c->partners, p, (size_t)pm);
        char **it = every ? NULL : pv_split_list(cell, &ni);
        if (!every && !it && !pv_is_blank(cell)) {
            oom = 1;
            break;
        }
        for (size_t i = 0; i < ni && !own; i++)
            own = nall && bsearch(&it[i], all, nall, sizeof *all, cmp_str) != NULL;
        if (it)
            pv_free_list(it, ni);
        int active = c->partner_active[p];
        int existing =
            active || (nw >= 0 && pv_yesno(pv_cell(c->partners, p, (size_t)nw)) != PV_YN_YES);
        c->partner_active[p] = own && active;
        c->partner_agreement[p] = own && existing && c->part_active_col >= 0;
    }
    if (all)
        pv_free_list(all, nall);
    if (oom) {
        pv_err_nomem(err);
        return -1;
    }
    return 0;
}

long pv_case_partner_index(const pv_case *c, const char *id)
{
    return c->partners ? pv_table_find_sorted(c->partners, c->part_id_col, c->part_sorted, id) : -1;
}

static int link_project_partners(pv_case *c, pv_error *err, size_t *seen)
{
    pv_table *P = c->projects, *Q = c->partners;
    size_t n = P->nrows;
    int bad = 0;
    for (size_t j = 0; j < n; j++) {
        const char *cell = pv_cell(P, j, (size_t)c->proj_partners_col);
        if (pv_is_blank(cell))
            continue;
        if (!Q) {
            pv_err(err, PV_EINPUT, P->path, P->row_line[j], c->proj_partners_col + 1,
                   "project names partners but the case has no data.partners file");
            return -1;
        }
        size_t ni;
        char **items = pv_split_list(cell, &ni);
        if (!items) {
            pv_err_nomem(err);
            return -1;
        }
        c->proj_partners[j] = pv_calloc(ni ? ni : 1, sizeof(size_t));
        if (!c->proj_partners[j]) {
            pv_free_list(items, ni);
            pv_err_nomem(err);
            return -1;
        }
        for (size_t i = 0; i < ni; i++) {
            long r = pv_case_partner_index(c, items[i]);
            if (r < 0) {
                char hint[400];
                pv_unknown_id_hint(Q, c->part_id_col, items[i], hint, sizeof hint);
                pv_err(err, PV_EINPUT, P->path, P->row_line[j], c->proj_partners_col + 1,
                       "column 'partners': project '%s' names unknown partner '%s' (not in %s)%s",
                       pv_cell(P, j, (size_t)c->proj_id_col), items[i], Q->path, hint);
                bad = 1;
                if (pv_err_collecting())
                    continue; /* every unknown partner in one run */
                pv_free_list(items, ni);
                return -1;
            }
            /* seen[] makes a long hostile list linear, not quadratic */
            if (seen[r] != j) {
                seen[r] = j;
                c->proj_partners[j][c->proj_npartners[j]++] = (size_t)r;
            }
        }
        pv_free_list(items, ni);
    }
    return bad ? -1 : 0;
}

/* Partner p's country row, distance from home and active flag. */
static int partner_attrs(pv_case *c, size_t p, pv_error *err)
{
    pv_table *Q = c->partners;
    c->partner_country[p] = -1;
    c->partner_dist[p] = NAN;
    if (c->part_active_col >= 0) {
        const char *a = pv_cell(Q, p, (size_t)c->part_active_col);
        int v = pv_yesno(a);
        if (v == PV_YN_BAD) {
            pv_err(err, PV_EINPUT, Q->path, Q->row_line[p], c->part_active_col + 1,
                   "column 'active': '%s' is neither yes nor no (%s; empty = no)", a,
                   pv_yesno_spellings());
            return -1;
        }
        c->partner_active[p] = v == PV_YN_YES; /* empty = no (documented) */
    }
    if (c->part_country_col >= 0 && c->countries) {
        const char *code = pv_cell(Q, p, (size_t)c->part_country_col);
        if (code[0]) {
            long r = pv_table_find_sorted(c->countries, c->ctry_code_col, c->ctry_sorted, code);
            if (r < 0) {
                char hint[400];
                pv_unknown_id_hint(c->countries, c->ctry_code_col, code, hint, sizeof hint);
                pv_err(err, PV_EINPUT, Q->path, Q->row_line[p], c->part_country_col + 1,
                       "column 'country': partner '%s' has country '%s', which is not in %s%s",
                       pv_cell(Q, p, (size_t)c->part_id_col), code, c->countries->path, hint);
                return -1;
            }
            c->partner_country[p] = r;
        }
    }
    if (!c->has_home || c->part_lat_col < 0 || c->part_lon_col < 0)
        return 0;
    const char *la = pv_cell(Q, p, (size_t)c->part_lat_col);
    const char *lo = pv_cell(Q, p, (size_t)c->part_lon_col);
    if (pv_is_blank(la) && pv_is_blank(lo))
        return 0;
    double lat, lon;
    if (pv_table_number_in(Q, p, (size_t)c->part_lat_col, -90, 90, &lat, err) ||
        pv_table_number_in(Q, p, (size_t)c->part_lon_col, -180, 180, &lon, err))
        return -1;
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
        pv_err(err, PV_EINPUT, Q->path, Q->row_line[p], c->part_lat_col + 1,
               "lat/lon (%g, %g) is not a position on Earth", lat, lon);
        return -1;
    }
    c->partner_dist[p] = haversine(c->home_lat, c->home_lon, lat, lon);
    return 0;
}

/* Hash-free id lookup: partners are few (hundreds), projects' partner lists short. */
int pv_link_partners(pv_case *c, pv_error *err)
{
    int bad = 0;
    pv_table *P = c->projects, *Q = c->partners;
    size_t n = P->nrows;
    c->proj_partners = pv_calloc(n ? n : 1, sizeof *c->proj_partners);
    c->proj_npartners = pv_calloc(n ? n : 1, sizeof *c->proj_npartners);
    if (!c->proj_partners || !c->proj_npartners) {
        pv_err_nomem(err);
        return -1;
    }
    if (Q) {
        size_t np = Q->nrows;
        c->partner_country = pv_calloc(np ? np : 1, sizeof(long));
        c->partner_dist = pv_calloc(np ? np : 1, sizeof(double));
        c->partner_active = pv_calloc(np ? np : 1, sizeof(int));
        c->partner_agreement = pv_calloc(np ? np : 1, sizeof(int));
        if (!c->partner_country || !c->partner_dist || !c->partner_active ||
            !c->partner_agreement) {
            pv_err_nomem(err);
            return -1;
        }
        for (size_t p = 0; p < np; p++)
            if (partner_attrs(c, p, err)) {
                bad = 1;
                if (!pv_err_reads_on(err))
                    return -1;
            }
    }
    if (Q && own_agreements(c, err))
        return -1;
    if (c->proj_partners_col < 0)
        return bad ? -1 : 0;
    size_t *seen = Q ? pv_malloc((Q->nrows + 1) * sizeof(size_t)) : NULL;
    if (Q && !seen) {
        pv_err_nomem(err);
        return -1;
    }
    for (size_t p = 0; Q && p < Q->nrows; p++)
        seen[p] = (size_t)-1;
    int rc = link_project_partners(c, err, seen);
    pv_free(seen);
    return rc || bad ? -1 : 0;
}
