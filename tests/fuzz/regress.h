/* regress.h — replaying fuzzer inputs without libFuzzer (regress_driver.c). */
#ifndef PV_FUZZ_REGRESS_H
#define PV_FUZZ_REGRESS_H

#include <stddef.h>
#include <stdint.h>

/* A harness's LLVMFuzzerTestOneInput. */
typedef int (*pv_fuzz_fn)(const uint8_t *data, size_t size);

/* Replays every file, and every regular file of every folder (sorted, not
 * recursive), of paths[0..n) through fn; absent paths are skipped. Sets
 * *count to the inputs run; returns -1 if one was unreadable, else 0. */
int pv_regress_replay(pv_fuzz_fn fn, const char *const *paths, int n, size_t *count);

#endif
