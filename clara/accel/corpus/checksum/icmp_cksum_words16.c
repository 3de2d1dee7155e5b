/*
 * class: checksum
 * variant: ICMP-style checksum routine: counts down 16-bit words with a `while (nleft > 1)`
 *          loop over a byte pointer, then the odd byte, then `sum = (sum >> 16) + (sum &
 *          0xffff); sum += (sum >> 16)`; big-endian pairs.
 * computes: Internet checksum (complemented), big-endian word value.
 */
// clara-corpus: class=checksum entry=icmp_in_cksum signature=buf_len_u16 ref=inet
#include <stddef.h>
#include <stdint.h>

uint16_t icmp_in_cksum(const uint8_t *w, size_t len)
{
    long nleft = (long)len;
    unsigned long sum = 0;

    while (nleft > 1) {
        sum += (unsigned long)w[0] << 8 | w[1];
        w += 2;
        nleft -= 2;
    }
    if (nleft == 1)
        sum += (unsigned long)w[0] << 8;
    sum = (sum >> 16) + (sum & 0xffff);
    sum += (sum >> 16);
    return (uint16_t)(~sum);
}
