/*
 * class:    none (negative example)
 * variant:  cuckoo-hash lookup with two candidate buckets of four slots, the two bucket
 *           indices and a 16-bit signature supplied by the caller (computed by NIC hardware);
 *           signature compare first, then the full 64-bit key.
 * computes: the value stored for key, or -1.
 */
// clara-corpus: class=none entry=cuckoo_find signature=custom
#include <stdint.h>
#include <stddef.h>

#define CK_BUCKETS 256

struct ck_bucket {
    uint16_t sig[4];
    uint64_t key[4];
    int32_t val[4];
};

static struct ck_bucket ck[CK_BUCKETS];

void cuckoo_clear(void)
{
    for (int b = 0; b < CK_BUCKETS; b++)
        for (int s = 0; s < 4; s++)
            ck[b].val[s] = -1;
}

int cuckoo_put_at(uint32_t bucket, int slot, uint16_t sig, uint64_t key, int32_t val)
{
    struct ck_bucket *b = &ck[bucket % CK_BUCKETS];
    b->sig[slot & 3] = sig;
    b->key[slot & 3] = key;
    b->val[slot & 3] = val;
    return 0;
}

int32_t cuckoo_find(uint32_t b1, uint32_t b2, uint16_t sig, uint64_t key)
{
    const struct ck_bucket *cand[2] = {&ck[b1 % CK_BUCKETS], &ck[b2 % CK_BUCKETS]};
    for (int c = 0; c < 2; c++)
        for (int s = 0; s < 4; s++)
            if (cand[c]->val[s] >= 0 && cand[c]->sig[s] == sig && cand[c]->key[s] == key)
                return cand[c]->val[s];
    return -1;
}
