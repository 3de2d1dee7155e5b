/*
 * class:    lpm
 * variant:  Tree Bitmap (after Eatherton, Varghese, Dittia), stride 4: every compiled node is
 *           two bitmaps and two base indices. The internal bitmap (15 bits) marks the
 *           prefixes of length 0..3 that end inside the node, bit (2^l - 1 + v) for length l
 *           and value v; the external bitmap (16 bits) marks which nibble values have a child
 *           node. A node's children are stored contiguously (index = child base + popcount of
 *           the external bits below the nibble) and so are its results (result base +
 *           popcount of the internal bits below the matched position). The lookup takes one
 *           nibble per level, searches the internal bitmap from length 3 down to 0, then
 *           follows the external bitmap; a /32 lives as length 0 of a ninth-level node.
 *           Routes are inserted into uncompressed 16-way build nodes; tb_compile() lays the
 *           nodes out breadth-first into the compact arrays.
 *           (lpm/lulea_bitmap.c uses popcount only over a flat first level;
 *           lpm/multibit_stride4.c stores expanded 16-slot nodes.)
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff if no route matches.
 * params:   stride 4 (9 node levels), TB_NODES build/compiled nodes (at most 8 per route).
 */
// clara-corpus: class=lpm entry=tb_lookup signature=lpm4_global init=tb_init insert=tb_insert finalize=tb_compile miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define TB_NODES 9000
#define TB_NOHOP 0xffffffffu

/* build side: one uncompressed node per trie position */
struct tb_build_node {
    uint16_t internal;
    uint16_t external;
    uint32_t hop[15];
    uint32_t kid[16];       /* build node index, 0 = none */
};

/* lookup side */
struct tb_node {
    uint16_t internal;
    uint16_t external;
    uint32_t child_base;
    uint32_t result_base;
};

static struct tb_build_node tb_b[TB_NODES];
static unsigned tb_bcount;

static struct tb_node tb_n[TB_NODES];
static uint32_t tb_results[TB_NODES * 4];
static uint32_t tb_queue[TB_NODES];

void tb_init(void)
{
    memset(&tb_b[1], 0, sizeof tb_b[1]);
    tb_bcount = 2;      /* 0 = none, 1 = root */
    memset(&tb_n[0], 0, sizeof tb_n[0]);
}

int tb_insert(uint32_t prefix, unsigned len, uint32_t nh)
{
    unsigned node = 1, depth, rest, v, pos;

    if (len > 32)
        return -1;
    for (depth = 0; depth < len / 4; depth++) {
        unsigned nib = (prefix >> (28 - 4 * depth)) & 15u;
        if (!tb_b[node].kid[nib]) {
            if (tb_bcount >= TB_NODES)
                return -1;
            memset(&tb_b[tb_bcount], 0, sizeof tb_b[tb_bcount]);
            tb_b[node].kid[nib] = tb_bcount++;
            tb_b[node].external |= (uint16_t)(1u << nib);
        }
        node = tb_b[node].kid[nib];
    }
    rest = len & 3u;
    v = rest ? (prefix >> (32 - len)) & ((1u << rest) - 1u) : 0u;
    pos = (1u << rest) - 1u + v;
    tb_b[node].internal |= (uint16_t)(1u << pos);
    tb_b[node].hop[pos] = nh;
    return 0;
}

void tb_compile(void)
{
    unsigned head = 0, tail = 0, placed = 1, nres = 0;

    /* compiled node i corresponds to build node tb_queue[i]; the root is compiled node 0 */
    tb_queue[tail++] = 1;
    while (head < tail) {
        unsigned ci = head;
        const struct tb_build_node *b = &tb_b[tb_queue[head++]];
        unsigned k;

        tb_n[ci].internal = b->internal;
        tb_n[ci].external = b->external;
        tb_n[ci].result_base = nres;
        for (k = 0; k < 15; k++)
            if (b->internal & (1u << k))
                tb_results[nres++] = b->hop[k];
        tb_n[ci].child_base = placed;
        for (k = 0; k < 16; k++)
            if (b->external & (1u << k)) {
                tb_queue[tail++] = b->kid[k];
                placed++;
            }
    }
}

uint32_t tb_lookup(uint32_t addr)
{
    uint32_t best = TB_NOHOP;
    uint32_t idx = 0;
    unsigned depth;

    for (depth = 0; depth <= 8; depth++) {
        const struct tb_node *nd = &tb_n[idx];
        unsigned nib = depth < 8 ? (addr >> (28 - 4 * depth)) & 15u : 0u;
        int l;

        for (l = 3; l >= 0; l--) {
            unsigned pos = (1u << l) - 1u + (nib >> (4 - l));
            if (nd->internal & (1u << pos)) {
                best = tb_results[nd->result_base +
                                  __builtin_popcount(nd->internal & ((1u << pos) - 1u))];
                break;
            }
        }
        if (depth == 8 || !(nd->external & (1u << nib)))
            break;
        idx = nd->child_base + __builtin_popcount(nd->external & ((1u << nib) - 1u));
    }
    return best;
}
