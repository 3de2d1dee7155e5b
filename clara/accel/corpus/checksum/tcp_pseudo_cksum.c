/*
 * class: checksum
 * variant: TCP-over-IPv4 checksum: pseudo-header fields (source and destination address halves,
 *          zero+protocol, TCP length) added as integers, then the segment summed as big-endian
 *          words in a for loop, odd byte padded, folded, complemented.
 * computes: the TCP checksum field value (big-endian word value); l4 has its checksum zeroed.
 */
// clara-corpus: class=checksum entry=tcp_v4_check signature=pseudo4_u16 ref=inet-pseudo
#include <stddef.h>
#include <stdint.h>

uint16_t tcp_v4_check(uint32_t saddr, uint32_t daddr, uint8_t proto, const uint8_t *seg,
                      size_t seglen)
{
    uint32_t sum = 0;

    sum += (saddr >> 16) + (saddr & 0xFFFF);
    sum += (daddr >> 16) + (daddr & 0xFFFF);
    sum += proto;
    sum += (uint32_t)(seglen & 0xFFFF);
    for (size_t i = 0; i + 1 < seglen; i += 2)
        sum += (uint32_t)seg[i] << 8 | seg[i + 1];
    if (seglen & 1)
        sum += (uint32_t)seg[seglen - 1] << 8;
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return (uint16_t)~sum;
}
