/*
 * class:    none (negative example)
 * variant:  DiffServ/ECN marker for IPv4 and IPv6 at a congested egress: the IPv4 TOS byte
 *           and the IPv6 traffic class (bits 27..20 of the first header word, read with
 *           memcpy + a hand-written byte swap for a little-endian host) are split into DSCP
 *           (6 bits) and ECN (2 bits); untrusted traffic gets the policy's DSCP, ECN-capable
 *           traffic is marked CE under congestion and non-ECT traffic is dropped. The IPv6
 *           flow label (20 bits) is filled in when zero. The IPv4 header checksum is left for
 *           the NIC (no checksum code here).
 * computes: 4 or 6 (the IP version handled) after rewriting the header in place, -1 not IP or
 *           too short, -2 drop (congested and not ECN-capable).
 */
// clara-corpus: class=none entry=ds_ecn_mark signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define ECN_NOT_ECT 0u
#define ECN_CE 3u

struct ds_policy {
    uint8_t trust_dscp;   /* nonzero: keep the packet's DSCP */
    uint8_t dscp;         /* DSCP written when not trusted */
    uint8_t congested;    /* nonzero: mark CE / drop non-ECT */
    uint8_t pad;
    uint32_t flow_label;  /* used when the IPv6 flow label is zero */
};

static inline uint32_t swap32(uint32_t v)
{
    return (v >> 24) | ((v >> 8) & 0x0000ff00u) | ((v << 8) & 0x00ff0000u) | (v << 24);
}

static inline uint32_t load_be32(const uint8_t *p)
{
    uint32_t w;
    memcpy(&w, p, sizeof w);
    return swap32(w);
}

static inline void store_be32(uint8_t *p, uint32_t v)
{
    uint32_t w = swap32(v);
    memcpy(p, &w, sizeof w);
}

/* new DS byte (DSCP << 2 | ECN) for an old one, or -1 to drop */
static inline int ds_apply(unsigned ds, const struct ds_policy *pol)
{
    unsigned dscp = ds >> 2, ecn = ds & 3u;

    if (!pol->trust_dscp)
        dscp = pol->dscp & 0x3fu;
    if (pol->congested) {
        if (ecn == ECN_NOT_ECT)
            return -1;
        ecn = ECN_CE;
    }
    return (int)(dscp << 2 | ecn);
}

int ds_ecn_mark(uint8_t *l3, size_t len, const struct ds_policy *pol)
{
    uint32_t w0, flow;
    int ds;

    if (len < 1)
        return -1;
    switch (l3[0] >> 4) {
    case 4:
        if (len < 20 || (l3[0] & 0x0f) < 5)
            return -1;
        ds = ds_apply(l3[1], pol);
        if (ds < 0)
            return -2;
        l3[1] = (uint8_t)ds;
        return 4;
    case 6:
        if (len < 40)
            return -1;
        w0 = load_be32(l3);
        ds = ds_apply((w0 >> 20) & 0xffu, pol);
        if (ds < 0)
            return -2;
        flow = w0 & 0x000fffffu;
        if (flow == 0)
            flow = pol->flow_label & 0x000fffffu;
        store_be32(l3, (uint32_t)6 << 28 | (uint32_t)ds << 20 | flow);
        return 6;
    default:
        return -1;
    }
}
