/*
 * class:    lpm
 * variant:  multibit trie with variable strides 12-4-4-4-4-4: a 4096-slot root indexed by the
 *           top 12 bits, then five levels of 16-slot nodes (one nibble each). Nodes are rows
 *           of three parallel 2-D arrays (child index, hop, length of the route that set the
 *           slot); index 0 means "no child". Routes are expanded inside the level where their
 *           length ends (controlled prefix expansion; a slot only takes a route at least as
 *           long as the one it holds), no leaf pushing, so the lookup remembers the last hop
 *           on its way down: root slot first, then `for (shift = 16; child; shift -= 4)`.
 *           (lpm/multibit_16_8_8.c drives 16-8-8 from a stride table over slot structs;
 *           lpm/multibit_stride4.c has a fixed stride 4 from the root.)
 * computes: IPv4 longest-prefix match: 1 and the next hop in *nh, or 0 if no route matches.
 * params:   root stride 12, node stride 4, MB_NODES node rows (at most 5 per route).
 */
// clara-corpus: class=lpm entry=mv_lookup signature=lpm4_out init=mv_init insert=mv_insert
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define MV_ROOT_BITS 12
#define MV_ROOT_SLOTS (1u << MV_ROOT_BITS)
#define MV_NODES 8192
#define MV_EMPTY_LEN 0xff

static uint32_t mv_root_child[MV_ROOT_SLOTS];
static uint32_t mv_root_hop[MV_ROOT_SLOTS];
static uint8_t mv_root_len[MV_ROOT_SLOTS];

static uint32_t mv_child[MV_NODES][16];
static uint32_t mv_hop[MV_NODES][16];
static uint8_t mv_len[MV_NODES][16];
static uint32_t mv_next_node;

void mv_init(void)
{
    memset(mv_root_child, 0, sizeof mv_root_child);
    memset(mv_root_len, MV_EMPTY_LEN, sizeof mv_root_len);
    mv_next_node = 1;           /* row 0 is the "no child" index */
}

static uint32_t mv_new_node(void)
{
    uint32_t n;

    if (mv_next_node >= MV_NODES)
        return 0;
    n = mv_next_node++;
    memset(mv_child[n], 0, sizeof mv_child[n]);
    memset(mv_len[n], MV_EMPTY_LEN, sizeof mv_len[n]);
    return n;
}

/* paint slots [first, first + count) of one level with (hop, len) unless a longer route owns them */
static void mv_paint(uint32_t *hop, uint8_t *lens, uint32_t first, uint32_t count,
                     uint32_t nh, unsigned len)
{
    uint32_t s;

    for (s = first; s < first + count; s++) {
        if (lens[s] == MV_EMPTY_LEN || lens[s] <= len) {
            hop[s] = nh;
            lens[s] = (uint8_t)len;
        }
    }
}

int mv_insert(uint32_t prefix, unsigned len, uint32_t nh)
{
    uint32_t idx, node;
    unsigned end;

    if (len > 32)
        return -1;
    if (len < 32)
        prefix &= ~(0xffffffffu >> len);
    idx = prefix >> (32 - MV_ROOT_BITS);
    if (len <= MV_ROOT_BITS) {
        unsigned free_bits = MV_ROOT_BITS - len;
        mv_paint(mv_root_hop, mv_root_len, idx, 1u << free_bits, nh, len);
        return 0;
    }
    node = mv_root_child[idx];
    if (!node) {
        node = mv_new_node();
        if (!node)
            return -1;
        mv_root_child[idx] = node;
    }
    /* node covers bits [end - 4, end) of the address */
    for (end = MV_ROOT_BITS + 4;; end += 4) {
        unsigned nib = (prefix >> (32 - end)) & 15u;
        uint32_t next;
        if (len <= end) {
            unsigned free_bits = end - len;
            mv_paint(mv_hop[node], mv_len[node], nib & ~((1u << free_bits) - 1u),
                     1u << free_bits, nh, len);
            return 0;
        }
        next = mv_child[node][nib];
        if (!next) {
            next = mv_new_node();
            if (!next)
                return -1;
            mv_child[node][nib] = next;
        }
        node = next;
    }
}

int mv_lookup(uint32_t addr, uint32_t *nh)
{
    uint32_t idx = addr >> (32 - MV_ROOT_BITS);
    uint32_t node = mv_root_child[idx];
    int found = 0;
    uint32_t best = 0;
    int shift;

    if (mv_root_len[idx] != MV_EMPTY_LEN) {
        best = mv_root_hop[idx];
        found = 1;
    }
    for (shift = 16; node && shift >= 0; shift -= 4) {
        unsigned nib = (addr >> shift) & 15u;
        if (mv_len[node][nib] != MV_EMPTY_LEN) {
            best = mv_hop[node][nib];
            found = 1;
        }
        node = mv_child[node][nib];
    }
    if (found)
        *nh = best;
    return found;
}
