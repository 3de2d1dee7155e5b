/*
 * class: hash
 * variant: jhash (the lookup3 function as used for kernel hash tables) written with static
 *          inline mix/final functions taking pointers, a rol32 helper, native little-endian
 *          word loads through memcpy, and the tail copied into a zero-padded 12-byte block.
 * computes: 32-bit lookup3/jhash of a byte buffer with an initval (equal to hashlittle on a
 *           little-endian host).
 * parameters: JHASH_INITVAL 0xdeadbeef; a = b = c = JHASH_INITVAL + len + initval.
 */
// clara-corpus: class=hash entry=jhash_buf signature=buf_len_seed_u32 ref=lookup3 helpers=jh_mix,jh_final
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define JHASH_INITVAL 0xdeadbeefU

static inline uint32_t rol32(uint32_t w, unsigned s)
{
    return (w << s) | (w >> (32 - s));
}

static inline void jh_mix(uint32_t *a, uint32_t *b, uint32_t *c)
{
    *a -= *c; *a ^= rol32(*c, 4);  *c += *b;
    *b -= *a; *b ^= rol32(*a, 6);  *a += *c;
    *c -= *b; *c ^= rol32(*b, 8);  *b += *a;
    *a -= *c; *a ^= rol32(*c, 16); *c += *b;
    *b -= *a; *b ^= rol32(*a, 19); *a += *c;
    *c -= *b; *c ^= rol32(*b, 4);  *b += *a;
}

static inline void jh_final(uint32_t *a, uint32_t *b, uint32_t *c)
{
    *c ^= *b; *c -= rol32(*b, 14);
    *a ^= *c; *a -= rol32(*c, 11);
    *b ^= *a; *b -= rol32(*a, 25);
    *c ^= *b; *c -= rol32(*b, 16);
    *a ^= *c; *a -= rol32(*c, 4);
    *b ^= *a; *b -= rol32(*a, 14);
    *c ^= *b; *c -= rol32(*b, 24);
}

uint32_t jhash_buf(const uint8_t *key, size_t length, uint32_t initval)
{
    uint32_t a, b, c, w[3];
    uint8_t last[12];

    a = b = c = JHASH_INITVAL + (uint32_t)length + initval;
    for (; length > 12; length -= 12, key += 12) {
        memcpy(w, key, 12);
        a += w[0];
        b += w[1];
        c += w[2];
        jh_mix(&a, &b, &c);
    }
    if (length == 0)
        return c;
    memset(last, 0, sizeof last);
    memcpy(last, key, length);
    memcpy(w, last, 12);
    a += w[0];
    b += w[1];
    c += w[2];
    jh_final(&a, &b, &c);
    return c;
}
