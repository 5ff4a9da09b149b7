/* testutil.h — file helpers shared by the unit tests. Include after
 * <cmocka.h> when the cmocka-based helpers are wanted. */
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
