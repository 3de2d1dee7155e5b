/*
 * class:    lpm
 * variant:  interval (range) table built from sorted endpoint events: every prefix yields an
 *           "open" event at its first address and a "close" event one past its last address,
 *           packed into 64-bit keys (address, close-before-open, route index) and sorted with
 *           a hand-written heap sort. The sweep keeps, per prefix length, the hop of the one
 *           prefix of that length that is open (prefixes of equal length never overlap) and a
 *           bitmap of the open lengths; after all events at one address the interval starting
 *           there takes the hop of the highest open length. The table is an array of
 *           {start, hop} records in a context object; the lookup is a hand-written binary
 *           search that records the last record whose start is <= the address
 *           (`if (start <= a) { found = mid; lo = mid + 1; }`). (lpm/range_interval_bsearch.c
 *           rescans all prefixes per boundary; lpm/range_sweep_stack_bytes.c sweeps with a
 *           stack of enclosing prefixes; lpm/bsearch_lower_bound.c uses qsort.)
 * computes: IPv4 longest-prefix match in `t`: next hop, or -1 (0xffffffff) if no route.
 * params:   up to RE_MAX prefixes, 2 * RE_MAX + 1 interval records.
 */
// clara-corpus: class=lpm entry=re_lookup signature=lpm4_ctx init=re_create insert=re_insert finalize=re_compile
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define RE_MAX 2048
#define RE_NOHOP 0xffffffffu

struct re_interval {
    uint32_t start;
    uint32_t hop;
};

struct re_table {
    uint32_t pfx[RE_MAX];
    uint32_t nh[RE_MAX];
    uint8_t plen[RE_MAX];
    unsigned npfx;
    uint64_t ev[2 * RE_MAX];
    struct re_interval iv[2 * RE_MAX + 1];
    unsigned niv;
};

static struct re_table re_the_table;

struct re_table *re_create(void)
{
    re_the_table.npfx = 0;
    re_the_table.niv = 0;
    return &re_the_table;
}

int re_insert(struct re_table *t, uint32_t prefix, unsigned len, uint32_t nh)
{
    uint32_t host;

    if (len > 32 || t->npfx >= RE_MAX)
        return -1;
    host = len >= 32 ? 0u : 0xffffffffu >> len;
    t->pfx[t->npfx] = prefix & ~host;
    t->plen[t->npfx] = (uint8_t)len;
    t->nh[t->npfx] = nh;
    t->npfx++;
    return 0;
}

static void re_sift_down(uint64_t *a, unsigned root, unsigned n)
{
    for (;;) {
        unsigned child = 2 * root + 1;
        uint64_t tmp;
        if (child >= n)
            return;
        if (child + 1 < n && a[child + 1] > a[child])
            child++;
        if (a[root] >= a[child])
            return;
        tmp = a[root];
        a[root] = a[child];
        a[child] = tmp;
        root = child;
    }
}

static void re_heapsort(uint64_t *a, unsigned n)
{
    unsigned i;

    if (n < 2)
        return;
    for (i = n / 2; i-- > 0;)
        re_sift_down(a, i, n);
    for (i = n - 1; i > 0; i--) {
        uint64_t tmp = a[0];
        a[0] = a[i];
        a[i] = tmp;
        re_sift_down(a, 0, i);
    }
}

void re_compile(struct re_table *t)
{
    uint32_t open_hop[33];
    uint64_t open_lens = 0;
    unsigned nev = 0, i, p;

    /* event key: address in bits 63..32, bit 31 = 1 for "open" (closes sort first),
       route index in the low bits */
    for (p = 0; p < t->npfx; p++) {
        uint32_t host = t->plen[p] >= 32 ? 0u : 0xffffffffu >> t->plen[p];
        uint32_t last = t->pfx[p] | host;
        t->ev[nev++] = (uint64_t)t->pfx[p] << 32 | 0x80000000u | p;
        if (last != 0xffffffffu)
            t->ev[nev++] = (uint64_t)(last + 1) << 32 | p;
    }
    re_heapsort(t->ev, nev);

    t->niv = 0;
    t->iv[t->niv].start = 0;
    t->iv[t->niv].hop = RE_NOHOP;
    t->niv++;
    i = 0;
    while (i < nev) {
        uint32_t at = (uint32_t)(t->ev[i] >> 32);
        uint32_t hop;

        for (; i < nev && (uint32_t)(t->ev[i] >> 32) == at; i++) {
            unsigned idx = (unsigned)(t->ev[i] & 0x7fffffffu);
            unsigned len = t->plen[idx];
            if (t->ev[i] & 0x80000000u) {
                open_hop[len] = t->nh[idx];
                open_lens |= 1ull << len;
            } else {
                open_lens &= ~(1ull << len);
            }
        }
        hop = open_lens ? open_hop[63 - __builtin_clzll(open_lens)] : RE_NOHOP;
        if (t->iv[t->niv - 1].start == at)
            t->iv[t->niv - 1].hop = hop;        /* same start: overwrite */
        else if (t->iv[t->niv - 1].hop != hop) {
            t->iv[t->niv].start = at;
            t->iv[t->niv].hop = hop;
            t->niv++;
        }
        /* an overwritten record may now equal its predecessor: merge */
        if (t->niv >= 2 && t->iv[t->niv - 1].hop == t->iv[t->niv - 2].hop)
            t->niv--;
    }
}

uint32_t re_lookup(const struct re_table *t, uint32_t addr)
{
    int lo = 0, hi = (int)t->niv - 1, found = -1;

    while (lo <= hi) {
        int mid = (lo + hi) >> 1;
        if (t->iv[mid].start <= addr) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return found < 0 ? RE_NOHOP : t->iv[found].hop;
}
