/*
 * class:    none (negative example)
 * variant:  NMEA 0183 sentence check: the XOR of the characters between '$' and '*' compared
 *           with the two hex digits after '*' (an 8-bit XOR "checksum", not the Internet
 *           checksum).
 * computes: 1 if the sentence s[0..n) carries a correct checksum, 0 otherwise.
 */
// clara-corpus: class=none entry=nmea_valid signature=custom
#include <stdint.h>
#include <stddef.h>

static int hex_nibble(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int nmea_valid(const uint8_t *s, size_t n)
{
    if (n < 4 || s[0] != '$')
        return 0;
    uint8_t x = 0;
    size_t i = 1;
    while (i < n && s[i] != '*')
        x ^= s[i++];
    if (i + 2 >= n)
        return 0;
    int hi = hex_nibble(s[i + 1]), lo = hex_nibble(s[i + 2]);
    return hi >= 0 && lo >= 0 && (uint8_t)(hi << 4 | lo) == x;
}
