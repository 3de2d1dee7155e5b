/*
 * class:    none (negative example)
 * variant:  Gray-code encode (v ^ v >> 1) and decode (prefix xor by doubling shifts, a fixed
 *           5-step loop) over an array of rotary/sequence counters.
 * computes: gray_roundtrip writes gray(v[i]) to enc[i] and decodes it back into dec[i].
 */
// clara-corpus: class=none entry=gray_roundtrip signature=custom
#include <stdint.h>
#include <stddef.h>

static uint32_t gray_decode(uint32_t g)
{
    for (uint32_t s = 1; s < 32; s <<= 1)
        g ^= g >> s;
    return g;
}

void gray_roundtrip(const uint32_t *v, uint32_t *enc, uint32_t *dec, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        enc[i] = v[i] ^ (v[i] >> 1);
        dec[i] = gray_decode(enc[i]);
    }
}
