/*
 * class:    none (negative example)
 * variant:  connection table as an unbalanced binary search tree over full 5-tuple keys
 *           (source, destination, ports, protocol) compared field by field in a fixed order
 *           (three-way compare); nodes live in arrays and are linked by 16-bit indices
 *           (left[]/right[] columns, 0 = no child, node 0 unused). The lookup descends by
 *           the comparison result until the key is equal: an exact match on the whole key, no
 *           prefixes, no masks. Differs from negative/bst_flow_lookup.c (a 64-bit scalar key
 *           and pointer links).
 * computes: ftree_find() returns the flow id stored for the 5-tuple, or -1 if absent.
 */
// clara-corpus: class=none entry=ftree_find signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define FTREE_CAP 4096

struct ftuple {
    uint32_t saddr, daddr;
    uint16_t sport, dport;
    uint8_t proto;
};

static struct ftuple ft_key[FTREE_CAP];
static int32_t ft_val[FTREE_CAP];
static uint16_t ft_left[FTREE_CAP], ft_right[FTREE_CAP];
static uint16_t ft_top;      /* root index, 0 = empty tree */
static uint16_t ft_next;

static int ft_cmp(const struct ftuple *a, const struct ftuple *b)
{
    if (a->saddr != b->saddr)
        return a->saddr < b->saddr ? -1 : 1;
    if (a->daddr != b->daddr)
        return a->daddr < b->daddr ? -1 : 1;
    if (a->sport != b->sport)
        return a->sport < b->sport ? -1 : 1;
    if (a->dport != b->dport)
        return a->dport < b->dport ? -1 : 1;
    if (a->proto != b->proto)
        return a->proto < b->proto ? -1 : 1;
    return 0;
}

void ftree_reset(void)
{
    ft_top = 0;
    ft_next = 1;
}

int ftree_insert(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport, uint8_t proto,
                 int32_t flow_id)
{
    struct ftuple k = {saddr, daddr, sport, dport, proto};
    uint16_t *link = &ft_top;

    if (ft_next == 0)
        ft_next = 1;          /* reset not called yet */
    while (*link) {
        int c = ft_cmp(&k, &ft_key[*link]);
        if (c == 0) {
            ft_val[*link] = flow_id;
            return 0;
        }
        link = c < 0 ? &ft_left[*link] : &ft_right[*link];
    }
    if (ft_next >= FTREE_CAP)
        return -1;
    uint16_t n = ft_next++;
    ft_key[n] = k;
    ft_val[n] = flow_id;
    ft_left[n] = ft_right[n] = 0;
    *link = n;
    return 1;
}

int32_t ftree_find(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport, uint8_t proto)
{
    struct ftuple k;
    uint16_t n = ft_top;

    memset(&k, 0, sizeof k);
    k.saddr = saddr;
    k.daddr = daddr;
    k.sport = sport;
    k.dport = dport;
    k.proto = proto;
    while (n != 0) {
        int c = ft_cmp(&k, &ft_key[n]);
        if (c == 0)
            return ft_val[n];
        n = c < 0 ? ft_left[n] : ft_right[n];
    }
    return -1;
}
