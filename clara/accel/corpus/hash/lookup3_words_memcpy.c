/*
 * class: hash
 * variant: Jenkins lookup3 (hashlittle semantics) with the mix and final steps as small
 *          functions on an array of three state words, blocks copied with memcpy (little-endian
 *          host), and the last partial block zero-padded in a local buffer before final().
 * computes: 32-bit lookup3 hashlittle of a byte buffer with an initial value (seed).
 */
// clara-corpus: class=hash entry=l3_hash signature=buf_len_seed_u32 ref=lookup3 helpers=l3_mix,l3_final
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint32_t rot(uint32_t x, int k)
{
    return (x << k) | (x >> (32 - k));
}

static void l3_mix(uint32_t s[3])
{
    s[0] -= s[2]; s[0] ^= rot(s[2], 4);  s[2] += s[1];
    s[1] -= s[0]; s[1] ^= rot(s[0], 6);  s[0] += s[2];
    s[2] -= s[1]; s[2] ^= rot(s[1], 8);  s[1] += s[0];
    s[0] -= s[2]; s[0] ^= rot(s[2], 16); s[2] += s[1];
    s[1] -= s[0]; s[1] ^= rot(s[0], 19); s[0] += s[2];
    s[2] -= s[1]; s[2] ^= rot(s[1], 4);  s[1] += s[0];
}

static void l3_final(uint32_t s[3])
{
    s[2] ^= s[1]; s[2] -= rot(s[1], 14);
    s[0] ^= s[2]; s[0] -= rot(s[2], 11);
    s[1] ^= s[0]; s[1] -= rot(s[0], 25);
    s[2] ^= s[1]; s[2] -= rot(s[1], 16);
    s[0] ^= s[2]; s[0] -= rot(s[2], 4);
    s[1] ^= s[0]; s[1] -= rot(s[0], 14);
    s[2] ^= s[1]; s[2] -= rot(s[1], 24);
}

uint32_t l3_hash(const uint8_t *key, size_t length, uint32_t initval)
{
    uint32_t s[3];
    s[0] = s[1] = s[2] = 0xdeadbeefu + (uint32_t)length + initval;
    while (length > 12) {
        uint32_t w[3];
        memcpy(w, key, 12);
        s[0] += w[0];
        s[1] += w[1];
        s[2] += w[2];
        l3_mix(s);
        key += 12;
        length -= 12;
    }
    if (length == 0)
        return s[2];
    uint8_t last[12] = {0};
    uint32_t w[3];
    memcpy(last, key, length);
    memcpy(w, last, 12);
    s[0] += w[0];
    s[1] += w[1];
    s[2] += w[2];
    l3_final(s);
    return s[2];
}
