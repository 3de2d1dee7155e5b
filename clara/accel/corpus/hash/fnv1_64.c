/*
 * class: hash
 * variant: FNV-1 64-bit, while loop with a down-counting length.
 * computes: 64-bit FNV-1 of a byte buffer.
 * parameters: offset basis 0xCBF29CE484222325, prime 0x00000100000001B3.
 */
// clara-corpus: class=hash entry=fnv64_1 signature=buf_len_u64 ref=fnv1-64
#include <stddef.h>
#include <stdint.h>

static const uint64_t FNV64_BASIS = 0xCBF29CE484222325ULL;
static const uint64_t FNV64_PRIME = 0x00000100000001B3ULL;

uint64_t fnv64_1(const uint8_t *p, size_t len)
{
    uint64_t st = FNV64_BASIS;
    while (len--) {
        st *= FNV64_PRIME;
        st ^= *p++;
    }
    return st;
}
