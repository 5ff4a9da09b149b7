/* parties_cmd.c — `partnerval parties`: party weight sets side by side, the
 * max-min compromise and the minimax-regret portfolio. */
#include "cli.h"

#include <string.h>

int pv_cli_run_parties(const pv_cli_opts *o)
{
    pv_cli_run run;
    int rc = pv_cli_load(&run, o, PV_CLI_RANK);
    pv_parties *p = rc ? NULL : pv_parties_run(run.c, run.r, o->sets_file, &run.err);
    size_t len = 0;
    char *text = p ? pv_render_parties(run.c, run.r, p, run.fmt, run.lang, &len, &run.err) : NULL;
    pv_parties_free(p);
    rc = pv_cli_finish(&run, rc, text, len);
    /* the library names no flags; the command says which one gives the sets */
    if (rc == PV_EINPUT && !o->sets_file && strstr(run.err.text, "weight_sets: the case names no weight sets"))
        fputs("partnerval: hint: or give the weight sets with --sets FILE\n", stderr);
    return rc;
}
