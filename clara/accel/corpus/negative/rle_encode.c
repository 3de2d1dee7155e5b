/*
 * class:    none (negative example)
 * variant:  byte run-length encoder producing (count, value) pairs, runs capped at 255,
 *           used for compressing sparse bitmaps in telemetry export.
 * computes: number of bytes written to out (at most 2 * n).
 */
// clara-corpus: class=none entry=rle_pack signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

size_t rle_pack(const uint8_t *in, size_t n, uint8_t *out)
{
    size_t i = 0, o = 0;

    while (i < n) {
        uint8_t v = in[i];
        size_t run = 1;
        while (i + run < n && in[i + run] == v && run < 255)
            run++;
        out[o++] = (uint8_t)run;
        out[o++] = v;
        i += run;
    }
    return o;
}
