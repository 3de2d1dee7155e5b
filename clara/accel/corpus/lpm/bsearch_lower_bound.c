/*
 * class:    lpm
 * variant:  prefixes flattened into disjoint address ranges at build time (each range start
 *           with the hop of the longest covering route); the lookup is a branch-light
 *           lower-bound binary search with a moving base pointer and a halving length.
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff if none.
 */
// clara-corpus: class=lpm entry=lb_lookup signature=lpm4_global init=lb_clear insert=lb_route finalize=lb_flatten miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

#define LB_MAX 4096

struct lb_rt {
    uint32_t lo, hi, hop;
    unsigned len;
};
struct lb_seg {
    uint32_t start, hop;
};

static struct lb_rt lb_routes[LB_MAX];
static unsigned lb_nroutes;
static struct lb_seg lb_segs[2 * LB_MAX + 2];
static unsigned lb_nsegs;

void lb_clear(void)
{
    lb_nroutes = 0;
    lb_nsegs = 0;
}

int lb_route(uint32_t pfx, unsigned len, uint32_t hop)
{
    if (lb_nroutes == LB_MAX)
        return -1;
    uint32_t host = len ? (len == 32 ? 0 : 0xffffffffu >> len) : 0xffffffffu;
    lb_routes[lb_nroutes++] = (struct lb_rt){pfx, pfx | host, hop, len};
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static uint32_t lb_best(uint32_t a)
{
    int best = -1;
    for (unsigned i = 0; i < lb_nroutes; i++)
        if (lb_routes[i].lo <= a && a <= lb_routes[i].hi &&
            (best < 0 || lb_routes[i].len > lb_routes[best].len))
            best = (int)i;
    return best < 0 ? 0xffffffffu : lb_routes[best].hop;
}

void lb_flatten(void)
{
    static uint32_t points[2 * LB_MAX + 1];
    unsigned n = 0;
    points[n++] = 0;
    for (unsigned i = 0; i < lb_nroutes; i++) {
        points[n++] = lb_routes[i].lo;
        if (lb_routes[i].hi != 0xffffffffu)
            points[n++] = lb_routes[i].hi + 1;
    }
    qsort(points, n, sizeof points[0], cmp_u32);
    lb_nsegs = 0;
    for (unsigned i = 0; i < n; i++)
        if (i == 0 || points[i] != points[i - 1]) {
            lb_segs[lb_nsegs].start = points[i];
            lb_segs[lb_nsegs].hop = lb_best(points[i]);
            lb_nsegs++;
        }
}

uint32_t lb_lookup(uint32_t addr)
{
    const struct lb_seg *base = lb_segs;
    size_t len = lb_nsegs;
    while (len > 1) {
        size_t half = len / 2;
        if (base[half].start <= addr)
            base += half;
        len -= half;
    }
    return base->hop;
}
