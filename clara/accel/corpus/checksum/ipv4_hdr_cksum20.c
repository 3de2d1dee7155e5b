/*
 * class: checksum
 * variant: IPv4 header checksum of a fixed 20-byte header (no options), fully unrolled over the
 *          ten big-endian words, the checksum field (word 5, bytes 10-11) skipped, two folds.
 * computes: the header checksum to store at bytes 10-11, big-endian word value.
 */
// clara-corpus: class=checksum entry=ipv4_hdr_csum signature=hdr20_u16 ref=ipv4-hdr
#include <stddef.h>
#include <stdint.h>

#define W(h, i) ((uint32_t)((h)[2 * (i)] << 8 | (h)[2 * (i) + 1]))

uint16_t ipv4_hdr_csum(const uint8_t *iph)
{
    uint32_t s = W(iph, 0) + W(iph, 1) + W(iph, 2) + W(iph, 3) + W(iph, 4)
               /* word 5 is the checksum itself */
               + W(iph, 6) + W(iph, 7) + W(iph, 8) + W(iph, 9);
    s = (s >> 16) + (s & 0xFFFF);
    s += (s >> 16);
    return (uint16_t)~s;
}
