/* run.c — what the report commands share: the case loaded (and ranked), the
 * format and language asked for, the error; the rendered text written to -o
 * or standard output; the case freed. */
#include "cli.h"

int pv_cli_load(pv_cli_run *run, const pv_cli_opts *o, unsigned how)
{
    pv_error_clear(&run->err);
    run->fmt = (pv_format)o->fmt;
    run->lang = (pv_lang)o->lang;
    run->out = o->out;
    run->r = NULL;
    int rc = 0;
    /* every input error at once, one per line, in every command (as check
     * lists them): a user fixes them all in one go */
    pv_errors *all = NULL;
    run->c = pv_case_load_all(o->args[0], &all, &run->err);
    if (!run->c && pv_errors_count(all) > 0)
        rc = pv_cli_errors(all);
    pv_errors_free(all);
    if (rc)
        return rc;
    if (run->c && (how & PV_CLI_RANK))
        run->r = pv_rank(run->c, &run->err);
    if (!run->c || ((how & PV_CLI_RANK) && !run->r))
        rc = pv_cli_error(&run->err);
    return rc;
}

int pv_cli_done(pv_cli_run *run, int rc)
{
    pv_ranking_free(run->r);
    pv_case_free(run->c);
    run->r = NULL;
    run->c = NULL;
    return rc;
}

int pv_cli_finish(pv_cli_run *run, int rc, char *text, size_t len)
{
    if (!rc)
        rc = text ? pv_cli_emit(run->c, run->out, text, len, &run->err) : pv_cli_error(&run->err);
    return pv_cli_done(run, rc);
}
