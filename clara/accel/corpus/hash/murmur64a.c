/*
 * class: hash
 * variant: MurmurHash64A: 8-byte little-endian words (memcpy, little-endian host) mixed with
 *          multiply / xor-shift 47 / multiply and folded into h; the 1..7 byte tail is gathered
 *          into one word by a loop; final xor-shift / multiply / xor-shift.
 * computes: 64-bit MurmurHash64A of a byte buffer with a 64-bit seed;
 *           m = 0xc6a4a7935bd1e995, r = 47.
 */
// clara-corpus: class=hash entry=murmur64a signature=buf_len_seed_u64 ref=murmur64a
#include <stddef.h>
#include <stdint.h>
#include <string.h>

uint64_t murmur64a(const uint8_t *key, size_t len, uint64_t seed)
{
    const uint64_t m = 0xc6a4a7935bd1e995ull;
    const int r = 47;
    uint64_t h = seed ^ (len * m);
    size_t nblocks = len / 8;

    for (size_t i = 0; i < nblocks; i++) {
        uint64_t k;
        memcpy(&k, key + 8 * i, 8);
        k *= m;
        k ^= k >> r;
        k *= m;
        h ^= k;
        h *= m;
    }
    const uint8_t *tail = key + 8 * nblocks;
    size_t rem = len & 7;
    if (rem) {
        uint64_t t = 0;
        for (size_t i = 0; i < rem; i++)
            t |= (uint64_t)tail[i] << (8 * i);
        h ^= t;
        h *= m;
    }
    h ^= h >> r;
    h *= m;
    h ^= h >> r;
    return h;
}
