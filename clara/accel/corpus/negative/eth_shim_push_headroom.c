/*
 * class:    none (negative example)
 * variant:  shim insertion between the Ethernet header and the network header (MPLS-style
 *           label entries pushed by an edge router). The L2 part kept in front is the two
 *           MAC addresses (12 bytes), or 16 bytes when the frame carries an 802.1Q tag. With
 *           enough headroom that L2 part moves 4*n bytes toward the buffer start
 *           (front-to-back overlapping byte copy) and the old EtherType is overwritten;
 *           otherwise everything after the old EtherType moves 4*n bytes toward the tail
 *           (back-to-front overlapping copy).
 *           The new EtherType and each shim word are then stored byte by byte from values,
 *           big-endian; the bottom-of-stack bit (0x100) is set on the last entry only.
 * computes: shim_push(buf, cap, &start, len, shims, n, new_type) rewrites the frame at
 *           buf + start (len bytes, buffer capacity cap) with the n shims; *start receives
 *           the new frame offset; returns the new length, or 0 if len is shorter than the L2
 *           part plus EtherType, n > 8, or neither headroom nor tailroom suffices.
 */
// clara-corpus: class=none entry=shim_push signature=custom
#include <stdint.h>
#include <stddef.h>

#define ETH_ADDRS 12
#define TPID_8021Q 0x8100
#define SHIM_MAX 8
#define SHIM_BOS 0x100u

static inline uint16_t get_be16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static inline void put_be16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static inline void put_be32(uint8_t *p, uint32_t v)
{
    unsigned i;
    for (i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (24 - 8 * i));
}

/* dst below src, regions may overlap: copy front to back */
static inline void move_down(uint8_t *dst, const uint8_t *src, size_t n)
{
    while (n--)
        *dst++ = *src++;
}

/* dst above src, regions may overlap: copy back to front */
static inline void move_up(uint8_t *dst, const uint8_t *src, size_t n)
{
    size_t i = n;
    while (i > 0) {
        i--;
        dst[i] = src[i];
    }
}

size_t shim_push(uint8_t *buf, size_t cap, size_t *start, size_t len,
                 const uint32_t *shims, unsigned n, uint16_t new_type)
{
    size_t off = *start;
    size_t l2 = ETH_ADDRS;
    size_t grow = 4u * n;
    uint8_t *frame = buf + off;
    uint8_t *hdr;
    unsigned k;

    if (n > SHIM_MAX || len < ETH_ADDRS + 2)
        return 0;
    if (get_be16(frame + ETH_ADDRS) == TPID_8021Q && len >= ETH_ADDRS + 6)
        l2 = ETH_ADDRS + 4;

    if (off >= grow) {
        /* headroom: slide the addresses (and tag) down, payload stays put */
        move_down(frame - grow, frame, l2);
        off -= grow;
        frame = buf + off;
    } else if (off + len + grow <= cap) {
        /* no headroom: open a gap after the old EtherType by moving the tail up */
        move_up(frame + l2 + 2 + grow, frame + l2 + 2, len - l2 - 2);
    } else {
        return 0;
    }

    hdr = frame + l2;
    put_be16(hdr, new_type);
    hdr += 2;
    for (k = 0; k < n; k++) {
        uint32_t e = shims[k] & ~SHIM_BOS;
        if (k + 1 == n)
            e |= SHIM_BOS;
        put_be32(hdr, e);
        hdr += 4;
    }
    *start = off;
    return len + grow;
}
