/*
 * class:    lpm
 * variant:  multibit trie with variable strides 16-8-8 described by a stride table; the
 *           first level is a 65536-slot array, deeper levels are 256-slot chunks. Slots keep
 *           (hop, length of the route that set it, child chunk); the lookup is a generic loop
 *           over the stride table that remembers the last valid hop.
 * computes: IPv4 longest-prefix match -> next hop (uint32), 0xffffffff when no route.
 */
// clara-corpus: class=lpm entry=vs_route_lookup signature=lpm4_global init=vs_routes_init insert=vs_route_insert miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define VS_NO_HOP 0xffffffffu
#define VS_LEVELS 3
#define VS_MAX_CHUNKS 6144

static const uint8_t vs_stride[VS_LEVELS] = {16, 8, 8};
static const uint8_t vs_consumed[VS_LEVELS] = {16, 24, 32}; /* bits consumed after level */

struct vs_slot {
    uint32_t hop;
    uint16_t child;   /* chunk index, 0 = none */
    uint8_t len;
};

static struct vs_slot vs_level1[1u << 16];
static struct vs_slot vs_chunks[VS_MAX_CHUNKS][256];
static unsigned vs_nchunks;

static struct vs_slot *vs_table(unsigned level, unsigned chunk)
{
    return level == 0 ? vs_level1 : vs_chunks[chunk];
}

void vs_routes_init(void)
{
    unsigned i;
    for (i = 0; i < (1u << 16); i++) {
        vs_level1[i].hop = VS_NO_HOP;
        vs_level1[i].child = 0;
        vs_level1[i].len = 0;
    }
    vs_nchunks = 1; /* chunk 0 unused so that 0 means "no child" */
}

int vs_route_insert(uint32_t prefix, unsigned len, uint32_t hop)
{
    unsigned level = 0, chunk = 0, i;

    for (;;) {
        struct vs_slot *tab = vs_table(level, chunk);
        unsigned shift = 32 - vs_consumed[level];
        unsigned idx = (prefix >> shift) & ((1u << vs_stride[level]) - 1);

        if (len <= vs_consumed[level]) {
            unsigned spare = vs_consumed[level] - len;
            unsigned base = idx & ~((1u << spare) - 1);
            for (i = 0; i < (1u << spare); i++) {
                struct vs_slot *s = &tab[base + i];
                if (s->hop == VS_NO_HOP || s->len <= len) {
                    s->hop = hop;
                    s->len = (uint8_t)len;
                }
            }
            return 0;
        }
        if (tab[idx].child == 0) {
            if (vs_nchunks >= VS_MAX_CHUNKS)
                return -1;
            for (i = 0; i < 256; i++) {
                vs_chunks[vs_nchunks][i].hop = VS_NO_HOP;
                vs_chunks[vs_nchunks][i].child = 0;
                vs_chunks[vs_nchunks][i].len = 0;
            }
            tab[idx].child = (uint16_t)vs_nchunks++;
        }
        chunk = tab[idx].child;
        level++;
    }
}

uint32_t vs_route_lookup(uint32_t daddr)
{
    uint32_t hop = VS_NO_HOP;
    const struct vs_slot *tab = vs_level1;
    unsigned level;

    for (level = 0; level < VS_LEVELS; level++) {
        unsigned idx = (daddr >> (32 - vs_consumed[level])) & ((1u << vs_stride[level]) - 1);
        const struct vs_slot *s = &tab[idx];
        if (s->hop != VS_NO_HOP)
            hop = s->hop;
        if (!s->child)
            break;
        tab = vs_chunks[s->child];
    }
    return hop;
}
