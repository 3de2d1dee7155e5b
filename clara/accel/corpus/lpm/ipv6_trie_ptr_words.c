/*
 * class:    lpm
 * variant:  IPv6 binary trie with calloc'd nodes and two child pointers, address as four
 *           host-order 32-bit words; the descent picks bit i from word i / 32 and keeps the
 *           last route seen, at most 128 steps.
 * computes: IPv6 longest-prefix match: next hop, or -1 if none.
 */
// clara-corpus: class=lpm entry=t6_lookup signature=lpm6_w32 init=t6_init insert=t6_insert
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

struct t6_node {
    struct t6_node *c[2];
    int32_t hop;
};

static struct t6_node *t6_root;

static struct t6_node *t6_alloc(void)
{
    struct t6_node *n = calloc(1, sizeof *n);
    if (n)
        n->hop = -1;
    return n;
}

static void t6_free(struct t6_node *n)
{
    if (!n)
        return;
    t6_free(n->c[0]);
    t6_free(n->c[1]);
    free(n);
}

void t6_init(void)
{
    t6_free(t6_root);
    t6_root = t6_alloc();
}

int t6_insert(const uint32_t prefix[4], unsigned len, uint32_t hop)
{
    struct t6_node *n = t6_root;
    for (unsigned i = 0; i < len; i++) {
        unsigned b = (prefix[i >> 5] >> (31 - (i & 31))) & 1u;
        if (!n->c[b] && !(n->c[b] = t6_alloc()))
            return -1;
        n = n->c[b];
    }
    n->hop = (int32_t)hop;
    return 0;
}

int32_t t6_lookup(const uint32_t addr[4])
{
    const struct t6_node *n = t6_root;
    int32_t best = -1;
    for (unsigned i = 0; n; i++) {
        if (n->hop >= 0)
            best = n->hop;
        if (i == 128)
            break;
        n = n->c[(addr[i >> 5] >> (31 - (i & 31))) & 1u];
    }
    return best;
}
