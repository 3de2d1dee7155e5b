/*
 * class:    none (negative example)
 * variant:  even parity of a buffer: XOR-fold all bytes into one, then fold the byte onto
 *           itself (4, 2, 1) to a single bit. XOR in a loop over a buffer, but no
 *           polynomial and no table: parity, not CRC.
 * computes: 1 if the buffer has an odd number of set bits, else 0.
 */
// clara-corpus: class=none entry=buffer_parity signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

uint8_t buffer_parity(const uint8_t *buf, size_t len)
{
    uint8_t x = 0;
    size_t i;

    for (i = 0; i < len; i++)
        x ^= buf[i];
    x ^= (uint8_t)(x >> 4);
    x ^= (uint8_t)(x >> 2);
    x ^= (uint8_t)(x >> 1);
    return x & 1u;
}
