/*
 * class: hash
 * variant: multiply-mix hash in the wyhash/mum family (this project's own parameters): every
 *          8-byte little-endian word is xored into the state and mixed by a 64x64->128-bit
 *          multiply whose halves are xored; tail zero-padded; length mixed in last.
 * computes: 64-bit hash of a byte buffer with a 64-bit seed;
 *           P0 = 0xa0761d6478bd642f, P1 = 0xe7037ed1a0b428db.
 */
// clara-corpus: class=hash entry=mum_hash64 signature=buf_len_seed_u64 ref=mum64 helpers=mum_mix
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t mum_mix(uint64_t a, uint64_t b)
{
    unsigned __int128 r = (unsigned __int128)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

uint64_t mum_hash64(const uint8_t *p, size_t len, uint64_t seed)
{
    const uint64_t P0 = 0xa0761d6478bd642full, P1 = 0xe7037ed1a0b428dbull;
    uint64_t h = seed ^ P0;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = mum_mix(h ^ w, P1);
    }
    if (i < len) {
        uint64_t w = 0;
        memcpy(&w, p + i, len - i);
        h = mum_mix(h ^ w, P1);
    }
    return mum_mix(h ^ (uint64_t)len, P0);
}
