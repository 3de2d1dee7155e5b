/* Longest-prefix match over a binary trie, plain C (an XDP-style lookup stage). */
#include "lpm.h"

#define MAX_NODES 4096

struct trie_node nodes[MAX_NODES]; /* filled by the control plane */
static uint64_t lookups, misses;

int lpm_lookup(const uint8_t *pkt, unsigned len)
{
    if (len < 34)
        return -1;
    uint32_t dst = ntoh32(*(const uint32_t *)(pkt + 30));
    int32_t node = 0, best = -1;
    lookups++;
    for (unsigned depth = 0; depth < 32 && node >= 0; depth++) {
        if (nodes[node].next_hop >= 0)
            best = nodes[node].next_hop;
        node = nodes[node].child[bit_at(dst, depth)];
    }
    if (best < 0)
        misses++;
    return best;
}
