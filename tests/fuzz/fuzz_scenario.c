/*
 * fuzz_scenario.c — RFC 7386 merge patches and what-if scenarios.
 * The first byte picks the mode:
 *   0 mod 3: "TARGET\0PATCH": pv_merge_patch_text; a merge patch is
 *            idempotent, so applying it again must give the same text;
 *   1 mod 3: a scenario file, loaded and applied to the mini case (rank, render);
 *   2 mod 3: lines of "path=value" settings (pv_scenario_from_sets), applied too.
 */
#include "fuzz_common.h"

static void apply(const pv_scenario *s)
{
    pv_error err;
    pv_error_clear(&err);
    pv_case *c = pv_case_load_scenario(fz_path("mini/case.json"), s, &err);
    if (!c) {
        fz_check_error(&err);
        return;
    }
    pv_ranking *r = pv_rank(c, &err);
    if (!r)
        fz_check_error(&err);
    else {
        size_t len;
        char *txt = pv_render_rank(c, r, PV_FMT_JSON, PV_LANG_EN, &len, &err);
        if (!txt)
            fz_die("render failed on a valid ranking");
        pv_free(txt);
    }
    pv_ranking_free(r);
    pv_case_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    fz_setup();
    int mode = data[0] % 3;
    data++;
    size--;
    pv_error err;
    pv_error_clear(&err);
    if (mode == 0) {
        char *buf = malloc(size + 2);
        if (!buf)
            return 0;
        memcpy(buf, data, size);
        buf[size] = buf[size + 1] = '\0';
        const char *target = buf;
        const char *patch = buf + strlen(buf) + (strlen(buf) < size ? 1 : 0);
        char *once = pv_merge_patch_text(target, patch, &err);
        if (!once)
            fz_check_error(&err);
        else {
            char *twice = pv_merge_patch_text(once, patch, &err);
            if (!twice || strcmp(once, twice) != 0)
                fz_die("merge patch is not idempotent");
            pv_free(twice);
        }
        pv_free(once);
        free(buf);
    } else if (mode == 1) {
        const char *path = fz_write("scenario.json", data, size);
        pv_scenario *s = pv_scenario_load(path, &err);
        if (!s)
            fz_check_error(&err);
        else {
            if (!pv_scenario_name(s))
                fz_die("scenario without a name");
            apply(s);
        }
        pv_scenario_free(s);
    } else {
        char *buf = malloc(size + 1);
        if (!buf)
            return 0;
        memcpy(buf, data, size);
        buf[size] = '\0';
        const char *sets[16];
        size_t n = 0;
        char *save = NULL;
        for (char *line = strtok_r(buf, "\n", &save); line && n < 16;
             line = strtok_r(NULL, "\n", &save))
            sets[n++] = line;
        pv_scenario *s = pv_scenario_from_sets("fuzz", sets, n, &err);
        if (!s)
            fz_check_error(&err);
        else
            apply(s);
        pv_scenario_free(s);
        free(buf);
    }
    return 0;
}
