/*
 * class:    none (negative example)
 * variant:  byte-order utilities written with shifts and masks (no builtins): 16/32/64-bit
 *           swaps and an in-place array conversion used when serialising counters.
 * computes: byte-swaps every word of v[0..n) in place; returns the xor of the results (for
 *           a cheap self-test).
 */
// clara-corpus: class=none entry=bswap32_array signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

static inline uint16_t my_bswap16(uint16_t x) { return (uint16_t)((x << 8) | (x >> 8)); }

static inline uint32_t my_bswap32(uint32_t x)
{
    return ((x & 0x000000ffu) << 24) | ((x & 0x0000ff00u) << 8) |
           ((x & 0x00ff0000u) >> 8) | ((x & 0xff000000u) >> 24);
}

uint64_t my_bswap64(uint64_t x)
{
    return ((uint64_t)my_bswap32((uint32_t)x) << 32) | my_bswap32((uint32_t)(x >> 32));
}

uint16_t port_to_wire(uint16_t p)
{
    return my_bswap16(p);
}

uint32_t bswap32_array(uint32_t *v, size_t n)
{
    uint32_t acc = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        v[i] = my_bswap32(v[i]);
        acc ^= v[i];
    }
    return acc;
}
