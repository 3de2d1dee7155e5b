/*
 * class:    lpm
 * variant:  binary search on prefix lengths with markers (Waldvogel et al., SIGCOMM 1997), a
 *           third independent version: the search always bisects the fixed length range
 *           1..32 (no list of the lengths in use; /0 is the starting best match), and every
 *           length sits in ONE shared open-addressed table whose 64-bit key packs
 *           (length << 32 | masked bits); collisions are resolved by triangular probing
 *           (step 1, 2, 3, ...). Routes are staged by wq_add(); wq_build() places each route
 *           at its length and a marker at every length where its search path goes longer,
 *           then gives every entry its best matching prefix (bmp) by probing the table for
 *           real prefixes at its own length and below. Lookup: hit -> remember bmp, go
 *           longer; miss -> go shorter. (lpm/bsearch_prefix_lengths.c: one linear-probing
 *           table per length over the distinct lengths; lpm/waldvogel_chained_levels.c: a
 *           level tree and a chained table.)
 * computes: IPv4 longest-prefix match: 1 and the next hop in *nh, or 0 if no route matches.
 * params:   up to WQ_ROUTES routes, WQ_SLOTS = 16384 slots (at most 6 entries per route),
 *           hash: fold the key to 32 bits, multiply by 0x85ebca77, top 14 bits.
 */
// clara-corpus: class=lpm entry=wq_match signature=lpm4_out init=wq_init insert=wq_add finalize=wq_build
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define WQ_ROUTES 2048
#define WQ_SLOT_BITS 14
#define WQ_SLOTS (1u << WQ_SLOT_BITS)
#define WQ_EMPTY 0xffffffffffffffffull
#define WQ_NOHOP 0xffffffffu

struct wq_slot {
    uint64_t key;       /* (len << 32) | bits, WQ_EMPTY if free */
    uint32_t bmp;       /* best matching prefix hop, WQ_NOHOP if none */
    uint32_t real_hop;  /* hop of the prefix itself, WQ_NOHOP for a pure marker */
};

static struct wq_slot wq_tab[WQ_SLOTS];
static uint32_t wq_rt_pfx[WQ_ROUTES], wq_rt_hop[WQ_ROUTES];
static uint8_t wq_rt_len[WQ_ROUTES];
static unsigned wq_nroutes;
static uint32_t wq_default;     /* hop of the /0 route, or WQ_NOHOP */

static inline uint32_t wq_netmask(unsigned len)
{
    return len ? 0xffffffffu << (32 - len) : 0u;
}

static inline uint32_t wq_hash(uint64_t key)
{
    uint32_t x = (uint32_t)key ^ (uint32_t)(key >> 32) * 0x27d4eb2fu;
    return (x * 0x85ebca77u) >> (32 - WQ_SLOT_BITS);
}

void wq_init(void)
{
    wq_nroutes = 0;
    wq_default = WQ_NOHOP;
}

int wq_add(uint32_t pfx, unsigned len, uint32_t nh)
{
    if (len > 32 || wq_nroutes >= WQ_ROUTES)
        return -1;
    wq_rt_pfx[wq_nroutes] = pfx & wq_netmask(len);
    wq_rt_len[wq_nroutes] = (uint8_t)len;
    wq_rt_hop[wq_nroutes] = nh;
    wq_nroutes++;
    return 0;
}

/* find (len, bits); with `make`, claim a free slot for it */
static struct wq_slot *wq_slot_for(unsigned len, uint32_t bits, int make)
{
    uint64_t key = (uint64_t)len << 32 | bits;
    uint32_t i = wq_hash(key);
    uint32_t step;

    for (step = 1; step <= WQ_SLOTS; step++) {
        struct wq_slot *s = &wq_tab[i];
        if (s->key == key)
            return s;
        if (s->key == WQ_EMPTY) {
            if (!make)
                return NULL;
            s->key = key;
            s->bmp = WQ_NOHOP;
            s->real_hop = WQ_NOHOP;
            return s;
        }
        i = (i + step) & (WQ_SLOTS - 1);
    }
    return NULL;
}

int wq_build(void)
{
    unsigned r, i;

    memset(wq_tab, 0xff, sizeof wq_tab);
    wq_default = WQ_NOHOP;
    for (r = 0; r < wq_nroutes; r++) {
        unsigned len = wq_rt_len[r];
        unsigned lo = 1, hi = 32;

        if (len == 0) {
            wq_default = wq_rt_hop[r];
            continue;
        }
        while (lo <= hi) {
            unsigned mid = (lo + hi) >> 1;
            struct wq_slot *s;
            if (mid == len) {
                s = wq_slot_for(len, wq_rt_pfx[r], 1);
                if (!s)
                    return -1;
                s->real_hop = wq_rt_hop[r];
                break;
            }
            if (mid < len) {
                if (!wq_slot_for(mid, wq_rt_pfx[r] & wq_netmask(mid), 1))
                    return -1;                  /* marker */
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
    }
    for (i = 0; i < WQ_SLOTS; i++) {
        struct wq_slot *s = &wq_tab[i];
        unsigned len;
        uint32_t bits;

        if (s->key == WQ_EMPTY)
            continue;
        len = (unsigned)(s->key >> 32);
        bits = (uint32_t)s->key;
        s->bmp = wq_default;
        for (; len >= 1; len--) {
            const struct wq_slot *p = wq_slot_for(len, bits & wq_netmask(len), 0);
            if (p && p->real_hop != WQ_NOHOP) {
                s->bmp = p->real_hop;
                break;
            }
        }
    }
    return 0;
}

int wq_match(uint32_t addr, uint32_t *nh)
{
    uint32_t best = wq_default;
    unsigned lo = 1, hi = 32;

    while (lo <= hi) {
        unsigned mid = (lo + hi) >> 1;
        uint64_t key = (uint64_t)mid << 32 | (addr & (0xffffffffu << (32 - mid)));
        uint32_t i = wq_hash(key);
        uint32_t step = 1;
        const struct wq_slot *hit = NULL;

        while (wq_tab[i].key != WQ_EMPTY) {
            if (wq_tab[i].key == key) {
                hit = &wq_tab[i];
                break;
            }
            i = (i + step++) & (WQ_SLOTS - 1);
        }
        if (hit) {
            best = hit->bmp;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if (best == WQ_NOHOP)
        return 0;
    *nh = best;
    return 1;
}
