/*
 * clicknet/udp.h -- the UDP header as it is on the wire (RFC 768).
 * Same layout and names as Click's click_udp.  Network byte order.
 */
#ifndef CLICKNET_UDP_H
#define CLICKNET_UDP_H
#include <stdint.h>

struct click_udp {
    uint16_t    uh_sport;       /* 0-1   source port                */
    uint16_t    uh_dport;       /* 2-3   destination port           */
    uint16_t    uh_ulen;        /* 4-5   length (header + data)     */
    uint16_t    uh_sum;         /* 6-7   checksum (0 = none)        */
};

#endif
