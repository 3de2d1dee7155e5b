/*
 * class:    none (negative example)
 * variant:  Morton (Z-order) keys for a batch of (x, y) grid cells, e.g. (queue, port) pairs of a
 *           counter matrix: both 16-bit coordinates are put in one 64-bit word (x in the low
 *           half, y in the high half) and spread together by shift-or steps with the 64-bit masks
 *           0x0000FFFF0000FFFF, 0x00FF00FF00FF00FF, 0x0F0F..., 0x3333..., 0x5555...; the
 *           decoder compacts them back with the same masks in reverse order.
 * computes: morton_pack_arrays writes z[i] = interleave(x[i] on even bits, y[i] on odd bits);
 *           morton_unpack_arrays splits z back into x and y.
 */
// clara-corpus: class=none entry=morton_pack_arrays signature=custom
#include <stdint.h>
#include <stddef.h>

static uint64_t spread_halves(uint64_t w)
{
    w &= 0x0000FFFF0000FFFFull;
    w = (w | (w << 8)) & 0x00FF00FF00FF00FFull;
    w = (w | (w << 4)) & 0x0F0F0F0F0F0F0F0Full;
    w = (w | (w << 2)) & 0x3333333333333333ull;
    w = (w | (w << 1)) & 0x5555555555555555ull;
    return w;
}

static uint64_t compact_halves(uint64_t w)
{
    w &= 0x5555555555555555ull;
    w = (w | (w >> 1)) & 0x3333333333333333ull;
    w = (w | (w >> 2)) & 0x0F0F0F0F0F0F0F0Full;
    w = (w | (w >> 4)) & 0x00FF00FF00FF00FFull;
    w = (w | (w >> 8)) & 0x0000FFFF0000FFFFull;
    return w;
}

void morton_pack_arrays(const uint16_t *x, const uint16_t *y, uint32_t *z, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t w = spread_halves((uint64_t)x[i] | ((uint64_t)y[i] << 32));
        z[i] = (uint32_t)w | ((uint32_t)(w >> 32) << 1);
    }
}

void morton_unpack_arrays(const uint32_t *z, uint16_t *x, uint16_t *y, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t w = compact_halves((uint64_t)z[i] | ((uint64_t)(z[i] >> 1) << 32));
        x[i] = (uint16_t)w;
        y[i] = (uint16_t)(w >> 32);
    }
}
