/*
 * class:    none (negative example)
 * variant:  connection table with separate chaining: the bucket comes from a hash the caller
 *           already has (bucket = hash & mask), entries are linked through `next` pointers,
 *           the lookup walks the chain comparing the 5-tuple fields.
 * computes: chain_lookup returns the connection id for the tuple, or -1.
 */
// clara-corpus: class=none entry=chain_lookup signature=custom
#include <stdint.h>
#include <stddef.h>

struct conn {
    uint32_t saddr, daddr;
    uint16_t sport, dport;
    int32_t id;
    struct conn *next;
};

#define CH_BUCKETS 64
#define CH_CAP 2048
static struct conn *buckets[CH_BUCKETS];
static struct conn conns[CH_CAP];
static size_t nconns;

void chain_clear(void)
{
    for (int i = 0; i < CH_BUCKETS; i++)
        buckets[i] = NULL;
    nconns = 0;
}

int chain_add(uint32_t hash, uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport,
              int32_t id)
{
    if (nconns == CH_CAP)
        return -1;
    struct conn *c = &conns[nconns++];
    c->saddr = saddr;
    c->daddr = daddr;
    c->sport = sport;
    c->dport = dport;
    c->id = id;
    c->next = buckets[hash & (CH_BUCKETS - 1)];
    buckets[hash & (CH_BUCKETS - 1)] = c;
    return 0;
}

int32_t chain_lookup(uint32_t hash, uint32_t saddr, uint32_t daddr, uint16_t sport,
                     uint16_t dport)
{
    for (const struct conn *c = buckets[hash & (CH_BUCKETS - 1)]; c; c = c->next)
        if (c->saddr == saddr && c->daddr == daddr && c->sport == sport && c->dport == dport)
            return c->id;
    return -1;
}
