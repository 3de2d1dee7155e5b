/*
 * class:    none (negative example)
 * variant:  RFC 4648 base32 encoder (alphabet A-Z 2-7, '=' padding to a multiple of 8
 *           characters) for printing keys and tokens in logs, written as a bit reservoir:
 *           each byte is shifted into an accumulator and 5-bit groups are peeled off the top
 *           and looked up in the 32-character alphabet table.
 * computes: writes the base32 text of src[0..n) plus NUL into out; returns its length
 *           (8 * ceil(n / 5)).
 */
// clara-corpus: class=none entry=base32_encode signature=custom
#include <stdint.h>
#include <stddef.h>

static const char b32_alphabet[33] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

size_t base32_encode(const uint8_t *src, size_t n, char *out)
{
    uint32_t acc = 0;
    unsigned nbits = 0;
    size_t o = 0;

    for (size_t i = 0; i < n; i++) {
        acc = (acc << 8) | src[i];
        nbits += 8;
        while (nbits >= 5) {
            nbits -= 5;
            out[o++] = b32_alphabet[(acc >> nbits) & 0x1fu];
        }
        acc &= (1u << nbits) - 1u;
    }
    if (nbits)
        out[o++] = b32_alphabet[(acc << (5 - nbits)) & 0x1fu];
    while (o % 8)
        out[o++] = '=';
    out[o] = '\0';
    return o;
}
