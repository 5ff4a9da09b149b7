/*
 * core_search.c — the main solve's search before the plain branch and bound.
 *
 * Plain branch and bound spends most of its time proving optimality among
 * columns whose LP reduced cost is small. The main solve therefore first
 * looks for a very good portfolio and then shrinks the problem the proof
 * must cover (README, "How the main solve runs"):
 *
 *  1. Core rounds (a heuristic, as in the "core concept" for multi-
 *     dimensional knapsacks): fix every column outside the K with the
 *     smallest |reduced cost| at its LP value and solve what is left, for K
 *     growing. Each round stops after a fixed number of subproblems, so that
 *     the portfolio found does not depend on the machine's speed.
 *  2. Windows, when a core was too hard to finish: re-optimise 40 columns
 *     at a time with everything else at the incumbent.
 *  3. Reduced-cost fixing and LP probing against the incumbent (value z):
 *     a column is fixed only where every portfolio worth z or more has it.
 *     The probing runs on small_bb's LP when it takes the problem, else on
 *     GLPK's.
 *  4. The proof on the fixed problem: our own branch and bound (small_bb.c)
 *     when anything was fixed and its tableau fits; else GLPK with its
 *     presolver removing the fixed columns and the rows they empty; or,
 *     when nothing or too little was fixed for that, GLPK as glpsol runs
 *     it (Driebeck-Tomlin branching, best-bound backtracking), the
 *     incumbent as a cutoff row.
 *  Steps 1-2 run their subproblems on small_bb too (GLPK when it gives up).
 */
#include "core_search.h"
#include "small_bb.h"

#include <float.h>
#include <math.h>
#include <string.h>

/* One core search: the root LP's order of the free columns and the
 * incumbent. */
typedef struct core {
    pv_mip *m;
    double lpobj, t0, tl_ms, gap;
    size_t n;               /* columns */
    size_t nfree;           /* free columns, in ord by |reduced cost| */
    size_t K0;              /* the first core's size */
    double *d;              /* per column: |reduced cost| when non-basic */
    signed char *bnd, *fix; /* per column: LP bound it sits at, and the fixing (-1: none) */
    size_t *ord;
    unsigned char *inc, *cand; /* incumbent and candidate portfolios */
    int have;                  /* inc holds a feasible portfolio */
    double incobj;
} core;

/* Branch and bound on a copy of the LP with fix[j] >= 0 fixed. GLPK's
 * presolver removes the fixed columns and the rows they leave empty or
 * redundant. The portfolio goes to cs->cand; returns its objective. */
static double sub_solve(core *cs, double tm_ms, long node_limit, pv_branch br, pv_backtrack bt,
                        double cutoff, int whole, pv_bb_out *r)
{
    pv_mip *m = cs->m;
    pv_bb o = {1, br, bt, m->tune.cuts, m->tune.fp, cs->gap, tm_ms, node_limit, 0, NULL, NULL};
    if (whole && m->tune.use_sol && cs->have && cutoff > -HUGE_VAL) {
        o.incumbent = cs->inc; /* GLPK's own incumbent instead of the cutoff row */
        cutoff = -HUGE_VAL;
    }
    pv_lp *q = pv_lp_fixed_copy(m, m->lp, cs->fix, m->tune.cutoff ? cutoff : -HUGE_VAL);
    pv_lp_branch(m, q, &o, cs->cand, r); /* cannot fail without a start */
    pv_lp_free(q);
    return r->found ? pv_mip_value(m, cs->cand) : 0;
}

/* The root LP bound already shows the incumbent within the relative gap
 * the user asked for (GLPK's definition): no need to look further. */
static int within_gap(const core *cs)
{
    return cs->gap > 0 && cs->incobj > -HUGE_VAL &&
           cs->lpobj - cs->incobj <= cs->gap * (fabs(cs->incobj) + DBL_EPSILON);
}

/* Time for the next heuristic round: at most 15 % of the limit, and never
 * into the half that is kept for the full search; < 0 when no round may run
 * (that half is reached, or the root LP bound already settles the gap). */
static double round_ms(const core *cs)
{
    double left = cs->tl_ms - (pv_mip_clock_ms() - cs->t0);
    if (left < cs->tl_ms / 2 || within_gap(cs))
        return -1;
    double r = left - cs->tl_ms / 2;
    return r < 0.15 * cs->tl_ms ? r : 0.15 * cs->tl_ms;
}

/* The cutoff of a heuristic round: only a strictly better portfolio than
 * the incumbent counts (take), so the round's search prunes the rest. */
static double better(const core *cs)
{
    return cs->have ? cs->incobj + pv_mip_tol(cs->incobj) : -HUGE_VAL;
}

/* A heuristic round's subproblem (cutoff: only strictly better than the
 * incumbent) by our own branch and bound (small_bb.c) when it takes it, a
 * fraction of GLPK's time on these few free columns; else by GLPK. */
static double round_solve(core *cs, double tm_ms, long node_limit, pv_branch br, pv_backtrack bt,
                          pv_bb_out *r)
{
    if (cs->m->tune.small_bb) {
        int found = 0;
        /* Split by the number of projects only when the round has time
         * to finish: cut short (Chu-Beasley at 1 s: 150 ms rounds), it has
         * searched few counts and found worse portfolios (mean gap 0.17 ->
         * 0.27 %); on the family, whose rounds finish, it saves 15 %. */
        int k = pv_small_bb(cs->m, cs->fix, cs->have ? cs->incobj : -HUGE_VAL, tm_ms, node_limit,
                            tm_ms >= 2000 ? PV_SBB_COUNT : 0, cs->cand, &found, NULL);
        if (k != PV_SBB_GIVE_UP) {
            memset(r, 0, sizeof *r);
            r->found = found;
            r->proven = k == PV_SBB_PROVEN && found;
            r->infeasible = k == PV_SBB_PROVEN && !found; /* nothing better here */
            r->node_stop = k == PV_SBB_LIMIT;
            return found ? pv_mip_value(cs->m, cs->cand) : 0;
        }
    }
    return sub_solve(cs, tm_ms, node_limit, br, bt, better(cs), 0, r);
}

/* Takes the candidate of a round when it is feasible and strictly better. */
static int take(core *cs, const pv_bb_out *r, double obj)
{
    /* without an incumbent incobj is -inf and its tolerance +inf (their sum
     * NaN): any feasible portfolio is better */
    if (!(r->found && pv_mip_feasible(cs->m, cs->cand) &&
          (!cs->have || obj > cs->incobj + pv_mip_tol(cs->incobj))))
        return 0;
    memcpy(cs->inc, cs->cand, cs->n);
    cs->incobj = obj;
    cs->have = 1;
    return 1;
}

static void core_free(core *cs)
{
    void *arrays[] = {cs->d, cs->bnd, cs->fix, cs->ord, cs->inc, cs->cand};
    for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++)
        pv_free(arrays[i]);
}

/* When the LP's basic columns alone fill more than the rounds' largest
 * core (many link and constraint rows: a degenerate basis, most basic
 * columns at 0 or 1), the core is the LP's fractional support instead:
 * fractional columns first, then the non-basic ones by |reduced cost|, and
 * the basic columns at an integral value last, at that value (bnd) when a
 * round fixes them. Reduced-cost fixing still leaves every basic column
 * free (d = 0). On the family's max_partners seed 2 the first round then
 * finds 2,453 and the second 2,463 (the greedy: 2,409; optimum 2,466), and
 * the solve takes 191 M instructions instead of 486 M (glpsol: 408 M).
 * -1 when out of memory. */
static int core_by_fraction(core *cs, size_t extra)
{
    double *key = pv_malloc((cs->n + 1) * sizeof *key);
    if (!key)
        return -1;
    size_t nfrac = 0;
    for (size_t t = 0; t < cs->nfree; t++) {
        size_t j = cs->ord[t];
        key[j] = cs->d[j];
        if (cs->bnd[j] >= 0)
            continue;
        double x = pv_lp_col_value(cs->m->lp, j);
        if (x > ITOL && x < 1 - ITOL) {
            key[j] = -1;
            nfrac++;
        } else {
            key[j] = HUGE_VAL;
            cs->bnd[j] = x > 0.5;
        }
    }
    int rc = pv_sort_idx_by_key(cs->ord, cs->nfree, key, 1, 0); /* ties: by index */
    pv_free(key);
    cs->K0 = nfrac + extra;
    return rc ? -1 : 0;
}

/* Orders the free columns by |reduced cost| and takes start as the
 * incumbent when it is feasible. -1 when out of memory. */
static int core_init(core *cs, const unsigned char *start)
{
    pv_mip *m = cs->m;
    size_t n = cs->n = m->ncols;
    cs->d = pv_calloc(n + 1, sizeof *cs->d);
    cs->bnd = pv_malloc(n + 1);
    cs->fix = pv_malloc(n + 1);
    cs->ord = pv_malloc((n + 1) * sizeof *cs->ord);
    cs->inc = pv_calloc(n + 1, 1);
    cs->cand = pv_calloc(n + 1, 1);
    if (!cs->d || !cs->bnd || !cs->fix || !cs->ord || !cs->inc || !cs->cand)
        return -1;
    size_t nbasic = 0;
    for (size_t j = 0; j < n; j++) {
        cs->bnd[j] = cs->fix[j] = -1;
        if (m->lb[j] >= m->ub[j])
            continue;
        pv_lp_col st = pv_lp_col_state(m->lp, j, &cs->d[j]);
        if (st == PV_LP_BASIC)
            nbasic++;
        else if (st != PV_LP_OTHER)
            cs->bnd[j] = st == PV_LP_AT_UB ? (signed char)m->ub[j] : (signed char)m->lb[j];
        cs->ord[cs->nfree++] = j;
    }
    if (pv_sort_idx_by_key(cs->ord, cs->nfree, cs->d, 1, 0)) /* ties: by index */
        return -1;
    cs->have = start && pv_mip_feasible(m, start);
    cs->incobj = -HUGE_VAL;
    if (cs->have) {
        memcpy(cs->inc, start, n);
        cs->incobj = pv_mip_value(m, cs->inc);
    }
    size_t extra = cs->nfree / 10 > 10 ? cs->nfree / 10 : 10;
    cs->K0 = nbasic + extra;
    if (cs->K0 >= cs->nfree * 6 / 10)
        return core_by_fraction(cs, extra);
    return 0;
}

/* The columns reduced-cost fixing against the incumbent would leave free
 * (rc_fix without changing fix). */
static size_t rc_left(const core *cs, double margin)
{
    size_t left = 0;
    for (size_t t = 0; t < cs->nfree; t++) {
        size_t j = cs->ord[t];
        left += !(cs->have && cs->bnd[j] >= 0 && cs->lpobj - cs->d[j] < cs->incobj - margin);
    }
    return left;
}

/* The tolerance below the incumbent that fixing and the proof keep. */
static double core_margin(double incobj)
{
    return 1e-7 * (fabs(incobj) > 1 ? fabs(incobj) : 1);
}

/* Step 1: the core rounds. Returns 1 when a round did not finish. The
 * rounds stop early (measured on the benchmark family, README) when a round
 * found nothing better, since a larger core then mostly repeats its search
 * (no_partners seed 2: 0.39 -> 0.20 s, tight_0.1 seed 1: 2.5 -> 1.5 s),
 * and when reduced-cost fixing against the incumbent already leaves no more
 * free columns than the next core would have: the proof then costs about
 * what that round would, and settles the question (no_partners seed 1:
 * 0.33 -> 0.18 s). */
static int core_rounds(core *cs)
{
    pv_bb_out r;
    int hard = 0;
    for (size_t K = cs->K0; K < cs->nfree * 6 / 10; K *= 2) {
        double tm = round_ms(cs);
        if (tm < 0)
            break;
        for (size_t t = 0; t < cs->nfree; t++)
            cs->fix[cs->ord[t]] = t < K ? -1 : cs->bnd[cs->ord[t]];
        double obj = round_solve(cs, tm, cs->m->tune.core_nodes, PV_BR_PCH, PV_BT_BPH, &r);
        hard |= !r.proven && !r.infeasible; /* infeasible: nothing better in this core */
        int improved = take(cs, &r, obj);
        if (cs->m->tune.round_stop && cs->have &&
            (!improved || rc_left(cs, core_margin(cs->incobj)) <= 2 * K))
            break;
    }
    return hard;
}

/* Step 2, the windows (when the cores were too hard to solve, so that the
 * incumbent may still be improved): every column is fixed at the incumbent's
 * value but a window of tune.lns_width in reduced-cost order, within the
 * first three first-round cores; the window slides by half its width. */
static void core_windows(core *cs)
{
    const pv_mip *m = cs->m;
    size_t C = 3 * cs->K0;
    if (C > cs->nfree)
        C = cs->nfree;
    size_t W = (size_t)m->tune.lns_width;
    pv_bb_out r;
    for (int pass = 0; cs->have && W > 0 && pass < m->tune.lns_passes; pass++) {
        int improved = 0;
        for (size_t s0 = 0; s0 < C; s0 += W / 2) {
            double tm = round_ms(cs);
            if (tm < 0)
                break;
            for (size_t j = 0; j < cs->n; j++)
                cs->fix[j] = m->lb[j] < m->ub[j] ? (signed char)cs->inc[j] : -1;
            for (size_t t = s0; t < C && t < s0 + W; t++)
                cs->fix[cs->ord[t]] = -1;
            double obj = round_solve(cs, tm, m->tune.lns_nodes, PV_BR_DTH, PV_BT_BLB, &r);
            improved |= take(cs, &r, obj);
            if (s0 + W >= C)
                break;
        }
        if (!improved)
            break;
    }
}

/* The columns whose moves away from their LP value to try: the other bound
 * when the LP has them at one, else both. Returns how many (1 or 2). */
static int probe_tries(const core *cs, size_t j, int tries[2])
{
    if (cs->bnd[j] >= 0) {
        tries[0] = 1 - cs->bnd[j];
        return 1;
    }
    tries[0] = 0;
    tries[1] = 1;
    return 2;
}

/* The penalty pass before the probes (pv_lp_probe_penalty), for at most
 * 4 x tune.probe_max columns: on q's optimal basis, a tableau row each
 * instead of a dual simplex run each (all_constraints 120x40x4 seed 3:
 * 43 k instructions a column against 650 k a probe; it settled 86 of the
 * 132 columns probing fixed). The fixings are applied after the pass, since
 * each test reads the LP solution they change. Returns how many. */
static size_t penalty_pass(core *cs, pv_lp *q, double cutoff)
{
    signed char *pen = pv_malloc(cs->n + 1);
    if (!pen)
        return 0; /* the probes alone, as before */
    memset(pen, -1, cs->n + 1);
    size_t tests = 0, fixed = 0, most = 4 * (size_t)cs->m->tune.probe_max;
    for (size_t t = 0; t < cs->nfree && tests < most; t++) {
        size_t j = cs->ord[t];
        if (cs->fix[j] >= 0)
            continue;
        tests++;
        int tries[2], nt = probe_tries(cs, j, tries);
        for (int k = 0; k < nt; k++)
            if (pv_lp_probe_penalty(q, j, tries[k], cutoff)) {
                pen[j] = (signed char)(1 - tries[k]);
                break;
            }
    }
    for (size_t j = 0; j < cs->n; j++)
        if (pen[j] >= 0) {
            pv_lp_set_col(q, j, pen[j], pen[j]);
            cs->fix[j] = pen[j];
            fixed++;
        }
    pv_free(pen);
    return fixed;
}

/* Probing: for each free column (at most tune.probe_max), the LP with the
 * column moved away from its LP value; when that LP cannot reach cutoff,
 * no portfolio worth cutoff has the column there, and it is fixed. Fixings
 * accumulate. Cheaper than the subproblems it saves: on the generated
 * 120x40x4 cases it fixed about 40 more columns in 3 ms and cut the proof
 * by a third. The penalty pass first settles the columns one dual simplex
 * step already shows dead (mode: both, the penalty pass alone, or the
 * probes alone). Returns how many were fixed. */
enum { PROBE_BOTH, PROBE_PENALTY, PROBE_FULL };
static size_t probe(core *cs, double cutoff, int mode)
{
    const pv_mip *m = cs->m;
    pv_lp *q = pv_lp_fixed_copy(m, m->lp, cs->fix, -HUGE_VAL);
    if (!pv_lp_probe_begin(q)) {
        pv_lp_free(q);
        return 0;
    }
    size_t fixed = 0, probes = 0;
    if (mode != PROBE_FULL)
        fixed = penalty_pass(cs, q, cutoff);
    for (size_t t = 0; mode != PROBE_PENALTY && t < cs->nfree && probes < (size_t)m->tune.probe_max;
         t++) {
        size_t j = cs->ord[t];
        if (cs->fix[j] >= 0)
            continue;
        probes++;
        int tries[2], nt = probe_tries(cs, j, tries);
        for (int k = 0; k < nt; k++) {
            if (pv_lp_probe_dead(q, j, tries[k], cutoff)) {
                cs->fix[j] = (signed char)(1 - tries[k]);
                fixed++;
                break;
            }
        }
    }
    pv_lp_free(q);
    return fixed;
}

/* Step 3: reduced-cost fixing against the incumbent. Returns how many
 * columns were fixed. */
static size_t rc_fix(core *cs, double margin)
{
    size_t nfixed = 0;
    for (size_t t = 0; t < cs->nfree; t++) {
        size_t j = cs->ord[t];
        cs->fix[j] = cs->have && cs->bnd[j] >= 0 && cs->lpobj - cs->d[j] < cs->incobj - margin
                         ? cs->bnd[j]
                         : -1;
        nfixed += cs->fix[j] >= 0;
    }
    return nfixed;
}

/* Step 4: the proof on the fixed problem. Presolved columns are renumbered,
 * so GLPK cannot take the incumbent; the objective cutoff row (incumbent −
 * margin) prunes what it would, so the search needs no subproblem limit
 * (tune.proof_nodes; 2,000 before the cutoff, when a long search wasted
 * what the incumbent would have pruned). Returns as pv_core_search. */
static int core_proof(core *cs, double margin, int whole, pv_mip_sol *sol, unsigned char *seed,
                      int *seeded)
{
    pv_mip *m = cs->m;
    long limit = m->tune.proof_nodes; /* 0: none (the cutoff prunes as an incumbent would) */
    if (m->node_limit > 0 && (limit <= 0 || m->node_limit < limit))
        limit = m->node_limit;
    double left = cs->tl_ms - (pv_mip_clock_ms() - cs->t0);
    pv_bb_out r;
    /* Nothing fixed: GLPK's own defaults (glpsol's), Driebeck-Tomlin
     * branching and best-bound backtracking, did better there (README) */
    double obj =
        sub_solve(cs, left, limit, whole ? PV_BR_DTH : PV_BR_PCH, whole ? PV_BT_BLB : PV_BT_BPH,
                  cs->have ? cs->incobj - margin : -HUGE_VAL, whole, &r);
    int finished = r.proven || r.infeasible || (r.found && r.gap_stop) || !r.node_stop;
    if (!finished) {
        /* hand the best portfolio to the plain search */
        if (r.found && pv_mip_feasible(m, cs->cand) && obj > cs->incobj) {
            memcpy(cs->inc, cs->cand, cs->n);
            cs->have = 1;
        }
        if (cs->have)
            memcpy(seed, cs->inc, cs->n);
        *seeded = cs->have;
        return 1;
    }
    /* GLPK's answer is taken as the plain search takes it: within GLPK's own
     * feasibility tolerance (a frontier steps past such limits). */
    if (r.found && (!cs->have || obj >= cs->incobj - margin)) {
        memcpy(sol->val, cs->cand, cs->n);
    } else if (cs->have) {
        memcpy(sol->val, cs->inc, cs->n);
    } else if (r.infeasible) {
        sol->status = PV_STATUS_INFEASIBLE; /* nothing was fixed: the whole problem */
        return 0;
    } else {
        *seeded = 0;
        return 1;
    }
    /* proven over the fixed problem, which holds every portfolio worth more
     * than the incumbent: proven for the whole problem */
    pv_mip_outcome(m, sol, r.proven || (r.infeasible && cs->have),
                   r.have_bound ? r.bound : cs->lpobj);
    return 0;
}

/* Step 4 by our own branch and bound (small_bb.c), whatever was fixed: on
 * the benchmark family it proves in a fraction of GLPK's time (README,
 * "The proof by our own branch and bound"). Returns 0 with sol filled, 1
 * when it gave up and GLPK's search is to run. */
static int small_proof(core *cs, pv_mip_sol *sol, int ways)
{
    pv_mip *m = cs->m;
    double left = cs->tl_ms - (pv_mip_clock_ms() - cs->t0);
    int found = 0;
    long limit = m->sbb_node_limit > 0 ? m->sbb_node_limit : m->node_limit;
    int k = pv_small_bb(m, cs->fix, cs->incobj, left, limit, PV_SBB_COUNT | ways, cs->cand, &found,
                        NULL);
    if (k == PV_SBB_GIVE_UP)
        return 1;
    memcpy(sol->val, found ? cs->cand : cs->inc, cs->n);
    /* a search cut by the time limit knows no bound better than the root LP's */
    pv_mip_outcome(m, sol, k == PV_SBB_PROVEN, cs->lpobj);
    return 0;
}

int pv_core_search(pv_mip *m, double lpobj, const unsigned char *start, double t0, double tl_ms,
                   double gap, pv_mip_sol *sol, unsigned char *seed, int *seeded)
{
    *seeded = 0;
    core cs;
    memset(&cs, 0, sizeof cs);
    cs.m = m;
    cs.lpobj = lpobj;
    cs.t0 = t0;
    cs.tl_ms = tl_ms;
    cs.gap = gap;
    int ret = -1;
    if (core_init(&cs, start))
        goto out;
    if (core_rounds(&cs))
        core_windows(&cs);
    double margin = core_margin(cs.incobj);
    size_t nfixed = rc_fix(&cs, margin);
    /* Our branch and bound, unless reduced-cost fixing fixed nothing: its
     * dense tableau would then hold the whole problem, and GLPK's probing
     * for it runs on the full LP (on the family's two such cases 47-117 ms
     * of probing, then a tableau too large for it); that case goes to
     * GLPK's presolved search on the whole problem (tune.whole_presolved),
     * unless small_bb takes the whole problem as it is (a small one: at
     * 30 projects eight_resources seed 1 166 -> 41 M instructions,
     * partners_1_5 seed 1 58 -> 13 M; it declines the larger ones at once). */
    int may_small = cs.have && gap <= 0 && m->tune.small_bb;
    int small = may_small && nfixed > 0;
    if (nfixed == 0 && m->tune.whole_presolved) {
        if (may_small && small_proof(&cs, sol, PV_SBB_PROBE) == 0) {
            ret = 0;
            goto out;
        }
        goto hand_over; /* the whole problem, as glpsol runs it */
    }
    if (cs.have && nfixed * 3 < cs.nfree && !small)
        goto hand_over; /* too little fixed for the presolved search to pay */
    /* small_bb probes on its own LP, a fraction of GLPK's probing (on the
     * family's easy cases a third of their time); when it gives up (often:
     * the problem before probing too large for it), GLPK probes for the
     * next try or for GLPK's proof */
    if (small && small_proof(&cs, sol, PV_SBB_PROBE) == 0) {
        ret = 0;
        goto out;
    }
    /* The penalty pass alone often leaves a problem small_bb takes (the
     * tableau limit), whose own probing is cheaper than GLPK's: then the
     * full probes on GLPK's LP are not needed (all_constraints 120x40x4
     * seeds 3 / 5: 79 -> 52 and 54 -> 44 M instructions, same output). */
    int mode = m->tune.penalty ? PROBE_BOTH : PROBE_FULL;
    if (small && m->tune.penalty) {
        probe(&cs, cs.incobj - margin, PROBE_PENALTY);
        if (small_proof(&cs, sol, PV_SBB_PROBE) == 0) {
            ret = 0;
            goto out;
        }
        mode = PROBE_FULL;
    }
    if (cs.have)
        probe(&cs, cs.incobj - margin, mode);
    if (small && small_proof(&cs, sol, 0) == 0) {
        ret = 0;
        goto out;
    }
    if (cs.have && nfixed * 3 < cs.nfree)
        goto hand_over;
    ret = core_proof(&cs, margin, 0, sol, seed, seeded);
    goto out;
hand_over:
    if (m->tune.whole_presolved) {
        /* nothing or little fixed: GLPK with its presolver as glpsol runs
         * it, the fixings removed and the incumbent as a cutoff row; with
         * little fixed better than the plain search (all_constraints seed
         * 2, whose first round finds the optimum and fixing then fixes 11
         * of 149 columns: 321 -> 125 M instructions) */
        ret = core_proof(&cs, margin, 1, sol, seed, seeded);
        goto out;
    }
    memcpy(seed, cs.inc, cs.n);
    *seeded = 1;
    ret = 1;
out:
    core_free(&cs);
    return ret;
}
