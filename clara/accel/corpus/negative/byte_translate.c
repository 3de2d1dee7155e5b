/*
 * class:    none (negative example)
 * variant:  byte translation through a 256-entry table (as `tr` or an EBCDIC/ASCII gateway
 *           would do), in place over a payload.
 * computes: buf[i] = tab[buf[i]] for i < n.
 */
// clara-corpus: class=none entry=translate_bytes signature=custom
#include <stdint.h>
#include <stddef.h>

void translate_bytes(uint8_t *buf, size_t n, const uint8_t tab[256])
{
    uint8_t *end = buf + n;
    while (buf < end) {
        *buf = tab[*buf];
        buf++;
    }
}
