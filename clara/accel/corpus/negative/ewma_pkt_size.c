/*
 * class:    none (negative example)
 * variant:  fixed-point exponentially weighted moving average of packet sizes (weight
 *           1/8, values scaled by 2^8) plus min/max tracking, as used by adaptive
 *           batching and AQM code.
 * computes: the new EWMA in 1/256 byte units.
 */
// clara-corpus: class=none entry=ewma_update signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

struct size_stats {
    uint32_t avg_fp;   /* average * 256 */
    uint32_t min;
    uint32_t max;
    uint32_t samples;
};

uint32_t ewma_update(struct size_stats *s, uint32_t sample)
{
    uint32_t x = sample << 8;

    if (s->samples == 0) {
        s->avg_fp = x;
        s->min = sample;
        s->max = sample;
    } else {
        /* avg += (x - avg) / 8, done in signed arithmetic */
        int64_t diff = (int64_t)x - (int64_t)s->avg_fp;
        s->avg_fp = (uint32_t)((int64_t)s->avg_fp + diff / 8);
        if (sample < s->min)
            s->min = sample;
        if (sample > s->max)
            s->max = sample;
    }
    s->samples++;
    return s->avg_fp;
}
