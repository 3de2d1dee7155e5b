/*
 * class:    none (negative example)
 * variant:  tunnel termination: the outer Ethernet (optionally 802.1Q tagged), IPv4, UDP and
 *           VXLAN (port 4789, 8 bytes, I flag required) or Geneve (port 6081, 8 bytes plus
 *           4 * opt_len option bytes, protocol 0x6558) headers are stripped by moving the
 *           inner Ethernet frame to the start of the buffer with a forward copy unrolled by
 *           four bytes; the inner length comes from the UDP length field (so Ethernet
 *           trailer padding of the outer frame is dropped) and the vacated tail is zeroed
 *           with a byte-store loop. No checksum is looked at.
 * computes: tunnel_strip(pkt, len, &vni) returns the inner frame length (now at pkt[0]) and
 *           the 24-bit VNI, or 0 (packet untouched) if the headers are malformed, the port is
 *           neither tunnel, the lengths are inconsistent or the inner frame is < 14 bytes.
 */
// clara-corpus: class=none entry=tunnel_strip signature=custom
#include <stdint.h>
#include <stddef.h>

#define PORT_VXLAN 4789
#define PORT_GENEVE 6081

static inline unsigned rd16(const uint8_t *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static inline uint32_t rd24(const uint8_t *p)
{
    return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

/* d below s (overlap allowed): four bytes per step, then the rest */
static inline void shift_front(uint8_t *d, const uint8_t *s, size_t n)
{
    while (n >= 4) {
        d[0] = s[0];
        d[1] = s[1];
        d[2] = s[2];
        d[3] = s[3];
        d += 4;
        s += 4;
        n -= 4;
    }
    while (n) {
        *d++ = *s++;
        n--;
    }
}

static inline void scrub(uint8_t *p, size_t from, size_t to)
{
    size_t i;
    for (i = from; i < to; i++)
        p[i] = 0;
}

size_t tunnel_strip(uint8_t *pkt, size_t len, uint32_t *vni)
{
    size_t l2 = 14, ihl, tl, udp, ulen, th, inner, inner_len;
    const uint8_t *ip, *u, *t;

    if (len < 14)
        return 0;
    if (rd16(pkt + 12) == 0x8100) {
        if (len < 18)
            return 0;
        l2 = 18;
    }
    if (rd16(pkt + l2 - 2) != 0x0800 || len < l2 + 20)
        return 0;
    ip = pkt + l2;
    ihl = (size_t)(ip[0] & 0x0f) * 4;
    tl = rd16(ip + 2);
    if ((ip[0] >> 4) != 4 || ihl < 20 || ip[9] != 17 || tl < ihl + 8 || l2 + tl > len)
        return 0;
    if (rd16(ip + 6) & 0x3fff)          /* a fragment: leave it to reassembly */
        return 0;

    udp = l2 + ihl;
    u = pkt + udp;
    ulen = rd16(u + 4);
    if (ulen < 16 || ulen > tl - ihl)
        return 0;
    t = u + 8;
    if (rd16(u + 2) == PORT_VXLAN) {
        if (!(t[0] & 0x08))
            return 0;
        th = 8;
    } else if (rd16(u + 2) == PORT_GENEVE) {
        if ((t[0] >> 6) != 0 || rd16(t + 2) != 0x6558)
            return 0;
        th = 8 + (size_t)(t[0] & 0x3f) * 4;
    } else {
        return 0;
    }
    if (ulen < 8 + th + 14)
        return 0;

    inner = udp + 8 + th;
    inner_len = ulen - 8 - th;
    *vni = rd24(t + 4);
    shift_front(pkt, pkt + inner, inner_len);
    scrub(pkt, inner_len, len);
    return inner_len;
}
