/*
 * class:    none (negative example)
 * variant:  payload inspection heuristic for encrypted/compressed traffic detection: builds
 *           a 256-bin byte histogram of the payload and counts distinct byte values and the
 *           most frequent byte's share (a loop over the buffer that is not a checksum).
 * computes: number of distinct byte values in the payload.
 */
// clara-corpus: class=none entry=payload_distinct_bytes signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

static uint32_t last_peak_count;

unsigned payload_distinct_bytes(const uint8_t *payload, size_t n)
{
    uint32_t hist[256];
    unsigned distinct = 0, v;
    size_t i;

    memset(hist, 0, sizeof(hist));
    for (i = 0; i < n; i++)
        hist[payload[i]]++;
    last_peak_count = 0;
    for (v = 0; v < 256; v++) {
        if (hist[v]) {
            distinct++;
            if (hist[v] > last_peak_count)
                last_peak_count = hist[v];
        }
    }
    return distinct;
}
