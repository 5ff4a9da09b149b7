/* rank_cmd.c — `partnerval check`, `rank` and `weights`: load, report, no solver. */
#include <stdio.h>

#include "cli.h"

int pv_cli_run_check(const pv_cli_opts *o)
{
    pv_cli_run run;
    int rc = pv_cli_load(&run, o, PV_CLI_ALL_ERRORS);
    pv_warnings *w = rc ? NULL : pv_check(run.c, &run.err);
    if (!rc && !w)
        rc = pv_cli_error(&run.err);
    /* --quiet: the summary line still counts them, so nothing is hidden silently */
    for (size_t i = 0; !o->quiet && i < pv_warnings_count(w); i++)
        fprintf(stderr, "partnerval: warning: %s\n", pv_warnings_get(w, i));
    if (w)
        printf("%s: ok: %zu projects, %zu warning%s\n", o->args[0], pv_case_project_count(run.c),
               pv_warnings_count(w), pv_warnings_count(w) == 1 ? "" : "s");
    pv_warnings_free(w);
    return pv_cli_done(&run, rc);
}

int pv_cli_run_rank(const pv_cli_opts *o)
{
    pv_cli_run run;
    int rc = pv_cli_load(&run, o, PV_CLI_RANK);
    if (!rc && o->out) /* streamed into the file */
        return pv_cli_done(&run, pv_write_rank(run.c, run.r, run.fmt, run.lang, o->out, &run.err)
                                     ? pv_cli_error(&run.err)
                                     : 0);
    size_t len = 0;
    char *text = rc ? NULL : pv_render_rank(run.c, run.r, run.fmt, run.lang, &len, &run.err);
    return pv_cli_finish(&run, rc, text, len);
}

int pv_cli_run_weights(const pv_cli_opts *o)
{
    pv_cli_run run;
    int rc = pv_cli_load(&run, o, 0);
    size_t len = 0;
    char *text = rc ? NULL : pv_render_weights(run.c, run.fmt, run.lang, &len, &run.err);
    return pv_cli_finish(&run, rc, text, len);
}
