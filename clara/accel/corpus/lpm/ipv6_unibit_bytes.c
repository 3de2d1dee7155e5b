/*
 * class:    lpm
 * variant:  IPv6 binary trie over a 16-byte address (network byte order, as found in the
 *           packet), one bit per level, node pool with 32-bit child indices. The lookup
 *           extracts bit i as (addr[i >> 3] >> (7 - (i & 7))) & 1.
 * computes: IPv6 longest-prefix match -> next hop, or -1 when no route matches.
 */
// clara-corpus: class=lpm entry=v6trie_lookup signature=lpm6_b8 init=v6trie_init insert=v6trie_insert
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define V6T_NODES (1u << 17)

struct v6t_node {
    uint32_t next[2];
    int32_t nexthop;
};

static struct v6t_node v6t[V6T_NODES];
static uint32_t v6t_free;

void v6trie_init(void)
{
    v6t[0].next[0] = v6t[0].next[1] = 0;
    v6t[0].nexthop = -1;
    v6t_free = 1;
}

int v6trie_insert(const uint8_t prefix[16], unsigned plen, int32_t nexthop)
{
    uint32_t n = 0;
    unsigned i;

    for (i = 0; i < plen; i++) {
        unsigned bit = (prefix[i >> 3] >> (7 - (i & 7))) & 1;
        if (v6t[n].next[bit] == 0) {
            if (v6t_free >= V6T_NODES)
                return -1;
            v6t[v6t_free].next[0] = v6t[v6t_free].next[1] = 0;
            v6t[v6t_free].nexthop = -1;
            v6t[n].next[bit] = v6t_free++;
        }
        n = v6t[n].next[bit];
    }
    v6t[n].nexthop = nexthop;
    return 0;
}

int32_t v6trie_lookup(const uint8_t addr[16])
{
    uint32_t n = 0;
    int32_t best = v6t[0].nexthop;
    unsigned i;

    for (i = 0; i < 128; i++) {
        unsigned bit = (addr[i >> 3] >> (7 - (i & 7))) & 1;
        n = v6t[n].next[bit];
        if (n == 0)
            break;
        if (v6t[n].nexthop >= 0)
            best = v6t[n].nexthop;
    }
    return best;
}
