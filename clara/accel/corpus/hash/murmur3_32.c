/*
 * class: hash
 * variant: MurmurHash3 x86_32: 4-byte little-endian blocks (memcpy, little-endian host) scrambled
 *          with c1/c2 and rotations, tail bytes gathered by a switch, fmix32 avalanche.
 * computes: 32-bit Murmur3 of a buffer with a 32-bit seed.
 * parameters: c1 0xcc9e2d51, c2 0x1b873593, rotl 15 / 13, h = h*5 + 0xe6546b64;
 *             fmix32 multipliers 0x85ebca6b, 0xc2b2ae35.
 */
// clara-corpus: class=hash entry=murmur3_32 signature=buf_len_seed_u32 ref=murmur3-32 helpers=fmix32
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint32_t rotl32(uint32_t x, int r)
{
    return (x << r) | (x >> (32 - r));
}

static inline uint32_t fmix32(uint32_t h)
{
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

uint32_t murmur3_32(const uint8_t *data, size_t len, uint32_t seed)
{
    const uint32_t c1 = 0xcc9e2d51u, c2 = 0x1b873593u;
    const size_t nblocks = len / 4;
    uint32_t h1 = seed;

    for (size_t i = 0; i < nblocks; i++) {
        uint32_t k1;
        memcpy(&k1, data + i * 4, 4);
        k1 *= c1;
        k1 = rotl32(k1, 15);
        k1 *= c2;
        h1 ^= k1;
        h1 = rotl32(h1, 13);
        h1 = h1 * 5 + 0xe6546b64u;
    }

    const uint8_t *tail = data + nblocks * 4;
    uint32_t k1 = 0;
    switch (len & 3) {
    case 3:
        k1 ^= (uint32_t)tail[2] << 16;
        /* fall through */
    case 2:
        k1 ^= (uint32_t)tail[1] << 8;
        /* fall through */
    case 1:
        k1 ^= tail[0];
        k1 *= c1;
        k1 = rotl32(k1, 15);
        k1 *= c2;
        h1 ^= k1;
    }
    h1 ^= (uint32_t)len;
    return fmix32(h1);
}
