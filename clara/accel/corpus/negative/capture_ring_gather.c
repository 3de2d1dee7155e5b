/*
 * class:    none (negative example)
 * variant:  packet capture tap: a packet held as scattered segments ({ptr, len} array, as a
 *           chained mbuf) is appended as one record to a 4 KiB byte ring shared with a
 *           reader. Record: timestamp, wire length and captured length as little-endian
 *           32-bit values stored byte by byte through the ring mask, then the captured
 *           bytes gathered from the segments, each segment copied in at most two pieces
 *           (up to the ring end, then from offset 0), then zero fill to a 4-byte boundary.
 *           Free-running head/tail offsets; a record that does not fit is dropped whole.
 * computes: capture_append(r, segs, nseg, ts, snaplen) returns the record size written
 *           (12 + captured length rounded up to 4), or 0 and r->dropped++ if the ring lacks
 *           room. Captured length = min(sum of segment lengths, snaplen).
 */
// clara-corpus: class=none entry=capture_append signature=custom
#include <stdint.h>
#include <stddef.h>

#define CAP_RING 4096u /* power of two */
#define CAP_MASK (CAP_RING - 1)
#define CAP_HDR 12u

struct cap_seg {
    const uint8_t *ptr;
    uint32_t len;
};

struct cap_ring {
    uint8_t data[CAP_RING];
    uint32_t head; /* writer offset, free running */
    uint32_t tail; /* reader offset, free running */
    uint32_t dropped;
};

static inline void ring_put32(struct cap_ring *r, uint32_t pos, uint32_t v)
{
    unsigned i;
    for (i = 0; i < 4; i++)
        r->data[(pos + i) & CAP_MASK] = (uint8_t)(v >> (8 * i));
}

/* copy n bytes to ring offset pos: up to the end of the ring, then the rest from 0 */
static inline void ring_write(struct cap_ring *r, uint32_t pos, const uint8_t *src, uint32_t n)
{
    uint32_t at = pos & CAP_MASK;
    uint32_t first = CAP_RING - at < n ? CAP_RING - at : n;
    uint32_t i;

    for (i = 0; i < first; i++)
        r->data[at + i] = src[i];
    for (i = first; i < n; i++)
        r->data[i - first] = src[i];
}

static inline void ring_zero(struct cap_ring *r, uint32_t pos, uint32_t n)
{
    while (n--)
        r->data[pos++ & CAP_MASK] = 0;
}

size_t capture_append(struct cap_ring *r, const struct cap_seg *segs, unsigned nseg,
                      uint32_t ts, uint32_t snaplen)
{
    uint32_t wire = 0, cap, rec, pos, left;
    unsigned s;

    for (s = 0; s < nseg; s++)
        wire += segs[s].len;
    cap = wire < snaplen ? wire : snaplen;
    if (cap > CAP_RING - CAP_HDR) {
        r->dropped++;
        return 0;
    }
    rec = CAP_HDR + ((cap + 3) & ~3u);
    if (CAP_RING - (r->head - r->tail) < rec) {
        r->dropped++;
        return 0;
    }

    pos = r->head;
    ring_put32(r, pos, ts);
    ring_put32(r, pos + 4, wire);
    ring_put32(r, pos + 8, cap);
    pos += CAP_HDR;
    left = cap;
    for (s = 0; s < nseg && left; s++) {
        uint32_t take = segs[s].len < left ? segs[s].len : left;
        ring_write(r, pos, segs[s].ptr, take);
        pos += take;
        left -= take;
    }
    ring_zero(r, pos, r->head + rec - pos);
    r->head += rec;
    return rec;
}
