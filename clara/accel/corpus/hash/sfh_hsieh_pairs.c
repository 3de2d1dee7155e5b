/*
 * class: hash
 * variant: Paul Hsieh's SuperFastHash written over whole little-endian 32-bit words: each word
 *          is split into its low and high 16-bit halves with masks and shifts, the loop runs to
 *          an end pointer, the 1..3 byte tail goes through an if/else chain with the last
 *          byte sign-extended by an explicit mask, and the six-step final avalanche is a loop
 *          over a shift table alternating xor-left and add-right steps. (The other
 *          SuperFastHash file reads 16-bit halves with a macro, counts words down and uses a
 *          switch plus an unrolled avalanche.)
 * computes: 32-bit SuperFastHash of s[0..n) (initial value n; 0 for an empty input).
 */
// clara-corpus: class=hash entry=hsieh_pairs signature=buf_len_u32 ref=sfh
#include <stddef.h>
#include <stdint.h>

static const uint8_t sfh_final_shifts[6] = { 3, 5, 4, 17, 25, 6 };

uint32_t hsieh_pairs(const uint8_t *s, size_t n)
{
    const uint8_t *stop;
    uint32_t h = (uint32_t)n;
    unsigned rem;

    if (n == 0)
        return 0;
    stop = s + (n & ~(size_t)3);
    while (s != stop) {
        uint32_t w = (uint32_t)s[0] | ((uint32_t)s[1] << 8) | ((uint32_t)s[2] << 16) |
                     ((uint32_t)s[3] << 24);
        uint32_t lo = w & 0xffffu, hi = w >> 16;
        h += lo;
        h = (h << 16) ^ ((hi << 11) ^ h);
        h += h >> 11;
        s += 4;
    }

    rem = (unsigned)(n & 3);
    if (rem == 3) {
        uint32_t last = s[2];
        if (last & 0x80u)
            last |= 0xffffff00u;
        h += (uint32_t)s[0] | ((uint32_t)s[1] << 8);
        h ^= h << 16;
        h ^= last << 18;
        h += h >> 11;
    } else if (rem == 2) {
        h += (uint32_t)s[0] | ((uint32_t)s[1] << 8);
        h ^= h << 11;
        h += h >> 17;
    } else if (rem == 1) {
        uint32_t last = s[0];
        if (last & 0x80u)
            last |= 0xffffff00u;
        h += last;
        h ^= h << 10;
        h += h >> 1;
    }

    for (unsigned k = 0; k < 6; k++) {
        if (k & 1u)
            h += h >> sfh_final_shifts[k];
        else
            h ^= h << sfh_final_shifts[k];
    }
    return h;
}
