/*
 * fuzz_common.h — shared by the libFuzzer harnesses in tests/fuzz/ and by the
 * plain regression driver (regress_driver.c).
 *
 * Harnesses that need files (cases refer to models and CSVs by path) work in
 * one private temporary folder per process, made on first use and removed at
 * exit. It holds symlinks to the repository's models/, data/, examples/ and
 * tests/data/mini/, so that a fuzzed case can say "model": "models/x.json".
 * The repository is PV_ROOT (compiled in by the Makefile; the environment
 * variable PV_ROOT overrides it).
 */
#ifndef PV_FUZZ_COMMON_H
#define PV_FUZZ_COMMON_H

#include "../../src/internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PV_ROOT
#define PV_ROOT "."
#endif

static char fz_dir[512];

static inline void fz_cleanup(void)
{
    if (!fz_dir[0])
        return;
    static const char *names[] = {"models", "data", "examples", "mini", "case.json",
                                  "model.json", "projects.csv", "scenario.json",
                                  "fixed_mini.json", "fixed_lidkoping.json", "pipeline.json",
                                  "outcomes.csv", "outcomes_case.json"};
    char p[700];
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(p, sizeof p, "%s/%s", fz_dir, names[i]);
        unlink(p);
    }
    rmdir(fz_dir);
    fz_dir[0] = '\0';
}

static inline void fz_die(const char *what)
{
    fprintf(stderr, "fuzz harness: %s\n", what);
    abort();
}

/* Writes a whole file in the work folder; returns its path (static buffer per slot). */
static inline const char *fz_write(const char *name, const void *data, size_t n)
{
    static char paths[4][700];
    static int slot;
    char *p = paths[slot++ & 3];
    snprintf(p, 700, "%s/%s", fz_dir, name);
    FILE *f = fopen(p, "wb");
    if (!f || (n && fwrite(data, 1, n, f) != n) || fclose(f) != 0)
        fz_die("cannot write to the work folder");
    return p;
}

static inline const char *fz_path(const char *name)
{
    static char paths[4][700];
    static int slot;
    char *p = paths[slot++ & 3];
    snprintf(p, 700, "%s/%s", fz_dir, name);
    return p;
}

/* Makes the work folder once. */
static inline void fz_setup(void)
{
    if (fz_dir[0])
        return;
    const char *root = getenv("PV_ROOT");
    if (!root || !*root)
        root = PV_ROOT;
    char absroot[4096];
    if (!realpath(root, absroot))
        fz_die("PV_ROOT does not exist");
    const char *tmp = getenv("TMPDIR");
    snprintf(fz_dir, sizeof fz_dir, "%s/pvfuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(fz_dir))
        fz_die("cannot make a temporary folder");
    atexit(fz_cleanup);
    static const char *links[][2] = {{"models", "models"},
                                     {"data", "data"},
                                     {"examples", "examples"},
                                     {"mini", "tests/data/mini"}};
    for (size_t i = 0; i < 4; i++) {
        char from[4200], to[700];
        snprintf(from, sizeof from, "%s/%s", absroot, links[i][1]);
        snprintf(to, sizeof to, "%s/%s", fz_dir, links[i][0]);
        if (symlink(from, to) != 0)
            fz_die("cannot make a symlink in the work folder");
    }
    /* Fixed cases whose model is the fuzzed model.json. */
    static const char mini[] =
        "{\"name\": \"fuzz mini\", \"model\": \"model.json\",\n"
        " \"home\": {\"lat\": 58.5, \"lon\": 13.16},\n"
        " \"data\": {\"projects\": \"mini/projects.csv\", \"partners\": \"mini/partners.csv\",\n"
        "          \"countries\": \"mini/countries.csv\"},\n"
        " \"resources\": {\"budget_sek\": {\"column\": \"cost_sek\", \"partner_column\": "
        "\"annual_cost_sek\", \"limit\": 500000}}}\n";
    static const char lid[] =
        "{\"name\": \"fuzz lidkoping\", \"model\": \"model.json\",\n"
        " \"home\": {\"lat\": 58.50517, \"lon\": 13.15765},\n"
        " \"data\": {\"projects\": \"examples/lidkoping/projects.csv\",\n"
        "          \"partners\": \"data/partners.csv\", \"countries\": \"data/countries.csv\"},\n"
        " \"resources\": {\"budget_sek\": {\"column\": \"cost_sek\", \"partner_column\": "
        "\"annual_cost_sek\", \"limit\": 700000}}}\n";
    /* The pipeline case: Lidköping's model and reference data, fuzzed projects.csv. */
    static const char pipe[] =
        "{\"name\": \"fuzz pipeline\", \"model\": \"models/lidkoping.json\",\n"
        " \"home\": {\"lat\": 58.50517, \"lon\": 13.15765},\n"
        " \"data\": {\"projects\": \"projects.csv\", \"partners\": \"data/partners.csv\",\n"
        "          \"countries\": \"data/countries.csv\"},\n"
        " \"resources\": {\n"
        "   \"budget_sek\": {\"column\": \"cost_sek\", \"partner_column\": \"annual_cost_sek\", "
        "\"limit\": 700000},\n"
        "   \"staff_hours\": {\"column\": \"staff_hours\", \"partner_column\": \"staff_hours\", "
        "\"limit\": 2600}},\n"
        " \"constraints\": [\n"
        "   {\"type\": \"count\", \"column\": \"department\", \"value\": \"education\", \"min\": 1},\n"
        "   {\"type\": \"max_partners\", \"max\": 10}],\n"
        " \"solver\": {\"time_limit_s\": 1, \"mip_gap\": 0}}\n";
    fz_write("fixed_mini.json", mini, sizeof mini - 1);
    fz_write("fixed_lidkoping.json", lid, sizeof lid - 1);
    fz_write("pipeline.json", pipe, sizeof pipe - 1);
    pv_set_report_date("2026-01-01");
}

/* An error must carry a known code and, for input errors, name a file. */
static inline void fz_check_error(const pv_error *err)
{
    if (err->code != PV_EINPUT && err->code != PV_EINTERNAL && err->code != PV_EUSAGE)
        fz_die("failure without a proper error code");
    if (err->code == PV_EINPUT && !err->source[0])
        fz_die("input error that names no file");
    if (!err->text[0])
        fz_die("error without a message");
}

/* Renders in every format and language; each must succeed on a valid ranking. */
static inline void fz_render_rank(const pv_case *c, const pv_ranking *r)
{
    static const pv_format fmts[] = {PV_FMT_TEXT, PV_FMT_MD, PV_FMT_CSV, PV_FMT_JSON, PV_FMT_HTML};
    static const pv_lang langs[] = {PV_LANG_SV, PV_LANG_EN};
    for (size_t f = 0; f < 5; f++)
        for (size_t l = 0; l < 2; l++) {
            pv_error err;
            pv_error_clear(&err);
            size_t len = 0;
            char *s = pv_render_rank(c, r, fmts[f], langs[l], &len, &err);
            if (!s)
                fz_die("render_rank failed on a valid ranking");
            if (strlen(s) != len)
                fz_die("render_rank: length differs from the string");
            pv_free(s);
        }
}

#endif
