/*
 * class:    lpm
 * variant:  binary (unibit) trie, one address bit per level (MSB first); nodes live in a
 *           fixed pool array and are linked by 32-bit indices (index 0 = nil). The lookup
 *           walks down and remembers the last next hop it passed.
 * computes: IPv4 longest-prefix match: next hop of the longest route covering `dst`
 *           (host-order address), RT_NO_ROUTE (0xffffffff) if none.
 */
// clara-corpus: class=lpm entry=rt_lookup signature=lpm4_global init=rt_reset insert=rt_add miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define RT_POOL_NODES (1u << 16)
#define RT_NO_ROUTE 0xffffffffu
#define RT_NIL 0u
#define RT_ROOT 1u

struct rt_node {
    uint32_t child[2];
    uint32_t nexthop;
};

static struct rt_node rt_pool[RT_POOL_NODES];
static uint32_t rt_used;

void rt_reset(void)
{
    memset(rt_pool, 0, sizeof(rt_pool));
    rt_pool[RT_ROOT].nexthop = RT_NO_ROUTE;
    rt_used = RT_ROOT + 1;
}

static uint32_t rt_new_node(void)
{
    if (rt_used >= RT_POOL_NODES)
        return RT_NIL;
    rt_pool[rt_used].child[0] = RT_NIL;
    rt_pool[rt_used].child[1] = RT_NIL;
    rt_pool[rt_used].nexthop = RT_NO_ROUTE;
    return rt_used++;
}

/* Add prefix/plen -> nexthop. Returns 0 on success, -1 when the pool is exhausted. */
int rt_add(uint32_t prefix, unsigned plen, uint32_t nexthop)
{
    uint32_t cur = RT_ROOT;
    unsigned depth;

    for (depth = 0; depth < plen; depth++) {
        unsigned b = (prefix >> (31 - depth)) & 1u;
        if (rt_pool[cur].child[b] == RT_NIL) {
            uint32_t fresh = rt_new_node();
            if (fresh == RT_NIL)
                return -1;
            rt_pool[cur].child[b] = fresh;
        }
        cur = rt_pool[cur].child[b];
    }
    rt_pool[cur].nexthop = nexthop;
    return 0;
}

uint32_t rt_lookup(uint32_t dst)
{
    uint32_t cur = RT_ROOT;
    uint32_t best = RT_NO_ROUTE;
    int bit = 31;

    while (cur != RT_NIL) {
        if (rt_pool[cur].nexthop != RT_NO_ROUTE)
            best = rt_pool[cur].nexthop;
        if (bit < 0)
            break;
        cur = rt_pool[cur].child[(dst >> bit) & 1u];
        bit--;
    }
    return best;
}
