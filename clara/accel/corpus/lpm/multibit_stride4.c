/*
 * class:    lpm
 * variant:  multibit trie, fixed stride 4 (8 levels, 16 slots per node), controlled prefix
 *           expansion inside a node (each slot remembers the length of the prefix that
 *           filled it so a shorter route never overwrites a longer one), no leaf pushing:
 *           the lookup keeps the best hop seen on the way down.
 * computes: IPv4 longest-prefix match -> int32 next hop, -1 when no route matches.
 */
// clara-corpus: class=lpm entry=mb4_find signature=lpm4_global init=mb4_clear insert=mb4_route_add
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define MB4_STRIDE 4
#define MB4_FANOUT (1 << MB4_STRIDE)
#define MB4_LEVELS (32 / MB4_STRIDE)
#define MB4_MAX_NODES 16384

struct mb4_node {
    int32_t hop[MB4_FANOUT];
    uint8_t hop_len[MB4_FANOUT];
    uint16_t next[MB4_FANOUT]; /* 0 = no child; the root is node 0 and never a child */
};

static struct mb4_node mb4_tab[MB4_MAX_NODES];
static unsigned mb4_nodes_used;

static void mb4_node_init(struct mb4_node *n)
{
    int i;
    for (i = 0; i < MB4_FANOUT; i++) {
        n->hop[i] = -1;
        n->hop_len[i] = 0;
        n->next[i] = 0;
    }
}

void mb4_clear(void)
{
    mb4_node_init(&mb4_tab[0]);
    mb4_nodes_used = 1;
}

static inline unsigned mb4_chunk(uint32_t a, unsigned level)
{
    return (a >> (32 - MB4_STRIDE * (level + 1))) & (MB4_FANOUT - 1);
}

int mb4_route_add(uint32_t pfx, unsigned len, int32_t hop)
{
    unsigned level = 0, node = 0, rem, first, span, i;

    while (len > MB4_STRIDE * (level + 1)) {
        unsigned c = mb4_chunk(pfx, level);
        if (mb4_tab[node].next[c] == 0) {
            if (mb4_nodes_used >= MB4_MAX_NODES)
                return -1;
            mb4_node_init(&mb4_tab[mb4_nodes_used]);
            mb4_tab[node].next[c] = (uint16_t)mb4_nodes_used++;
        }
        node = mb4_tab[node].next[c];
        level++;
    }
    rem = len - MB4_STRIDE * level;          /* 0..4 bits of the prefix inside this node */
    span = 1u << (MB4_STRIDE - rem);
    first = mb4_chunk(pfx, level) & ~(span - 1);
    for (i = first; i < first + span; i++) {
        if (mb4_tab[node].hop_len[i] <= len || mb4_tab[node].hop[i] < 0) {
            mb4_tab[node].hop[i] = hop;
            mb4_tab[node].hop_len[i] = (uint8_t)len;
        }
    }
    return 0;
}

int32_t mb4_find(uint32_t addr)
{
    int32_t best = -1;
    unsigned node = 0, level;

    for (level = 0; level < MB4_LEVELS; level++) {
        unsigned c = mb4_chunk(addr, level);
        const struct mb4_node *n = &mb4_tab[node];
        if (n->hop[c] >= 0)
            best = n->hop[c];
        if (n->next[c] == 0)
            break;
        node = n->next[c];
    }
    return best;
}
