/*
 * class:    none (negative example)
 * variant:  log2-bucketed latency histogram (HDR-lite): bucket = index of the highest set
 *           bit found by a shift loop, clamped to the last bucket; also a percentile walk.
 * computes: records one sample; returns the bucket index used.
 */
// clara-corpus: class=none entry=lat_hist_record signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define LAT_BUCKETS 24

unsigned lat_hist_record(uint64_t *bins, uint32_t usec)
{
    unsigned b = 0;
    while (usec > 1 && b < LAT_BUCKETS - 1) {
        usec >>= 1;
        b++;
    }
    bins[b]++;
    return b;
}

unsigned lat_hist_percentile(const uint64_t *bins, unsigned pct)
{
    uint64_t total = 0, seen = 0;
    unsigned b;
    for (b = 0; b < LAT_BUCKETS; b++)
        total += bins[b];
    for (b = 0; b < LAT_BUCKETS; b++) {
        seen += bins[b];
        if (seen * 100 >= total * pct)
            return b;
    }
    return LAT_BUCKETS - 1;
}
