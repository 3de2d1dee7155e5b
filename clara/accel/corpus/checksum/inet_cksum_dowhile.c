/*
 * class: checksum
 * variant: RFC 1071 with do-while over a word count computed up front, pointer walking,
 *          explicit big-endian words, odd byte handled before the loop is entered (taken from
 *          the end), one fold per iteration (carry kept in the low bits as it goes).
 * computes: Internet checksum (complemented), big-endian word value.
 */
// clara-corpus: class=checksum entry=pkt_checksum signature=buf_len_u16 ref=inet
#include <stddef.h>
#include <stdint.h>

uint16_t pkt_checksum(const uint8_t *pkt, size_t len)
{
    uint32_t sum = 0;
    size_t words = len >> 1;

    if (len & 1)
        sum = (uint32_t)pkt[len - 1] << 8;
    if (words) {
        const uint8_t *q = pkt;
        do {
            sum += ((uint32_t)q[0] << 8) + q[1];
            sum = (sum & 0xFFFFu) + (sum >> 16);
            q += 2;
        } while (--words);
    }
    sum = (sum & 0xFFFFu) + (sum >> 16);
    return (uint16_t)(sum ^ 0xFFFFu);
}
