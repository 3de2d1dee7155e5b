/*
 * class:    lpm
 * variant:  IPv6 hash-per-length FIB: one shared open-addressed table (linear probing) whose
 *           entries hold the masked prefix as four host-order 32-bit words plus its length;
 *           the distinct lengths in use are kept in a small array in decreasing order. The
 *           lookup walks that array from the longest length, masks the four address words
 *           for the length (whole words kept, one partial word, the rest zero), hashes the
 *           masked words together with the length and probes; the first length that hits is
 *           the longest match. (The other IPv6 files are tries, a stride-8 multibit trie and
 *           linear scans; the IPv4 hash-per-length files have one 32-bit key.)
 * computes: IPv6 longest-prefix match: next hop, or -1 if no route matches.
 * params:   V6H_SLOTS = 2048 slots (up to 1024 routes), lengths 0..128; hash: multiply-xor
 *           over the words with 0x9e3779b1, then top 11 bits.
 */
// clara-corpus: class=lpm entry=v6h_lookup signature=lpm6_w32 init=v6h_init insert=v6h_insert
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define V6H_BITS 11
#define V6H_SLOTS (1u << V6H_BITS)
#define V6H_MAX_ROUTES 1024u

struct v6h_entry {
    uint32_t w[4];
    int32_t hop;
    uint8_t len;
    uint8_t used;
};

static struct v6h_entry v6h_tab[V6H_SLOTS];
static uint8_t v6h_lens[129];    /* distinct lengths, longest first */
static unsigned v6h_nlens;
static unsigned v6h_count;

static void v6h_apply_mask(const uint32_t in[4], unsigned len, uint32_t out[4])
{
    unsigned i;

    for (i = 0; i < 4; i++) {
        if (len >= 32 * (i + 1))
            out[i] = in[i];
        else if (len <= 32 * i)
            out[i] = 0;
        else
            out[i] = in[i] & (0xffffffffu << (32 * (i + 1) - len));
    }
}

static uint32_t v6h_slot(const uint32_t w[4], unsigned len)
{
    uint32_t h = len;
    unsigned i;

    for (i = 0; i < 4; i++)
        h = (h ^ w[i]) * 0x9e3779b1u;
    h ^= h >> 16;
    return (h * 0x9e3779b1u) >> (32 - V6H_BITS);
}

void v6h_init(void)
{
    memset(v6h_tab, 0, sizeof v6h_tab);
    v6h_nlens = 0;
    v6h_count = 0;
}

int v6h_insert(const uint32_t prefix[4], unsigned len, uint32_t nh)
{
    uint32_t key[4];
    uint32_t i, n;
    unsigned k, j;

    if (len > 128)
        return -1;
    v6h_apply_mask(prefix, len, key);
    i = v6h_slot(key, len);
    for (n = 0; n < V6H_SLOTS; n++, i = (i + 1) & (V6H_SLOTS - 1)) {
        struct v6h_entry *e = &v6h_tab[i];
        if (e->used && e->len == len && memcmp(e->w, key, sizeof key) == 0) {
            e->hop = (int32_t)nh;
            return 0;
        }
        if (!e->used) {
            if (v6h_count >= V6H_MAX_ROUTES)
                return -1;
            memcpy(e->w, key, sizeof key);
            e->len = (uint8_t)len;
            e->hop = (int32_t)nh;
            e->used = 1;
            v6h_count++;
            break;
        }
    }
    if (n == V6H_SLOTS)
        return -1;
    /* record the length, keeping the list in decreasing order */
    for (k = 0; k < v6h_nlens && v6h_lens[k] > len; k++)
        ;
    if (k < v6h_nlens && v6h_lens[k] == len)
        return 0;
    for (j = v6h_nlens; j > k; j--)
        v6h_lens[j] = v6h_lens[j - 1];
    v6h_lens[k] = (uint8_t)len;
    v6h_nlens++;
    return 0;
}

int32_t v6h_lookup(const uint32_t addr[4])
{
    unsigned k;

    for (k = 0; k < v6h_nlens; k++) {
        unsigned len = v6h_lens[k];
        uint32_t key[4];
        uint32_t i;

        v6h_apply_mask(addr, len, key);
        for (i = v6h_slot(key, len); v6h_tab[i].used; i = (i + 1) & (V6H_SLOTS - 1)) {
            const struct v6h_entry *e = &v6h_tab[i];
            if (e->len == len && e->w[0] == key[0] && e->w[1] == key[1] &&
                e->w[2] == key[2] && e->w[3] == key[3])
                return e->hop;
        }
    }
    return -1;
}
