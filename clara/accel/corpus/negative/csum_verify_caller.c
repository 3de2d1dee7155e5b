/*
 * class:    none (negative example)
 * variant:  IPv4 header validation that *calls* an external checksum routine
 *           (inet_csum_fold, declared only): version/IHL/length checks, then a single call
 *           whose result must be zero; drop counters per reason. No checksum loop here.
 * computes: 0 if the header is valid, a positive drop reason otherwise.
 */
// clara-corpus: class=none entry=ipv4_hdr_validate signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

uint16_t inet_csum_fold(const void *buf, size_t len, uint32_t seed); /* provided elsewhere */

enum { DROP_OK, DROP_SHORT, DROP_VERSION, DROP_IHL, DROP_LEN, DROP_CSUM, DROP_NREASONS };
static uint64_t drop_counters[DROP_NREASONS];

int ipv4_hdr_validate(const uint8_t *iph, size_t caplen)
{
    unsigned ihl, tot;
    int why = DROP_OK;

    if (caplen < 20)
        why = DROP_SHORT;
    else if ((iph[0] >> 4) != 4)
        why = DROP_VERSION;
    else if ((ihl = (iph[0] & 15u) * 4u) < 20 || ihl > caplen)
        why = DROP_IHL;
    else if ((tot = (unsigned)(iph[2] << 8 | iph[3])) < ihl)
        why = DROP_LEN;
    else if (inet_csum_fold(iph, ihl, 0) != 0)
        why = DROP_CSUM;
    drop_counters[why]++;
    return why;
}
