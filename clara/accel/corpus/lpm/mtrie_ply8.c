/*
 * class:    lpm
 * variant:  8-8-8-8 multibit trie of 256-slot "plies" allocated from a pool, not leaf-pushed:
 *           each slot keeps (hop, length that set it, child ply); the lookup walks the four
 *           address bytes from the most significant, remembering the last hop.
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff if none.
 */
// clara-corpus: class=lpm entry=ply_lookup signature=lpm4_global init=ply_reset insert=ply_add miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define PLY_MAX 1200

struct ply_slot {
    uint32_t hop;
    uint8_t len;       /* 0: empty (routes of length 0 live in ply_default) */
    uint16_t child;    /* 0: none; ply 0 is the root */
};

static struct ply_slot plies[PLY_MAX][256];
static uint16_t ply_count;
static uint32_t ply_default;

void ply_reset(void)
{
    memset(plies, 0, sizeof plies);
    ply_count = 1;
    ply_default = 0xffffffffu;
}

int ply_add(uint32_t pfx, unsigned len, uint32_t hop)
{
    if (len == 0) {
        ply_default = hop;
        return 0;
    }
    uint16_t p = 0;
    unsigned level = 0;
    while (len > 8 * (level + 1)) {
        uint8_t byte = (uint8_t)(pfx >> (24 - 8 * level));
        if (!plies[p][byte].child) {
            if (ply_count == PLY_MAX)
                return -1;
            plies[p][byte].child = ply_count++;
        }
        p = plies[p][byte].child;
        level++;
    }
    unsigned span = 1u << (8 * (level + 1) - len);
    unsigned first = (pfx >> (24 - 8 * level)) & 0xffu & ~(span - 1);
    for (unsigned k = first; k < first + span; k++)
        if (plies[p][k].len <= len) {
            plies[p][k].hop = hop;
            plies[p][k].len = (uint8_t)len;
        }
    return 0;
}

uint32_t ply_lookup(uint32_t dst)
{
    uint32_t best = ply_default;
    uint16_t p = 0;
    for (int shift = 24; shift >= 0; shift -= 8) {
        const struct ply_slot *s = &plies[p][(dst >> shift) & 0xff];
        if (s->len)
            best = s->hop;
        if (!s->child)
            break;
        p = s->child;
    }
    return best;
}
