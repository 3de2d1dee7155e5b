/*
 * class:    none (negative example)
 * variant:  source NAT rewrite of an IPv4 + TCP/UDP packet: replaces source address and
 *           port, bumps per-binding and global counters and marks the packet for checksum
 *           offload (the NIC recomputes checksums; no checksum arithmetic here).
 * computes: rewrites the header in place; returns the binding's packet count.
 */
// clara-corpus: class=none entry=snat_rewrite signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct nat_binding {
    uint32_t ext_addr;
    uint16_t ext_port;
    uint16_t flags;
    uint64_t packets;
    uint64_t octets;
};

struct nat_globals {
    uint64_t rewritten;
    uint64_t need_csum_offload;
};

static struct nat_globals nat_g;

uint64_t snat_rewrite(uint8_t *iph, struct nat_binding *b)
{
    unsigned ihl = (iph[0] & 0x0fu) << 2;
    uint8_t *l4 = iph + ihl;
    uint16_t tot = (uint16_t)(iph[2] << 8 | iph[3]);

    iph[12] = (uint8_t)(b->ext_addr >> 24);
    iph[13] = (uint8_t)(b->ext_addr >> 16);
    iph[14] = (uint8_t)(b->ext_addr >> 8);
    iph[15] = (uint8_t)b->ext_addr;
    if (iph[9] == 6 || iph[9] == 17) {
        l4[0] = (uint8_t)(b->ext_port >> 8);
        l4[1] = (uint8_t)b->ext_port;
    }
    b->packets += 1;
    b->octets += tot;
    b->flags |= 0x1; /* seen traffic */
    nat_g.rewritten++;
    nat_g.need_csum_offload++;
    return b->packets;
}
