/*
 * class:    none (negative example)
 * variant:  VXLAN encapsulation: writes outer IPv4 + UDP (dst 4789, source port from the
 *           caller's flow entropy) + VXLAN header in front of an inner frame. IP and UDP
 *           checksums are left zero for the NIC to fill (no checksum code here).
 * computes: total outer packet length written to out.
 */
// clara-corpus: class=none entry=vxlan_encap signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define VXLAN_PORT 4789
#define OUTER_HDRS (20 + 8 + 8)

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, (uint16_t)(v >> 16));
    put16(p + 2, (uint16_t)v);
}

size_t vxlan_encap(uint8_t *out, const uint8_t *inner, size_t inner_len, uint32_t vni,
                   uint32_t src_ip, uint32_t dst_ip, uint16_t entropy_port)
{
    uint8_t *ip = out, *udp = out + 20, *vx = out + 28;
    size_t total = OUTER_HDRS + inner_len;
    static uint16_t ip_id;

    memset(out, 0, OUTER_HDRS);
    ip[0] = 0x45;
    put16(ip + 2, (uint16_t)total);
    put16(ip + 4, ip_id++);
    put16(ip + 6, 0x4000); /* DF */
    ip[8] = 64;
    ip[9] = 17;
    put32(ip + 12, src_ip);
    put32(ip + 16, dst_ip);
    put16(udp, (uint16_t)(0xc000 | (entropy_port & 0x3fff)));
    put16(udp + 2, VXLAN_PORT);
    put16(udp + 4, (uint16_t)(total - 20));
    vx[0] = 0x08; /* I flag: VNI valid */
    put32(vx + 4, vni << 8);
    memmove(out + OUTER_HDRS, inner, inner_len);
    return total;
}
