/*
 * class: hash
 * variant: MurmurHash3 x86_32 written without memcpy: each block assembled from four bytes,
 *          the rotations spelled as shift pairs, the tail folded by a loop from the last byte
 *          down, fmix inlined at the end.
 * computes: 32-bit MurmurHash3 (x86_32) of a byte buffer with a seed.
 */
// clara-corpus: class=hash entry=mm3_bytes signature=buf_len_seed_u32 ref=murmur3-32
#include <stddef.h>
#include <stdint.h>

uint32_t mm3_bytes(const uint8_t *p, size_t n, uint32_t seed)
{
    uint32_t h = seed;
    size_t i = 0;

    for (; i + 4 <= n; i += 4) {
        uint32_t k = p[i] | (uint32_t)p[i + 1] << 8 | (uint32_t)p[i + 2] << 16 |
                     (uint32_t)p[i + 3] << 24;
        k *= 0xcc9e2d51u;
        k = (k << 15) | (k >> 17);
        k *= 0x1b873593u;
        h ^= k;
        h = (h << 13) | (h >> 19);
        h = h * 5 + 0xe6546b64u;
    }
    if (i < n) {
        uint32_t k = 0;
        for (size_t j = n; j > i; j--)
            k = (k << 8) | p[j - 1];
        k *= 0xcc9e2d51u;
        k = (k << 15) | (k >> 17);
        k *= 0x1b873593u;
        h ^= k;
    }
    h ^= (uint32_t)n;
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}
