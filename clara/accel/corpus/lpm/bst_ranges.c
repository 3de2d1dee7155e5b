/*
 * class:    lpm
 * variant:  range tree: at build time the prefixes are flattened into elementary address
 *           ranges (start, hop of the longest covering prefix), stored as a balanced binary
 *           search tree of pointer-linked nodes; the lookup descends to the last range start
 *           not above the address.
 * computes: IPv4 longest-prefix match: next hop, or -1 if none.
 */
// clara-corpus: class=lpm entry=rtree_find signature=lpm4_global init=rtree_init insert=rtree_add finalize=rtree_build
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define RT_MAXP 2048

struct rtree_node {
    uint32_t start;
    uint32_t hop;
    const struct rtree_node *lt, *ge;
};

static struct { uint32_t net, bcast, hop; unsigned len; } rt_pfx[RT_MAXP];
static unsigned rt_npfx;
static uint32_t rt_starts[2 * RT_MAXP + 1];
static struct rtree_node rt_pool[2 * RT_MAXP + 1];
static const struct rtree_node *rt_root;

void rtree_init(void)
{
    rt_npfx = 0;
    rt_root = NULL;
}

int rtree_add(uint32_t net, unsigned len, uint32_t hop)
{
    if (rt_npfx == RT_MAXP)
        return -1;
    uint32_t host = len == 0 ? 0xffffffffu : (len == 32 ? 0 : 0xffffffffu >> len);
    rt_pfx[rt_npfx].net = net;
    rt_pfx[rt_npfx].bcast = net | host;
    rt_pfx[rt_npfx].hop = hop;
    rt_pfx[rt_npfx].len = len;
    rt_npfx++;
    return 0;
}

static uint32_t covering_hop(uint32_t a)
{
    int best = -1;
    for (unsigned i = 0; i < rt_npfx; i++)
        if (a >= rt_pfx[i].net && a <= rt_pfx[i].bcast &&
            (best < 0 || rt_pfx[i].len > rt_pfx[best].len))
            best = (int)i;
    return best < 0 ? 0xffffffffu : rt_pfx[best].hop;
}

static const struct rtree_node *balance(unsigned lo, unsigned hi, unsigned *next)
{
    if (lo >= hi)
        return NULL;
    unsigned mid = lo + (hi - lo) / 2;
    struct rtree_node *n = &rt_pool[(*next)++];
    n->start = rt_starts[mid];
    n->hop = covering_hop(rt_starts[mid]);
    n->lt = balance(lo, mid, next);
    n->ge = balance(mid + 1, hi, next);
    return n;
}

void rtree_build(void)
{
    unsigned n = 0;
    rt_starts[n++] = 0;
    for (unsigned i = 0; i < rt_npfx; i++) {
        rt_starts[n++] = rt_pfx[i].net;
        if (rt_pfx[i].bcast != 0xffffffffu)
            rt_starts[n++] = rt_pfx[i].bcast + 1;
    }
    /* insertion sort + unique: build time only */
    for (unsigned i = 1; i < n; i++) {
        uint32_t v = rt_starts[i];
        unsigned j = i;
        while (j > 0 && rt_starts[j - 1] > v) {
            rt_starts[j] = rt_starts[j - 1];
            j--;
        }
        rt_starts[j] = v;
    }
    unsigned u = 0;
    for (unsigned i = 0; i < n; i++)
        if (u == 0 || rt_starts[u - 1] != rt_starts[i])
            rt_starts[u++] = rt_starts[i];
    unsigned next = 0;
    rt_root = balance(0, u, &next);
}

uint32_t rtree_find(uint32_t addr)
{
    const struct rtree_node *n = rt_root, *cand = NULL;
    while (n) {
        if (addr < n->start) {
            n = n->lt;
        } else {
            cand = n;
            n = n->ge;
        }
    }
    return cand ? cand->hop : 0xffffffffu;
}
