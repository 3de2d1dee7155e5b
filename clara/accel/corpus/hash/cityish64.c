/*
 * class: hash
 * variant: a CityHash-like 64-bit hash (this project's own design in the City/Farm family, not
 *          bit-compatible with CityHash): short inputs (<= 16 bytes) are packed into two words
 *          and combined by a Murmur-inspired 128->64 "hash_len16"; longer inputs run 16-byte
 *          chunks through two multiply/rotate/xor lanes, then combine lanes and length.
 * computes: 64-bit hash of a buffer, no seed.
 * parameters: k0 0xc3a5c85c97cb3127, k1 0xb492b66fbe98f273, k2 0x9ae16a3b2f90404f,
 *             kmul 0x9ddfea08eb382d69; shift 47 in hash_len16.
 */
// clara-corpus: class=hash entry=cityish_hash64 signature=buf_len_u64 ref=cityish64 helpers=hash_len16,fetch64,rot64
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static const uint64_t k0 = 0xc3a5c85c97cb3127ULL;
static const uint64_t k1 = 0xb492b66fbe98f273ULL;
static const uint64_t k2 = 0x9ae16a3b2f90404fULL;
static const uint64_t kmul = 0x9ddfea08eb382d69ULL;

static uint64_t fetch64(const uint8_t *p)
{
    uint64_t r;
    memcpy(&r, p, sizeof r);
    return r;
}

static uint64_t rot64(uint64_t v, int s)
{
    return s == 0 ? v : (v >> s) | (v << (64 - s));
}

static uint64_t hash_len16(uint64_t u, uint64_t v)
{
    uint64_t a = (u ^ v) * kmul;
    a ^= a >> 47;
    uint64_t b = (v ^ a) * kmul;
    b ^= b >> 47;
    b *= kmul;
    return b;
}

uint64_t cityish_hash64(const uint8_t *s, size_t len)
{
    if (len <= 16) {
        uint8_t pad[16] = {0};
        memcpy(pad, s, len);
        uint64_t a = fetch64(pad) + k2;
        uint64_t b = fetch64(pad + 8);
        return hash_len16(rot64(b + len, 37) * k1 + a, rot64(a, 25) + b) ^ (uint64_t)len;
    }
    uint64_t x = fetch64(s + len - 16) ^ k1;
    uint64_t y = fetch64(s + len - 8) * k0;
    uint64_t z = (uint64_t)len * k2;
    size_t off = 0;
    while (off + 16 <= len) {
        uint64_t w0 = fetch64(s + off), w1 = fetch64(s + off + 8);
        x = rot64(x + w0, 33) * k1;
        y = rot64(y ^ w1, 29) * k0 + x;
        z ^= hash_len16(w0, w1);
        z = rot64(z, 21) + y;
        off += 16;
    }
    return hash_len16(hash_len16(x, y) + z, y ^ rot64(z, 13));
}
