/*
 * class: checksum
 * variant: sums native-endian 16-bit words read with memcpy (no alignment assumption) into a
 *          32-bit accumulator, folds twice, complements, and byte-swaps the result once at the
 *          end (the one's complement sum is byte-order independent, RFC 1071 section 2(B)).
 * computes: Internet checksum (complemented), big-endian word value (little-endian host).
 */
// clara-corpus: class=checksum entry=cksum_native signature=buf_len_u16 ref=inet
#include <stddef.h>
#include <stdint.h>
#include <string.h>

uint16_t cksum_native(const uint8_t *buf, size_t len)
{
    uint32_t acc = 0;
    size_t off = 0;

    for (; off + 2 <= len; off += 2) {
        uint16_t w;
        memcpy(&w, buf + off, sizeof w);
        acc += w;
    }
    if (off < len)
        acc += buf[off];          /* low byte of a little-endian word = first byte */
    acc = (acc & 0xffffu) + (acc >> 16);
    acc = (acc & 0xffffu) + (acc >> 16);
    uint16_t res = (uint16_t)~acc;
    return (uint16_t)((res >> 8) | (res << 8));
}
