/*
 * class: hash
 * variant: FxHash-style word hash (as in compiler hash maps): per 8-byte, then 4-byte, then
 *          1-byte chunk, h = (rotl(h, 5) ^ chunk) * K with K = 0x517cc1b727220a95.
 * computes: 64-bit hash of a byte buffer (initial value 0), little-endian chunks.
 */
// clara-corpus: class=hash entry=fx_hash signature=buf_len_u64 ref=fx64 helpers=fx_add
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint64_t fx_add(uint64_t h, uint64_t word)
{
    return (((h << 5) | (h >> 59)) ^ word) * 0x517cc1b727220a95ull;
}

uint64_t fx_hash(const uint8_t *p, size_t n)
{
    uint64_t h = 0;
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = fx_add(h, w);
        p += 8;
        n -= 8;
    }
    if (n >= 4) {
        uint32_t w;
        memcpy(&w, p, 4);
        h = fx_add(h, w);
        p += 4;
        n -= 4;
    }
    while (n--)
        h = fx_add(h, *p++);
    return h;
}
