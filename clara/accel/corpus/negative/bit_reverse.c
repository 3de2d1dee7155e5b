/*
 * class:    none (negative example)
 * variant:  32-bit bit reversal by swapping progressively smaller groups (16, 8, 4, 2, 1),
 *           as used for bit-reversed index permutations; confusable with reflected CRCs.
 * computes: the bit-reversed value of x.
 */
// clara-corpus: class=none entry=bitrev32 signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

uint32_t bitrev32(uint32_t x)
{
    x = (x >> 16) | (x << 16);
    x = ((x & 0xff00ff00u) >> 8) | ((x & 0x00ff00ffu) << 8);
    x = ((x & 0xf0f0f0f0u) >> 4) | ((x & 0x0f0f0f0fu) << 4);
    x = ((x & 0xccccccccu) >> 2) | ((x & 0x33333333u) << 2);
    x = ((x & 0xaaaaaaaau) >> 1) | ((x & 0x55555555u) << 1);
    return x;
}
