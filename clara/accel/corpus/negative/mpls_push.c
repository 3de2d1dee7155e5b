/*
 * class:    none (negative example)
 * variant:  MPLS label-stack push: builds 32-bit label entries (label << 12 | tc << 9 | s << 8
 *           | ttl), bottom-of-stack bit on the last, written big-endian in front of a payload.
 * computes: writes the stack of `count` labels to out; returns the bytes written.
 */
// clara-corpus: class=none entry=mpls_push_stack signature=custom
#include <stdint.h>
#include <stddef.h>

size_t mpls_push_stack(const uint32_t *labels, size_t count, uint8_t tc, uint8_t ttl,
                       uint8_t *out)
{
    for (size_t i = 0; i < count; i++) {
        uint32_t e = (labels[i] & 0xFFFFFu) << 12 | (uint32_t)(tc & 7) << 9 |
                     (uint32_t)(i + 1 == count) << 8 | ttl;
        out[4 * i] = (uint8_t)(e >> 24);
        out[4 * i + 1] = (uint8_t)(e >> 16);
        out[4 * i + 2] = (uint8_t)(e >> 8);
        out[4 * i + 3] = (uint8_t)e;
    }
    return 4 * count;
}
