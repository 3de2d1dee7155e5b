/*
 * class:    lpm
 * variant:  binary trie stored as parallel arrays (left[], right[], hop[], has_hop[]) in a
 *           structure-of-arrays layout; the descent tests the address against a single-bit
 *           mask that moves right, `while (node)`, with the root at index 1.
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff when no route covers `a`.
 */
// clara-corpus: class=lpm entry=soa_trie_get signature=lpm4_global init=soa_trie_init insert=soa_trie_put miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define SOA_MAX 40000

static uint16_t left_of[SOA_MAX], right_of[SOA_MAX];
static uint32_t hop_of[SOA_MAX];
static uint8_t has_hop[SOA_MAX];
static unsigned soa_next;

void soa_trie_init(void)
{
    memset(left_of, 0, sizeof left_of);
    memset(right_of, 0, sizeof right_of);
    memset(has_hop, 0, sizeof has_hop);
    soa_next = 2;
}

int soa_trie_put(uint32_t net, unsigned bits, uint32_t hop)
{
    unsigned node = 1;
    uint32_t mask = 0x80000000u;
    while (bits--) {
        uint16_t *slot = (net & mask) ? &right_of[node] : &left_of[node];
        if (!*slot) {
            if (soa_next >= SOA_MAX)
                return -1;
            *slot = (uint16_t)soa_next++;
        }
        node = *slot;
        mask >>= 1;
    }
    hop_of[node] = hop;
    has_hop[node] = 1;
    return 0;
}

uint32_t soa_trie_get(uint32_t a)
{
    uint32_t result = 0xffffffffu;
    uint32_t mask = 0x80000000u;
    unsigned node = 1;
    while (node) {
        if (has_hop[node])
            result = hop_of[node];
        node = (a & mask) ? right_of[node] : left_of[node];
        mask >>= 1;
    }
    return result;
}
