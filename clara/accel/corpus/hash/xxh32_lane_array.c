/*
 * class: hash
 * variant: xxHash32 with the four accumulators in an array updated by an inner loop over the
 *          lanes of each 16-byte stripe, little-endian reads assembled from bytes, rotate as a
 *          macro.
 * computes: 32-bit xxHash32 of a byte buffer with a seed.
 */
// clara-corpus: class=hash entry=xxh32_arr signature=buf_len_seed_u32 ref=xxh32
#include <stddef.h>
#include <stdint.h>

#define ROTL32(x, r) (((x) << (r)) | ((x) >> (32 - (r))))
#define PR1 0x9E3779B1u
#define PR2 0x85EBCA77u
#define PR3 0xC2B2AE3Du
#define PR4 0x27D4EB2Fu
#define PR5 0x165667B1u

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

uint32_t xxh32_arr(const uint8_t *in, size_t len, uint32_t seed)
{
    size_t pos = 0;
    uint32_t h;
    if (len >= 16) {
        uint32_t acc[4] = {seed + PR1 + PR2, seed + PR2, seed, seed - PR1};
        while (pos + 16 <= len) {
            for (int l = 0; l < 4; l++) {
                acc[l] += le32(in + pos + 4 * l) * PR2;
                acc[l] = ROTL32(acc[l], 13);
                acc[l] *= PR1;
            }
            pos += 16;
        }
        h = ROTL32(acc[0], 1) + ROTL32(acc[1], 7) + ROTL32(acc[2], 12) + ROTL32(acc[3], 18);
    } else {
        h = seed + PR5;
    }
    h += (uint32_t)len;
    for (; pos + 4 <= len; pos += 4) {
        h += le32(in + pos) * PR3;
        h = ROTL32(h, 17) * PR4;
    }
    for (; pos < len; pos++) {
        h += in[pos] * PR5;
        h = ROTL32(h, 11) * PR1;
    }
    h ^= h >> 15;
    h *= PR2;
    h ^= h >> 13;
    h *= PR3;
    h ^= h >> 16;
    return h;
}
