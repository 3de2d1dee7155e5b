/*
 * class:    lpm
 * variant:  binary trie searched recursively: the lookup calls itself on the child chosen by
 *           the next address bit and falls back to the node's own route when the deeper call
 *           finds nothing (no loop; the recursion depth is the prefix depth).
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff if none.
 */
// clara-corpus: class=lpm entry=rtrie_lookup signature=lpm4_global init=rtrie_reset insert=rtrie_insert helpers=rtrie_search miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define RT_CAP 40000
#define RT_NONE 0xffffffffu

struct rnode {
    uint32_t kid[2];
    uint32_t hop;
};

static struct rnode rt[RT_CAP];
static uint32_t rt_count;

void rtrie_reset(void)
{
    memset(rt, 0, sizeof rt);
    rt[0].hop = RT_NONE;
    rt_count = 1;
}

int rtrie_insert(uint32_t prefix, unsigned len, uint32_t hop)
{
    uint32_t n = 0;
    for (unsigned d = 0; d < len; d++) {
        unsigned b = prefix >> (31 - d) & 1;
        if (!rt[n].kid[b]) {
            if (rt_count >= RT_CAP)
                return -1;
            rt[rt_count].hop = RT_NONE;
            rt[n].kid[b] = rt_count++;
        }
        n = rt[n].kid[b];
    }
    rt[n].hop = hop;
    return 0;
}

static uint32_t rtrie_search(uint32_t n, uint32_t addr, int depth)
{
    uint32_t deeper = RT_NONE;
    if (depth < 32) {
        uint32_t k = rt[n].kid[addr >> (31 - depth) & 1];
        if (k)
            deeper = rtrie_search(k, addr, depth + 1);
    }
    return deeper != RT_NONE ? deeper : rt[n].hop;
}

uint32_t rtrie_lookup(uint32_t addr)
{
    return rtrie_search(0, addr, 0);
}
