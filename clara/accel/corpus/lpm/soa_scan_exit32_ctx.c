/*
 * class:    lpm
 * variant:  brute-force LPM over an unsorted route table held as a structure of arrays inside
 *           a context object (prefix[], mask[], len[], nexthop[] columns). Every row is tested
 *           with an XOR-and-mask compare; the longest matching length seen so far wins, and
 *           the scan stops early as soon as a /32 matches (nothing can be longer). Inserts
 *           append (or overwrite a repeated prefix). Differs from lpm/linear_soa_best_len.c
 *           (global arrays, index of the best row, always scans to the end) and
 *           lpm/linear_longest_unsorted.c (array of structs).
 * computes: IPv4 longest-prefix match in `rt`: next hop, or -1 (0xffffffff) if none.
 * params:   up to SX_ROWS routes.
 */
// clara-corpus: class=lpm entry=sx_lookup signature=lpm4_ctx init=sx_open insert=sx_append
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define SX_ROWS 2048

struct sx_table {
    uint32_t prefix[SX_ROWS];
    uint32_t mask[SX_ROWS];
    uint8_t len[SX_ROWS];
    uint32_t nexthop[SX_ROWS];
    size_t rows;
};

static struct sx_table sx_the_table;

struct sx_table *sx_open(void)
{
    sx_the_table.rows = 0;
    return &sx_the_table;
}

int sx_append(struct sx_table *rt, uint32_t prefix, unsigned len, uint32_t nexthop)
{
    uint32_t m = 0;
    size_t i;

    if (len > 32)
        return -1;
    for (unsigned b = 0; b < len; b++)       /* build the netmask one bit at a time */
        m |= 0x80000000u >> b;
    prefix &= m;
    for (i = 0; i < rt->rows; i++)
        if (rt->len[i] == len && rt->prefix[i] == prefix) {
            rt->nexthop[i] = nexthop;
            return 0;
        }
    if (rt->rows == SX_ROWS)
        return -1;
    rt->prefix[i] = prefix;
    rt->mask[i] = m;
    rt->len[i] = (uint8_t)len;
    rt->nexthop[i] = nexthop;
    rt->rows = i + 1;
    return 0;
}

int sx_lookup(const struct sx_table *rt, uint32_t addr)
{
    int best_len = -1;
    uint32_t best_hop = 0;

    for (size_t i = 0; i < rt->rows; i++) {
        if (((addr ^ rt->prefix[i]) & rt->mask[i]) != 0)
            continue;
        if ((int)rt->len[i] <= best_len)
            continue;
        best_len = rt->len[i];
        best_hop = rt->nexthop[i];
        if (best_len == 32)
            break;
    }
    return best_len < 0 ? -1 : (int)best_hop;
}
