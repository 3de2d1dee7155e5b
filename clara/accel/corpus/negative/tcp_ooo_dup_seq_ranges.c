/*
 * class:    none (negative example)
 * variant:  receiver-side duplicate detection for TCP segments: the connection keeps rcv_nxt
 *           and its out-of-order queue as up to 16 disjoint [start, end) sequence ranges in
 *           ascending order after rcv_nxt. A segment (read from the TCP header bytes) is old if
 *           it ends at or before rcv_nxt, queued if one range encloses it; the ranges are
 *           scanned linearly with 32-bit serial-number comparisons (signed differences, so
 *           wraparound works) and the scan stops at the first range starting after the
 *           segment. Interval membership with wraparound, not prefix matching.
 * computes: tcp_seg_dup_state returns 1 (old data), 2 + i (inside queued range i), 0 (new
 *           data or no payload) or -1 (malformed header).
 */
// clara-corpus: class=none entry=tcp_seg_dup_state signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define OOO_MAX 16

struct seq_range {
    uint32_t start;
    uint32_t end;
};

struct ooo_state {
    uint32_t rcv_nxt;
    uint32_t nranges;
    struct seq_range r[OOO_MAX];
};

static inline uint32_t rd_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

static inline int seq_before(uint32_t a, uint32_t b)
{
    return (int32_t)(a - b) < 0;
}

static inline int seq_not_after(uint32_t a, uint32_t b)
{
    return (int32_t)(a - b) <= 0;
}

int tcp_seg_dup_state(const uint8_t *tcp, size_t len, const struct ooo_state *st)
{
    size_t hlen, plen;
    uint32_t seq, end, i, n;

    if (len < 20)
        return -1;
    hlen = (size_t)(tcp[12] >> 4) * 4;
    if (hlen < 20 || hlen > len)
        return -1;
    plen = len - hlen;
    if (plen == 0)
        return 0;
    seq = rd_be32(tcp + 4);
    end = seq + (uint32_t)plen;

    if (seq_not_after(end, st->rcv_nxt))
        return 1;
    n = st->nranges < OOO_MAX ? st->nranges : OOO_MAX;
    i = 0;
    while (i < n) {
        const struct seq_range *q = &st->r[i];
        if (seq_before(seq, q->start))
            break;                              /* later ranges start even later */
        if (seq_not_after(end, q->end))
            return 2 + (int)i;
        i++;
    }
    return 0;
}
