/*
 * class:    none (negative example)
 * variant:  Bloom filter insert/query path (k = 4 probes by double hashing h1 + i*h2); the
 *           hash function itself is external (flow_hash32, only declared here), so this file
 *           contains only bit-array bookkeeping.
 * computes: bloom_add sets the k bits of key; returns how many were newly set.
 */
// clara-corpus: class=none entry=bloom_add signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

uint32_t flow_hash32(const void *key, size_t len, uint32_t seed); /* provided elsewhere */

#define BLOOM_K 4

unsigned bloom_add(uint8_t *bits, size_t nbits, const void *key, size_t klen)
{
    uint32_t h1 = flow_hash32(key, klen, 0);
    uint32_t h2 = flow_hash32(key, klen, h1) | 1u;
    unsigned i, fresh = 0;

    for (i = 0; i < BLOOM_K; i++) {
        size_t bit = (size_t)((h1 + i * h2) % nbits);
        uint8_t m = (uint8_t)(1u << (bit & 7));
        if (!(bits[bit >> 3] & m)) {
            bits[bit >> 3] |= m;
            fresh++;
        }
    }
    return fresh;
}

int bloom_maybe_contains(const uint8_t *bits, size_t nbits, const void *key, size_t klen)
{
    uint32_t h1 = flow_hash32(key, klen, 0);
    uint32_t h2 = flow_hash32(key, klen, h1) | 1u;
    unsigned i;

    for (i = 0; i < BLOOM_K; i++) {
        size_t bit = (size_t)((h1 + i * h2) % nbits);
        if (!(bits[bit >> 3] & (1u << (bit & 7))))
            return 0;
    }
    return 1;
}
