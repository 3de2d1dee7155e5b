/*
 * class:    lpm
 * variant:  range-based LPM: every prefix is an interval [start, end]; the build step
 *           collects all interval boundaries, sorts them, and resolves the longest match of
 *           each elementary interval once. The per-packet lookup is a binary search for the
 *           last boundary <= address (Lampson/Srinivasan/Varghese "multiway range search",
 *           here with a plain binary search).
 * computes: IPv4 longest-prefix match -> next hop, RNG_NONE (0xffffffff) if no route.
 */
// clara-corpus: class=lpm entry=rng_lookup signature=lpm4_global init=rng_clear insert=rng_add_prefix finalize=rng_compile miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define RNG_NONE 0xffffffffu
#define RNG_MAX_PFX 2048
#define RNG_MAX_EDGES (2 * RNG_MAX_PFX + 1)

static uint32_t rng_lo[RNG_MAX_PFX], rng_hi[RNG_MAX_PFX], rng_nh[RNG_MAX_PFX];
static uint8_t rng_len[RNG_MAX_PFX];
static unsigned rng_npfx;

static uint32_t rng_edge[RNG_MAX_EDGES];   /* sorted interval starts */
static uint32_t rng_hop[RNG_MAX_EDGES];    /* hop for [edge[i], edge[i+1]) */
static unsigned rng_nedges;

void rng_clear(void)
{
    rng_npfx = 0;
    rng_nedges = 0;
}

int rng_add_prefix(uint32_t pfx, unsigned len, uint32_t nh)
{
    uint32_t span;

    if (rng_npfx >= RNG_MAX_PFX)
        return -1;
    span = len >= 32 ? 0u : (0xffffffffu >> len); /* host part of the prefix */
    rng_lo[rng_npfx] = pfx & ~span;
    rng_hi[rng_npfx] = (pfx & ~span) | span;
    rng_nh[rng_npfx] = nh;
    rng_len[rng_npfx] = (uint8_t)len;
    rng_npfx++;
    return 0;
}

static void rng_shellsort(uint32_t *v, unsigned n)
{
    unsigned gap, i, j;

    for (gap = n / 2; gap > 0; gap /= 2) {
        for (i = gap; i < n; i++) {
            uint32_t x = v[i];
            for (j = i; j >= gap && v[j - gap] > x; j -= gap)
                v[j] = v[j - gap];
            v[j] = x;
        }
    }
}

void rng_compile(void)
{
    unsigned i, k, n = 0;

    rng_edge[n++] = 0;
    for (i = 0; i < rng_npfx; i++) {
        rng_edge[n++] = rng_lo[i];
        if (rng_hi[i] != 0xffffffffu)
            rng_edge[n++] = rng_hi[i] + 1;
    }
    rng_shellsort(rng_edge, n);
    /* unique */
    k = 0;
    for (i = 0; i < n; i++)
        if (k == 0 || rng_edge[i] != rng_edge[k - 1])
            rng_edge[k++] = rng_edge[i];
    rng_nedges = k;
    /* resolve the longest covering prefix of each elementary interval */
    for (i = 0; i < rng_nedges; i++) {
        int best_len = -1;
        uint32_t hop = RNG_NONE, a = rng_edge[i];
        unsigned p;
        for (p = 0; p < rng_npfx; p++) {
            if (a >= rng_lo[p] && a <= rng_hi[p] && (int)rng_len[p] > best_len) {
                best_len = rng_len[p];
                hop = rng_nh[p];
            }
        }
        rng_hop[i] = hop;
    }
}

uint32_t rng_lookup(uint32_t addr)
{
    unsigned lo = 0, hi = rng_nedges;

    if (rng_nedges == 0)
        return RNG_NONE;
    /* invariant: edge[lo] <= addr < edge[hi] (edge[nedges] = +inf) */
    while (hi - lo > 1) {
        unsigned mid = lo + (hi - lo) / 2;
        if (rng_edge[mid] <= addr)
            lo = mid;
        else
            hi = mid;
    }
    return rng_hop[lo];
}
