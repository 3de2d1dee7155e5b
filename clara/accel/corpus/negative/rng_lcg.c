/*
 * class:    none (negative example)
 * variant:  linear congruential generator (Numerical Recipes constants 1664525/1013904223),
 *           used for sampling decisions and random early drop; fills an array.
 * computes: out[i] = successive LCG states; *state is advanced.
 */
// clara-corpus: class=none entry=lcg_fill signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

void lcg_fill(uint32_t *state, uint32_t *out, size_t n)
{
    uint32_t s = *state;
    size_t i;
    for (i = 0; i < n; i++) {
        s = s * 1664525u + 1013904223u;
        out[i] = s;
    }
    *state = s;
}
