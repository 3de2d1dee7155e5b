/*
 * class: hash
 * variant: Pearson hashing widened to 32 bits: an 8-bit hash h = T[h ^ c] over a 256-byte
 *          permutation table, run four times with a different first step and the four bytes
 *          concatenated. The permutation is built once by a Fisher-Yates shuffle driven by a
 *          32-bit LCG (x = x * 1103515245 + 12345, j = (x >> 16) % (i + 1)).
 * computes: 32-bit Pearson hash of a byte buffer.
 */
// clara-corpus: class=hash entry=pearson32 signature=buf_len_u32 ref=pearson helpers=pearson_table
#include <stddef.h>
#include <stdint.h>

static uint8_t perm[256];
static int perm_ready;

static void pearson_table(void)
{
    uint32_t x = 1;
    for (int i = 0; i < 256; i++)
        perm[i] = (uint8_t)i;
    for (int i = 255; i > 0; i--) {
        x = x * 1103515245u + 12345u;
        int j = (int)((x >> 16) % (uint32_t)(i + 1));
        uint8_t t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    perm_ready = 1;
}

uint32_t pearson32(const uint8_t *msg, size_t len)
{
    uint32_t out = 0;
    if (!perm_ready)
        pearson_table();
    for (uint32_t j = 0; j < 4; j++) {
        uint8_t h = perm[(j + (len ? msg[0] : 0u)) & 0xffu];
        for (size_t i = 1; i < len; i++)
            h = perm[h ^ msg[i]];
        out = (out << 8) | h;
    }
    return out;
}
