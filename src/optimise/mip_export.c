/*
 * mip_export.c — pv_export: the selection MILP in LP or MPS format, written
 * by GLPK to a temporary file and then atomically to its place.
 */
#include "glpk_driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int pv_mip_write(pv_mip *m, pv_export_fmt fmt, const char *path, pv_error *err)
{
    const char *tmpdir = getenv("TMPDIR");
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s/partnerval-XXXXXX", tmpdir && tmpdir[0] ? tmpdir : "/tmp");
    int fd = mkstemp(tmp);
    if (fd < 0) {
        pv_err(err, PV_EINTERNAL, tmp, 0, 0, "cannot create a temporary file");
        return -1;
    }
    close(fd);
    int rc = pv_lp_write(m, fmt != PV_EXPORT_LP, tmp);
    if (rc) {
        unlink(tmp);
        if (rc < 0)
            pv_lp_error(err);
        else
            pv_err(err, PV_EINTERNAL, path, 0, 0, "GLPK could not write the model");
        return -1;
    }
    size_t len = 0;
    char *data = pv_read_file(tmp, &len, err);
    unlink(tmp);
    if (!data)
        return -1;
    rc = pv_write_file_atomic(m->c, path, data, len, err);
    pv_free(data);
    return rc ? -1 : 0;
}

int pv_export(const pv_case *c, const pv_ranking *r, pv_export_fmt fmt, const char *path,
              pv_error *err)
{
    if (!c || !r || !path) {
        pv_err(err, PV_EUSAGE, NULL, 0, 0, "pv_export: no case, ranking or path");
        return -1;
    }
    pv_mip *m = pv_mip_build(c, r, err);
    if (!m)
        return -1;
    int rc = pv_mip_write(m, fmt, path, err);
    pv_mip_free(m);
    return rc;
}
