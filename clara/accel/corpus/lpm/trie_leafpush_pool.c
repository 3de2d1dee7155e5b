/*
 * class:    lpm
 * variant:  leaf-pushed binary trie: after all inserts, finalize pushes every route down to
 *           the leaves and gives every internal node two children, so a node is either a leaf
 *           with a hop or an internal node; the lookup descends until it reaches a leaf, with
 *           no best-so-far bookkeeping.
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff if none.
 */
// clara-corpus: class=lpm entry=lp_lookup signature=lpm4_global init=lp_init insert=lp_insert finalize=lp_push miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define LP_CAP 80000
#define LP_NOHOP 0xffffffffu

static int32_t lp_kid[LP_CAP][2];   /* -1: leaf */
static uint32_t lp_hop[LP_CAP];
static uint8_t lp_set[LP_CAP];
static int32_t lp_used;

static int32_t lp_alloc(void)
{
    if (lp_used >= LP_CAP)
        return -1;
    lp_kid[lp_used][0] = lp_kid[lp_used][1] = -1;
    lp_set[lp_used] = 0;
    lp_hop[lp_used] = LP_NOHOP;
    return lp_used++;
}

void lp_init(void)
{
    lp_used = 0;
    lp_alloc();
}

int lp_insert(uint32_t pfx, unsigned len, uint32_t hop)
{
    int32_t n = 0;
    for (unsigned d = 0; d < len; d++) {
        int b = (int)(pfx >> (31 - d) & 1);
        if (lp_kid[n][b] < 0) {
            int32_t f = lp_alloc();
            if (f < 0)
                return -1;
            lp_kid[n][b] = f;
        }
        n = lp_kid[n][b];
    }
    lp_set[n] = 1;
    lp_hop[n] = hop;
    return 0;
}

static void lp_push_from(int32_t n, uint32_t inherited)
{
    if (lp_set[n])
        inherited = lp_hop[n];
    if (lp_kid[n][0] < 0 && lp_kid[n][1] < 0) {
        lp_hop[n] = inherited;
        return;
    }
    for (int b = 0; b < 2; b++) {
        if (lp_kid[n][b] < 0) {
            int32_t f = lp_alloc();
            lp_kid[n][b] = f;
        }
        lp_push_from(lp_kid[n][b], inherited);
    }
}

void lp_push(void)
{
    lp_push_from(0, LP_NOHOP);
}

uint32_t lp_lookup(uint32_t addr)
{
    int32_t n = 0;
    int shift = 31;
    while (lp_kid[n][0] >= 0) {
        n = lp_kid[n][(addr >> shift) & 1];
        shift--;
    }
    return lp_hop[n];
}
