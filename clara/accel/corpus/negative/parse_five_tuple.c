/*
 * class:    none (negative example)
 * variant:  5-tuple extraction from an IPv4 packet (starting at the IP header) for TCP,
 *           UDP and ICMP (ICMP id used as source port); fields converted to host order.
 * computes: fills struct flow_tuple; returns 0, or -1 if the packet is truncated/unknown.
 */
// clara-corpus: class=none entry=extract_flow_tuple signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct flow_tuple {
    uint32_t saddr;
    uint32_t daddr;
    uint16_t sport;
    uint16_t dport;
    uint8_t proto;
    uint8_t pad[3];
};

int extract_flow_tuple(const uint8_t *pkt, size_t len, struct flow_tuple *ft)
{
    size_t hl;
    const uint8_t *l4;

    if (len < 20)
        return -1;
    hl = (size_t)(pkt[0] & 0xf) << 2;
    if (hl < 20 || len < hl)
        return -1;
    memset(ft, 0, sizeof(*ft));
    ft->proto = pkt[9];
    ft->saddr = (uint32_t)pkt[12] << 24 | (uint32_t)pkt[13] << 16 | (uint32_t)pkt[14] << 8 | pkt[15];
    ft->daddr = (uint32_t)pkt[16] << 24 | (uint32_t)pkt[17] << 16 | (uint32_t)pkt[18] << 8 | pkt[19];
    l4 = pkt + hl;
    switch (ft->proto) {
    case 6:  /* TCP */
    case 17: /* UDP */
        if (len < hl + 4)
            return -1;
        ft->sport = (uint16_t)(l4[0] << 8 | l4[1]);
        ft->dport = (uint16_t)(l4[2] << 8 | l4[3]);
        return 0;
    case 1: /* ICMP: identifier for echo */
        if (len < hl + 8)
            return -1;
        ft->sport = (uint16_t)(l4[4] << 8 | l4[5]);
        ft->dport = l4[0];
        return 0;
    default:
        return -1;
    }
}
