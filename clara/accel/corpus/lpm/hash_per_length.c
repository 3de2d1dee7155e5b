/*
 * class:    lpm
 * variant:  one chained hash table keyed by (masked address, length) and a 33-bit presence
 *           mask of populated lengths; the lookup tries lengths from /32 down to /0 and stops
 *           at the first hit (the straightforward "hash per prefix length" FIB that many
 *           software routers start with).
 * computes: IPv4 longest-prefix match; returns 1 with *gw set on a hit, 0 on a miss.
 */
// clara-corpus: class=lpm entry=hfib_match signature=lpm4_out init=hfib_flush insert=hfib_learn
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define HFIB_BUCKETS 1024
#define HFIB_ENTRIES 4096

struct hfib_entry {
    uint32_t net;
    uint32_t gw;
    uint8_t plen;
    int32_t next;   /* index of next entry in the chain, -1 ends */
};

static struct hfib_entry hfib_pool[HFIB_ENTRIES];
static int32_t hfib_head[HFIB_BUCKETS];
static int hfib_used;
static uint64_t hfib_lengths; /* bit L set when some /L route exists */

static uint32_t hfib_netmask(int plen)
{
    return plen <= 0 ? 0u : (plen >= 32 ? 0xffffffffu : ~(0xffffffffu >> plen));
}

static unsigned hfib_bucket(uint32_t net, int plen)
{
    uint32_t x = net ^ ((uint32_t)plen << 24) ^ (net >> 15);
    x *= 0x85ebca6bu;
    return (x >> 16) % HFIB_BUCKETS;
}

void hfib_flush(void)
{
    int i;
    for (i = 0; i < HFIB_BUCKETS; i++)
        hfib_head[i] = -1;
    hfib_used = 0;
    hfib_lengths = 0;
}

int hfib_learn(uint32_t net, unsigned plen, uint32_t gw)
{
    unsigned b;
    struct hfib_entry *e;

    if (hfib_used >= HFIB_ENTRIES)
        return -1;
    net &= hfib_netmask((int)plen);
    b = hfib_bucket(net, (int)plen);
    e = &hfib_pool[hfib_used];
    e->net = net;
    e->gw = gw;
    e->plen = (uint8_t)plen;
    e->next = hfib_head[b];
    hfib_head[b] = hfib_used++;
    hfib_lengths |= 1ull << plen;
    return 0;
}

int hfib_match(uint32_t dst, uint32_t *gw)
{
    int plen;

    for (plen = 32; plen >= 0; plen--) {
        uint32_t net;
        int32_t i;
        if (!(hfib_lengths & (1ull << plen)))
            continue;
        net = dst & hfib_netmask(plen);
        for (i = hfib_head[hfib_bucket(net, plen)]; i >= 0; i = hfib_pool[i].next) {
            if (hfib_pool[i].net == net && hfib_pool[i].plen == plen) {
                *gw = hfib_pool[i].gw;
                return 1;
            }
        }
    }
    return 0;
}
