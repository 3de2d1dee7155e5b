/*
 * class:    lpm
 * variant:  IPv6 multibit trie, stride 8 (16 levels), address given as four host-order
 *           32-bit words (w[0] most significant), as kept in a flow key. Prefix expansion
 *           inside each node with per-slot route length; the lookup keeps the best hop seen.
 * computes: IPv6 longest-prefix match -> next hop, or -1 when no route matches.
 */
// clara-corpus: class=lpm entry=fib6_lookup signature=lpm6_w32 init=fib6_reset insert=fib6_add
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define FIB6_MAX_NODES 4096

struct fib6_slot {
    int32_t hop;
    uint16_t child;
    uint8_t plen;
    uint8_t pad;
};

static struct fib6_slot fib6_nodes[FIB6_MAX_NODES][256];
static unsigned fib6_count;

static inline unsigned fib6_byte(const uint32_t w[4], unsigned k)
{
    return (w[k >> 2] >> (24 - 8 * (k & 3))) & 0xffu;
}

static void fib6_node_clear(unsigned n)
{
    unsigned i;
    for (i = 0; i < 256; i++) {
        fib6_nodes[n][i].hop = -1;
        fib6_nodes[n][i].child = 0;
        fib6_nodes[n][i].plen = 0;
    }
}

void fib6_reset(void)
{
    fib6_node_clear(0);
    fib6_count = 1;
}

int fib6_add(const uint32_t pfx[4], unsigned plen, int32_t hop)
{
    unsigned node = 0, level = 0, span, first, i;

    while (plen > 8 * (level + 1)) {
        unsigned b = fib6_byte(pfx, level);
        if (!fib6_nodes[node][b].child) {
            if (fib6_count >= FIB6_MAX_NODES)
                return -1;
            fib6_node_clear(fib6_count);
            fib6_nodes[node][b].child = (uint16_t)fib6_count++;
        }
        node = fib6_nodes[node][b].child;
        level++;
    }
    span = 1u << (8 * (level + 1) - plen);
    first = fib6_byte(pfx, level) & ~(span - 1);
    for (i = first; i < first + span; i++) {
        struct fib6_slot *s = &fib6_nodes[node][i];
        if (s->hop < 0 || s->plen <= plen) {
            s->hop = hop;
            s->plen = (uint8_t)plen;
        }
    }
    return 0;
}

int32_t fib6_lookup(const uint32_t addr[4])
{
    int32_t hop = -1;
    unsigned node = 0, level;

    for (level = 0; level < 16; level++) {
        const struct fib6_slot *s = &fib6_nodes[node][fib6_byte(addr, level)];
        if (s->hop >= 0)
            hop = s->hop;
        node = s->child;
        if (!node)
            break;
    }
    return hop;
}
