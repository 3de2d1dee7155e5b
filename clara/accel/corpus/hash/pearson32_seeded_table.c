/*
 * class:    hash
 * variant:  seeded 32-bit Pearson hashing: the seed selects the permutation. T is a
 *           Fisher-Yates shuffle (i = 255 down to 1, swap T[i] and T[j]) whose random words
 *           come from a counter s = seed + k * 0x9e3779b9 (k = 1, 2, ...) passed through the
 *           "lowbias32" integer finalizer (x ^= x >> 16; x *= 0x7feb352d; x ^= x >> 15;
 *           x *= 0x846ca68b; x ^= x >> 16); j is taken by multiply-shift range reduction
 *           j = (r * (i + 1)) >> 32 instead of a modulo. The table is cached together with
 *           its seed and rebuilt when another seed is passed. Four lanes, lane k starting
 *           from h = k and running h = T[h ^ c] over every byte (no special first step).
 * computes: 32-bit hash of buf[0..len) under a 32-bit seed, lane 0 in the top byte
 *           (the empty input gives 0x00010203).
 */
// clara-corpus: class=hash entry=pearson32_seeded signature=buf_len_seed_u32 ref=pearson32-seeded helpers=pearson_seed_table,lowbias32
#include <stddef.h>
#include <stdint.h>

struct pearson_perm {
    uint8_t t[256];
    uint32_t seed;
    int valid;
};

static struct pearson_perm g_perm;

static uint32_t lowbias32(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352du;
    x ^= x >> 15;
    x *= 0x846ca68bu;
    x ^= x >> 16;
    return x;
}

static void pearson_seed_table(struct pearson_perm *pp, uint32_t seed)
{
    uint32_t ctr = seed;

    for (unsigned v = 0; v < 256; v++)
        pp->t[v] = (uint8_t)v;
    for (unsigned i = 255; i >= 1; i--) {
        uint32_t r, j;
        uint8_t tmp;

        ctr += 0x9e3779b9u;
        r = lowbias32(ctr);
        j = (uint32_t)(((uint64_t)r * (i + 1u)) >> 32);
        tmp = pp->t[i];
        pp->t[i] = pp->t[j];
        pp->t[j] = tmp;
    }
    pp->seed = seed;
    pp->valid = 1;
}

uint32_t pearson32_seeded(const uint8_t *buf, size_t len, uint32_t seed)
{
    uint32_t out = 0;

    if (!g_perm.valid || g_perm.seed != seed)
        pearson_seed_table(&g_perm, seed);
    for (unsigned lane = 0; lane < 4; lane++) {
        uint8_t h = (uint8_t)lane;
        size_t n = len;
        const uint8_t *p = buf;

        while (n--)
            h = g_perm.t[h ^ *p++];
        out |= (uint32_t)h << (24 - 8 * lane);
    }
    return out;
}
