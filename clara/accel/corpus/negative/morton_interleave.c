/*
 * class:    none (negative example)
 * variant:  Morton (Z-order) encoding of two 16-bit coordinates by spreading bits with the
 *           classic shift-or-mask steps (masks 0x00FF00FF, 0x0F0F0F0F, 0x33333333,
 *           0x55555555), e.g. to key a 2-D grid of (port, queue) counters.
 * computes: morton2 returns the 32-bit interleaving of x (even bits) and y (odd bits).
 */
// clara-corpus: class=none entry=morton2 signature=custom
#include <stdint.h>
#include <stddef.h>

static uint32_t spread16(uint32_t v)
{
    v &= 0xFFFFu;
    v = (v | (v << 8)) & 0x00FF00FFu;
    v = (v | (v << 4)) & 0x0F0F0F0Fu;
    v = (v | (v << 2)) & 0x33333333u;
    v = (v | (v << 1)) & 0x55555555u;
    return v;
}

uint32_t morton2(uint16_t x, uint16_t y)
{
    return spread16(x) | (spread16(y) << 1);
}
