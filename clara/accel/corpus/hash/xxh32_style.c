/*
 * class: hash
 * variant: xxHash32-style: four accumulator lanes over 16-byte stripes (multiply by PRIME2,
 *          rotate 13, multiply by PRIME1), lane merge by rotations 1/7/12/18, 4-byte then 1-byte
 *          tail steps, final avalanche; written from the published constants and structure.
 * computes: 32-bit XXH32 of a buffer with a seed.
 * parameters: PRIME32_1..5 = 0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1.
 */
// clara-corpus: class=hash entry=xxh32_hash signature=buf_len_seed_u32 ref=xxh32 helpers=xxh32_round,rd32
#include <stddef.h>
#include <stdint.h>

#define P32_1 0x9E3779B1U
#define P32_2 0x85EBCA77U
#define P32_3 0xC2B2AE3DU
#define P32_4 0x27D4EB2FU
#define P32_5 0x165667B1U

static inline uint32_t rl(uint32_t v, int r)
{
    return (v << r) | (v >> (32 - r));
}

static inline uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint32_t xxh32_round(uint32_t acc, uint32_t lane)
{
    acc += lane * P32_2;
    acc = rl(acc, 13);
    return acc * P32_1;
}

uint32_t xxh32_hash(const uint8_t *in, size_t len, uint32_t seed)
{
    const uint8_t *p = in;
    const uint8_t *const end = in + len;
    uint32_t h;

    if (len >= 16) {
        const uint8_t *const limit = end - 16;
        uint32_t v1 = seed + P32_1 + P32_2;
        uint32_t v2 = seed + P32_2;
        uint32_t v3 = seed;
        uint32_t v4 = seed - P32_1;
        do {
            v1 = xxh32_round(v1, rd32(p));
            v2 = xxh32_round(v2, rd32(p + 4));
            v3 = xxh32_round(v3, rd32(p + 8));
            v4 = xxh32_round(v4, rd32(p + 12));
            p += 16;
        } while (p <= limit);
        h = rl(v1, 1) + rl(v2, 7) + rl(v3, 12) + rl(v4, 18);
    } else {
        h = seed + P32_5;
    }
    h += (uint32_t)len;
    while (p + 4 <= end) {
        h += rd32(p) * P32_3;
        h = rl(h, 17) * P32_4;
        p += 4;
    }
    while (p < end) {
        h += (*p++) * P32_5;
        h = rl(h, 11) * P32_1;
    }
    h ^= h >> 15;
    h *= P32_2;
    h ^= h >> 13;
    h *= P32_3;
    h ^= h >> 16;
    return h;
}
