/*
 * class:    none (negative example)
 * variant:  receive pipeline stage that unpacks and repacks a 64-bit packet metadata word with
 *           mask-based field helpers (shift found by count-trailing-zeros of the mask, as
 *           FIELD_GET/FIELD_PREP-style code does). Layout: length bits 0-13, input port 16-21,
 *           queue 22-27, color 28-29, flags 32-39 (0x01 VLAN, 0x02 IPv4, 0x04 IPv6, 0x08 ARP,
 *           0x10 truncated, 0x80 drop), VID 40-51, PCP 52-54, L3 offset 56-63. The stage takes
 *           length and port from the NIC's word, walks up to two VLAN tags (0x8100 / 0x88a8;
 *           VID/PCP of the outer one), picks the queue as the port's base queue plus PCP and
 *           the color from a per-port table (one step worse for frames above a size limit).
 * computes: the new metadata word; a frame shorter than its L2 header gets only length, port
 *           and the drop flag (plus truncated when the length exceeds the bytes available).
 */
// clara-corpus: class=none entry=meta_rx_stage signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define M_LEN 0x0000000000003fffull
#define M_PORT 0x00000000003f0000ull
#define M_QUEUE 0x000000000fc00000ull
#define M_COLOR 0x0000000030000000ull
#define M_FLAGS 0x000000ff00000000ull
#define M_VID 0x000fff0000000000ull
#define M_PCP 0x0070000000000000ull
#define M_L3OFF 0xff00000000000000ull

#define MF_VLAN 0x01u
#define MF_IPV4 0x02u
#define MF_IPV6 0x04u
#define MF_ARP 0x08u
#define MF_TRUNC 0x10u
#define MF_DROP 0x80u
#define COLOR_RED 2u

struct meta_policy {
    uint8_t queue_base[8];
    uint8_t port_color[8];
    uint16_t big_frame;
};

static inline unsigned meta_get(uint64_t w, uint64_t mask)
{
    return (unsigned)((w & mask) >> __builtin_ctzll(mask));
}

static inline uint64_t meta_set(uint64_t w, uint64_t mask, unsigned v)
{
    return (w & ~mask) | (((uint64_t)v << __builtin_ctzll(mask)) & mask);
}

static inline unsigned rd16(const uint8_t *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

/* L3 offset (or -1), outer TCI (0 if untagged) and the final ethertype */
static inline int l2_parse(const uint8_t *f, size_t len, unsigned *tci, unsigned *etype)
{
    size_t off = 12;
    int tags = 0;

    *tci = 0;
    if (len < 14)
        return -1;
    *etype = rd16(f + off);
    while ((*etype == 0x8100u || *etype == 0x88a8u) && tags < 2) {
        if (off + 6 > len)
            return -1;
        if (tags++ == 0)
            *tci = rd16(f + off + 2);
        off += 4;
        *etype = rd16(f + off);
    }
    return (int)(off + 2);
}

uint64_t meta_rx_stage(const uint8_t *frame, size_t avail, uint64_t rx,
                       const struct meta_policy *pol)
{
    unsigned plen = meta_get(rx, M_LEN), port = meta_get(rx, M_PORT);
    unsigned flags = 0, tci = 0, etype = 0, color, pcp;
    uint64_t m = 0;
    int l3;

    m = meta_set(m, M_LEN, plen);
    m = meta_set(m, M_PORT, port);
    if (plen > avail) {
        flags |= MF_TRUNC;
        plen = (unsigned)avail;
    }
    l3 = l2_parse(frame, plen, &tci, &etype);
    if (l3 < 0)
        return meta_set(m, M_FLAGS, flags | MF_DROP);
    if (etype == 0x0800u)
        flags |= MF_IPV4;
    else if (etype == 0x86ddu)
        flags |= MF_IPV6;
    else if (etype == 0x0806u)
        flags |= MF_ARP;
    if (l3 > 14)
        flags |= MF_VLAN;
    pcp = tci >> 13;
    color = pol->port_color[port & 7];
    if (plen > pol->big_frame && color < COLOR_RED)
        color++;
    m = meta_set(m, M_QUEUE, pol->queue_base[port & 7] + pcp);
    m = meta_set(m, M_COLOR, color);
    m = meta_set(m, M_FLAGS, flags);
    m = meta_set(m, M_VID, tci & 0x0fffu);
    m = meta_set(m, M_PCP, pcp);
    return meta_set(m, M_L3OFF, (unsigned)l3);
}
