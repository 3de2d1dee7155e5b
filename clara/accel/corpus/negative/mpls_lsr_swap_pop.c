/*
 * class:    none (negative example)
 * variant:  MPLS label switching router step on a decoded label stack entry struct: the top
 *           entry (label 20 bits, TC 3, S 1, TTL 8, RFC 3032) is decoded, checked, looked up
 *           in a 256-slot label table indexed by the label's low bits (slot holds the full
 *           incoming label for the exact compare), then swapped (new label, TC optionally
 *           overridden, TTL - 1) or popped (penultimate hop; the TTL - 1 is copied into the
 *           next entry when there is one, uniform model). Reserved labels (< 16) are punted.
 * computes: offset of the new top of the packet relative to `stack` (0 after a swap, 4 after a
 *           pop), or -1 truncated, -2 TTL expired, -3 punt (reserved label), -4 no entry (or
 *           an entry whose op is neither swap nor pop).
 */
// clara-corpus: class=none entry=mpls_lsr_step signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define LFIB_SLOTS 256
#define LFIB_OP_SWAP 1
#define LFIB_OP_POP 2
#define TC_KEEP 0xff

struct mpls_lse {
    uint32_t label;
    uint8_t tc;
    uint8_t s;
    uint8_t ttl;
};

struct lfib_slot {
    uint32_t in_label;
    uint32_t out_label;
    uint8_t op;
    uint8_t tc;       /* TC_KEEP or the TC to write */
    uint8_t pad[2];
};

struct lsr_counters {
    uint32_t swapped;
    uint32_t popped;
    uint32_t ttl_expired;
    uint32_t misses;
    uint32_t punted;
};

static inline void lse_decode(const uint8_t *p, struct mpls_lse *e)
{
    e->label = (uint32_t)p[0] << 12 | (uint32_t)p[1] << 4 | (uint32_t)(p[2] >> 4);
    e->tc = (uint8_t)((p[2] >> 1) & 0x7);
    e->s = (uint8_t)(p[2] & 0x1);
    e->ttl = p[3];
}

static inline void lse_encode(uint8_t *p, const struct mpls_lse *e)
{
    p[0] = (uint8_t)(e->label >> 12);
    p[1] = (uint8_t)(e->label >> 4);
    p[2] = (uint8_t)((e->label & 0xf) << 4 | (unsigned)(e->tc & 0x7) << 1 | (e->s & 0x1));
    p[3] = e->ttl;
}

static inline const struct lfib_slot *lfib_find(const struct lfib_slot *lfib, uint32_t label)
{
    const struct lfib_slot *sl = &lfib[label & (LFIB_SLOTS - 1)];
    return (sl->op != 0 && sl->in_label == label) ? sl : NULL;
}

int mpls_lsr_step(uint8_t *stack, size_t len, const struct lfib_slot *lfib,
                  struct lsr_counters *cnt)
{
    struct mpls_lse top, next;
    const struct lfib_slot *sl;

    if (len < 4)
        return -1;
    lse_decode(stack, &top);
    if (top.label < 16) {
        cnt->punted++;
        return -3;
    }
    if (top.ttl <= 1) {
        cnt->ttl_expired++;
        return -2;
    }
    sl = lfib_find(lfib, top.label);
    if (sl == NULL) {
        cnt->misses++;
        return -4;
    }
    if (sl->op == LFIB_OP_SWAP) {
        top.label = sl->out_label & 0xfffffu;
        if (sl->tc != TC_KEEP)
            top.tc = sl->tc;
        top.ttl = (uint8_t)(top.ttl - 1);
        lse_encode(stack, &top);
        cnt->swapped++;
        return 0;
    }
    if (sl->op != LFIB_OP_POP) {
        cnt->misses++;
        return -4;
    }
    if (!top.s) {
        if (len < 8)
            return -1;
        lse_decode(stack + 4, &next);
        next.ttl = (uint8_t)(top.ttl - 1);
        lse_encode(stack + 4, &next);
    }
    cnt->popped++;
    return 4;
}
