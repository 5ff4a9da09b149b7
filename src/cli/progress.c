/* progress.c — progress on standard error for long work (explanations,
 * sensitivity, frontier, robust): only when standard error is a terminal,
 * only after the work has run for a second, at most five times a second, and
 * never with --quiet. The library reports through its hook (pv_set_progress);
 * this file alone prints. The line is rewritten in place and wiped at the end. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static struct {
    int on, sv;
    double t0, last;
    int width; /* of the line on screen, 0 when none */
} g;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *label(pv_progress_step step, int sv)
{
    switch (step) {
    case PV_PROGRESS_EXPLAIN: return sv ? "förklaringar: förslag" : "explanations: proposal";
    case PV_PROGRESS_SENSITIVITY: return sv ? "känslighet: kriterium" : "sensitivity: criterion";
    case PV_PROGRESS_FRONTIER: return sv ? "budgetfront" : "frontier";
    case PV_PROGRESS_ROBUST: return sv ? "robusthet: urval" : "robustness: sample";
    }
    return "";
}

static void on_progress(void *ctx, pv_progress_step step, size_t done, size_t total)
{
    (void)ctx;
    double t = now();
    if (t - g.t0 < 1.0 || t - g.last < 0.2 || !total)
        return;
    g.last = t;
    int pct = (int)(100.0 * (double)done / (double)total);
    int n;
    if (step == PV_PROGRESS_FRONTIER)
        n = fprintf(stderr, "\rpartnerval: %s %d %%", label(step, g.sv), pct);
    else
        n = fprintf(stderr, "\rpartnerval: %s %zu/%zu (%d %%)", label(step, g.sv), done + 1, total,
                    pct);
    if (n - 1 < g.width) /* shorter than before: wipe the rest */
        fprintf(stderr, "%*s", g.width - (n - 1), "");
    if (n - 1 > g.width)
        g.width = n - 1;
    fflush(stderr);
}

void pv_cli_progress_begin(const pv_cli_opts *o)
{
    g.on = !o->quiet && isatty(STDERR_FILENO);
    g.sv = o->lang != PV_LANG_EN;
    g.t0 = g.last = now();
    g.width = 0;
    if (g.on)
        pv_set_progress(on_progress, NULL);
}

void pv_cli_progress_end(void)
{
    if (g.on && g.width)
        fprintf(stderr, "\r%*s\r", g.width, "");
    pv_set_progress(NULL, NULL);
    g.on = 0;
    g.width = 0;
}
