/*
 * class:    none (negative example)
 * variant:  multi-limb (32-bit limbs, least significant first) addition and schoolbook
 *           multiplication used to keep long-running traffic statistics exact: a 128-bit byte
 *           total, a 128-bit sum of squared packet lengths (for the variance) and a 192-bit
 *           sum of length * inter-arrival gap (byte-nanoseconds, for a time-weighted mean).
 *           The limb loops, carries and 32x32->64 products look like big-number crypto
 *           (Poly1305 / RSA arithmetic), but nothing is reduced modulo anything and there is
 *           no key: it is counter arithmetic.
 * computes: for each packet k < n: packets += 1, bytes += len[k], sumsq += len[k]^2,
 *           weighted += len[k] * gap_ns[k]; all exact (no wrap within the limb widths).
 */
// clara-corpus: class=none entry=stats_accumulate signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct wide_stats {
    uint64_t packets;
    uint32_t bytes[4];      /* 128-bit */
    uint32_t sumsq[4];      /* 128-bit */
    uint32_t weighted[6];   /* 192-bit */
};

/* acc[0..nacc) += v[0..nv), nv <= nacc; returns the carry out of the top limb */
static uint32_t mp_add(uint32_t *acc, size_t nacc, const uint32_t *v, size_t nv)
{
    uint64_t carry = 0;
    size_t i;

    for (i = 0; i < nv; i++) {
        uint64_t s = (uint64_t)acc[i] + v[i] + carry;
        acc[i] = (uint32_t)s;
        carry = s >> 32;
    }
    for (; i < nacc && carry; i++) {
        uint64_t s = (uint64_t)acc[i] + carry;
        acc[i] = (uint32_t)s;
        carry = s >> 32;
    }
    return (uint32_t)carry;
}

/* out[0..na+nb) = a * b, schoolbook */
static void mp_mul(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, uint32_t *out)
{
    memset(out, 0, (na + nb) * sizeof(uint32_t));
    for (size_t i = 0; i < na; i++) {
        uint64_t carry = 0;
        for (size_t j = 0; j < nb; j++) {
            uint64_t t = (uint64_t)a[i] * b[j] + out[i + j] + carry;
            out[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
        out[i + nb] = (uint32_t)carry;
    }
}

void stats_accumulate(struct wide_stats *st, const uint32_t *len, const uint64_t *gap_ns,
                      size_t n)
{
    for (size_t k = 0; k < n; k++) {
        uint32_t l[1] = {len[k]};
        uint32_t g[2] = {(uint32_t)gap_ns[k], (uint32_t)(gap_ns[k] >> 32)};
        uint32_t sq[2], lg[3];

        st->packets++;
        mp_add(st->bytes, 4, l, 1);
        mp_mul(l, 1, l, 1, sq);
        mp_add(st->sumsq, 4, sq, 2);
        mp_mul(l, 1, g, 2, lg);
        mp_add(st->weighted, 6, lg, 3);
    }
}
