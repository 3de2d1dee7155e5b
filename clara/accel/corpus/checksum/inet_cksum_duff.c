/*
 * class: checksum
 * variant: Duff's device: the byte-pair loop unrolled eight times by a switch that jumps into
 *          the middle of a do/while; 32-bit accumulator, fold at the end.
 * computes: Internet checksum (complemented), big-endian word value.
 */
// clara-corpus: class=checksum entry=cksum_duff signature=buf_len_u16 ref=inet
#include <stddef.h>
#include <stdint.h>

#define PAIR(q) ((uint32_t)(q)[0] << 8 | (uint32_t)(q)[1])

uint16_t cksum_duff(const uint8_t *q, size_t len)
{
    uint32_t sum = 0;
    size_t pairs = len / 2;

    if (pairs) {
        size_t rounds = (pairs + 7) / 8;
        switch (pairs % 8) {
        case 0: do { sum += PAIR(q); q += 2; /* fall through */
        case 7:      sum += PAIR(q); q += 2; /* fall through */
        case 6:      sum += PAIR(q); q += 2; /* fall through */
        case 5:      sum += PAIR(q); q += 2; /* fall through */
        case 4:      sum += PAIR(q); q += 2; /* fall through */
        case 3:      sum += PAIR(q); q += 2; /* fall through */
        case 2:      sum += PAIR(q); q += 2; /* fall through */
        case 1:      sum += PAIR(q); q += 2;
                } while (--rounds > 0);
        }
    }
    if (len & 1)
        sum += (uint32_t)q[0] << 8;
    sum = (sum >> 16) + (sum & 0xffff);
    sum += sum >> 16;
    return (uint16_t)~sum;
}
