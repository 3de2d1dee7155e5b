/*
 * class: hash
 * variant: Toeplitz (Microsoft RSS) hash from per-byte-position lookup tables cached per key:
 *          on the first call (and whenever a different key is passed) the file walks a 32-bit
 *          window along the key one bit at a time, records the eight windows that belong to
 *          each input byte position and expands them into a 256-entry table by doubling
 *          (entries [2^b, 2^(b+1)) = entries [0, 2^b) xor the window of bit b). Hashing is
 *          then one table lookup and one xor per input byte. Differs from the other table
 *          variant, which rebuilds a single table per byte inside the hash loop: here all
 *          40 position tables persist between calls and the hash loop is lookup-only.
 * computes: 32-bit RSS hash of the input bytes (network-order tuple) under a 40-byte key.
 * parameters: 40-byte key (key bits past its end read as 0); inputs up to 40 bytes (longer
 *             inputs are truncated to 40, the RSS tuples are at most 36).
 */
// clara-corpus: class=hash entry=toeplitz_keytab signature=key_buf_len_u32 ref=toeplitz helpers=tz_build
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TZ_KEY_BYTES 40
#define TZ_POSITIONS 40

static uint32_t tz_tab[TZ_POSITIONS][256];
static uint8_t tz_key_cached[TZ_KEY_BYTES];
static int tz_have_tables;

static void tz_build(const uint8_t *key)
{
    uint32_t win = ((uint32_t)key[0] << 24) | ((uint32_t)key[1] << 16) |
                   ((uint32_t)key[2] << 8) | (uint32_t)key[3];
    unsigned feed_at = 4;

    for (unsigned pos = 0; pos < TZ_POSITIONS; pos++) {
        uint32_t col[8];
        uint32_t *t = tz_tab[pos];
        uint8_t feed = feed_at < TZ_KEY_BYTES ? key[feed_at] : 0;

        feed_at++;
        /* col[k] is the window for input bit k of this byte, k = 0 being the MSB */
        for (unsigned k = 0; k < 8; k++) {
            col[k] = win;
            win = (win << 1) | ((uint32_t)(feed >> (7 - k)) & 1u);
        }
        t[0] = 0;
        for (unsigned b = 0; b < 8; b++) {
            unsigned half = 1u << b;
            uint32_t w = col[7 - b];    /* value bit b is input bit 7-b */
            for (unsigned v = 0; v < half; v++)
                t[half + v] = t[v] ^ w;
        }
    }
    memcpy(tz_key_cached, key, TZ_KEY_BYTES);
    tz_have_tables = 1;
}

uint32_t toeplitz_keytab(const uint8_t *key, const uint8_t *in, size_t len)
{
    uint32_t h = 0;

    if (!tz_have_tables || memcmp(tz_key_cached, key, TZ_KEY_BYTES) != 0)
        tz_build(key);
    if (len > TZ_POSITIONS)
        len = TZ_POSITIONS;
    for (size_t i = 0; i < len; i++)
        h ^= tz_tab[i][in[i]];
    return h;
}
