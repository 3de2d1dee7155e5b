/*
 * class:    none (negative example)
 * variant:  Ethernet II + IPv4 header parser: ethertype check, version/IHL sanity,
 *           total-length vs. frame-length checks, fragment test; no checksum work.
 * computes: offset of the L4 header inside the frame, or -1 if the frame is not a
 *           well-formed unfragmented IPv4 packet.
 */
// clara-corpus: class=none entry=eth_ipv4_l4_offset signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define ETH_HLEN 14
#define ETHERTYPE_IPV4 0x0800

static inline uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)((p[0] << 8) | p[1]);
}

int eth_ipv4_l4_offset(const uint8_t *frame, size_t len)
{
    const uint8_t *ip;
    unsigned ihl, tot_len, frag;

    if (len < ETH_HLEN + 20)
        return -1;
    if (rd16(frame + 12) != ETHERTYPE_IPV4)
        return -1;
    ip = frame + ETH_HLEN;
    if ((ip[0] >> 4) != 4)
        return -1;
    ihl = (ip[0] & 0x0f) * 4u;
    if (ihl < 20 || ETH_HLEN + ihl > len)
        return -1;
    tot_len = rd16(ip + 2);
    if (tot_len < ihl || ETH_HLEN + tot_len > len)
        return -1;
    frag = rd16(ip + 6);
    if (frag & 0x3fff) /* MF set or non-zero offset */
        return -1;
    return (int)(ETH_HLEN + ihl);
}
