/*
 * class:    none (negative example)
 * variant:  PCG32 (XSH-RR output of a 64-bit LCG, O'Neill), state and odd increment in a
 *           struct; used for per-core random load balancing.
 * computes: next 32-bit output.
 */
// clara-corpus: class=none entry=pcg32_next signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct pcg32 {
    uint64_t state;
    uint64_t inc;
};

uint32_t pcg32_next(struct pcg32 *g)
{
    uint64_t old = g->state;
    uint32_t xorshifted, rot;

    g->state = old * 6364136223846793005ull + (g->inc | 1u);
    xorshifted = (uint32_t)(((old >> 18) ^ old) >> 27);
    rot = (uint32_t)(old >> 59);
    return (xorshifted >> rot) | (xorshifted << ((32 - rot) & 31));
}
