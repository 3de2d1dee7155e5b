/*
 * class: checksum
 * variant: alignment-aware: when the buffer starts at an odd address the first byte is
 *          summed alone and the rest is summed as native words from the aligned address; the
 *          result is byte-swapped back if the start was odd (the sum is byte-order agnostic).
 *          Native little-endian words, one final swap to big-endian.
 * computes: Internet checksum (complemented), big-endian word value.
 */
// clara-corpus: class=checksum entry=do_csum_aligned signature=buf_len_u16 ref=inet
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static uint16_t swab16(uint16_t v)
{
    return (uint16_t)(v << 8 | v >> 8);
}

uint16_t do_csum_aligned(const uint8_t *buf, size_t len)
{
    uint32_t sum = 0;
    int odd = (int)((uintptr_t)buf & 1);

    if (len == 0)
        return 0xffff;
    if (odd) {
        sum += (uint32_t)buf[0] << 8;  /* first byte lands in the high half of a LE word */
        buf++;
        len--;
    }
    while (len >= 2) {
        uint16_t w;
        memcpy(&w, buf, 2);
        sum += w;
        buf += 2;
        len -= 2;
    }
    if (len)
        sum += buf[0];
    sum = (sum & 0xffff) + (sum >> 16);
    sum = (sum & 0xffff) + (sum >> 16);
    uint16_t le = (uint16_t)sum;
    if (odd)
        le = swab16(le);
    return swab16((uint16_t)~le);
}
