/*
 * class:    none (negative example)
 * variant:  xoshiro128** pseudo-random generator (Blackman and Vigna: 128-bit xor/shift/rotate
 *           state, output scrambler rotl(s1 * 5, 7) * 9) filling a byte buffer with its
 *           32-bit outputs little-endian, e.g. for random padding or test payloads.
 *           Multiplies, rotates and xors of a state look like a hash's mixing, but no input
 *           data is absorbed: the bytes depend only on the seed state.
 * computes: fills out[0..n) (the last output word is truncated to the remaining bytes) and
 *           advances state[0..3] in place.
 */
// clara-corpus: class=none entry=xoshiro128ss_fill signature=custom
#include <stdint.h>
#include <stddef.h>

static inline uint32_t rol32(uint32_t x, unsigned k)
{
    return (x << k) | (x >> (32u - k));
}

static uint32_t xoshiro128ss_next(uint32_t s[4])
{
    uint32_t result = rol32(s[1] * 5u, 7) * 9u;
    uint32_t t = s[1] << 9;

    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rol32(s[3], 11);
    return result;
}

void xoshiro128ss_fill(uint32_t state[4], uint8_t *out, size_t n)
{
    size_t i = 0;

    while (i < n) {
        uint32_t r = xoshiro128ss_next(state);
        for (unsigned k = 0; k < 4 && i < n; k++, i++) {
            out[i] = (uint8_t)r;
            r >>= 8;
        }
    }
}
