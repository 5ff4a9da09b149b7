/* followup_cmd.c — `partnerval followup`: the annual follow-up report. */
#include <math.h>
#include <stdio.h>

#include "cli.h"

int pv_cli_run_followup(const pv_cli_opts *o)
{
    if (!o->year)
        return pv_cli_usage("followup needs --year YYYY");
    long from = o->year;
    if (o->from >= 0) {
        if (o->from != floor(o->from) || o->from < 2000 || o->from > o->year)
            return pv_cli_usage("--from takes a year from 2000 to --year (%ld)", o->year);
        from = (long)o->from;
    }
    pv_cli_run run;
    /* every input error at once (a register's bad cells above all), as check lists them */
    int rc = pv_cli_load(&run, o, PV_CLI_RANK);
    pv_followup *f = rc ? NULL : pv_followup_run(run.c, run.r, (int)o->year, (int)from, &run.err);
    size_t len = 0;
    char *text =
        f ? pv_render_followup(run.c, run.r, f, run.fmt, run.lang, &len, &run.err) : NULL;
    pv_followup_free(f);
    return pv_cli_finish(&run, rc, text, len);
}
