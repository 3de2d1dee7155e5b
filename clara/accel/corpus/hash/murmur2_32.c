/*
 * class: hash
 * variant: MurmurHash2 (32-bit): 4-byte little-endian blocks assembled from bytes, each
 *          multiplied by m, xor-shifted by r and multiplied again, then folded into h with a
 *          multiply and xor; 1..3 tail bytes xored in by a fall-through switch; final avalanche.
 * computes: 32-bit MurmurHash2 of a byte buffer with a seed; m = 0x5bd1e995, r = 24.
 */
// clara-corpus: class=hash entry=murmur2_hash signature=buf_len_seed_u32 ref=murmur2
#include <stddef.h>
#include <stdint.h>

uint32_t murmur2_hash(const uint8_t *data, size_t len, uint32_t seed)
{
    const uint32_t m = 0x5bd1e995u;
    const int r = 24;
    uint32_t h = seed ^ (uint32_t)len;

    while (len >= 4) {
        uint32_t k = (uint32_t)data[0] | (uint32_t)data[1] << 8 | (uint32_t)data[2] << 16 |
                     (uint32_t)data[3] << 24;
        k *= m;
        k ^= k >> r;
        k *= m;
        h *= m;
        h ^= k;
        data += 4;
        len -= 4;
    }
    switch (len) {
    case 3:
        h ^= (uint32_t)data[2] << 16;
        /* fall through */
    case 2:
        h ^= (uint32_t)data[1] << 8;
        /* fall through */
    case 1:
        h ^= data[0];
        h *= m;
    }
    h ^= h >> 13;
    h *= m;
    h ^= h >> 15;
    return h;
}
