/*
 * class:    lpm
 * variant:  one small array of networks per prefix length (33 buckets); the lookup masks the
 *           address for each length from /32 down to /0 and scans that bucket, returning at the
 *           first hit (longest lengths first), skipping empty buckets.
 * computes: IPv4 longest-prefix match: 1 and the next hop in *nh, or 0 if none.
 */
// clara-corpus: class=lpm entry=bucket_lookup signature=lpm4_out init=bucket_init insert=bucket_add
#include <stdint.h>
#include <stddef.h>

#define PER_LEN 512

struct bucket {
    unsigned count;
    uint32_t net[PER_LEN];
    uint32_t hop[PER_LEN];
};

static struct bucket by_len[33];

void bucket_init(void)
{
    for (int l = 0; l <= 32; l++)
        by_len[l].count = 0;
}

int bucket_add(uint32_t net, unsigned len, uint32_t hop)
{
    struct bucket *b = &by_len[len];
    for (unsigned i = 0; i < b->count; i++)
        if (b->net[i] == net) {
            b->hop[i] = hop;
            return 0;
        }
    if (b->count == PER_LEN)
        return -1;
    b->net[b->count] = net;
    b->hop[b->count] = hop;
    b->count++;
    return 0;
}

int bucket_lookup(uint32_t addr, uint32_t *nh)
{
    for (int len = 32; len >= 0; len--) {
        const struct bucket *b = &by_len[len];
        if (!b->count)
            continue;
        uint32_t key = len ? addr & (0xffffffffu << (32 - len)) : 0;
        for (unsigned i = 0; i < b->count; i++)
            if (b->net[i] == key) {
                *nh = b->hop[i];
                return 1;
            }
    }
    return 0;
}
