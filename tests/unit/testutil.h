/* testutil.h — helpers shared by the unit tests: files, and loading a case or
 * ranking that must succeed. Include after <cmocka.h> when the cmocka-based
 * helpers are wanted. */
#ifndef PV_TESTUTIL_H
#define PV_TESTUTIL_H

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
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

/* A new private folder stem.XXXXXX under $TMPDIR (else /tmp) in buf; 0 on
 * success. Tests write only there, and remove it with tu_remove_tree. */
static inline int tu_temp_dir(char *buf, size_t size, const char *stem)
{
    const char *t = getenv("TMPDIR");
    int n = snprintf(buf, size, "%s/%s.XXXXXX", t && *t ? t : "/tmp", stem);
    return n > 0 && (size_t)n < size && mkdtemp(buf) ? 0 : -1;
}

/* Removes path and, when it is a folder, everything in it (symbolic links
 * removed, never followed); 0 on success. */
static inline int tu_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode))
        return unlink(path);
    DIR *d = opendir(path);
    if (!d)
        return -1;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            char p[1024];
            int n = snprintf(p, sizeof p, "%s/%s", path, e->d_name);
            if (n < 0 || (size_t)n >= sizeof p || tu_remove_tree(p) != 0)
                rc = -1;
        }
    closedir(d);
    return rmdir(path) != 0 ? -1 : rc;
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
