/*
 * class: checksum
 * variant: incremental update of an Internet checksum after one 16-bit field changes,
 *          RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'), 32-bit sum with two folds
 *          (the NAT/TTL-decrement fast path).
 * computes: the new checksum field value (big-endian word values in and out).
 */
// clara-corpus: class=checksum entry=csum_replace2 signature=incr_u16 ref=rfc1624
#include <stddef.h>
#include <stdint.h>

uint16_t csum_replace2(uint16_t old_cksum, uint16_t old_word, uint16_t new_word)
{
    uint32_t sum = (uint16_t)~old_cksum;
    sum += (uint16_t)~old_word;
    sum += new_word;
    sum = (sum & 0xffff) + (sum >> 16);
    sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}
