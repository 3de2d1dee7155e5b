/*
 * class:    lpm
 * variant:  two-level direct table 20/12: a 2^20-entry first level indexed by the top 20 bits
 *           (entry = next hop, or a chunk number with the top bit set) and malloc'd 4096-entry
 *           chunks for routes longer than /20; each level stores the length that set an entry
 *           so routes can be inserted in any order.
 * computes: IPv4 longest-prefix match: next hop, or 0xffffffff if none.
 */
// clara-corpus: class=lpm entry=d20_lookup signature=lpm4_global init=d20_init insert=d20_insert miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define D20_CHUNK_FLAG 0x80000000u
#define D20_NONE 0x7fffffffu
#define D20_MAX_CHUNKS 2048

struct d20_chunk {
    uint32_t hop[4096];
    uint8_t len[4096];
};

static uint32_t d20_top[1u << 20];
static uint8_t d20_toplen[1u << 20];
static struct d20_chunk *d20_chunks[D20_MAX_CHUNKS];
static uint32_t d20_nchunks;

void d20_init(void)
{
    for (uint32_t i = 0; i < d20_nchunks; i++)
        free(d20_chunks[i]);
    d20_nchunks = 0;
    for (uint32_t i = 0; i < (1u << 20); i++)
        d20_top[i] = D20_NONE;
    memset(d20_toplen, 0, sizeof d20_toplen);
}

static void d20_fill_chunk(struct d20_chunk *c, uint32_t from, uint32_t count, uint32_t hop,
                           uint8_t len)
{
    for (uint32_t k = from; k < from + count; k++)
        if (c->len[k] <= len) {
            c->hop[k] = hop;
            c->len[k] = len;
        }
}

int d20_insert(uint32_t pfx, unsigned len, uint32_t hop)
{
    if (len <= 20) {
        uint32_t first = len ? pfx >> 12 : 0, count = 1u << (20 - len);
        for (uint32_t i = first; i < first + count; i++) {
            if (d20_top[i] & D20_CHUNK_FLAG)
                d20_fill_chunk(d20_chunks[d20_top[i] & ~D20_CHUNK_FLAG], 0, 4096, hop,
                               (uint8_t)len);
            else if (d20_toplen[i] <= len) {
                d20_top[i] = hop;
                d20_toplen[i] = (uint8_t)len;
            }
        }
        return 0;
    }
    uint32_t i = pfx >> 12;
    if (!(d20_top[i] & D20_CHUNK_FLAG)) {
        if (d20_nchunks == D20_MAX_CHUNKS)
            return -1;
        struct d20_chunk *c = malloc(sizeof *c);
        for (int k = 0; k < 4096; k++) {
            c->hop[k] = d20_top[i];
            c->len[k] = d20_toplen[i];
        }
        d20_chunks[d20_nchunks] = c;
        d20_top[i] = D20_CHUNK_FLAG | d20_nchunks++;
    }
    uint32_t low = pfx & 0xfffu, count = 1u << (32 - len);
    d20_fill_chunk(d20_chunks[d20_top[i] & ~D20_CHUNK_FLAG], low, count, hop, (uint8_t)len);
    return 0;
}

uint32_t d20_lookup(uint32_t a)
{
    uint32_t e = d20_top[a >> 12];
    if (e & D20_CHUNK_FLAG)
        e = d20_chunks[e & ~D20_CHUNK_FLAG]->hop[a & 0xfffu];
    return e == D20_NONE ? 0xffffffffu : e;
}
