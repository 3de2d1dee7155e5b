/*
 * class:    lpm
 * variant:  per-length open-addressed hash tables (linear probing, multiplicative hash of the
 *           masked address) and a 64-bit mask of populated lengths; the lookup walks the set
 *           bits from the longest length down with count-leading-zeros.
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff if none.
 */
// clara-corpus: class=lpm entry=hl_lookup signature=lpm4_global init=hl_reset insert=hl_insert miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define HL_SLOTS 1024   /* per length, power of two */

struct hl_entry {
    uint32_t key;
    uint32_t hop;
    uint8_t used;
};

static struct hl_entry hl_tab[33][HL_SLOTS];
static uint64_t hl_lengths;

void hl_reset(void)
{
    memset(hl_tab, 0, sizeof hl_tab);
    hl_lengths = 0;
}

static uint32_t hl_slot(uint32_t key)
{
    return (key * 2654435761u) >> 22;   /* top 10 bits */
}

int hl_insert(uint32_t pfx, unsigned len, uint32_t hop)
{
    struct hl_entry *t = hl_tab[len];
    uint32_t i = hl_slot(pfx);
    for (unsigned probes = 0; probes < HL_SLOTS; probes++, i = (i + 1) & (HL_SLOTS - 1)) {
        if (!t[i].used || t[i].key == pfx) {
            t[i].used = 1;
            t[i].key = pfx;
            t[i].hop = hop;
            hl_lengths |= 1ull << len;
            return 0;
        }
    }
    return -1;
}

uint32_t hl_lookup(uint32_t addr)
{
    uint64_t todo = hl_lengths;
    while (todo) {
        int len = 63 - __builtin_clzll(todo);
        todo &= ~(1ull << len);
        uint32_t key = len ? addr & (0xffffffffu << (32 - len)) : 0;
        const struct hl_entry *t = hl_tab[len];
        for (uint32_t i = hl_slot(key); t[i].used; i = (i + 1) & (HL_SLOTS - 1))
            if (t[i].key == key)
                return t[i].hop;
    }
    return 0xffffffffu;
}
