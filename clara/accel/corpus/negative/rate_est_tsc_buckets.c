/*
 * class:    none (negative example)
 * variant:  per-port rate estimator over a sliding window of eight ~1 ms buckets: TSC cycle
 *           deltas converted to nanoseconds by a clocksource-style multiply-and-shift
 *           (mult = 10^9 << 24 / tsc_hz), stale buckets cleared when time moves on, bytes
 *           to bits per second by a Q16 constant, division by the filled bucket count
 *           through a 16-bit reciprocal.
 * computes: the estimated rate in bits per second after accounting the packet.
 */
// clara-corpus: class=none entry=rate_on_packet signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define RE_BUCKETS        8u            /* power of two */
#define RE_BUCKET_SHIFT  20             /* bucket width 2^20 ns */
#define RE_MULT_SHIFT    24
#define RE_MAX_DELTA     0xffffffffull  /* cycles converted per call at most */
#define RE_NS_PER_BUCKET_RECIP_Q16 62500000ull   /* 1e9 / 2^20 in Q16 */

struct rate_est {
    uint64_t last_tsc;
    uint64_t now_ns;
    uint32_t mult;            /* ns = cycles * mult >> RE_MULT_SHIFT */
    uint32_t cur_bucket;      /* absolute number of the newest bucket */
    uint32_t filled;          /* buckets in the window so far, 1..RE_BUCKETS */
    uint32_t pad;
    uint64_t bytes[RE_BUCKETS];
};

void rate_est_init(struct rate_est *re, uint64_t tsc_hz, uint64_t tsc_now)
{
    memset(re, 0, sizeof(*re));
    re->mult = (uint32_t)((1000000000ull << RE_MULT_SHIFT) / tsc_hz);
    re->last_tsc = tsc_now;
    re->filled = 1;
}

static inline uint64_t re_cyc_to_ns(uint64_t cyc, uint32_t mult)
{
    if (cyc > RE_MAX_DELTA)
        cyc = RE_MAX_DELTA;
    return (cyc * mult) >> RE_MULT_SHIFT;
}

static inline void re_advance(struct rate_est *re, uint32_t bucket)
{
    uint32_t gap = bucket - re->cur_bucket;
    if (gap > RE_BUCKETS)
        gap = RE_BUCKETS;
    for (uint32_t i = 1; i <= gap; i++)
        re->bytes[(re->cur_bucket + i) & (RE_BUCKETS - 1u)] = 0;
    re->cur_bucket = bucket;
    re->filled = re->filled + gap > RE_BUCKETS ? RE_BUCKETS : re->filled + gap;
}

static inline uint64_t re_window_sum(const struct rate_est *re)
{
    uint64_t s = 0;
    for (uint32_t i = 0; i < RE_BUCKETS; i++)
        s += re->bytes[i];
    return s;
}

static inline uint64_t re_div_small(uint64_t x, uint32_t n)
{
    return (x * (65536u / n)) >> 16;
}

static inline uint64_t re_bits_per_sec(uint64_t bytes, uint32_t nbuckets)
{
    uint64_t per_bucket_bps = ((bytes << 3) * RE_NS_PER_BUCKET_RECIP_Q16) >> 16;
    return re_div_small(per_bucket_bps, nbuckets);
}

uint64_t rate_on_packet(struct rate_est *re, uint64_t tsc, uint32_t len)
{
    re->now_ns += re_cyc_to_ns(tsc - re->last_tsc, re->mult);
    re->last_tsc = tsc;

    uint32_t bucket = (uint32_t)(re->now_ns >> RE_BUCKET_SHIFT);
    if (bucket != re->cur_bucket)
        re_advance(re, bucket);
    re->bytes[bucket & (RE_BUCKETS - 1u)] += len;
    return re_bits_per_sec(re_window_sum(re), re->filled);
}
