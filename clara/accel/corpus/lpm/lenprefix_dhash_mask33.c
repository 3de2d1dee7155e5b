/*
 * class:    lpm
 * variant:  hash-per-length LPM with a single shared open-addressed table: the key is the
 *           pair (length, masked prefix) packed into 64 bits (length + 1 in the high word, so
 *           an all-zero slot means empty), collisions resolved by double hashing (a second
 *           multiplicative hash gives an odd step). A 33-bit mask records which lengths hold
 *           routes; the lookup shifts that mask left so the flag of the length being tried is
 *           always the top bit, from /32 down, and probes only lengths whose flag is set.
 *           (lpm/hash_lengths_openaddr.c has 33 separate linear-probing tables and walks the
 *           mask with count-leading-zeros; lpm/length_hash_chains.c uses chains per length.)
 * computes: IPv4 longest-prefix match: 1 and the next hop in *nh, or 0 if no route matches.
 * params:   DH_BITS = 13 (8192 slots, load < 0.25 at 2048 routes); hashes: multiply by
 *           0x9e3779b97f4a7c15 and 0xc2b2ae3d27d4eb4f, top DH_BITS bits.
 */
// clara-corpus: class=lpm entry=dh_match signature=lpm4_out init=dh_wipe insert=dh_put
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define DH_BITS 13
#define DH_SLOTS (1u << DH_BITS)

struct dh_slot {
    uint64_t tag;      /* ((len + 1) << 32) | prefix, 0 = empty */
    uint32_t hop;
};

static struct dh_slot dh_table[DH_SLOTS];
static uint64_t dh_lens;   /* bit L set: some route has length L */
static unsigned dh_count;

static uint64_t dh_tag(uint32_t prefix, unsigned len)
{
    return ((uint64_t)(len + 1) << 32) | prefix;
}

void dh_wipe(void)
{
    memset(dh_table, 0, sizeof dh_table);
    dh_lens = 0;
    dh_count = 0;
}

int dh_put(uint32_t prefix, unsigned len, uint32_t hop)
{
    if (len > 32)
        return -1;
    if (len < 32)
        prefix &= ~(0xffffffffu >> len);
    uint64_t tag = dh_tag(prefix, len);
    uint32_t at = (uint32_t)((tag * 0x9e3779b97f4a7c15ull) >> (64 - DH_BITS));
    uint32_t step = (uint32_t)((tag * 0xc2b2ae3d27d4eb4full) >> (64 - DH_BITS)) | 1u;

    for (unsigned tries = 0; tries < DH_SLOTS; tries++) {
        struct dh_slot *s = &dh_table[at];
        if (s->tag == tag) {
            s->hop = hop;
            return 0;
        }
        if (s->tag == 0) {
            if (dh_count + 1 >= DH_SLOTS / 2)
                return -1;
            s->tag = tag;
            s->hop = hop;
            dh_count++;
            dh_lens |= 1ull << len;
            return 0;
        }
        at = (at + step) & (DH_SLOTS - 1);
    }
    return -1;
}

int dh_match(uint32_t addr, uint32_t *nh)
{
    uint64_t flags = dh_lens << 31;   /* bit 63 <-> length 32 */
    int len = 32;

    for (; flags != 0; flags <<= 1, len--) {
        if (!(flags >> 63))
            continue;
        uint32_t prefix = len == 32 ? addr : addr & ~(0xffffffffu >> len);
        uint64_t tag = ((uint64_t)(len + 1) << 32) | prefix;
        uint32_t at = (uint32_t)((tag * 0x9e3779b97f4a7c15ull) >> (64 - DH_BITS));
        uint32_t step = (uint32_t)((tag * 0xc2b2ae3d27d4eb4full) >> (64 - DH_BITS)) | 1u;
        while (dh_table[at].tag != 0) {
            if (dh_table[at].tag == tag) {
                *nh = dh_table[at].hop;
                return 1;
            }
            at = (at + step) & (DH_SLOTS - 1);
        }
    }
    return 0;
}
