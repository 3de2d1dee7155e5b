/*
 * class:    lpm
 * variant:  path-compressed binary trie searched in two phases, as BSD-style radix code does:
 *           (1) descend without checking any key, using only the per-node skip count (the
 *           number of bits compressed away above the node) to advance the bit position, and
 *           push every node that carries a route on a small stack together with the number of
 *           address bits it stands for; (2) pop the stack from the deepest node and return the
 *           first route whose prefix matches the address under its mask (deeper = longer).
 *           Nodes are a static pool linked by 16-bit indices; insertion splits an edge where
 *           the new prefix diverges and refreshes the skip counts of re-parented nodes.
 *           (lpm/patricia_skip_bits.c and lpm/patricia_trie.c verify each node's key while
 *           descending; lpm/patricia_recursive_split.c recurses.)
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff if no route matches.
 * params:   PB_NODES pool nodes (root + at most 2 per route), stack depth 33.
 */
// clara-corpus: class=lpm entry=pb_lookup signature=lpm4_global init=pb_init insert=pb_insert miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define PB_NODES 4200
#define PB_NIL 0
#define PB_ROOT 1
#define PB_NOHOP 0xffffffffu

struct pb_node {
    uint32_t key;        /* prefix bits, host part zero */
    uint32_t hop;        /* PB_NOHOP: node only branches */
    uint16_t kid[2];
    uint8_t len;         /* bits this node stands for (build side) */
    uint8_t skip;        /* len - parent's len - 1 (lookup side); 0 for the root */
};

static struct pb_node pb_pool[PB_NODES];
static unsigned pb_used;

static inline uint32_t pb_mask(unsigned len)
{
    return len ? 0xffffffffu << (32 - len) : 0u;
}

static inline unsigned pb_bit(uint32_t v, unsigned pos)
{
    return (v >> (31 - pos)) & 1u;
}

void pb_init(void)
{
    memset(&pb_pool[PB_ROOT], 0, sizeof pb_pool[PB_ROOT]);
    pb_pool[PB_ROOT].hop = PB_NOHOP;
    pb_used = 2;        /* index 0 = nil, 1 = root (the /0 position) */
}

static unsigned pb_alloc(uint32_t key, unsigned len, uint32_t hop)
{
    unsigned n;

    if (pb_used >= PB_NODES)
        return PB_NIL;
    n = pb_used++;
    pb_pool[n].key = key;
    pb_pool[n].len = (uint8_t)len;
    pb_pool[n].hop = hop;
    pb_pool[n].kid[0] = pb_pool[n].kid[1] = PB_NIL;
    pb_pool[n].skip = 0;
    return n;
}

static void pb_link(unsigned parent, unsigned side, unsigned child)
{
    pb_pool[parent].kid[side] = (uint16_t)child;
    pb_pool[child].skip = (uint8_t)(pb_pool[child].len - pb_pool[parent].len - 1);
}

int pb_insert(uint32_t prefix, unsigned len, uint32_t hop)
{
    unsigned n = PB_ROOT;

    if (len > 32)
        return -1;
    prefix &= pb_mask(len);
    for (;;) {
        struct pb_node *cur = &pb_pool[n];
        unsigned side, c, common, m;
        uint32_t diff;

        if (cur->len == len) {
            cur->hop = hop;
            return 0;
        }
        side = pb_bit(prefix, cur->len);
        c = cur->kid[side];
        if (c == PB_NIL) {
            unsigned leaf = pb_alloc(prefix, len, hop);
            if (leaf == PB_NIL)
                return -1;
            pb_link(n, side, leaf);
            return 0;
        }
        diff = prefix ^ pb_pool[c].key;
        common = diff ? (unsigned)__builtin_clz(diff) : 32u;
        if (common > pb_pool[c].len)
            common = pb_pool[c].len;
        if (common > len)
            common = len;
        if (common == pb_pool[c].len) {
            n = c;                  /* child's bits are a prefix of ours: go down */
            continue;
        }
        /* split the edge n -> c at `common` bits */
        m = pb_alloc(prefix & pb_mask(common), common, common == len ? hop : PB_NOHOP);
        if (m == PB_NIL)
            return -1;
        pb_link(n, side, m);
        pb_link(m, pb_bit(pb_pool[c].key, common), c);
        if (common != len) {
            unsigned leaf = pb_alloc(prefix, len, hop);
            if (leaf == PB_NIL)
                return -1;
            pb_link(m, pb_bit(prefix, common), leaf);
        }
        return 0;
    }
}

uint32_t pb_lookup(uint32_t addr)
{
    uint16_t stack_node[33];
    uint8_t stack_bits[33];
    int top = 0;
    unsigned n = PB_ROOT;
    unsigned pos = 0;

    /* phase 1: blind descent by skip counts */
    for (;;) {
        const struct pb_node *cur = &pb_pool[n];
        if (cur->hop != PB_NOHOP) {
            stack_node[top] = (uint16_t)n;
            stack_bits[top] = (uint8_t)pos;
            top++;
        }
        if (pos >= 32)
            break;
        n = cur->kid[(addr >> (31 - pos)) & 1u];
        if (n == PB_NIL)
            break;
        pos += 1u + pb_pool[n].skip;
    }
    /* phase 2: back up and verify */
    while (top > 0) {
        const struct pb_node *cand;
        unsigned bits;
        top--;
        cand = &pb_pool[stack_node[top]];
        bits = stack_bits[top];
        if (bits == 0 || ((addr ^ cand->key) >> (32 - bits)) == 0)
            return cand->hop;
    }
    return PB_NOHOP;
}
