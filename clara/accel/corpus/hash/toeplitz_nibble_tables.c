/*
 * class:    hash
 * variant:  Toeplitz (RSS) hash from 4-bit tables: every nibble position p of the input
 *           (two per byte, high nibble first) has a 16-entry table whose entry v is the xor
 *           of the 32-bit key windows of v's set bits; hashing is two lookups and two xors
 *           per input byte. The 72 tables (36 bytes of input) live in a context struct
 *           together with the key they were made for and are rebuilt when the key changes.
 *           Each entry is assembled directly from its four bits (no doubling), and each
 *           window is cut from a 40-bit big-endian read of five key bytes. Differs from the
 *           byte-table variants (256-entry tables per byte position).
 * computes: 32-bit Toeplitz hash of the input bytes (network-order tuple) under a 40-byte key.
 * parameters: 40-byte key (bits past its end read as 0); inputs up to 36 bytes (longer
 *             inputs are truncated to 36).
 */
// clara-corpus: class=hash entry=toeplitz_nibbles signature=key_buf_len_u32 ref=toeplitz helpers=tzn_window,tzn_prepare
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TZN_KEY_LEN 40u
#define TZN_MAX_IN 36u
#define TZN_NIBBLES (2u * TZN_MAX_IN)

struct tzn_ctx {
    uint8_t key[TZN_KEY_LEN];
    uint32_t nib[TZN_NIBBLES][16];
    int built;
};

static struct tzn_ctx tzn;

/* the key window for input bit number `bit` (bit 0 = MSB of the first input byte) */
static uint32_t tzn_window(const uint8_t *key, unsigned bit)
{
    unsigned first = bit >> 3;
    uint64_t v = 0;

    for (unsigned k = 0; k < 5; k++) {
        unsigned at = first + k;
        v = (v << 8) | (at < TZN_KEY_LEN ? key[at] : 0u);
    }
    return (uint32_t)(v >> (8u - (bit & 7u)));
}

static void tzn_prepare(struct tzn_ctx *c, const uint8_t *key)
{
    for (unsigned p = 0; p < TZN_NIBBLES; p++) {
        uint32_t w[4];

        /* w[b] belongs to value bit b of the nibble, i.e. input bit 4p + 3 - b */
        for (unsigned b = 0; b < 4; b++)
            w[b] = tzn_window(key, 4u * p + 3u - b);
        for (unsigned v = 0; v < 16; v++) {
            uint32_t e = 0;
            if (v & 1u)
                e ^= w[0];
            if (v & 2u)
                e ^= w[1];
            if (v & 4u)
                e ^= w[2];
            if (v & 8u)
                e ^= w[3];
            c->nib[p][v] = e;
        }
    }
    memcpy(c->key, key, TZN_KEY_LEN);
    c->built = 1;
}

uint32_t toeplitz_nibbles(const uint8_t *key, const uint8_t *in, size_t len)
{
    uint32_t h = 0;
    const uint32_t (*row)[16];

    if (!tzn.built || memcmp(tzn.key, key, TZN_KEY_LEN) != 0)
        tzn_prepare(&tzn, key);
    if (len > TZN_MAX_IN)
        len = TZN_MAX_IN;
    row = (const uint32_t (*)[16])tzn.nib;
    for (size_t i = 0; i < len; i++, row += 2) {
        uint8_t c = in[i];
        h ^= row[0][c >> 4];
        h ^= row[1][c & 0x0fu];
    }
    return h;
}
