/*
 * class:    lpm
 * variant:  binary trie of malloc'd nodes searched by a recursive helper that carries the best
 *           route found so far down the path (accumulator argument) instead of unwinding;
 *           the address is shifted left one bit per level so the next bit is always bit 31.
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff if none.
 */
// clara-corpus: class=lpm entry=acc_trie_lookup signature=lpm4_global init=acc_trie_init insert=acc_trie_add helpers=acc_descend miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

struct acc_node {
    struct acc_node *next[2];
    int has_route;
    uint32_t nexthop;
};

static struct acc_node *acc_root;

static void acc_free(struct acc_node *n)
{
    if (!n)
        return;
    acc_free(n->next[0]);
    acc_free(n->next[1]);
    free(n);
}

void acc_trie_init(void)
{
    acc_free(acc_root);
    acc_root = calloc(1, sizeof *acc_root);
}

int acc_trie_add(uint32_t prefix, unsigned len, uint32_t hop)
{
    struct acc_node *n = acc_root;
    uint32_t bits = prefix;
    while (len--) {
        struct acc_node **slot = &n->next[bits >> 31];
        if (*slot == NULL) {
            *slot = calloc(1, sizeof **slot);
            if (*slot == NULL)
                return -1;
        }
        n = *slot;
        bits <<= 1;
    }
    n->has_route = 1;
    n->nexthop = hop;
    return 0;
}

static uint32_t acc_descend(const struct acc_node *n, uint32_t bits, uint32_t best)
{
    if (n == NULL)
        return best;
    if (n->has_route)
        best = n->nexthop;
    return acc_descend(n->next[bits >> 31], bits << 1, best);
}

uint32_t acc_trie_lookup(uint32_t addr)
{
    return acc_descend(acc_root, addr, 0xffffffffu);
}
