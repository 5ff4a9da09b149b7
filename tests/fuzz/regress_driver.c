/*
 * regress_driver.c — replays files through a harness's LLVMFuzzerTestOneInput
 * without libFuzzer (as zstd's tests/fuzz/regression_driver.c does), so that
 * every crash the fuzzers found stays fixed. Linked, with the harnesses and
 * the library, into tests/unit/test_fuzz_regress.c (see tests/hardening.mk).
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "regress.h"

static int run_file(pv_fuzz_fn fn, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "regress: cannot open %s\n", path);
        return -1;
    }
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    for (;;) {
        if (!buf)
            break;
        if (n == cap) {
            uint8_t *p = realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0)
            break;
        n += r;
    }
    fclose(f);
    if (!buf) {
        fprintf(stderr, "regress: out of memory reading %s\n", path);
        return -1;
    }
    /* Exact size: ASan then catches reads one past the input. */
    uint8_t *exact = malloc(n ? n : 1);
    if (!exact) {
        free(buf);
        return -1;
    }
    memcpy(exact, buf, n);
    free(buf);
    fn(exact, n);
    free(exact);
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int pv_regress_replay(pv_fuzz_fn fn, const char *const *argv, int argc, size_t *count)
{
    size_t files = 0;
    int bad = 0;
    for (int i = 0; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0)
            continue; /* an absent folder (no regressions yet) is fine */
        if (!S_ISDIR(st.st_mode)) {
            bad |= run_file(fn, argv[i]) != 0;
            files++;
            continue;
        }
        DIR *d = opendir(argv[i]);
        if (!d) {
            bad = 1;
            continue;
        }
        char **names = NULL;
        size_t n = 0, cap = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.')
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                char **p = realloc(names, cap * sizeof *names);
                if (!p)
                    abort();
                names = p;
            }
            size_t len = strlen(argv[i]) + strlen(e->d_name) + 2;
            names[n] = malloc(len);
            if (!names[n])
                abort();
            snprintf(names[n], len, "%s/%s", argv[i], e->d_name);
            n++;
        }
        closedir(d);
        qsort(names, n, sizeof *names, cmp_str);
        for (size_t k = 0; k < n; k++) {
            struct stat fs;
            if (stat(names[k], &fs) == 0 && S_ISREG(fs.st_mode)) {
                if (getenv("REGRESS_VERBOSE"))
                    fprintf(stderr, "regress: %s\n", names[k]);
                bad |= run_file(fn, names[k]) != 0;
                files++;
            }
            free(names[k]);
        }
        free(names);
    }
    *count = files;
    return bad ? -1 : 0;
}
