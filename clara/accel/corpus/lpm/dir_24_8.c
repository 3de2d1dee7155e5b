/*
 * class:    lpm
 * variant:  DIR-24-8 (Gupta/Lin/McKeown style two-level table): a 2^24-entry first table
 *           indexed by the top 24 bits, 16-bit entries holding either a next hop or (top bit
 *           set) the number of a 256-entry second-level group for routes longer than /24.
 *           Routes are collected by the insert call and painted shortest-first by
 *           dir24_commit(), so longer routes overwrite shorter ones.
 * computes: IPv4 longest-prefix match -> next hop (0..32766), DIR_MISS (0xffffffff) if none.
 */
// clara-corpus: class=lpm entry=dir24_lookup signature=lpm4_global init=dir24_reset insert=dir24_add_route finalize=dir24_commit miss=0xffffffff
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define DIR_MISS 0xffffffffu
#define DIR_EXT 0x8000u
#define DIR_TBL8_GROUPS 2048
#define DIR_MAX_ROUTES 4096

static uint16_t tbl24[1u << 24];
static uint16_t tbl8[DIR_TBL8_GROUPS * 256];
static unsigned tbl8_used;

struct dir_route {
    uint32_t ip;
    uint8_t depth;
    uint16_t nh;
};
static struct dir_route dir_rib[DIR_MAX_ROUTES];
static unsigned dir_nroutes;

void dir24_reset(void)
{
    memset(tbl24, 0, sizeof(tbl24));
    tbl8_used = 0;
    dir_nroutes = 0;
}

int dir24_add_route(uint32_t ip, unsigned depth, uint32_t nh)
{
    if (dir_nroutes >= DIR_MAX_ROUTES || nh >= 0x7fffu || depth > 32)
        return -1;
    dir_rib[dir_nroutes].ip = ip;
    dir_rib[dir_nroutes].depth = (uint8_t)depth;
    dir_rib[dir_nroutes].nh = (uint16_t)nh;
    dir_nroutes++;
    return 0;
}

static void dir_sort_by_depth(void)
{
    /* counting sort on depth, stable */
    static struct dir_route tmp[DIR_MAX_ROUTES];
    unsigned count[34] = {0};
    unsigned i;

    for (i = 0; i < dir_nroutes; i++)
        count[dir_rib[i].depth + 1]++;
    for (i = 1; i < 34; i++)
        count[i] += count[i - 1];
    for (i = 0; i < dir_nroutes; i++)
        tmp[count[dir_rib[i].depth]++] = dir_rib[i];
    memcpy(dir_rib, tmp, dir_nroutes * sizeof(tmp[0]));
}

int dir24_commit(void)
{
    unsigned r;

    dir_sort_by_depth();
    for (r = 0; r < dir_nroutes; r++) {
        const struct dir_route *rt = &dir_rib[r];
        uint16_t val = (uint16_t)(rt->nh + 1);

        if (rt->depth <= 24) {
            uint32_t first = rt->ip >> 8;
            uint32_t n = 1u << (24 - rt->depth);
            uint32_t i;
            for (i = first; i < first + n; i++)
                tbl24[i] = val;
        } else {
            uint32_t i24 = rt->ip >> 8;
            uint32_t grp, lo, n, i;
            if (!(tbl24[i24] & DIR_EXT)) {
                if (tbl8_used >= DIR_TBL8_GROUPS)
                    return -1;
                grp = tbl8_used++;
                for (i = 0; i < 256; i++)
                    tbl8[grp * 256 + i] = tbl24[i24];
                tbl24[i24] = (uint16_t)(DIR_EXT | grp);
            }
            grp = tbl24[i24] & 0x7fffu;
            lo = rt->ip & 0xffu;
            n = 1u << (32 - rt->depth);
            for (i = lo; i < lo + n; i++)
                tbl8[grp * 256 + i] = val;
        }
    }
    return 0;
}

uint32_t dir24_lookup(uint32_t dst)
{
    uint16_t e = tbl24[dst >> 8];

    if (e & DIR_EXT)
        e = tbl8[((uint32_t)(e & 0x7fffu) << 8) | (dst & 0xffu)];
    return e ? (uint32_t)e - 1 : DIR_MISS;
}
