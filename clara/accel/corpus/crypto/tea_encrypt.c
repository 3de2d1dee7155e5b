/*
 * class:    crypto
 * variant:  TEA (Wheeler & Needham 1994), 32 cycles (64 Feistel rounds), delta 0x9E3779B9,
 *           128-bit key as four words, in-place on a two-word block.
 * computes: v = TEA_k(v).
 */
// clara-corpus: class=crypto entry=tea_encipher signature=tea_words ref=tea
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define TEA_DELTA 0x9E3779B9u

void tea_encipher(uint32_t v[2], const uint32_t k[4])
{
    uint32_t y = v[0], z = v[1], sum = 0;
    uint32_t k0 = k[0], k1 = k[1], k2 = k[2], k3 = k[3];
    unsigned n;

    for (n = 0; n < 32; n++) {
        sum += TEA_DELTA;
        y += ((z << 4) + k0) ^ (z + sum) ^ ((z >> 5) + k1);
        z += ((y << 4) + k2) ^ (y + sum) ^ ((y >> 5) + k3);
    }
    v[0] = y;
    v[1] = z;
}
