/*
 * class: hash
 * variant: Toeplitz (RSS) hash with per-byte lookup tables: for input byte i the eight 32-bit
 *          key windows are computed, expanded into a 256-entry table (entry v = xor of the
 *          windows of v's set bits, built incrementally), and the table entry for the input
 *          byte is xored into the result.
 * computes: 32-bit Toeplitz hash of the input under a 40-byte key (input up to 36 bytes).
 */
// clara-corpus: class=hash entry=thash_tables signature=key_buf_len_u32 ref=toeplitz helpers=key_window
#include <stddef.h>
#include <stdint.h>

/* the 32 key bits starting at bit position `bit` (MSB of key[0] is bit 0) */
static uint32_t key_window(const uint8_t *key, unsigned bit)
{
    unsigned byte = bit / 8, off = bit % 8;
    uint64_t w = 0;
    for (unsigned k = 0; k < 5; k++)
        w = (w << 8) | (byte + k < 40 ? key[byte + k] : 0);
    return (uint32_t)(w >> (8 - off));
}

uint32_t thash_tables(const uint8_t *key, const uint8_t *in, size_t len)
{
    uint32_t res = 0;
    uint32_t table[256];
    for (size_t i = 0; i < len; i++) {
        uint32_t win[8];
        for (unsigned b = 0; b < 8; b++)
            win[b] = key_window(key, (unsigned)(8 * i + b));
        table[0] = 0;
        for (unsigned v = 1; v < 256; v++) {
            unsigned low = (unsigned)__builtin_ctz(v);
            table[v] = table[v & (v - 1)] ^ win[7 - low];
        }
        res ^= table[in[i]];
    }
    return res;
}
