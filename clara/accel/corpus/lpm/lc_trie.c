/*
 * class:    lpm
 * variant:  LC-trie-like level-compressed trie (after Nilsson & Karlsson): a binary trie is
 *           built, leaf-pushed so every internal node has two children, then every complete
 *           top part of a subtree of depth k is replaced by one node with 2^k children. The
 *           result is a flat array of 32-bit node words: branch factor (5 bits) and the index
 *           of the first child, or for a leaf the next hop + 1. lct_build() compiles it.
 * computes: IPv4 longest-prefix match -> next hop, -1 if no route.
 */
// clara-corpus: class=lpm entry=lct_lookup signature=lpm4_global init=lct_init insert=lct_insert finalize=lct_build
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define LCT_TMP_NODES (1u << 17)
#define LCT_ARRAY (1u << 18)
#define LCT_BRANCH_SHIFT 27
#define LCT_ADR_MASK ((1u << LCT_BRANCH_SHIFT) - 1)

struct lct_tmp {
    int32_t kid[2];
    int32_t hop;       /* route ending here, -1 none */
    int32_t leafval;   /* after leaf pushing: hop inherited by a leaf */
};

static struct lct_tmp lct_t[LCT_TMP_NODES];
static int32_t lct_tn;
static uint32_t lct_arr[LCT_ARRAY];
static uint32_t lct_alen;
static int lct_overflow;

static int32_t lct_tmp_new(void)
{
    if ((uint32_t)lct_tn >= LCT_TMP_NODES) {
        lct_overflow = 1;
        return 0;
    }
    lct_t[lct_tn].kid[0] = lct_t[lct_tn].kid[1] = -1;
    lct_t[lct_tn].hop = -1;
    lct_t[lct_tn].leafval = -1;
    return lct_tn++;
}

void lct_init(void)
{
    lct_tn = 0;
    lct_overflow = 0;
    lct_tmp_new();
    lct_alen = 1;
    lct_arr[0] = 0;
}

int lct_insert(uint32_t pfx, unsigned len, int32_t hop)
{
    int32_t n = 0;
    unsigned d;

    for (d = 0; d < len; d++) {
        unsigned b = (pfx >> (31 - d)) & 1;
        if (lct_t[n].kid[b] < 0) {
            int32_t c = lct_tmp_new();
            if (lct_overflow)
                return -1;
            lct_t[n].kid[b] = c;
        }
        n = lct_t[n].kid[b];
    }
    lct_t[n].hop = hop;
    return 0;
}

static void lct_push(int32_t n, int32_t inherited)
{
    int b;
    if (lct_t[n].hop >= 0)
        inherited = lct_t[n].hop;
    if (lct_t[n].kid[0] < 0 && lct_t[n].kid[1] < 0) {
        lct_t[n].leafval = inherited;
        return;
    }
    for (b = 0; b < 2; b++) {
        if (lct_t[n].kid[b] < 0) {
            int32_t c = lct_tmp_new();
            if (lct_overflow)
                return;
            lct_t[n].kid[b] = c;
        }
        lct_push(lct_t[n].kid[b], inherited);
    }
}

static unsigned lct_complete_depth(int32_t n)
{
    unsigned l, r;
    if (lct_t[n].kid[0] < 0)
        return 0;
    l = lct_complete_depth(lct_t[n].kid[0]);
    r = lct_complete_depth(lct_t[n].kid[1]);
    return 1 + (l < r ? l : r);
}

static void lct_emit(int32_t n, uint32_t slot)
{
    unsigned k, i, j;
    uint32_t first;

    if (lct_t[n].kid[0] < 0) {
        lct_arr[slot] = (uint32_t)(lct_t[n].leafval + 1);
        return;
    }
    k = lct_complete_depth(n);
    if (k > 16)
        k = 16;
    if (lct_alen + (1u << k) > LCT_ARRAY) {
        lct_overflow = 1;
        return;
    }
    first = lct_alen;
    lct_alen += 1u << k;
    lct_arr[slot] = ((uint32_t)k << LCT_BRANCH_SHIFT) | first;
    for (i = 0; i < (1u << k); i++) {
        int32_t d = n;
        for (j = 0; j < k; j++)
            d = lct_t[d].kid[(i >> (k - 1 - j)) & 1];
        lct_emit(d, first + i);
    }
}

int lct_build(void)
{
    lct_push(0, -1);
    lct_alen = 1;
    lct_emit(0, 0);
    return lct_overflow ? -1 : 0;
}

int32_t lct_lookup(uint32_t addr)
{
    uint32_t node = lct_arr[0];
    unsigned pos = 0;

    while ((node >> LCT_BRANCH_SHIFT) != 0) {
        unsigned branch = node >> LCT_BRANCH_SHIFT;
        uint32_t idx = (addr << pos) >> (32 - branch);
        pos += branch;
        node = lct_arr[(node & LCT_ADR_MASK) + idx];
    }
    return (int32_t)(node & LCT_ADR_MASK) - 1;
}
