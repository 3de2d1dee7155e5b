/*
 * class:    lpm
 * variant:  range (interval) table, second independent version. The build sorts the prefixes
 *           by (first address, length) with a bottom-up merge sort on packed 64-bit keys and
 *           sweeps them once with a stack of the enclosing prefixes: each prefix opens an
 *           interval carrying its hop, and when a prefix ends the interval that follows gets
 *           the hop of the prefix below it on the stack (or "no route"). Equal boundaries
 *           overwrite, equal neighbours merge. The per-packet lookup reads the destination
 *           from the packet's 4 network-order bytes and runs an upper-bound binary search
 *           (first boundary greater than the address) over the sorted boundaries; the interval
 *           just before it holds the answer. (lpm/range_interval_bsearch.c re-scans every
 *           prefix for every boundary and keeps an invariant lo/hi search;
 *           lpm/bsearch_lower_bound.c uses qsort and a moving base pointer.)
 * computes: IPv4 longest-prefix match for daddr[0..3]: next hop, or -1 if no route.
 * params:   up to RS_MAX prefixes, 2 * RS_MAX + 1 boundaries.
 */
// clara-corpus: class=lpm entry=rs_lookup signature=lpm4_bytes init=rs_reset insert=rs_prefix finalize=rs_build
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define RS_MAX 2048
#define RS_NOHOP (-1)

static uint64_t rs_keys[RS_MAX];      /* (first << 6) | len, low bits never overlap */
static uint64_t rs_tmp[RS_MAX];
static int32_t rs_hop_of[RS_MAX];     /* hop per staged prefix, indexed by insertion order */
static uint16_t rs_idx[RS_MAX], rs_idx_tmp[RS_MAX];
static unsigned rs_n;

static uint32_t rs_bound[2 * RS_MAX + 1];   /* sorted interval starts, rs_bound[0] = 0 */
static int32_t rs_hop[2 * RS_MAX + 1];      /* hop of [rs_bound[i], rs_bound[i + 1]) */
static unsigned rs_nb;

void rs_reset(void)
{
    rs_n = 0;
    rs_nb = 0;
}

int rs_prefix(uint32_t prefix, unsigned len, uint32_t hop)
{
    if (len > 32 || rs_n >= RS_MAX)
        return -1;
    uint32_t first = len ? prefix & ~(uint32_t)(0xffffffffull >> len) : 0;
    rs_keys[rs_n] = (uint64_t)first << 6 | len;
    rs_hop_of[rs_n] = (int32_t)hop;
    rs_idx[rs_n] = (uint16_t)rs_n;
    rs_n++;
    return 0;
}

static void rs_sort(void)
{
    for (unsigned w = 1; w < rs_n; w *= 2) {
        for (unsigned lo = 0; lo < rs_n; lo += 2 * w) {
            unsigned mid = lo + w < rs_n ? lo + w : rs_n;
            unsigned hi = lo + 2 * w < rs_n ? lo + 2 * w : rs_n;
            unsigned a = lo, b = mid, o = lo;
            while (a < mid || b < hi) {
                int take_a = b >= hi || (a < mid && rs_keys[a] <= rs_keys[b]);
                unsigned from = take_a ? a++ : b++;
                rs_tmp[o] = rs_keys[from];
                rs_idx_tmp[o] = rs_idx[from];
                o++;
            }
        }
        memcpy(rs_keys, rs_tmp, rs_n * sizeof rs_keys[0]);
        memcpy(rs_idx, rs_idx_tmp, rs_n * sizeof rs_idx[0]);
    }
}

static void rs_emit(uint32_t start, int32_t hop)
{
    if (rs_nb && rs_bound[rs_nb - 1] == start) {
        rs_hop[rs_nb - 1] = hop;            /* a later event at the same address wins */
        if (rs_nb > 1 && rs_hop[rs_nb - 2] == hop)
            rs_nb--;                        /* now equal to its left neighbour */
        return;
    }
    if (rs_nb && rs_hop[rs_nb - 1] == hop)
        return;                             /* same hop continues */
    rs_bound[rs_nb] = start;
    rs_hop[rs_nb] = hop;
    rs_nb++;
}

void rs_build(void)
{
    struct { uint32_t last; int32_t hop; } stack[34];
    int top = -1;

    rs_sort();
    rs_nb = 0;
    rs_bound[0] = 0;
    rs_hop[0] = RS_NOHOP;
    rs_nb = 1;
    for (unsigned i = 0; i < rs_n; i++) {
        uint32_t first = (uint32_t)(rs_keys[i] >> 6);
        unsigned len = (unsigned)(rs_keys[i] & 63);
        uint32_t last = first | (len ? (uint32_t)(0xffffffffull >> len) : 0xffffffffu);
        /* close every open prefix that ends before this one starts */
        while (top >= 0 && stack[top].last < first) {
            uint32_t after = stack[top].last + 1;
            top--;
            rs_emit(after, top >= 0 ? stack[top].hop : RS_NOHOP);
        }
        top++;
        stack[top].last = last;
        stack[top].hop = rs_hop_of[rs_idx[i]];
        rs_emit(first, stack[top].hop);
    }
    while (top >= 0) {
        uint32_t end = stack[top].last;
        top--;
        if (end != 0xffffffffu)
            rs_emit(end + 1, top >= 0 ? stack[top].hop : RS_NOHOP);
    }
}

int rs_lookup(const uint8_t *daddr)
{
    uint32_t a = (uint32_t)daddr[0] << 24 | (uint32_t)daddr[1] << 16 |
                 (uint32_t)daddr[2] << 8 | daddr[3];
    unsigned lo = 1, hi = rs_nb;            /* rs_bound[0] = 0 <= a always */

    while (lo < hi) {
        unsigned mid = (lo + hi) >> 1;
        if (rs_bound[mid] > a)
            hi = mid;
        else
            lo = mid + 1;
    }
    return rs_hop[lo - 1];
}
