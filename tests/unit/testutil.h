/* testutil.h — helpers shared by the unit tests: files, and loading a case or
 * ranking that must succeed. Include after <cmocka.h> when the cmocka-based
 * helpers are wanted. */
#ifndef PV_TESTUTIL_H
#define PV_TESTUTIL_H

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

/* Files in dir, dot files not counted (0 when dir cannot be read). */
static inline int tu_entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.')
            n++;
    if (d)
        closedir(d);
    return n;
}

#ifdef cmocka_unit_test
#include "partnerval.h"

/* Loads the case at path; the test fails, naming the error's place, when it cannot. */
static inline pv_case *tu_load_ok(const char *path)
{
    pv_error err;
    pv_error_clear(&err);
    pv_case *c = pv_case_load(path, &err);
    if (!c)
        fail_msg("%s:%d:%d: %s", err.source, err.line, err.column, err.text);
    return c;
}

/* Ranks c; the test fails, naming the error's place, when it cannot. */
static inline pv_ranking *tu_rank_ok(const pv_case *c)
{
    pv_error err;
    pv_error_clear(&err);
    pv_ranking *r = pv_rank(c, &err);
    if (!r)
        fail_msg("%s:%d:%d: %s", err.source, err.line, err.column, err.text);
    return r;
}

/* Writes text to dir/name; the test fails when it cannot. */
static inline void tu_write_file(const char *dir, const char *name, const char *text)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    if (!f)
        fail_msg("cannot write %s", p);
    fputs(text, f);
    fclose(f);
}

/* Creates tests/out/… (run from the repository root) and dir. */
static inline void tu_make_dir(const char *dir)
{
    if (mkdir("tests/out", 0777) != 0 && errno != EEXIST)
        fail_msg("cannot create tests/out (run from the repository root)");
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        fail_msg("cannot create %s", dir);
}
#endif
#endif
