/*
 * class:    lpm
 * variant:  per-prefix-length buckets laid out as ONE flat array ordered by (length, network):
 *           the build step groups the staged routes by length with a counting sort, sorts each
 *           group by network (shell sort) and records where every length starts. The lookup
 *           goes from /32 down to /0, skips empty lengths by comparing two offsets and does a
 *           binary search for the masked address inside that length's sorted run; the first
 *           length that hits is the longest match. (lpm/length_buckets_scan.c keeps 33
 *           separate unsorted buckets and scans each one linearly.) The table is a context
 *           object handed to every call.
 * computes: IPv4 longest-prefix match in `t`: next hop, or -1 (0xffffffff) if no route.
 * params:   up to LSB_MAX routes, lengths 0..32.
 */
// clara-corpus: class=lpm entry=lsb_find signature=lpm4_ctx init=lsb_new insert=lsb_stage finalize=lsb_seal
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define LSB_MAX 2048

struct lsb_table {
    /* staging area, filled by lsb_stage() in any order */
    uint32_t in_net[LSB_MAX];
    uint32_t in_hop[LSB_MAX];
    uint8_t in_len[LSB_MAX];
    unsigned staged;
    /* sealed layout: net[]/hop[] sorted by (length, network); run of length L is
       [start[L], start[L + 1]) */
    uint32_t net[LSB_MAX];
    uint32_t hop[LSB_MAX];
    unsigned start[34];
};

static struct lsb_table lsb_storage;

struct lsb_table *lsb_new(void)
{
    memset(&lsb_storage, 0, sizeof lsb_storage);
    return &lsb_storage;
}

static uint32_t lsb_netmask(int len)
{
    /* shift a 64-bit all-ones value so /0 needs no special case */
    return (uint32_t)(0xffffffffull << (32 - len));
}

int lsb_stage(struct lsb_table *t, uint32_t net, unsigned len, uint32_t hop)
{
    if (len > 32 || t->staged >= LSB_MAX)
        return -1;
    t->in_net[t->staged] = net & lsb_netmask((int)len);
    t->in_len[t->staged] = (uint8_t)len;
    t->in_hop[t->staged] = hop;
    t->staged++;
    return 0;
}

void lsb_seal(struct lsb_table *t)
{
    unsigned count[33] = {0};
    unsigned fill[33];
    unsigned i, l;

    for (i = 0; i < t->staged; i++)
        count[t->in_len[i]]++;
    t->start[0] = 0;
    for (l = 0; l <= 32; l++) {
        t->start[l + 1] = t->start[l] + count[l];
        fill[l] = t->start[l];
    }
    for (i = 0; i < t->staged; i++) {
        unsigned at = fill[t->in_len[i]]++;
        t->net[at] = t->in_net[i];
        t->hop[at] = t->in_hop[i];
    }
    /* sort each run by network (each (network, length) is staged once) */
    for (l = 0; l <= 32; l++) {
        unsigned lo = t->start[l], n = t->start[l + 1] - lo;
        for (unsigned gap = n / 2; gap; gap /= 2)
            for (unsigned a = gap; a < n; a++) {
                uint32_t kn = t->net[lo + a], kh = t->hop[lo + a];
                unsigned b = a;
                while (b >= gap && t->net[lo + b - gap] > kn) {
                    t->net[lo + b] = t->net[lo + b - gap];
                    t->hop[lo + b] = t->hop[lo + b - gap];
                    b -= gap;
                }
                t->net[lo + b] = kn;
                t->hop[lo + b] = kh;
            }
    }
}

int lsb_find(const struct lsb_table *t, uint32_t addr)
{
    for (int len = 32; len >= 0; len--) {
        unsigned lo = t->start[len], hi = t->start[len + 1];
        if (lo == hi)
            continue;
        uint32_t want = addr & lsb_netmask(len);
        while (lo < hi) {
            unsigned mid = lo + ((hi - lo) >> 1);
            uint32_t v = t->net[mid];
            if (v == want)
                return (int)t->hop[mid];
            if (v < want)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    return -1;
}
