/*
 * class: hash
 * variant: Toeplitz / RSS hash computed per input byte from a 64-bit big-endian slice of the key
 *          (key bytes i..i+7): for input bit b of byte i the key window is the 32 bits starting
 *          at bit offset b of the slice; set bits select windows that are xored together.
 * computes: 32-bit RSS hash of the input tuple bytes (network order).
 * parameters: 40-byte key; inputs up to 36 bytes.
 */
// clara-corpus: class=hash entry=toeplitz_hash signature=key_buf_len_u32 ref=toeplitz helpers=key_slice
#include <stddef.h>
#include <stdint.h>

static uint64_t key_slice(const uint8_t *k, size_t at)
{
    uint64_t s = 0;
    for (size_t j = 0; j < 8; j++)
        s = (s << 8) | (at + j < 40 ? k[at + j] : 0u);
    return s;
}

uint32_t toeplitz_hash(const uint8_t *key, const uint8_t *tuple, size_t n)
{
    uint32_t hv = 0;
    size_t i = 0;

    while (i < n) {
        uint64_t slice = key_slice(key, i);
        uint8_t byte = tuple[i];
        unsigned b = 0;
        while (byte) {
            if (byte & 0x80u)
                hv ^= (uint32_t)(slice >> (32 - b));
            byte = (uint8_t)(byte << 1);
            b++;
        }
        i++;
    }
    return hv;
}
