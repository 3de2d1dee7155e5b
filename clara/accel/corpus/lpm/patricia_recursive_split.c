/*
 * class:    lpm
 * variant:  path-compressed (Patricia-style) binary trie whose lookup is written with explicit
 *           recursion: a node holds the first `len` bits it stands for; the recursive helper
 *           rejects a node whose bits differ from the address (one XOR and shift checks all
 *           skipped bits), otherwise recurses into the child picked by the bit right after
 *           the node's bits and, if that found nothing, falls back to the node's own route.
 *           Insertion is recursive too (returns the new subtree root, splitting a node where
 *           the new prefix diverges). Nodes come from a static pool linked by pointers.
 *           (lpm/trie_recursive.c and lpm/trie_recursive_ptr_best.c recurse over a one-bit-
 *           per-level trie; lpm/patricia_trie.c and lpm/patricia_skip_bits.c walk iteratively.)
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff if no route matches.
 * params:   pool of PR_NODES nodes (at most 2 per route).
 */
// clara-corpus: class=lpm entry=pr_lookup signature=lpm4_global init=pr_clear insert=pr_insert helpers=pr_probe miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define PR_NODES 8192
#define PR_MISS 0xffffffffu

struct pr_node {
    struct pr_node *sub[2];
    uint32_t bits;       /* significant: the top `len` bits */
    uint32_t hop;        /* PR_MISS: no route ends here */
    uint8_t len;
};

static struct pr_node pr_pool[PR_NODES];
static unsigned pr_used;
static struct pr_node *pr_root;
static int pr_failed;

void pr_clear(void)
{
    pr_used = 0;
    pr_root = NULL;
    pr_failed = 0;
}

static struct pr_node *pr_alloc(uint32_t bits, unsigned len, uint32_t hop)
{
    if (pr_used == PR_NODES) {
        pr_failed = 1;
        return NULL;
    }
    struct pr_node *n = &pr_pool[pr_used++];
    n->sub[0] = n->sub[1] = NULL;
    n->bits = len ? bits & ~(0xffffffffu >> 1 >> (len - 1)) : 0;
    n->len = (uint8_t)len;
    n->hop = hop;
    return n;
}

static unsigned pr_bit(uint32_t v, unsigned pos)
{
    return (v >> (31 - pos)) & 1;
}

static unsigned pr_common(uint32_t a, uint32_t b, unsigned limit)
{
    unsigned c = 0;
    while (c < limit && pr_bit(a, c) == pr_bit(b, c))
        c++;
    return c;
}

static struct pr_node *pr_put(struct pr_node *n, uint32_t bits, unsigned len, uint32_t hop)
{
    if (n == NULL)
        return pr_alloc(bits, len, hop);
    unsigned c = pr_common(n->bits, bits, n->len < len ? n->len : len);
    if (c < n->len) {
        /* the new prefix leaves n's path at bit c: a node for the shared part goes above n */
        struct pr_node *up = pr_alloc(bits, c, c == len ? hop : PR_MISS);
        if (up == NULL)
            return n;
        up->sub[pr_bit(n->bits, c)] = n;
        if (c < len) {
            struct pr_node *leaf = pr_alloc(bits, len, hop);
            if (leaf == NULL)
                return n;
            up->sub[pr_bit(bits, c)] = leaf;
        }
        return up;
    }
    if (n->len == len) {
        n->hop = hop;
        return n;
    }
    unsigned b = pr_bit(bits, n->len);
    n->sub[b] = pr_put(n->sub[b], bits, len, hop);
    return n;
}

int pr_insert(uint32_t prefix, unsigned len, uint32_t hop)
{
    if (len > 32)
        return -1;
    pr_root = pr_put(pr_root, prefix, len, hop);
    return pr_failed ? -1 : 0;
}

static uint32_t pr_probe(const struct pr_node *n, uint32_t addr)
{
    if (n == NULL)
        return PR_MISS;
    if (n->len != 0 && ((addr ^ n->bits) >> (32 - n->len)) != 0)
        return PR_MISS;                      /* a skipped bit disagrees */
    if (n->len < 32) {
        uint32_t deeper = pr_probe(n->sub[(addr >> (31 - n->len)) & 1], addr);
        if (deeper != PR_MISS)
            return deeper;
    }
    return n->hop;
}

uint32_t pr_lookup(uint32_t addr)
{
    return pr_probe(pr_root, addr);
}
