/*
 * class:    none (negative example)
 * variant:  sliding-window throughput meter: 10 buckets of 100 ms each in a ring; adding a
 *           packet expires stale buckets and sums the live ones (a sum of lengths over time,
 *           not over packet bytes).
 * computes: bytes seen in the last second, including this packet.
 */
// clara-corpus: class=none entry=meter_add_bytes signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define METER_BUCKETS 10
#define METER_BUCKET_MS 100

static uint64_t meter_bucket[METER_BUCKETS];
static uint32_t meter_epoch[METER_BUCKETS];

void meter_reset(void)
{
    memset(meter_bucket, 0, sizeof(meter_bucket));
    memset(meter_epoch, 0xff, sizeof(meter_epoch));
}

uint64_t meter_add_bytes(uint32_t now_ms, uint32_t bytes)
{
    uint32_t epoch = now_ms / METER_BUCKET_MS;
    unsigned slot = epoch % METER_BUCKETS, i;
    uint64_t total = 0;

    if (meter_epoch[slot] != epoch) {
        meter_epoch[slot] = epoch;
        meter_bucket[slot] = 0;
    }
    meter_bucket[slot] += bytes;
    for (i = 0; i < METER_BUCKETS; i++) {
        if (meter_epoch[i] != 0xffffffffu && epoch - meter_epoch[i] < METER_BUCKETS)
            total += meter_bucket[i];
    }
    return total;
}
