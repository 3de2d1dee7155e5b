/*
 * class:    lpm
 * variant:  binary trie walked straight from the packet's destination address bytes (network
 *           order): an outer loop over the 4 bytes and an inner loop over the 8 bits of each,
 *           MSB first, with an early return when the path ends.
 * computes: IPv4 longest-prefix match: next hop, or -1 if none.
 */
// clara-corpus: class=lpm entry=bt_lookup_bytes signature=lpm4_bytes init=bt_init insert=bt_insert
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define BT_NODES 40000

static struct {
    uint32_t next[2];
    int32_t nh;
} bt[BT_NODES];
static uint32_t bt_top;

void bt_init(void)
{
    memset(bt, 0, sizeof bt);
    bt[0].nh = -1;
    bt_top = 1;
}

int bt_insert(uint32_t prefix, unsigned len, uint32_t nh)
{
    uint32_t cur = 0;
    for (unsigned i = 0; i < len; i++) {
        unsigned dir = (prefix >> (31 - i)) & 1u;
        if (bt[cur].next[dir] == 0) {
            if (bt_top == BT_NODES)
                return -1;
            bt[bt_top].nh = -1;
            bt[cur].next[dir] = bt_top++;
        }
        cur = bt[cur].next[dir];
    }
    bt[cur].nh = (int32_t)nh;
    return 0;
}

int bt_lookup_bytes(const uint8_t *daddr)
{
    uint32_t cur = 0;
    int best = bt[0].nh;
    for (int byte = 0; byte < 4; byte++) {
        uint8_t v = daddr[byte];
        for (int bit = 7; bit >= 0; bit--) {
            cur = bt[cur].next[(v >> bit) & 1];
            if (!cur)
                return best;
            if (bt[cur].nh >= 0)
                best = bt[cur].nh;
        }
    }
    return best;
}
