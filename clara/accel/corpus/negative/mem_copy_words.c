/*
 * class:    none (negative example)
 * variant:  memcpy-like packet copy: byte head until the destination is 8-byte aligned,
 *           64-bit word body via memcpy of words (unaligned-safe), byte tail.
 * computes: copies n bytes from src to dst; returns dst.
 */
// clara-corpus: class=none entry=pkt_copy signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

void *pkt_copy(void *dst, const void *src, size_t n)
{
    uint8_t *d = (uint8_t *)dst;
    const uint8_t *s = (const uint8_t *)src;

    while (n && ((uintptr_t)d & 7)) {
        *d++ = *s++;
        n--;
    }
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        memcpy(d, &w, 8);
        d += 8;
        s += 8;
        n -= 8;
    }
    while (n--)
        *d++ = *s++;
    return dst;
}
