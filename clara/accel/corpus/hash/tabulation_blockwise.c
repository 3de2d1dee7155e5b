/*
 * class: hash
 * variant: simple tabulation hashing evaluated a 4-byte block at a time: the four bytes of a
 *          block index four different random tables, the four words are xored first and the
 *          block's combined word is rotated left by the block number (mod 32) once before it
 *          is xored into the hash (rotation distributes over xor, so this equals rotating
 *          each byte's word); the final 1..3 bytes form a partial block. The other
 *          tabulation file rotates and xors every byte separately. Tables: 4 x 256 random
 *          32-bit words from a counter (golden-ratio increments) passed through the
 *          MurmurHash3 fmix32 finalizer, filled on first use.
 * computes: 32-bit hash of p[0..n), initial value n.
 */
// clara-corpus: class=hash entry=tab_block_hash signature=buf_len_u32 ref=tabulation helpers=tab_init_rand
#include <stddef.h>
#include <stdint.h>

static uint32_t rand_tab[4 * 256];
static int rand_tab_ok;

static void tab_init_rand(void)
{
    for (uint32_t k = 0; k < 4 * 256; k++) {
        uint32_t x = 0x9e3779b9u * (k + 2u);   /* counter value before mixing */
        x ^= x >> 16;
        x *= 0x85ebca6bu;
        x ^= x >> 13;
        x *= 0xc2b2ae35u;
        x ^= x >> 16;
        rand_tab[k] = x;
    }
    rand_tab_ok = 1;
}

static inline uint32_t rotl32(uint32_t v, unsigned r)
{
    r &= 31u;
    return (v << r) | (v >> ((32u - r) & 31u));
}

uint32_t tab_block_hash(const uint8_t *p, size_t n)
{
    const uint32_t *t0 = rand_tab, *t1 = rand_tab + 256, *t2 = rand_tab + 512,
                   *t3 = rand_tab + 768;
    uint32_t h = (uint32_t)n;
    size_t blocks = n / 4, blk;

    if (!rand_tab_ok)
        tab_init_rand();
    for (blk = 0; blk < blocks; blk++, p += 4) {
        uint32_t w = t0[p[0]] ^ t1[p[1]] ^ t2[p[2]] ^ t3[p[3]];
        h ^= rotl32(w, (unsigned)blk);
    }
    if (n & 3) {
        uint32_t w = t0[p[0]];
        if ((n & 3) > 1)
            w ^= t1[p[1]];
        if ((n & 3) > 2)
            w ^= t2[p[2]];
        h ^= rotl32(w, (unsigned)blk);
    }
    return h;
}
