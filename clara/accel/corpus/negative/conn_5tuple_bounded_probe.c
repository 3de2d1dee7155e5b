/*
 * class:    none (negative example)
 * variant:  connection-tracking lookup for an IPv4 packet: the 5-tuple is read from the header
 *           bytes, the table slot is the caller's flow signature (from the NIC, symmetric for
 *           both directions) masked to the table size, and at most CT_MAX_PROBE consecutive
 *           slots are probed; each live entry's stored tuple is compared field by field in the
 *           original direction and reversed (reply direction). An empty slot ends the probe.
 *           The file computes no hash: exact-match flow lookup, not prefix match.
 * computes: ct_classify returns the entry's connection id and sets *dir (0 original, 1 reply),
 *           -1 when not found within the probe bound, -2 for packets it cannot parse.
 */
// clara-corpus: class=none entry=ct_classify signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define CT_MAX_PROBE 8

struct ct_tuple {
    uint32_t saddr, daddr;
    uint16_t sport, dport;
    uint8_t proto;
    uint8_t pad[3];
};

struct ct_entry {
    struct ct_tuple t;
    uint32_t conn_id;
    uint8_t live;
    uint8_t pad[3];
};

static inline uint16_t ld16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t ld32(const uint8_t *p)
{
    return (uint32_t)ld16(p) << 16 | ld16(p + 2);
}

static inline int tuple_same(const struct ct_tuple *e, const struct ct_tuple *k)
{
    return e->proto == k->proto && e->saddr == k->saddr && e->daddr == k->daddr &&
           e->sport == k->sport && e->dport == k->dport;
}

static inline int tuple_reversed(const struct ct_tuple *e, const struct ct_tuple *k)
{
    return e->proto == k->proto && e->saddr == k->daddr && e->daddr == k->saddr &&
           e->sport == k->dport && e->dport == k->sport;
}

int ct_classify(const uint8_t *ip, size_t len, const struct ct_entry *tab, uint32_t mask,
                uint32_t sig, uint8_t *dir)
{
    struct ct_tuple k;
    size_t ihl;
    unsigned probe;

    if (len < 20 || (ip[0] >> 4) != 4)
        return -2;
    ihl = (size_t)(ip[0] & 0x0F) * 4;
    if (ihl < 20 || len < ihl + 4)
        return -2;
    memset(&k, 0, sizeof(k));
    k.proto = ip[9];
    k.saddr = ld32(ip + 12);
    k.daddr = ld32(ip + 16);
    if (k.proto == 6 || k.proto == 17) {
        k.sport = ld16(ip + ihl);
        k.dport = ld16(ip + ihl + 2);
    }

    for (probe = 0; probe < CT_MAX_PROBE; probe++) {
        const struct ct_entry *e = &tab[(sig + probe) & mask];
        if (!e->live)
            return -1;
        if (tuple_same(&e->t, &k)) {
            *dir = 0;
            return (int)e->conn_id;
        }
        if (tuple_reversed(&e->t, &k)) {
            *dir = 1;
            return (int)e->conn_id;
        }
    }
    return -1;
}
