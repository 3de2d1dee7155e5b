/*
 * class: checksum
 * variant: 64-bit words (memcpy, native order) added with an explicit end-around carry
 *          (`s += w; s += (s < w)`), then folded 64 -> 32 -> 16 with carries; the last
 *          1..7 bytes go into a zero-padded word. Result byte-swapped once (little-endian host).
 * computes: Internet checksum (complemented), big-endian word value.
 */
// clara-corpus: class=checksum entry=csum64_addc signature=buf_len_u16 ref=inet helpers=fold64
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static uint16_t fold64(uint64_t s)
{
    uint32_t hi = (uint32_t)(s >> 32), lo = (uint32_t)s;
    uint32_t t = lo + hi;
    t += (t < hi);
    uint32_t u = (t & 0xffffu) + (t >> 16);
    u = (u & 0xffffu) + (u >> 16);
    return (uint16_t)u;
}

uint16_t csum64_addc(const uint8_t *p, size_t n)
{
    uint64_t s = 0, w;

    while (n >= 8) {
        memcpy(&w, p, 8);
        s += w;
        s += (s < w);
        p += 8;
        n -= 8;
    }
    if (n) {
        w = 0;
        memcpy(&w, p, n);
        s += w;
        s += (s < w);
    }
    uint16_t r = (uint16_t)~fold64(s);
    return (uint16_t)(r << 8 | r >> 8);
}
