/*
 * class:    none (negative example)
 * variant:  base64 encoder (RFC 4648 alphabet, '=' padding): 3 bytes -> 24-bit group -> four
 *           6-bit table lookups; used when exporting records as JSON.
 * computes: number of characters written to out (NUL-terminated).
 */
// clara-corpus: class=none entry=b64_encode signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

static const char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

size_t b64_encode(const uint8_t *in, size_t n, char *out)
{
    size_t i, o = 0;

    for (i = 0; i + 2 < n; i += 3) {
        uint32_t g = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
        out[o++] = b64_alphabet[(g >> 18) & 63];
        out[o++] = b64_alphabet[(g >> 12) & 63];
        out[o++] = b64_alphabet[(g >> 6) & 63];
        out[o++] = b64_alphabet[g & 63];
    }
    if (n - i == 1) {
        uint32_t g = (uint32_t)in[i] << 16;
        out[o++] = b64_alphabet[(g >> 18) & 63];
        out[o++] = b64_alphabet[(g >> 12) & 63];
        out[o++] = '=';
        out[o++] = '=';
    } else if (n - i == 2) {
        uint32_t g = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8;
        out[o++] = b64_alphabet[(g >> 18) & 63];
        out[o++] = b64_alphabet[(g >> 12) & 63];
        out[o++] = b64_alphabet[(g >> 6) & 63];
        out[o++] = '=';
    }
    out[o] = '\0';
    return o;
}
