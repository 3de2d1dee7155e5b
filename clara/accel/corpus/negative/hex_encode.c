/*
 * class:    none (negative example)
 * variant:  lowercase hex encoder for packet dumps: a 16-character digit table indexed by
 *           the high and low nibble of each byte.
 * computes: writes 2*n hex digits plus NUL into out; returns 2*n.
 */
// clara-corpus: class=none entry=hex_encode signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

static const char hexdig[16] = {'0', '1', '2', '3', '4', '5', '6', '7',
                                 '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

size_t hex_encode(const uint8_t *p, size_t n, char *out)
{
    size_t i;
    for (i = 0; i < n; i++) {
        out[2 * i] = hexdig[p[i] >> 4];
        out[2 * i + 1] = hexdig[p[i] & 0x0f];
    }
    out[2 * n] = '\0';
    return 2 * n;
}
