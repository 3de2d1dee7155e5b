/*
 * class: hash
 * variant: wyhash/mum-style multiply-fold hash without a 128-bit integer type: the 64x64->128
 *          bit product is assembled from four 32x32->64 partial products (with the carries of
 *          the middle column), and its high and low halves are xored (the portable form of
 *          the "mum" primitive). Words are read little-endian byte by byte through a moving
 *          pointer; the 1..7 byte tail is zero-padded. The other mum file uses
 *          unsigned __int128 and memcpy loads.
 * computes: 64-bit hash of p[0..len) with a 64-bit seed:
 *           h = seed ^ P0; h = mum(h ^ w, P1) per word (and the tail); result mum(h ^ len, P0);
 *           P0 = 0xa0761d6478bd642f, P1 = 0xe7037ed1a0b428db.
 */
// clara-corpus: class=hash entry=mum64_portable signature=buf_len_seed_u64 ref=mum64 helpers=mum_fold
#include <stddef.h>
#include <stdint.h>

#define LO32(x) ((x) & 0xffffffffull)

static uint64_t mum_fold(uint64_t a, uint64_t b)
{
    uint64_t a_lo = LO32(a), a_hi = a >> 32, b_lo = LO32(b), b_hi = b >> 32;
    uint64_t p_ll = a_lo * b_lo, p_lh = a_lo * b_hi, p_hl = a_hi * b_lo, p_hh = a_hi * b_hi;
    uint64_t mid = (p_ll >> 32) + LO32(p_lh) + LO32(p_hl);
    uint64_t lo = LO32(p_ll) | (mid << 32);
    uint64_t hi = p_hh + (p_lh >> 32) + (p_hl >> 32) + (mid >> 32);
    return lo ^ hi;
}

uint64_t mum64_portable(const uint8_t *p, size_t len, uint64_t seed)
{
    const uint64_t P0 = 0xa0761d6478bd642full, P1 = 0xe7037ed1a0b428dbull;
    const uint8_t *end = p + len;
    uint64_t h = seed ^ P0;

    while (end - p >= 8) {
        uint64_t w = 0;
        for (int k = 7; k >= 0; k--)
            w = (w << 8) | p[k];
        h = mum_fold(h ^ w, P1);
        p += 8;
    }
    if (p < end) {
        uint64_t w = 0;
        unsigned sh = 0;
        while (p < end) {
            w |= (uint64_t)*p++ << sh;
            sh += 8;
        }
        h = mum_fold(h ^ w, P1);
    }
    return mum_fold(h ^ (uint64_t)len, P0);
}
