/*
 * class:    lpm
 * variant:  binary search on prefix lengths (Waldvogel et al.): one open-addressed hash table
 *           per distinct prefix length, markers inserted along each prefix's binary-search
 *           path, every entry carrying its precomputed best-matching prefix (bmp). The
 *           lookup probes O(log W) tables instead of all lengths. Built in bsl_build().
 * computes: IPv4 longest-prefix match -> next hop, or -1 when no route matches.
 */
// clara-corpus: class=lpm entry=bsl_lookup signature=lpm4_global init=bsl_reset insert=bsl_add finalize=bsl_build
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define BSL_MAX_ROUTES 2048
#define BSL_BUCKET_BITS 12
#define BSL_BUCKETS (1u << BSL_BUCKET_BITS)

struct bsl_slot {
    uint32_t key;
    int32_t bmp;      /* best matching prefix for this key (own hop for a real prefix) */
    uint8_t used;
    uint8_t real;
};

struct bsl_route {
    uint32_t pfx;
    uint8_t len;
    int32_t hop;
};

static struct bsl_slot bsl_tab[33][BSL_BUCKETS];
static uint8_t bsl_lens[33];
static int bsl_nlens;
static struct bsl_route bsl_routes[BSL_MAX_ROUTES];
static unsigned bsl_nroutes;

static inline uint32_t bsl_mask(unsigned len)
{
    return len ? ~0u << (32 - len) : 0u;
}

static inline uint32_t bsl_hash(uint32_t key)
{
    return (key * 0x9e3779b1u) >> (32 - BSL_BUCKET_BITS);
}

void bsl_reset(void)
{
    memset(bsl_tab, 0, sizeof(bsl_tab));
    bsl_nlens = 0;
    bsl_nroutes = 0;
}

int bsl_add(uint32_t pfx, unsigned len, int32_t hop)
{
    if (bsl_nroutes >= BSL_MAX_ROUTES)
        return -1;
    bsl_routes[bsl_nroutes].pfx = pfx & bsl_mask(len);
    bsl_routes[bsl_nroutes].len = (uint8_t)len;
    bsl_routes[bsl_nroutes].hop = hop;
    bsl_nroutes++;
    return 0;
}

static struct bsl_slot *bsl_probe(unsigned len, uint32_t key, int create)
{
    uint32_t h = bsl_hash(key);
    unsigned n;

    for (n = 0; n < BSL_BUCKETS; n++) {
        struct bsl_slot *s = &bsl_tab[len][(h + n) & (BSL_BUCKETS - 1)];
        if (!s->used) {
            if (!create)
                return NULL;
            s->used = 1;
            s->key = key;
            s->bmp = -1;
            return s;
        }
        if (s->key == key)
            return s;
    }
    return NULL;
}

static int32_t bsl_best_upto(uint32_t key, unsigned len)
{
    int32_t best = -1;
    int best_len = -1;
    unsigned r;

    for (r = 0; r < bsl_nroutes; r++) {
        const struct bsl_route *rt = &bsl_routes[r];
        if (rt->len <= len && (int)rt->len > best_len && ((key ^ rt->pfx) & bsl_mask(rt->len)) == 0) {
            best = rt->hop;
            best_len = rt->len;
        }
    }
    return best;
}

int bsl_build(void)
{
    uint8_t present[33] = {0};
    unsigned r, l, b;
    int i;

    for (r = 0; r < bsl_nroutes; r++)
        present[bsl_routes[r].len] = 1;
    bsl_nlens = 0;
    for (l = 0; l <= 32; l++)
        if (present[l])
            bsl_lens[bsl_nlens++] = (uint8_t)l;

    for (r = 0; r < bsl_nroutes; r++) {
        const struct bsl_route *rt = &bsl_routes[r];
        int lo = 0, hi = bsl_nlens - 1;
        while (lo <= hi) {
            int mid = (lo + hi) / 2;
            unsigned ml = bsl_lens[mid];
            struct bsl_slot *s;
            if (ml == rt->len) {
                s = bsl_probe(ml, rt->pfx, 1);
                if (!s)
                    return -1;
                s->real = 1;
                break;
            }
            if (ml < rt->len) {
                if (!bsl_probe(ml, rt->pfx & bsl_mask(ml), 1)) /* marker */
                    return -1;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
    }
    /* precompute bmp for every real prefix and marker */
    for (i = 0; i < bsl_nlens; i++) {
        l = bsl_lens[i];
        for (b = 0; b < BSL_BUCKETS; b++)
            if (bsl_tab[l][b].used)
                bsl_tab[l][b].bmp = bsl_best_upto(bsl_tab[l][b].key, l);
    }
    return 0;
}

int32_t bsl_lookup(uint32_t addr)
{
    int lo = 0, hi = bsl_nlens - 1;
    int32_t best = -1;

    while (lo <= hi) {
        int mid = (lo + hi) >> 1;
        unsigned len = bsl_lens[mid];
        uint32_t key = addr & bsl_mask(len);
        uint32_t h = bsl_hash(key);
        const struct bsl_slot *s = NULL;
        unsigned n;

        for (n = 0; n < BSL_BUCKETS; n++) {
            const struct bsl_slot *c = &bsl_tab[len][(h + n) & (BSL_BUCKETS - 1)];
            if (!c->used)
                break;
            if (c->key == key) {
                s = c;
                break;
            }
        }
        if (s) {
            best = s->bmp;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return best;
}
