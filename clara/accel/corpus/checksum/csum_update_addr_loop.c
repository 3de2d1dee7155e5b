/*
 * class: checksum
 * variant: update for a changed 32-bit field done as two RFC 1624 word updates in a loop over
 *          the halves, with a one's complement add that folds the carry immediately.
 * computes: HC' after a 32-bit field changes from `from` to `to` (big-endian word values).
 */
// clara-corpus: class=checksum entry=cksum_fix_u32 signature=incr32_u16 ref=rfc1624-32 helpers=ones_add16
#include <stddef.h>
#include <stdint.h>

static uint16_t ones_add16(uint16_t a, uint16_t b)
{
    uint32_t t = (uint32_t)a + b;
    return (uint16_t)((t & 0xffff) + (t >> 16));
}

uint16_t cksum_fix_u32(uint16_t check, uint32_t from, uint32_t to)
{
    uint16_t acc = (uint16_t)~check;
    for (int half = 0; half < 2; half++) {
        int shift = 16 * half;
        acc = ones_add16(acc, (uint16_t)~(from >> shift));
        acc = ones_add16(acc, (uint16_t)(to >> shift));
    }
    return (uint16_t)~acc;
}
