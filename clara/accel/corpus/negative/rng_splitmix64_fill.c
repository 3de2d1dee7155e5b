/*
 * class:    none (negative example)
 * variant:  splitmix64 random stream (Weyl increment 0x9E3779B97F4A7C15, then two
 *           xor-shift/multiply steps with 0xBF58476D1CE4E5B9 and 0x94D049BB133111EB) used by a
 *           traffic generator to fill test payloads; outputs are stored little-endian, the last
 *           word truncated. The mixing looks like a hash finaliser, but nothing is hashed: the
 *           input is a counter, the buffer is only written.
 * computes: fills out[0..n) with the stream for `seed`; returns the advanced state
 *           (seed + ceil(n/8) * 0x9E3779B97F4A7C15).
 */
// clara-corpus: class=none entry=splitmix64_fill signature=custom
#include <stdint.h>
#include <stddef.h>

#define SM64_GAMMA 0x9E3779B97F4A7C15ull

static uint64_t sm64_next(uint64_t *st)
{
    uint64_t z = (*st += SM64_GAMMA);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

uint64_t splitmix64_fill(uint64_t seed, uint8_t *out, size_t n)
{
    uint64_t st = seed;
    size_t pos = 0;

    while (pos < n) {
        uint64_t r = sm64_next(&st);
        size_t take = n - pos < 8 ? n - pos : 8;
        for (size_t k = 0; k < take; k++) {
            out[pos + k] = (uint8_t)r;
            r >>= 8;
        }
        pos += take;
    }
    return st;
}
