/*
 * class:    hash
 * variant:  Toeplitz (RSS) hash as one flat loop over input bit positions (no per-byte inner
 *           loop): at every byte boundary the 32-bit key window is reloaded from key bytes
 *           i..i+3 and key byte i+4 goes into an 8-bit carry register; inside the byte the
 *           window shifts left one bit per position, taking in the carry's top bit. The
 *           input bit is tested with the mask 0x80 >> (pos & 7). Differs from the
 *           bit-serial file, which never reloads the window and nests a bit loop in a
 *           byte loop.
 * computes: 32-bit Toeplitz hash of the input bytes (network-order tuple) under a 40-byte key.
 * parameters: 40-byte key (bytes past its end read as 0); inputs up to 36 bytes for RSS.
 */
// clara-corpus: class=hash entry=toeplitz_flat signature=key_buf_len_u32 ref=toeplitz helpers=tzf_key_byte
#include <stddef.h>
#include <stdint.h>

#define TZF_KEY_LEN 40u

static uint8_t tzf_key_byte(const uint8_t *key, size_t at)
{
    return at < TZF_KEY_LEN ? key[at] : (uint8_t)0;
}

uint32_t toeplitz_flat(const uint8_t *key, const uint8_t *data, size_t len)
{
    size_t nbits = len * 8u;
    uint32_t acc = 0;
    uint32_t window = 0;
    uint8_t carry = 0;

    for (size_t pos = 0; pos < nbits; pos++) {
        size_t byte = pos >> 3;

        if ((pos & 7u) == 0) {
            window = (uint32_t)tzf_key_byte(key, byte) << 24 |
                     (uint32_t)tzf_key_byte(key, byte + 1) << 16 |
                     (uint32_t)tzf_key_byte(key, byte + 2) << 8 |
                     (uint32_t)tzf_key_byte(key, byte + 3);
            carry = tzf_key_byte(key, byte + 4);
        }
        if (data[byte] & (0x80u >> (pos & 7u)))
            acc ^= window;
        window = (window << 1) | (uint32_t)(carry >> 7);
        carry = (uint8_t)(carry << 1);
    }
    return acc;
}
