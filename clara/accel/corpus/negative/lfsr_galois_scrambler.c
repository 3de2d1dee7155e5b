/*
 * class:    none (negative example)
 * variant:  data scrambler (whitening) driven by a 16-bit Galois LFSR, x^16 + x^14 + x^13 +
 *           x^11 + 1 (right-shifting form, tap mask 0xB400): eight register steps per output
 *           byte, the bit shifted out of the register becomes the next keystream bit (LSB
 *           first) and the keystream byte is xored onto the data. Shift-and-conditional-xor of
 *           a polynomial like a bitwise CRC, but nothing of the data enters the register: it
 *           is a fixed pseudo-random sequence, not a checksum, hash or cipher.
 * computes: out[i] = in[i] ^ keystream byte i (in and out may be the same buffer);
 *           returns the register state after the last byte (pass it back to continue).
 */
// clara-corpus: class=none entry=galois_scramble signature=custom
#include <stdint.h>
#include <stddef.h>

#define LFSR_TAPS 0xB400u

uint16_t galois_scramble(uint16_t state, const uint8_t *in, uint8_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t ks = 0;
        for (unsigned b = 0; b < 8; b++) {
            unsigned outbit = state & 1u;
            state >>= 1;
            if (outbit)
                state ^= LFSR_TAPS;
            ks |= (uint8_t)(outbit << b);
        }
        out[i] = in[i] ^ ks;
    }
    return state;
}
