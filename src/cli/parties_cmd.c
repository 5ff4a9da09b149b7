/* parties_cmd.c — `partnerval parties`: party weight sets side by side, the
 * max-min compromise and the minimax-regret portfolio. */
#include "cli.h"

#include <string.h>

int pv_cli_run_parties(const pv_cli_opts *o)
{
    pv_cli_run run;
    int rc = pv_cli_load(&run, o, PV_CLI_RANK);
    if (!rc && o->sets_file) {
        /* every error of the sets file, one per line, as check does for a case */
        pv_errors *all = NULL;
        int bad = pv_case_load_weight_sets(run.c, o->sets_file, &all, &run.err);
        if (bad && pv_errors_count(all) > 1)
            rc = pv_cli_errors(all);
        else if (bad)
            rc = pv_cli_error(&run.err);
        pv_errors_free(all);
        if (rc)
            return pv_cli_done(&run, rc);
    }
    pv_parties *p = rc ? NULL : pv_parties_run(run.c, run.r, NULL, &run.err);
    size_t len = 0;
    char *text = p ? pv_render_parties(run.c, run.r, p, run.fmt, run.lang, &len, &run.err) : NULL;
    pv_parties_free(p);
    rc = pv_cli_finish(&run, rc, text, len);
    /* the library names no flags; the command says which one gives the sets */
    if (rc == PV_EINPUT && !o->sets_file && strstr(run.err.text, "weight_sets: the case names no weight sets"))
        fputs("partnerval: hint: or give the weight sets with --sets FILE\n", stderr);
    return rc;
}
