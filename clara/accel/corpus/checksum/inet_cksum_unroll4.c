/*
 * class: checksum
 * variant: RFC 1071 over native 16-bit words read through a uint16_t pointer after a memcpy
 *          into an aligned scratch, unrolled by 4 (8 bytes per iteration), remaining words in a
 *          second loop, odd byte, 2 folds, ntohs-style swap (little-endian host).
 * computes: Internet checksum (complemented), big-endian word value.
 */
// clara-corpus: class=checksum entry=ip_fast_csum4 signature=buf_len_u16 ref=inet
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint16_t bswap16_(uint16_t x)
{
    return (uint16_t)((x >> 8) | (x << 8));
}

uint16_t ip_fast_csum4(const uint8_t *buf, size_t len)
{
    uint32_t total = 0;
    uint16_t w[4];

    while (len >= 8) {
        memcpy(w, buf, 8);
        total += w[0];
        total += w[1];
        total += w[2];
        total += w[3];
        buf += 8;
        len -= 8;
    }
    while (len >= 2) {
        memcpy(w, buf, 2);
        total += w[0];
        buf += 2;
        len -= 2;
    }
    if (len == 1) {
        uint8_t last[2] = {buf[0], 0};
        memcpy(w, last, 2);
        total += w[0];
    }
    total = (total & 0xFFFF) + (total >> 16);
    total = (total & 0xFFFF) + (total >> 16);
    return bswap16_((uint16_t)~total);
}
