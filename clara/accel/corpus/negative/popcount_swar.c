/*
 * class:    none (negative example)
 * variant:  SWAR population count of 32-bit masks (pairs, nibbles, bytes with the 0x55555555 /
 *           0x33333333 / 0x0F0F0F0F masks, then a multiply by 0x01010101 to add the bytes),
 *           summed over an array of active-port masks.
 * computes: total number of set bits in words[0..n).
 */
// clara-corpus: class=none entry=count_active_ports signature=custom
#include <stdint.h>
#include <stddef.h>

static uint32_t popcnt32(uint32_t v)
{
    v = v - ((v >> 1) & 0x55555555u);
    v = (v & 0x33333333u) + ((v >> 2) & 0x33333333u);
    v = (v + (v >> 4)) & 0x0F0F0F0Fu;
    return (v * 0x01010101u) >> 24;
}

uint32_t count_active_ports(const uint32_t *words, size_t n)
{
    uint32_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += popcnt32(words[i]);
    return total;
}
