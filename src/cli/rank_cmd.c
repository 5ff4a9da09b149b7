/* rank_cmd.c — `partnerval check`, `rank` and `weights`: load, report, no solver. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"

/* rank to standard output in a streamed format: the report goes into a
 * temporary file as it is rendered (pv_write_rank), then is copied out, so it
 * is never whole in memory (about 30 MB of JSON per 100,000 projects) and a
 * failed run still prints nothing. Returns -1 where no temporary file can be
 * made: the caller then renders in memory. */
static int rank_to_stdout(pv_cli_run *run)
{
    if (run->fmt != PV_FMT_JSON && run->fmt != PV_FMT_CSV && run->fmt != PV_FMT_MD &&
        run->fmt != PV_FMT_TEXT)
        return -1;
    const char *dir = getenv("TMPDIR");
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/partnerval-rank-XXXXXX", dir && *dir ? dir : "/tmp");
    if (n < 0 || (size_t)n >= sizeof path)
        return -1;
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    close(fd);
    if (pv_write_rank(run->c, run->r, run->fmt, run->lang, path, &run->err)) {
        unlink(path);
        return pv_cli_error(&run->err);
    }
    FILE *f = fopen(path, "rb");
    unlink(path); /* the open stream keeps it until it is copied */
    if (!f)
        return -1;
    int rc = pv_cli_emit_stream(f);
    fclose(f);
    return rc;
}

int pv_cli_run_check(const pv_cli_opts *o)
{
    pv_cli_run run;
    int rc = pv_cli_load(&run, o, 0);
    pv_errors *all = NULL;
    pv_warnings *w = rc ? NULL : pv_check_all(run.c, &all, &run.err);
    if (!rc && !w)
        rc = pv_errors_count(all) > 0 ? pv_cli_errors(all) : pv_cli_error(&run.err);
    pv_errors_free(all);
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
    int streamed = rc ? -1 : rank_to_stdout(&run);
    if (streamed >= 0)
        return pv_cli_done(&run, streamed);
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
