/*
 * class:    none (negative example)
 * variant:  power-of-two size histogram of packet lengths (or gaps) over a batch: the bucket
 *           is the bit length of the value, found without a loop by smearing the top set bit
 *           right (x |= x >> 1, 2, 4, 8, 16), multiplying by the de Bruijn-style constant
 *           0x07C4ACDD and looking the top five bits of the product up in a 32-entry table.
 *           The odd multiply, shift and table lookup look like a multiplicative hash, but the
 *           result is just floor(log2(x)) + 1.
 * computes: hist[b]++ for each value, b = 0 for 0 and floor(log2(v)) + 1 otherwise (0..32);
 *           returns the largest bucket used (0 for an empty batch).
 */
// clara-corpus: class=none entry=log2_histogram signature=custom
#include <stdint.h>
#include <stddef.h>

static const uint8_t smear_log2_tab[32] = {
    0, 9, 1, 10, 13, 21, 2, 29, 11, 14, 16, 18, 22, 25, 3, 30,
    8, 12, 20, 28, 15, 17, 24, 7, 19, 27, 23, 6, 26, 5, 4, 31,
};

static unsigned bit_length32(uint32_t x)
{
    if (x == 0)
        return 0;
    x |= x >> 1;
    x |= x >> 2;
    x |= x >> 4;
    x |= x >> 8;
    x |= x >> 16;
    return 1u + smear_log2_tab[(uint32_t)(x * 0x07C4ACDDu) >> 27];
}

unsigned log2_histogram(const uint32_t *vals, size_t n, uint32_t hist[33])
{
    unsigned top = 0;

    for (size_t i = 0; i < n; i++) {
        unsigned b = bit_length32(vals[i]);
        hist[b]++;
        if (b > top)
            top = b;
    }
    return top;
}
