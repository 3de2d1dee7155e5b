/*
 * class: checksum
 * variant: RFC 1624 incremental update written with a one's-complement add helper
 *          (a + b + carry-out), subtraction as addition of the complement; 16-bit arithmetic.
 * computes: HC' = ~(~HC + ~m + m') for one changed 16-bit word (big-endian word values).
 */
// clara-corpus: class=checksum entry=cksum_adjust signature=incr_u16 ref=rfc1624 helpers=oc_add
#include <stddef.h>
#include <stdint.h>

static uint16_t oc_add(uint16_t a, uint16_t b)
{
    uint16_t r = (uint16_t)(a + b);
    return (uint16_t)(r + (r < a));
}

uint16_t cksum_adjust(uint16_t hc, uint16_t m, uint16_t m_new)
{
    uint16_t t = oc_add((uint16_t)~hc, (uint16_t)~m);
    t = oc_add(t, m_new);
    return (uint16_t)~t;
}
