/*
 * class:    none (negative example)
 * variant:  traffic-generator payload scrambling: the payload is copied from a template into
 *           the frame while being XORed with a fixed 32-byte pattern that is a constant of
 *           this file, starting at pattern offset seq % 32, so that consecutive test frames
 *           differ, long zero runs disappear on the wire, and the receiver can undo it (the
 *           operation is its own inverse) and compare. Head bytes up to an 8-byte pattern
 *           boundary, then 64-bit words against the pattern read as words, then a byte tail.
 *           Unlike negative/ws_xor_unmask.c it copies (src -> dst) and the pattern is not a
 *           per-message key; neither is cryptographic: there is no key and no state.
 * computes: dst[i] = src[i] ^ PATTERN[(seq + i) % 32] for i < len; returns len.
 */
// clara-corpus: class=none entry=payload_scramble_copy signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define PAT_LEN 32

static const uint8_t PATTERN[PAT_LEN] = {
    0xa5, 0x5a, 0xc3, 0x3c, 0x96, 0x69, 0x0f, 0xf0,
    0x55, 0xaa, 0x33, 0xcc, 0x66, 0x99, 0x11, 0xee,
    0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0,
    0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10,
};

size_t payload_scramble_copy(uint8_t *dst, const uint8_t *src, size_t len, uint32_t seq)
{
    unsigned pos = seq % PAT_LEN;
    size_t i = 0;

    while (i < len && (pos & 7)) {
        dst[i] = src[i] ^ PATTERN[pos];
        pos = (pos + 1) % PAT_LEN;
        i++;
    }
    for (; i + 8 <= len; i += 8) {
        uint64_t w, p;
        memcpy(&w, src + i, 8);
        memcpy(&p, PATTERN + pos, 8);
        w ^= p;
        memcpy(dst + i, &w, 8);
        pos = (pos + 8) % PAT_LEN;
    }
    for (; i < len; i++) {
        dst[i] = src[i] ^ PATTERN[pos];
        pos = (pos + 1) % PAT_LEN;
    }
    return len;
}
