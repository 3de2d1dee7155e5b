/*
 * class: hash
 * variant: hand-written word hash built on the splitmix64 finalizer: the state starts at the
 *          length, every 8-byte little-endian word (the tail zero-padded) is xored in and the
 *          state is mixed by xor-shift 30 / multiply / xor-shift 27 / multiply / xor-shift 31.
 * computes: 64-bit hash of a byte buffer.
 */
// clara-corpus: class=hash entry=sm_hash64 signature=buf_len_u64 ref=sm64 helpers=sm_mix
#include <stddef.h>
#include <stdint.h>

static uint64_t sm_mix(uint64_t z)
{
    z ^= z >> 30;
    z *= 0xbf58476d1ce4e5b9ull;
    z ^= z >> 27;
    z *= 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

uint64_t sm_hash64(const uint8_t *p, size_t n)
{
    uint64_t h = n;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t w = 0;
        for (size_t k = 0; k < 8 && i + k < n; k++)
            w |= (uint64_t)p[i + k] << (8 * k);
        h = sm_mix(h ^ w);
    }
    return h;
}
