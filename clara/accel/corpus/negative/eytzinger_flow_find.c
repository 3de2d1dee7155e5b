/*
 * class:    none (negative example)
 * variant:  read-mostly flow table of 64-bit flow ids in Eytzinger (breadth-first) order: an
 *           implicit binary search tree in an array, node i has children 2i and 2i+1, built
 *           once from keys the control plane hands over sorted; the lookup walks
 *           i = 2i + (key > k[i]) until it finds the exact key or falls off the array. The
 *           index walk looks like a trie descent, but every comparison is a whole-key compare.
 * computes: eyt_find returns the value stored for key, or -1.
 */
// clara-corpus: class=none entry=eyt_find signature=custom
#include <stdint.h>
#include <stddef.h>

#define EYT_CAP 4096
static uint64_t eyt_key[EYT_CAP + 1];
static int32_t eyt_val[EYT_CAP + 1];
static size_t eyt_n;

static size_t eyt_place(const uint64_t *keys, const int32_t *vals, size_t next, size_t node)
{
    if (node <= eyt_n) {
        next = eyt_place(keys, vals, next, 2 * node);
        eyt_key[node] = keys[next];
        eyt_val[node] = vals[next];
        next++;
        next = eyt_place(keys, vals, next, 2 * node + 1);
    }
    return next;
}

/* keys strictly increasing; returns 0, or -1 if n exceeds the capacity */
int eyt_build(const uint64_t *keys, const int32_t *vals, size_t n)
{
    if (n > EYT_CAP)
        return -1;
    eyt_n = n;
    eyt_place(keys, vals, 0, 1);
    return 0;
}

int32_t eyt_find(uint64_t key)
{
    size_t i = 1;

    while (i <= eyt_n) {
        uint64_t k = eyt_key[i];
        if (k == key)
            return eyt_val[i];
        i = 2 * i + (key > k);
    }
    return -1;
}
