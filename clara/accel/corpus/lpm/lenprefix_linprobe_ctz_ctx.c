/*
 * class:    lpm
 * variant:  hash-per-length LPM in ONE shared open-addressed table held in a context object:
 *           a slot stores the prefix, its length and the hop as separate fields, the home slot
 *           comes from mixing the prefix with the length (xor-shift, odd multiply), collisions
 *           go to the next slot (linear probing). The lengths in use are kept as a 33-bit map
 *           stored reversed (bit 32 - len), so the lowest set bit is always the longest length
 *           not tried yet: the lookup takes it with count-trailing-zeros, clears it, masks the
 *           address and probes until an empty slot; the first hit is the longest match.
 *           (lpm/lenprefix_dhash_mask33.c: packed 64-bit key and double hashing;
 *           lpm/hash_lengths_openaddr.c: 33 tables and count-leading-zeros;
 *           lpm/hash_per_length.c: chained buckets.)
 * computes: IPv4 longest-prefix match in `t`: next hop, or -1 (0xffffffff) if no route.
 * params:   LP_SLOTS = 4096 slots (up to LP_ROUTES = 2048 routes, load <= 0.5).
 */
// clara-corpus: class=lpm entry=lp_fib_lookup signature=lpm4_ctx init=lp_fib_new insert=lp_fib_insert
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define LP_SLOTS 4096u
#define LP_ROUTES 2048u

struct lp_slot {
    uint32_t prefix;
    uint32_t hop;
    uint8_t len;
    uint8_t in_use;
};

struct lp_fib {
    struct lp_slot slot[LP_SLOTS];
    uint64_t rev_lengths;   /* bit (32 - len) set when some route has length len */
    unsigned routes;
};

static struct lp_fib lp_fib_store;

static inline uint32_t lp_home(uint32_t prefix, unsigned len)
{
    uint32_t x = prefix ^ (len * 0x9e3779b9u);
    x ^= x >> 15;
    x *= 0x2c1b3c6du;
    x ^= x >> 13;
    return x & (LP_SLOTS - 1);
}

struct lp_fib *lp_fib_new(void)
{
    memset(&lp_fib_store, 0, sizeof lp_fib_store);
    return &lp_fib_store;
}

int lp_fib_insert(struct lp_fib *t, uint32_t prefix, unsigned len, uint32_t hop)
{
    uint32_t i, n;

    if (len > 32)
        return -1;
    if (len < 32)
        prefix &= ~(0xffffffffu >> len);
    i = lp_home(prefix, len);
    for (n = 0; n < LP_SLOTS; n++, i = (i + 1) & (LP_SLOTS - 1)) {
        struct lp_slot *s = &t->slot[i];
        if (s->in_use && s->len == len && s->prefix == prefix) {
            s->hop = hop;
            return 0;
        }
        if (!s->in_use) {
            if (t->routes >= LP_ROUTES)
                return -1;
            s->in_use = 1;
            s->prefix = prefix;
            s->len = (uint8_t)len;
            s->hop = hop;
            t->routes++;
            t->rev_lengths |= 1ull << (32 - len);
            return 0;
        }
    }
    return -1;
}

uint32_t lp_fib_lookup(const struct lp_fib *t, uint32_t addr)
{
    uint64_t pending = t->rev_lengths;

    while (pending) {
        unsigned len = 32u - (unsigned)__builtin_ctzll(pending);
        uint32_t key = len ? addr & (0xffffffffu << (32 - len)) : 0u;
        uint32_t i = lp_home(key, len);

        pending &= pending - 1;
        while (t->slot[i].in_use) {
            const struct lp_slot *s = &t->slot[i];
            if (s->prefix == key && s->len == len)
                return s->hop;
            i = (i + 1) & (LP_SLOTS - 1);
        }
    }
    return 0xffffffffu;
}
