/*
 * class:    none (negative example)
 * variant:  rolling-key XOR unmasking with an 8-byte key over a stream that arrives in pieces:
 *           the key is first rolled to the stream position (a 16-byte doubled copy, 8 bytes
 *           taken from offset pos % 8), then the body is xored a 64-bit word at a time with
 *           the rolled key and the tail byte by byte. (The WebSocket file aligns a byte head
 *           to a 4-byte key boundary instead.) XOR with a repeating, known key is framing or
 *           obfuscation, not a cipher.
 * computes: buf[i] ^= key[(pos + i) % 8] for i in [0, n), in place; returns pos + n.
 */
// clara-corpus: class=none entry=xor_unmask8 signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

uint64_t xor_unmask8(uint8_t *buf, size_t n, const uint8_t key[8], uint64_t pos)
{
    uint8_t twice[16], rolled[8];
    uint64_t kw;
    size_t i = 0;

    memcpy(twice, key, 8);
    memcpy(twice + 8, key, 8);
    memcpy(rolled, twice + (pos & 7u), 8);
    memcpy(&kw, rolled, 8);

    for (; n - i >= 8; i += 8) {
        uint64_t w;
        memcpy(&w, buf + i, 8);
        w ^= kw;
        memcpy(buf + i, &w, 8);
    }
    for (; i < n; i++)
        buf[i] ^= rolled[i & 7u];
    return pos + n;
}
