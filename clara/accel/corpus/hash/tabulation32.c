/*
 * class: hash
 * variant: tabulation hashing: four 256-entry tables of random 32-bit words (filled once from
 *          a fixed splitmix-style generator); every byte looks up the table of its position
 *          mod 4 and the word, rotated by the block number, is xored into the hash.
 * computes: 32-bit tabulation hash of a byte buffer (initial value = length).
 */
// clara-corpus: class=hash entry=tab_hash signature=buf_len_u32 ref=tabulation helpers=tab_fill
#include <stddef.h>
#include <stdint.h>

static uint32_t tab[4][256];
static int tab_ready;

static void tab_fill(void)
{
    uint32_t s = 0x9e3779b9u;
    for (int t = 0; t < 4; t++)
        for (int i = 0; i < 256; i++) {
            s += 0x9e3779b9u;
            uint32_t z = s;
            z = (z ^ (z >> 16)) * 0x85ebca6bu;
            z = (z ^ (z >> 13)) * 0xc2b2ae35u;
            tab[t][i] = z ^ (z >> 16);
        }
    tab_ready = 1;
}

uint32_t tab_hash(const uint8_t *p, size_t n)
{
    uint32_t h = (uint32_t)n;
    if (!tab_ready)
        tab_fill();
    for (size_t i = 0; i < n; i++) {
        uint32_t v = tab[i & 3][p[i]];
        unsigned r = (unsigned)(i >> 2) & 31u;
        h ^= r ? (v << r) | (v >> (32 - r)) : v;
    }
    return h;
}
