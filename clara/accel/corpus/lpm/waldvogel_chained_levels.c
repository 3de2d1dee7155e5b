/*
 * class:    lpm
 * variant:  binary search on prefix lengths (Waldvogel, Varghese, Turner, Plattner, "Scalable
 *           high speed IP routing lookups", SIGCOMM 1997), written independently of
 *           lpm/bsearch_prefix_lengths.c: the distinct lengths are arranged once into an
 *           explicit balanced search tree (array of levels with shorter/longer child links),
 *           and all levels share ONE separately chained hash table keyed by (length, bits),
 *           entries in an index-linked pool. Markers are placed on every level where the
 *           search for a prefix turns toward longer lengths; each entry's best matching
 *           prefix (bmp) is computed by probing the table itself at the entry's length and
 *           below for real prefixes (no pass over the route list). The lookup descends the
 *           level tree: a hit records the entry's bmp and goes longer, a miss goes shorter.
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff when no route matches.
 * params:   up to WV_ROUTES routes; WV_HEADS chain heads; hash: xor-fold and multiply by
 *           0x2c1b3c6d, top 11 bits.
 */
// clara-corpus: class=lpm entry=wv_route signature=lpm4_global init=wv_init insert=wv_add finalize=wv_prepare miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define WV_ROUTES 2048
#define WV_POOL (WV_ROUTES * 8)
#define WV_HEAD_BITS 11
#define WV_HEADS (1u << WV_HEAD_BITS)
#define WV_NONE 0xffffffffu

struct wv_entry {
    uint32_t bits;     /* the prefix (or marker) bits, host bits zero */
    uint32_t own;      /* next hop when this entry is a real prefix */
    uint32_t bmp;      /* best matching prefix hop for `bits` at this length, or WV_NONE */
    int32_t chain;     /* next entry in the bucket, -1 ends */
    uint8_t len;
    uint8_t real;
};

struct wv_level {
    uint8_t len;
    int8_t shorter;    /* child levels, -1: none */
    int8_t longer;
};

static struct wv_entry wv_pool[WV_POOL];
static int32_t wv_pool_used;
static int32_t wv_head[WV_HEADS];

static struct wv_level wv_levels[33];
static int wv_nlevels;
static int wv_root;
static uint64_t wv_present;

static uint32_t wv_pfx[WV_ROUTES], wv_nh[WV_ROUTES];
static uint8_t wv_plen[WV_ROUTES];
static unsigned wv_nroutes;

static uint32_t wv_cut(uint32_t a, unsigned len)
{
    return len == 0 ? 0u : a & (0xffffffffu << (32u - len));
}

static unsigned wv_bucket(uint32_t bits, unsigned len)
{
    uint32_t h = bits ^ (bits >> 13) ^ (len << 27);
    return (h * 0x2c1b3c6du) >> (32 - WV_HEAD_BITS);
}

void wv_init(void)
{
    memset(wv_head, 0xff, sizeof wv_head);
    wv_pool_used = 0;
    wv_nlevels = 0;
    wv_root = -1;
    wv_present = 0;
    wv_nroutes = 0;
}

int wv_add(uint32_t prefix, unsigned len, uint32_t hop)
{
    if (len > 32 || wv_nroutes >= WV_ROUTES)
        return -1;
    wv_pfx[wv_nroutes] = wv_cut(prefix, len);
    wv_plen[wv_nroutes] = (uint8_t)len;
    wv_nh[wv_nroutes] = hop;
    wv_nroutes++;
    return 0;
}

static struct wv_entry *wv_get(uint32_t bits, unsigned len)
{
    for (int32_t e = wv_head[wv_bucket(bits, len)]; e >= 0; e = wv_pool[e].chain)
        if (wv_pool[e].len == len && wv_pool[e].bits == bits)
            return &wv_pool[e];
    return NULL;
}

static struct wv_entry *wv_get_or_add(uint32_t bits, unsigned len)
{
    struct wv_entry *x = wv_get(bits, len);
    if (x)
        return x;
    if (wv_pool_used >= WV_POOL)
        return NULL;
    unsigned b = wv_bucket(bits, len);
    x = &wv_pool[wv_pool_used];
    x->bits = bits;
    x->len = (uint8_t)len;
    x->real = 0;
    x->own = WV_NONE;
    x->bmp = WV_NONE;
    x->chain = wv_head[b];
    wv_head[b] = wv_pool_used++;
    return x;
}

/* balanced tree over sorted lengths[lo..hi]; returns the index of the subtree root */
static int wv_make_tree(const uint8_t *lengths, int lo, int hi)
{
    if (lo > hi)
        return -1;
    int mid = (lo + hi + 1) / 2;
    wv_levels[mid].len = lengths[mid];
    wv_levels[mid].shorter = (int8_t)wv_make_tree(lengths, lo, mid - 1);
    wv_levels[mid].longer = (int8_t)wv_make_tree(lengths, mid + 1, hi);
    return mid;
}

int wv_prepare(void)
{
    uint8_t lengths[33];
    unsigned r;
    int32_t e;

    for (r = 0; r < wv_nroutes; r++)
        wv_present |= 1ull << wv_plen[r];
    for (unsigned l = 0; l <= 32; l++)
        if (wv_present >> l & 1)
            lengths[wv_nlevels++] = (uint8_t)l;
    wv_root = wv_make_tree(lengths, 0, wv_nlevels - 1);

    /* real prefixes, then the markers on each prefix's search path */
    for (r = 0; r < wv_nroutes; r++) {
        struct wv_entry *x = wv_get_or_add(wv_pfx[r], wv_plen[r]);
        if (!x)
            return -1;
        x->real = 1;
        x->own = wv_nh[r];
    }
    for (r = 0; r < wv_nroutes; r++) {
        int lv = wv_root;
        while (lv >= 0 && wv_levels[lv].len != wv_plen[r]) {
            unsigned l = wv_levels[lv].len;
            if (l < wv_plen[r]) {
                if (!wv_get_or_add(wv_cut(wv_pfx[r], l), l))
                    return -1;
                lv = wv_levels[lv].longer;
            } else {
                lv = wv_levels[lv].shorter;
            }
        }
    }
    /* bmp: longest real prefix covering the entry, searched at its length and below */
    for (e = 0; e < wv_pool_used; e++) {
        struct wv_entry *x = &wv_pool[e];
        for (int l = x->len; l >= 0; l--) {
            if (!(wv_present >> l & 1))
                continue;
            const struct wv_entry *c = wv_get(wv_cut(x->bits, (unsigned)l), (unsigned)l);
            if (c && c->real) {
                x->bmp = c->own;
                break;
            }
        }
    }
    return 0;
}

uint32_t wv_route(uint32_t addr)
{
    uint32_t best = WV_NONE;
    int lv = wv_root;

    while (lv >= 0) {
        unsigned len = wv_levels[lv].len;
        uint32_t bits = len ? addr & (0xffffffffu << (32u - len)) : 0u;
        int32_t e = wv_head[wv_bucket(bits, len)];
        while (e >= 0 && !(wv_pool[e].bits == bits && wv_pool[e].len == len))
            e = wv_pool[e].chain;
        if (e >= 0) {
            if (wv_pool[e].bmp != WV_NONE)
                best = wv_pool[e].bmp;
            lv = wv_levels[lv].longer;
        } else {
            lv = wv_levels[lv].shorter;
        }
    }
    return best;
}
