/*
 * class:    lpm
 * variant:  Lulea-like compressed first level (simplified): the 2^16-entry level-1 array is
 *           stored as a head bitmap (bit set where the entry differs from its predecessor),
 *           a running base count per 64-bit bitmap word, and a compact array holding one
 *           value per run. The lookup popcounts the bitmap word up to the index to find the
 *           run. Levels 2 and 3 (8 bits each) are plain 256-entry chunks. Built by lu_build().
 * computes: IPv4 longest-prefix match -> next hop, LU_MISS (0xffffffff) if none.
 */
// clara-corpus: class=lpm entry=lu_lookup signature=lpm4_global init=lu_init insert=lu_insert finalize=lu_build miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define LU_MISS 0xffffffffu
#define LU_PTR 0x80000000u
#define LU_MAX_ROUTES 2048
#define LU_MAX_CHUNKS 4096

struct lu_route { uint32_t net; uint32_t hop; uint8_t len; };

static struct lu_route lu_rib[LU_MAX_ROUTES];
static unsigned lu_nrib;

/* build-time expanded level 1; run-time compressed form */
static uint32_t lu_full[1u << 16];
static uint64_t lu_bits[(1u << 16) / 64];
static uint16_t lu_base[(1u << 16) / 64];
static uint32_t lu_compact[1u << 16];
static uint32_t lu_chunk[LU_MAX_CHUNKS][256];
static unsigned lu_nchunks;

void lu_init(void)
{
    lu_nrib = 0;
    lu_nchunks = 0;
}

int lu_insert(uint32_t net, unsigned len, uint32_t hop)
{
    if (lu_nrib >= LU_MAX_ROUTES)
        return -1;
    lu_rib[lu_nrib].net = net;
    lu_rib[lu_nrib].len = (uint8_t)len;
    lu_rib[lu_nrib].hop = hop;
    lu_nrib++;
    return 0;
}

static uint32_t lu_descend(uint32_t *slot)
{
    uint32_t c, i;
    if (*slot & LU_PTR)
        return *slot & ~LU_PTR;
    c = lu_nchunks++;
    for (i = 0; i < 256; i++)
        lu_chunk[c][i] = *slot;
    *slot = LU_PTR | c;
    return c;
}

static void lu_fill(uint32_t *tab, uint32_t first, uint32_t n, uint32_t v)
{
    while (n--)
        tab[first++] = v;
}

static unsigned lu_pop64(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return (unsigned)((x * 0x0101010101010101ull) >> 56);
}

int lu_build(void)
{
    unsigned len, r, i, runs;

    memset(lu_full, 0, sizeof(lu_full));
    lu_nchunks = 0;
    /* paint shortest routes first so longer ones overwrite them */
    for (len = 0; len <= 32; len++) {
        for (r = 0; r < lu_nrib; r++) {
            const struct lu_route *rt = &lu_rib[r];
            uint32_t v = rt->hop + 1, c2, c3;
            if (rt->len != len)
                continue;
            if (lu_nchunks + 2 > LU_MAX_CHUNKS)
                return -1;
            if (len <= 16) {
                lu_fill(lu_full, rt->net >> 16, 1u << (16 - len), v);
            } else if (len <= 24) {
                c2 = lu_descend(&lu_full[rt->net >> 16]);
                lu_fill(lu_chunk[c2], (rt->net >> 8) & 0xff, 1u << (24 - len), v);
            } else {
                c2 = lu_descend(&lu_full[rt->net >> 16]);
                c3 = lu_descend(&lu_chunk[c2][(rt->net >> 8) & 0xff]);
                lu_fill(lu_chunk[c3], rt->net & 0xff, 1u << (32 - len), v);
            }
        }
    }
    /* compress level 1 into head bitmap + base + compact values */
    runs = 0;
    for (i = 0; i < (1u << 16); i++) {
        if ((i & 63) == 0) {
            lu_base[i >> 6] = (uint16_t)runs;
            lu_bits[i >> 6] = 0;
        }
        if (i == 0 || lu_full[i] != lu_full[i - 1]) {
            lu_bits[i >> 6] |= 1ull << (i & 63);
            lu_compact[runs++] = lu_full[i];
        }
    }
    return 0;
}

uint32_t lu_lookup(uint32_t ip)
{
    uint32_t ix = ip >> 16;
    uint64_t word = lu_bits[ix >> 6];
    uint32_t pos = lu_base[ix >> 6] + lu_pop64(word & (~0ull >> (63 - (ix & 63))));
    uint32_t e;

    /* pos counts heads up to and including ix; the run containing ix is pos-1. If the
     * word has no head at or before ix, the run started in an earlier word. */
    e = lu_compact[pos - 1];
    if (e & LU_PTR) {
        e = lu_chunk[e & ~LU_PTR][(ip >> 8) & 0xff];
        if (e & LU_PTR)
            e = lu_chunk[e & ~LU_PTR][ip & 0xff];
    }
    return e ? e - 1 : LU_MISS;
}
