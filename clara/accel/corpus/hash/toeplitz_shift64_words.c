/*
 * class: hash
 * variant: Toeplitz (RSS) hash with a 64-bit key register that shifts left one bit per input
 *          bit: its upper half is the current 32-bit key window, its lower half holds the
 *          next 32 key bits. The input is consumed as big-endian 32-bit words (last word
 *          partial); after each full word the lower half has been shifted out and is
 *          refilled with the next four key bytes. Differs from the byte-sliced variant
 *          (which reloads a 64-bit key slice per input byte and shifts it by the bit index)
 *          and from the bit-serial 32-bit window (which feeds one key bit per step).
 * computes: 32-bit RSS hash of the input bytes (network-order tuple) under a 40-byte key.
 * parameters: 40-byte key (bits past its end are 0); inputs up to 36 bytes for RSS.
 */
// clara-corpus: class=hash entry=toeplitz_shift64 signature=key_buf_len_u32 ref=toeplitz helpers=key_word_be
#include <stddef.h>
#include <stdint.h>

#define RSS_KEY_SIZE 40u

/* four key bytes from offset `at` as a big-endian word, zero beyond the key */
static uint32_t key_word_be(const uint8_t *key, size_t at)
{
    uint32_t w = 0;
    for (unsigned j = 0; j < 4; j++) {
        w <<= 8;
        if (at + j < RSS_KEY_SIZE)
            w |= key[at + j];
    }
    return w;
}

uint32_t toeplitz_shift64(const uint8_t *key, const uint8_t *in, size_t len)
{
    uint64_t reg = ((uint64_t)key_word_be(key, 0) << 32) | key_word_be(key, 4);
    size_t next_key = 8;
    uint32_t hash = 0;
    size_t done = 0;

    while (done < len) {
        size_t chunk = len - done >= 4 ? 4 : len - done;
        uint32_t word = 0;
        unsigned nbits;

        for (size_t j = 0; j < chunk; j++)
            word |= (uint32_t)in[done + j] << (24 - 8 * j);
        nbits = (unsigned)chunk * 8u;
        for (unsigned b = 0; b < nbits; b++) {
            if (word & 0x80000000u)
                hash ^= (uint32_t)(reg >> 32);
            word <<= 1;
            reg <<= 1;
        }
        /* 32 shifts emptied the low half (only a final partial word shifts fewer) */
        reg |= key_word_be(key, next_key);
        next_key += 4;
        done += chunk;
    }
    return hash;
}
