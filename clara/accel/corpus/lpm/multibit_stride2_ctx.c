/*
 * class:    lpm
 * variant:  multibit trie with stride 2 (16 levels of 4-way nodes), controlled prefix
 *           expansion: an odd-length prefix fills two slots of its node, each slot remembers
 *           the length of the route that set it; a table handle owns the node pool. The lookup
 *           takes two address bits per step and keeps the best hop seen.
 * computes: IPv4 longest-prefix match in `t`: next hop, or -1 if none.
 */
// clara-corpus: class=lpm entry=q4_lookup signature=lpm4_ctx init=q4_create insert=q4_add
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

#define Q4_CAP 60000

struct q4_slot {
    int32_t hop;      /* -1: none */
    int8_t plen;      /* length of the route that set hop */
    uint32_t child;   /* 0: none */
};

struct q4_table {
    struct q4_slot node[Q4_CAP][4];
    int32_t root_hop;
    uint32_t used;
};

struct q4_table *q4_create(void)
{
    struct q4_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    for (int s = 0; s < 4; s++)
        t->node[0][s].hop = -1;
    t->root_hop = -1;
    t->used = 1;
    return t;
}

int q4_add(struct q4_table *t, uint32_t pfx, unsigned len, uint32_t hop)
{
    if (len == 0) {
        t->root_hop = (int32_t)hop;
        return 0;
    }
    uint32_t n = 0;
    unsigned depth = 0;
    while (len - depth > 2) {
        unsigned idx = (pfx >> (30 - depth)) & 3u;
        if (!t->node[n][idx].child) {
            if (t->used == Q4_CAP)
                return -1;
            for (int s = 0; s < 4; s++) {
                t->node[t->used][s].hop = -1;
                t->node[t->used][s].child = 0;
                t->node[t->used][s].plen = 0;
            }
            t->node[n][idx].child = t->used++;
        }
        n = t->node[n][idx].child;
        depth += 2;
    }
    unsigned rest = len - depth;            /* 1 or 2 bits inside this node */
    unsigned first = (pfx >> (30 - depth)) & 3u & (rest == 1 ? 2u : 3u);
    unsigned count = rest == 1 ? 2u : 1u;
    for (unsigned k = 0; k < count; k++) {
        struct q4_slot *s = &t->node[n][first + k];
        if (s->hop < 0 || s->plen <= (int8_t)len) {
            s->hop = (int32_t)hop;
            s->plen = (int8_t)len;
        }
    }
    return 0;
}

int q4_lookup(const struct q4_table *t, uint32_t addr)
{
    int32_t best = t->root_hop;
    uint32_t n = 0;
    for (int shift = 30; shift >= 0; shift -= 2) {
        const struct q4_slot *s = &t->node[n][(addr >> shift) & 3u];
        if (s->hop >= 0)
            best = s->hop;
        n = s->child;
        if (!n)
            break;
    }
    return best;
}
