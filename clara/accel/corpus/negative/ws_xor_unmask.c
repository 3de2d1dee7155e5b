/*
 * class:    none (negative example)
 * variant:  WebSocket payload unmasking (RFC 6455 5.3): XOR with a 4-byte masking key,
 *           byte head up to the key boundary, word-at-a-time body, byte tail. XOR with a repeating key
 *           is framing, not cryptography (the key is sent in clear).
 * computes: unmasks buf[0..n) in place, starting at key offset `phase`; returns next phase.
 */
// clara-corpus: class=none entry=ws_unmask signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

unsigned ws_unmask(uint8_t *buf, size_t n, const uint8_t mask[4], unsigned phase)
{
    size_t i = 0;
    uint32_t km;

    while (i < n && (phase & 3)) {
        buf[i++] ^= mask[phase & 3];
        phase++;
    }
    phase &= 3;
    memcpy(&km, mask, 4); /* phase is 0 here: key bytes in memory order */
    for (; i + 4 <= n; i += 4) {
        uint32_t w;
        memcpy(&w, buf + i, 4);
        w ^= km;
        memcpy(buf + i, &w, 4);
    }
    for (; i < n; i++) {
        buf[i] ^= mask[phase & 3];
        phase++;
    }
    return phase & 3;
}
