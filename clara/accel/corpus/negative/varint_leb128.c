/*
 * class:    none (negative example)
 * variant:  unsigned LEB128 / protobuf varint encode and decode (7 bits per byte,
 *           continuation bit 0x80), used by a telemetry serializer.
 * computes: uvarint_encode returns the number of bytes written (1..10).
 */
// clara-corpus: class=none entry=uvarint_encode signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

size_t uvarint_encode(uint8_t *out, uint64_t v)
{
    size_t n = 0;
    while (v >= 0x80) {
        out[n++] = (uint8_t)(v | 0x80);
        v >>= 7;
    }
    out[n++] = (uint8_t)v;
    return n;
}

int uvarint_decode(const uint8_t *in, size_t len, uint64_t *v)
{
    uint64_t r = 0;
    unsigned shift = 0;
    size_t i;
    for (i = 0; i < len && i < 10; i++) {
        r |= (uint64_t)(in[i] & 0x7f) << shift;
        if (!(in[i] & 0x80)) {
            *v = r;
            return (int)(i + 1);
        }
        shift += 7;
    }
    return -1;
}
