/*
 * class:    none (negative example)
 * variant:  percent-decoding of an HTTP request path (%XX -> byte, '+' kept as is), with a
 *           hex-digit helper; invalid escapes are copied literally.
 * computes: writes the decoded bytes of in[0..n) to out; returns the decoded length.
 */
// clara-corpus: class=none entry=percent_decode signature=custom
#include <stdint.h>
#include <stddef.h>

static int hexval(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

size_t percent_decode(const uint8_t *in, size_t n, uint8_t *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        int hi, lo;
        if (in[i] == '%' && i + 2 < n && (hi = hexval(in[i + 1])) >= 0 &&
            (lo = hexval(in[i + 2])) >= 0) {
            out[o++] = (uint8_t)(hi << 4 | lo);
            i += 2;
        } else {
            out[o++] = in[i];
        }
    }
    return o;
}
