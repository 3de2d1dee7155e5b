/*
 * class:    none (negative example)
 * variant:  IPv6 extension-header walk: starting from the fixed header's next-header byte,
 *           hop-by-hop / routing / destination-options headers are skipped using their
 *           length byte ((len + 1) * 8), fragment headers are 8 bytes; stops at the first
 *           upper-layer protocol. Each next offset depends on bytes loaded at the previous one.
 * computes: the upper-layer protocol number and its offset in *off, or -1 if truncated.
 */
// clara-corpus: class=none entry=ipv6_upper_layer signature=custom
#include <stdint.h>
#include <stddef.h>

int ipv6_upper_layer(const uint8_t *pkt, size_t len, size_t *off)
{
    if (len < 40)
        return -1;
    uint8_t nh = pkt[6];
    size_t pos = 40;
    for (int hops = 0; hops < 8; hops++) {
        if (nh != 0 && nh != 43 && nh != 60 && nh != 44)
            break;
        if (pos + 8 > len)
            return -1;
        uint8_t next = pkt[pos];
        pos += nh == 44 ? 8 : ((size_t)pkt[pos + 1] + 1) * 8;
        nh = next;
    }
    *off = pos;
    return nh;
}
