/*
 * class: checksum
 * variant: RFC 1624 eqn. 3 in 32-bit arithmetic: ~HC + ~m + m' summed in a uint32_t, folded
 *          twice, complemented; no helper, values masked explicitly.
 * computes: HC' for one changed 16-bit word (big-endian word values).
 */
// clara-corpus: class=checksum entry=csum_replace2 signature=incr_u16 ref=rfc1624
#include <stddef.h>
#include <stdint.h>

uint16_t csum_replace2(uint16_t check, uint16_t old, uint16_t new_word)
{
    uint32_t s = (~(uint32_t)check & 0xffffu) + (~(uint32_t)old & 0xffffu) + new_word;
    s = (s & 0xffffu) + (s >> 16);
    s = (s & 0xffffu) + (s >> 16);
    return (uint16_t)~s;
}
