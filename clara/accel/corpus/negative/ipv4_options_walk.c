/*
 * class:    none (negative example)
 * variant:  IPv4 options TLV walker (EOL, NOP, then type/length/value options), bounded by
 *           the IHL; malformed lengths stop the walk.
 * computes: offset (from the IP header start) of the first option of the requested type,
 *           or -1 if absent or malformed.
 */
// clara-corpus: class=none entry=ipv4_find_option signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

int ipv4_find_option(const uint8_t *iph, uint8_t want)
{
    unsigned hlen = (iph[0] & 0x0fu) * 4u;
    unsigned i = 20;

    while (i < hlen) {
        uint8_t type = iph[i];
        uint8_t olen;
        if (type == 0) /* end of option list */
            return -1;
        if (type == 1) { /* no-op */
            i++;
            continue;
        }
        if (i + 1 >= hlen)
            return -1;
        olen = iph[i + 1];
        if (olen < 2 || i + olen > hlen)
            return -1;
        if (type == want)
            return (int)i;
        i += olen;
    }
    return -1;
}
