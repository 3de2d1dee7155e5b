/*
 * class:    lpm
 * variant:  one chained hash table per prefix length, and a 33-bit mask of the lengths in use;
 *           the lookup walks the used lengths from the longest down, hashes the masked address
 *           with a multiplicative hash and follows the bucket's chain (first hit wins, being
 *           the longest).
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff if none.
 */
// clara-corpus: class=lpm entry=lhc_find signature=lpm4_global init=lhc_clear insert=lhc_put miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define LHC_BUCKETS 1024
#define LHC_ENTRIES 4096

struct lhc_entry {
    uint32_t key;
    uint32_t hop;
    int32_t next;
};

static int32_t lhc_head[33][LHC_BUCKETS];
static struct lhc_entry lhc_pool[LHC_ENTRIES];
static int32_t lhc_used;
static uint64_t lhc_lengths;

static uint32_t lhc_mask(unsigned len)
{
    return len == 0 ? 0 : 0xffffffffu << (32 - len);
}

static unsigned lhc_slot(uint32_t key, unsigned len)
{
    return ((key ^ len) * 2654435761u) >> 22;
}

void lhc_clear(void)
{
    memset(lhc_head, 0xff, sizeof lhc_head);
    lhc_used = 0;
    lhc_lengths = 0;
}

int lhc_put(uint32_t prefix, unsigned len, uint32_t hop)
{
    unsigned s = lhc_slot(prefix, len);
    for (int32_t e = lhc_head[len][s]; e >= 0; e = lhc_pool[e].next)
        if (lhc_pool[e].key == prefix) {
            lhc_pool[e].hop = hop;
            return 0;
        }
    if (lhc_used == LHC_ENTRIES)
        return -1;
    lhc_pool[lhc_used] = (struct lhc_entry){prefix, hop, lhc_head[len][s]};
    lhc_head[len][s] = lhc_used++;
    lhc_lengths |= (uint64_t)1 << len;
    return 0;
}

uint32_t lhc_find(uint32_t addr)
{
    for (int len = 32; len >= 0; len--) {
        if (!(lhc_lengths >> len & 1))
            continue;
        uint32_t key = addr & lhc_mask((unsigned)len);
        for (int32_t e = lhc_head[len][lhc_slot(key, (unsigned)len)]; e >= 0;
             e = lhc_pool[e].next)
            if (lhc_pool[e].key == key)
                return lhc_pool[e].hop;
    }
    return 0xffffffffu;
}
