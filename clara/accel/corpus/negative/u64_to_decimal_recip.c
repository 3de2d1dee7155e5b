/*
 * class:    none (negative example)
 * variant:  64-bit unsigned to decimal text for counters in a stats dump: division by 100 is a
 *           multiply by the reciprocal 0x28F5C28F5C28F5C3 (= ceil(2^68 / 100)) taking the high
 *           64 bits of the product (built from four 32x32 partial products, so it also works
 *           on 32-bit targets) of v >> 2, then >> 2; two digits at a time come from a
 *           "00".."99" pair table, written backwards and copied out.
 * computes: writes the decimal digits of v to out (no terminator); returns their count (1..20).
 */
// clara-corpus: class=none entry=u64_to_dec signature=custom
#include <stdint.h>
#include <stddef.h>

static const char dec_pairs[201] =
    "0001020304050607080910111213141516171819"
    "2021222324252627282930313233343536373839"
    "4041424344454647484950515253545556575859"
    "6061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

static uint64_t mulhi_u64(uint64_t a, uint64_t b)
{
    uint64_t al = (uint32_t)a, ah = a >> 32;
    uint64_t bl = (uint32_t)b, bh = b >> 32;
    uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
    return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

static uint64_t div100(uint64_t v)
{
    return mulhi_u64(v >> 2, 0x28F5C28F5C28F5C3ull) >> 2;
}

size_t u64_to_dec(uint64_t v, char *out)
{
    char tmp[20];
    char *p = tmp + sizeof tmp;
    size_t n;

    while (v >= 100) {
        uint64_t q = div100(v);
        unsigned r = (unsigned)(v - q * 100);
        *--p = dec_pairs[2 * r + 1];
        *--p = dec_pairs[2 * r];
        v = q;
    }
    if (v >= 10) {
        *--p = dec_pairs[2 * v + 1];
        *--p = dec_pairs[2 * v];
    } else {
        *--p = (char)('0' + v);
    }
    n = (size_t)(tmp + sizeof tmp - p);
    for (size_t i = 0; i < n; i++)
        out[i] = p[i];
    return n;
}
