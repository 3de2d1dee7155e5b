/*
 * class:    hash
 * variant:  32-bit Pearson hashing: four 8-bit Pearson hashes of the data, lane k starting from
 *           T[(first byte + k) & 255], concatenated; the permutation T is made once by a
 *           Fisher-Yates shuffle driven by a 32-bit xorshift generator (table built in the
 *           helper, on first use).
 * computes: a 32-bit hash of buf[0..len).
 */
// clara-corpus: class=hash entry=pearson4_hash signature=buf_len_u32 ref=pearson4-xorshift helpers=pearson4_table
#include <stdint.h>
#include <stddef.h>

static uint8_t p4_perm[256];
static int p4_ready;

static void pearson4_table(void)
{
    uint32_t s = 0x9e3779b9u;
    for (int i = 0; i < 256; i++)
        p4_perm[i] = (uint8_t)i;
    for (int i = 255; i > 0; i--) {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        int j = (int)(s % (uint32_t)(i + 1));
        uint8_t t = p4_perm[i];
        p4_perm[i] = p4_perm[j];
        p4_perm[j] = t;
    }
    p4_ready = 1;
}

uint32_t pearson4_hash(const uint8_t *buf, size_t len)
{
    uint32_t out = 0;
    if (!p4_ready)
        pearson4_table();
    if (len == 0)
        return 0;
    for (unsigned lane = 0; lane < 4; lane++) {
        uint8_t h = p4_perm[(buf[0] + lane) & 255];
        for (size_t i = 1; i < len; i++)
            h = p4_perm[h ^ buf[i]];
        out = out << 8 | h;
    }
    return out;
}
