/*
 * class: checksum
 * variant: RFC 1071 with two pointers (cursor and end) instead of an index, a 32-bit sum of
 *          big-endian byte pairs and one fold loop at the end; odd tail padded with zero.
 * computes: Internet checksum (complemented), big-endian word value.
 */
// clara-corpus: class=checksum entry=ip_sum_span signature=buf_len_u16 ref=inet
#include <stddef.h>
#include <stdint.h>

uint16_t ip_sum_span(const uint8_t *data, size_t size)
{
    const uint8_t *cur = data;
    const uint8_t *end = data + (size & ~(size_t)1);
    uint32_t total = 0;

    while (cur < end) {
        total += (uint32_t)cur[0] << 8 | cur[1];
        cur += 2;
    }
    if (size & 1)
        total += (uint32_t)data[size - 1] << 8;
    while (total > 0xffff)
        total = (total >> 16) + (total & 0xffff);
    return (uint16_t)(~total & 0xffff);
}
