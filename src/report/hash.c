/* hash.c — SHA-256 of input files for the reports, with OpenSSL's libcrypto
 * (EVP interface). The only file that includes OpenSSL; libcrypto is loaded
 * on the first hash (util/dl.c), not when the program starts. */
#include "html.h"

#include <openssl/evp.h>

#define CRYPTO_FUNCS(X) X(EVP_Digest) X(EVP_sha256)
static struct {
    CRYPTO_FUNCS(PV_DL_FIELD)
} fn;
static void dl_bind(void *so, const char **missing) { CRYPTO_FUNCS(PV_DL_BIND) }
static pv_dl crypto = {.soname = PV_CRYPTO_SONAME,
                       .package = "libssl3",
                       .purpose = "the SHA-256 of the input files in HTML and Excel reports",
                       .bind = dl_bind};

int pv_sha256_file(const char *path, char hex[65], pv_error *err)
{
    if (pv_dl_need(&crypto, err))
        return -1;
    size_t len = 0;
    char *data = pv_read_file(path, &len, err);
    if (!data)
        return -1;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    int ok = fn.EVP_Digest(data, len, md, &mdlen, fn.EVP_sha256(), NULL) == 1 && mdlen == 32;
    pv_free(data);
    if (!ok) {
        pv_err(err, PV_EINTERNAL, path, 0, 0, "cannot compute SHA-256");
        return -1;
    }
    static const char H[] = "0123456789abcdef";
    for (unsigned i = 0; i < 32; i++) {
        hex[2 * i] = H[md[i] >> 4];
        hex[2 * i + 1] = H[md[i] & 15];
    }
    hex[64] = '\0';
    return 0;
}
