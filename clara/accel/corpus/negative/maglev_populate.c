/*
 * class:    none (negative example)
 * variant:  Maglev lookup-table population (Eisenbud et al. 2016) from per-backend
 *           (offset, skip) pairs that were computed elsewhere: round-robin over backends,
 *           each taking the next unclaimed slot of its permutation (modular arithmetic).
 * computes: fills table[0..M) with backend indices (M prime); returns the number of slots
 *           filled (M when at least one backend exists).
 */
// clara-corpus: class=none entry=maglev_fill signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define MAGLEV_MAX_BACKENDS 64

size_t maglev_fill(int32_t *table, size_t m, const uint32_t *offset, const uint32_t *skip,
                   size_t nb)
{
    uint32_t next[MAGLEV_MAX_BACKENDS];
    size_t filled = 0, i, b;

    if (nb == 0 || nb > MAGLEV_MAX_BACKENDS)
        return 0;
    for (i = 0; i < m; i++)
        table[i] = -1;
    memset(next, 0, sizeof(next));
    for (;;) {
        for (b = 0; b < nb; b++) {
            uint64_t c = ((uint64_t)offset[b] + (uint64_t)next[b] * skip[b]) % m;
            while (table[c] >= 0) {
                next[b]++;
                c = ((uint64_t)offset[b] + (uint64_t)next[b] * skip[b]) % m;
            }
            table[c] = (int32_t)b;
            next[b]++;
            if (++filled == m)
                return filled;
        }
    }
}
