/*
 * class:    none (negative example)
 * variant:  ECMP next-hop choice from a flow hash the NIC already computed: the hash is
 *           scaled into [0, n) by a 32x32->64 multiply-high (Lemire's reduction) and the
 *           chosen member is checked for liveness, falling back to the next live one.
 * computes: index of the selected live member for each hash; -1 if none is live.
 */
// clara-corpus: class=none entry=ecmp_pick_batch signature=custom
#include <stdint.h>
#include <stddef.h>

static int ecmp_pick(uint32_t hash, const uint8_t *live, uint32_t n)
{
    uint32_t idx = (uint32_t)(((uint64_t)hash * n) >> 32);
    for (uint32_t k = 0; k < n; k++) {
        uint32_t m = idx + k < n ? idx + k : idx + k - n;
        if (live[m])
            return (int)m;
    }
    return -1;
}

void ecmp_pick_batch(const uint32_t *hashes, size_t count, const uint8_t *live, uint32_t n,
                     int *out)
{
    for (size_t i = 0; i < count; i++)
        out[i] = ecmp_pick(hashes[i], live, n);
}
