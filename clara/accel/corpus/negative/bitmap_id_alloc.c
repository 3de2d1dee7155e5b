/*
 * class:    none (negative example)
 * variant:  bitmap allocator for connection ids / NAT ports: 64-bit words, a rotating hint
 *           word, lowest clear bit found with ~w & (w + 1).
 * computes: id_alloc returns the lowest free id at or after the hint word, -1 if full.
 */
// clara-corpus: class=none entry=id_alloc signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define ID_WORDS 64 /* 4096 ids */

static uint64_t id_map[ID_WORDS];
static unsigned id_hint;

void id_reset(void)
{
    memset(id_map, 0, sizeof(id_map));
    id_hint = 0;
}

void id_free(int id)
{
    id_map[(unsigned)id / 64] &= ~(1ull << ((unsigned)id % 64));
    if ((unsigned)id / 64 < id_hint)
        id_hint = (unsigned)id / 64;
}

int id_alloc(void)
{
    unsigned n;
    for (n = 0; n < ID_WORDS; n++) {
        unsigned w = (id_hint + n) % ID_WORDS;
        uint64_t word = id_map[w];
        if (word != ~0ull) {
            uint64_t lowest_clear = ~word & (word + 1);
            int bit = 0;
            while (!(lowest_clear & 1)) {
                lowest_clear >>= 1;
                bit++;
            }
            id_map[w] |= 1ull << bit;
            id_hint = w;
            return (int)(w * 64 + (unsigned)bit);
        }
    }
    return -1;
}
