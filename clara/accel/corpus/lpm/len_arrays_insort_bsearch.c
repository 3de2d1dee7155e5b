/*
 * class:    lpm
 * variant:  one exact-match table per prefix length, each a fixed array of networks kept
 *           sorted at insert time (binary search for the slot, then memmove the tail up one
 *           place), plus a list of the lengths in use kept in decreasing order. The lookup
 *           reads the destination from the packet's four network-order bytes, walks the
 *           length list from the longest, masks the address and runs a hand-written binary
 *           search (recording the probe window as [first, last]) in that length's array; the
 *           first length that holds the masked address gives the longest match. No finalize
 *           step. (lpm/len_sorted_bsearch_desc.c stages routes and seals one flat array with a
 *           counting sort; lpm/length_buckets_scan.c scans unsorted buckets linearly.)
 * computes: IPv4 longest-prefix match for daddr[0..3]: next hop, or -1 if no route.
 * params:   LA_CAP networks per length (33 lengths), lengths 0..32.
 */
// clara-corpus: class=lpm entry=la_lookup signature=lpm4_bytes init=la_init insert=la_insert
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define LA_CAP 1024

struct la_len_table {
    uint32_t net[LA_CAP];
    int32_t hop[LA_CAP];
    uint32_t count;
};

static struct la_len_table la_by_len[33];
static uint8_t la_order[33];     /* lengths in use, longest first */
static unsigned la_norder;

static uint32_t la_mask_of(unsigned len)
{
    return len == 0 ? 0u : 0xffffffffu << (32 - len);
}

void la_init(void)
{
    unsigned l;

    for (l = 0; l <= 32; l++)
        la_by_len[l].count = 0;
    la_norder = 0;
}

static void la_note_length(unsigned len)
{
    unsigned i, j;

    for (i = 0; i < la_norder; i++) {
        if (la_order[i] == len)
            return;
        if (la_order[i] < len)
            break;
    }
    for (j = la_norder; j > i; j--)
        la_order[j] = la_order[j - 1];
    la_order[i] = (uint8_t)len;
    la_norder++;
}

int la_insert(uint32_t prefix, unsigned len, uint32_t nh)
{
    struct la_len_table *t;
    uint32_t net;
    uint32_t lo, hi;

    if (len > 32)
        return -1;
    t = &la_by_len[len];
    net = prefix & la_mask_of(len);

    /* first position whose network is >= net */
    lo = 0;
    hi = t->count;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (t->net[mid] < net)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < t->count && t->net[lo] == net) {
        t->hop[lo] = (int32_t)nh;          /* replace */
        return 0;
    }
    if (t->count >= LA_CAP)
        return -1;
    memmove(&t->net[lo + 1], &t->net[lo], (t->count - lo) * sizeof t->net[0]);
    memmove(&t->hop[lo + 1], &t->hop[lo], (t->count - lo) * sizeof t->hop[0]);
    t->net[lo] = net;
    t->hop[lo] = (int32_t)nh;
    t->count++;
    la_note_length(len);
    return 0;
}

int la_lookup(const uint8_t *daddr)
{
    uint32_t addr = (uint32_t)daddr[0] << 24 | (uint32_t)daddr[1] << 16 |
                    (uint32_t)daddr[2] << 8 | (uint32_t)daddr[3];
    unsigned k;

    for (k = 0; k < la_norder; k++) {
        unsigned len = la_order[k];
        const struct la_len_table *t = &la_by_len[len];
        uint32_t key = addr & la_mask_of(len);
        int first = 0, last = (int)t->count - 1;

        while (first <= last) {
            int mid = first + (last - first) / 2;
            uint32_t v = t->net[mid];
            if (v == key)
                return t->hop[mid];
            if (v < key)
                first = mid + 1;
            else
                last = mid - 1;
        }
    }
    return -1;
}
