/* init_cmd.c — `partnerval init DIR --model NAME`: a starter case for one of
 * the shipped models, written by the library (pv_init_case) from the model's
 * example case.
 *
 * Where the shipped models are (the first folder that holds
 * models/NAME.json and examples/NAME/case.json):
 *   1. $PARTNERVAL_DATA, when set;
 *   2. BIN/../share/partnerval, where `make install` puts models/, data/ and
 *      examples/ (BIN is the folder of the running binary, /proc/self/exe);
 *   3. BIN and BIN/../.., the source tree (./partnerval, build/rel/partnerval);
 *   4. PV_DATADIR, the PREFIX the binary was built for (a staged install). */
#include <limits.h>
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

#ifndef PV_DATADIR
#define PV_DATADIR "/usr/local/share/partnerval"
#endif

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Does root hold models/NAME.json and its example? The example's path goes to ex. */
static int holds(const char *root, const char *name, char *ex, size_t size)
{
    char model[PATH_MAX + 64];
    snprintf(model, sizeof model, "%s/models/%s.json", root, name);
    snprintf(ex, size, "%s/examples/%s/case.json", root, name);
    return is_file(model) && is_file(ex);
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Keeps the first candidate with a models folder in seen (for the message). */
static void note(char *seen, const char *root)
{
    char m[PATH_MAX + 16];
    snprintf(m, sizeof m, "%s/models", root);
    if (!*seen && is_dir(m))
        snprintf(seen, PATH_MAX, "%s", root);
}

/* The folder holding the shipped models: in dir (size PATH_MAX); 0, or -1
 * with dir naming the first folder that has models (or the last one tried). */
static int find_root(const char *name, char *dir, char *ex, size_t exsize)
{
    char seen[PATH_MAX] = "";
    const char *env = getenv("PARTNERVAL_DATA");
    if (env && *env) {
        snprintf(dir, PATH_MAX, "%s", env);
        return holds(dir, name, ex, exsize) ? 0 : -1;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        static const char *const rel[] = {"/../share/partnerval", "", "/../.."};
        for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
            char cand[PATH_MAX + 32];
            snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
            if (holds(cand, name, ex, exsize) && realpath(cand, dir))
                return 0;
            note(seen, cand);
        }
    }
    snprintf(dir, PATH_MAX, "%s", PV_DATADIR);
    if (holds(dir, name, ex, exsize))
        return 0;
    note(seen, dir);
    if (*seen && !realpath(seen, dir))
        snprintf(dir, PATH_MAX, "%s", seen);
    return -1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The shipped models' names for the error message, with the nearest to
 * name first as "did you mean". */
static void unknown_model(const char *root, const char *name)
{
    char path[PATH_MAX + 16];
    snprintf(path, sizeof path, "%s/models", root);
    DIR *d = opendir(path);
    struct dirent *e;
    char names[256][64];
    const char *cand[256];
    size_t n = 0;
    while (d && n < 256 && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len > 5 && len - 5 < sizeof names[0] && !strcmp(e->d_name + len - 5, ".json")) {
            snprintf(names[n], sizeof names[n], "%.*s", (int)(len - 5), e->d_name);
            cand[n] = names[n];
            n++;
        }
    }
    if (d)
        closedir(d);
    qsort(cand, n, sizeof *cand, by_name); /* readdir's order is the file system's */
    /* typed as the municipality is spelt: "Tranås" is near "tranas" */
    char folded[64];
    size_t k = 0;
    for (const unsigned char *s = (const unsigned char *)name; *s && k + 1 < sizeof folded; s++) {
        if (s[0] == 0xC3 && s[1]) {
            unsigned char t = s[1] | 0x20; /* å ä ö and their capitals */
            folded[k++] = t == 0xA5 || t == 0xA4 ? 'a' : t == 0xB6 ? 'o' : '?';
            s++;
        } else
            folded[k++] = (char)tolower(*s);
    }
    folded[k] = 0;
    const char *near = pv_suggest_among(folded, cand, n);
    for (size_t i = 0; i < n && !near; i++)
        if (!strcmp(folded, cand[i])) /* the folding alone made it */
            near = cand[i];
    fprintf(stderr, "partnerval: error: unknown model '%s'", name);
    if (near)
        fprintf(stderr, "; did you mean '%s'?", near);
    fprintf(stderr, " (shipped models in %s: ", root);
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "%s%s", i ? ", " : "", cand[i]);
    fputs(n ? ")\n" : "none found)\n", stderr);
}

/* What init wrote, and what to do next. */
static void init_summary(const char *dir, const char *model, const char *projects)
{
    size_t n = projects ? strlen(projects) : 0;
    int xlsx = n > 5 && !strcasecmp(projects + n - 5, ".xlsx");
    printf("%s: starter case for model '%s': case.json, model.json, %s,\n", dir, model,
           projects ? projects : "projects.csv");
    if (xlsx)
        printf("  (sheets: the projects, and what each column means; lists and input messages),\n"
               "  partners.csv, countries.csv\n");
    else
        printf("  projects-columns.csv (what each column means), partners.csv, countries.csv\n");
    printf("next: partnerval check %s/case.json\n", dir);
}

int pv_cli_run_init(const pv_cli_opts *o)
{
    const char *name = o->model;
    if (!name)
        return pv_cli_usage("init needs --model NAME (a shipped model, e.g. tranas)");
    char root[PATH_MAX], ex[PATH_MAX + 64];
    /* a name that is no plain file name is looked for as "" (never found),
     * so that "Tranås" or "../x" gets the list and the nearest name too */
    int plain = *name && strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-_") == strlen(name);
    if (find_root(plain ? name : "", root, ex, sizeof ex)) {
        unknown_model(root, name);
        return PV_EUSAGE;
    }
    if (o->out_dash) /* -o names the projects file init writes: no standard output */
        return pv_cli_usage("init -o takes the projects file's name (e.g. projekt.xlsx), not '-'");
    pv_error err;
    pv_error_clear(&err);
    if (pv_init_case_file(ex, o->args[0], o->out, (pv_lang)o->lang, &err))
        return pv_cli_error(&err);
    init_summary(o->args[0], name, o->out);
    return 0;
}
