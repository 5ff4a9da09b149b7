/*
 * greedy.c — a start portfolio for the main solve: projects taken by score
 * per share of the resources they and their partners need, then improved by
 * one-for-one swaps. Works on our copy of the model only (no GLPK), with the
 * row activities kept up to date column by column.
 */
#include "mip.h"

#include <math.h>
#include <string.h>

/* The greedy's state: the portfolio and every row's activity, kept in step
 * by try_move, which first sums a move's row changes in delta. */
typedef struct gs {
    const pv_mip *m;
    unsigned char *val;
    double *act;     /* per row: activity of val */
    size_t *use;     /* per column of a partner: selected projects naming it */
    double *delta;   /* per row, scratch */
    size_t *touched; /* rows with a delta, nt of them */
    unsigned char *in; /* per row: in touched */
    size_t nt;
    size_t flips[1024]; /* columns the move flips (at most 1000 taken) */
    size_t nflips;
} gs;

static double viol(const pv_row *r, double a)
{
    if (a < r->lb)
        return r->lb - a;
    if (a > r->ub)
        return a - r->ub;
    return 0;
}

static void flip_delta(gs *g, size_t col, double sign)
{
    const pv_mip *m = g->m;
    for (size_t z = m->cstart[col]; z < m->cstart[col + 1]; z++) {
        size_t i = m->crow[z];
        if (!pv_mip_row_on(m, i))
            continue;
        if (!g->in[i]) {
            g->in[i] = 1;
            g->touched[g->nt++] = i;
        }
        g->delta[i] += sign * m->cval[z];
    }
}

static void clear_delta(gs *g)
{
    for (size_t t = 0; t < g->nt; t++) {
        g->delta[g->touched[t]] = 0;
        g->in[g->touched[t]] = 0;
    }
}

/* Project j on (on=1) or off, with the partner columns that follow. Returns
 * 1 when applied: no row's violation grows. */
static int try_move(gs *g, size_t j_in, size_t j_out, int commit_always)
{
    const pv_mip *m = g->m;
    const pv_case *c = m->c;
    g->nt = 0;
    g->nflips = 0;
    size_t js[2] = {j_out, j_in};
    /* partner usage after the move */
    for (int s = 0; s < 2; s++) {
        size_t j = js[s];
        if (j == (size_t)-1)
            continue;
        int on = s == 1;
        if (on ? g->val[j] || m->ub[j] < 1 : !g->val[j] || m->lb[j] > 0)
            goto reject; /* j_out's rows may be in delta already */
        flip_delta(g, j, on ? 1 : -1);
        g->flips[g->nflips++] = j;
        for (size_t k = 0; k < c->proj_npartners[j]; k++) {
            long yc = m->ycol[c->proj_partners[j][k]];
            if (yc < 0)
                continue;
            size_t col = (size_t)yc;
            int dup = 0;
            for (size_t f = 0; f < g->nflips; f++)
                dup |= g->flips[f] == col;
            if (dup) {
                continue;
            }
            if (on && !g->val[col] && g->use[col] == 0) {
                if (m->ub[col] < 1)
                    goto reject;
                if (g->nflips >= 1000)
                    goto reject;
                flip_delta(g, col, 1);
                g->flips[g->nflips++] = col;
            } else if (!on && g->val[col] && g->use[col] == 1 && m->lb[col] < 1) {
                /* partner only used by j */
                int other_in = j_in != (size_t)-1;
                int shared = 0;
                for (size_t l = 0; other_in && l < c->proj_npartners[j_in]; l++)
                    shared |= c->proj_partners[j_in][l] == c->proj_partners[j][k];
                if (shared)
                    continue;
                if (g->nflips >= 1000)
                    goto reject;
                flip_delta(g, col, -1);
                g->flips[g->nflips++] = col;
            }
        }
    }
    int ok = 1;
    for (size_t t = 0; t < g->nt && ok; t++) {
        size_t i = g->touched[t];
        const pv_row *r = &m->rows[i];
        double before = viol(r, g->act[i]), after = viol(r, g->act[i] + g->delta[i]);
        if (after > before + pv_mip_tol(r->ub == HUGE_VAL ? r->lb : r->ub))
            ok = 0;
    }
    if (ok || commit_always) {
        for (size_t t = 0; t < g->nt; t++)
            g->act[g->touched[t]] += g->delta[g->touched[t]];
        for (size_t f = 0; f < g->nflips; f++)
            g->val[g->flips[f]] ^= 1;
        for (int s = 0; s < 2; s++) {
            size_t j = js[s];
            if (j == (size_t)-1)
                continue;
            for (size_t k = 0; k < c->proj_npartners[j]; k++) {
                long yc = m->ycol[c->proj_partners[j][k]];
                if (yc >= 0)
                    g->use[yc] += s == 1 ? 1 : (size_t)-1;
            }
        }
    }
    clear_delta(g);
    return ok;
reject:
    clear_delta(g);
    return 0;
}

int pv_mip_greedy(const pv_mip *m, unsigned char *val)
{
    const pv_case *c = m->c;
    size_t n = c->projects->nrows;
    gs g;
    memset(&g, 0, sizeof g);
    g.m = m;
    g.val = val;
    g.act = pv_calloc(m->nrows + 1, sizeof(double));
    g.delta = pv_calloc(m->nrows + 1, sizeof(double));
    g.touched = pv_malloc((m->nrows + 1) * sizeof(size_t));
    g.in = pv_calloc(m->nrows + 1, 1);
    g.use = pv_calloc(m->ncols + 1, sizeof(size_t));
    double *eff = pv_calloc(n + 1, sizeof(double));
    size_t *ord = pv_malloc((n + 1) * sizeof(size_t));
    int found = 0;
    if (!g.act || !g.delta || !g.touched || !g.in || !g.use || !eff || !ord)
        goto out;
    for (size_t j = 0; j < m->ncols; j++)
        val[j] = 0;
    for (size_t j = 0; j < m->ncols; j++)
        if (m->lb[j] > 0 && m->cinfo[j].is_project)
            try_move(&g, j, (size_t)-1, 1);
    for (size_t j = 0; j < m->ncols; j++)
        if (m->lb[j] > 0 && !val[j]) {
            val[j] = 1; /* kept partners */
            for (size_t z = m->cstart[j]; z < m->cstart[j + 1]; z++)
                g.act[m->crow[z]] += m->cval[z];
        }
    size_t nc = 0;
    for (size_t j = 0; j < n; j++) {
        if (m->ub[j] < 1 || val[j] || m->obj[j] <= 0)
            continue;
        double w = 1e-9;
        for (size_t k = 0; k < c->nres; k++) {
            double need = c->res[k].a[j];
            for (size_t l = 0; l < c->proj_npartners[j]; l++)
                need += c->res[k].f[c->proj_partners[j][l]] / 2;
            w += need / (c->res[k].limit > 0 ? c->res[k].limit : 1e-9);
        }
        eff[j] = m->obj[j] / w;
        ord[nc++] = j;
    }
    if (pv_sort_idx_by_key(ord, nc, eff, 1, 1))
        goto out;
    for (size_t t = 0; t < nc; t++)
        try_move(&g, ord[t], (size_t)-1, 0);
    /* local search: swap one selected project for a better unselected one */
    size_t budget = 4000000;
    for (int pass = 0; pass < 20; pass++) {
        int improved = 0;
        for (size_t a = 0; a < nc; a++) {
            size_t jn = ord[a];
            if (val[jn])
                continue;
            if (try_move(&g, jn, (size_t)-1, 0)) {
                improved = 1;
                continue;
            }
            for (size_t b = nc; b-- > 0;) {
                size_t jo = ord[b];
                if (!val[jo] || m->obj[jo] >= m->obj[jn])
                    continue;
                if (budget-- == 0)
                    goto done;
                if (try_move(&g, jn, jo, 0)) {
                    improved = 1;
                    /* refill what the swap freed */
                    for (size_t t = 0; t < nc; t++)
                        if (!val[ord[t]])
                            try_move(&g, ord[t], (size_t)-1, 0);
                    break;
                }
            }
        }
        if (!improved)
            break;
    }
done:
    found = pv_mip_feasible(m, val);
out:
    pv_free(g.act);
    pv_free(g.delta);
    pv_free(g.touched);
    pv_free(g.in);
    pv_free(g.use);
    pv_free(eff);
    pv_free(ord);
    return found;
}
