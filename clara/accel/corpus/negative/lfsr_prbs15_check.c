/*
 * class:    none (negative example)
 * variant:  PRBS-15 link-test pattern (polynomial x^15 + x^14 + 1, as in ITU-T O.150 bit-error
 *           testers) in a Fibonacci LFSR: the generator XORs two register taps and shifts the
 *           result in at the bottom; the receiver is a self-synchronising checker that shifts
 *           the *received* bits into its own register and counts the bits that disagree with
 *           the register's prediction. Data-driven shift/xor loop over a buffer, but no CRC:
 *           nothing is divided, there is no remainder, only a pattern and an error count.
 * computes: prbs15_fill writes n bytes of the pattern (MSB first) from a nonzero 15-bit state
 *           and returns the final state; prbs15_count_errors (the entry) returns how many of
 *           the received bits after the first 15 (which only load the register) mismatch.
 */
// clara-corpus: class=none entry=prbs15_count_errors signature=custom
#include <stdint.h>
#include <stddef.h>

#define PRBS15_MASK 0x7fffu

uint16_t prbs15_fill(uint16_t state, uint8_t *out, size_t n)
{
    uint32_t reg = state & PRBS15_MASK;
    for (size_t i = 0; i < n; i++) {
        uint8_t v = 0;
        for (unsigned m = 0x80u; m != 0; m >>= 1) {
            uint32_t bit = ((reg >> 14) ^ (reg >> 13)) & 1u;
            reg = ((reg << 1) | bit) & PRBS15_MASK;
            if (bit)
                v = (uint8_t)(v | m);
        }
        out[i] = v;
    }
    return (uint16_t)reg;
}

uint32_t prbs15_count_errors(const uint8_t *rx, size_t n)
{
    uint32_t reg = 0, errors = 0;
    size_t seen = 0;

    for (size_t i = 0; i < n; i++) {
        uint8_t byte = rx[i];
        for (int b = 7; b >= 0; b--) {
            uint32_t got = (uint32_t)(byte >> b) & 1u;
            uint32_t want = ((reg >> 14) ^ (reg >> 13)) & 1u;
            if (seen >= 15 && got != want)
                errors++;
            reg = ((reg << 1) | got) & PRBS15_MASK;
            seen++;
        }
    }
    return errors;
}
