/*
 * class: hash
 * variant: Toeplitz (Microsoft RSS) hash, bit-serial: a 32-bit window over the secret key slides
 *          left one bit per input bit, xored into the result for every set input bit (MSB first).
 * computes: the 32-bit RSS hash of the input (e.g. src IP, dst IP, src port, dst port in network
 *           order: 12 bytes for TCP/IPv4, 8 bytes for IPv4 only).
 * parameters: 40-byte secret key (supports inputs up to 36 bytes).
 */
// clara-corpus: class=hash entry=rss_toeplitz signature=key_buf_len_u32 ref=toeplitz
#include <stddef.h>
#include <stdint.h>

#define RSS_KEY_LEN 40

uint32_t rss_toeplitz(const uint8_t *rss_key, const uint8_t *input, size_t len)
{
    uint32_t result = 0;
    uint32_t window = ((uint32_t)rss_key[0] << 24) | ((uint32_t)rss_key[1] << 16) |
                      ((uint32_t)rss_key[2] << 8) | rss_key[3];

    for (size_t i = 0; i < len; i++) {
        uint8_t next = (i + 4 < RSS_KEY_LEN) ? rss_key[i + 4] : 0;
        for (int bit = 7; bit >= 0; bit--) {
            if (input[i] & (1u << bit))
                result ^= window;
            window = (window << 1) | ((next >> bit) & 1u);
        }
    }
    return result;
}
