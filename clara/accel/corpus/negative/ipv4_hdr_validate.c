/*
 * class:    none (negative example)
 * variant:  IPv4 header sanity checks before forwarding (version 4, IHL >= 5, total length
 *           covers the header and fits the frame, TTL > 1, not a fragment when `no_frag`),
 *           with no checksum computation.
 * computes: 0 if the header is acceptable, else a positive reason code (1..5).
 */
// clara-corpus: class=none entry=ipv4_validate signature=custom
#include <stdint.h>
#include <stddef.h>

int ipv4_validate(const uint8_t *h, size_t frame_len, int no_frag)
{
    if (frame_len < 20 || (h[0] >> 4) != 4)
        return 1;
    unsigned ihl = (h[0] & 0x0f) * 4u;
    if (ihl < 20 || ihl > frame_len)
        return 2;
    unsigned total = (unsigned)h[2] << 8 | h[3];
    if (total < ihl || total > frame_len)
        return 3;
    if (h[8] <= 1)
        return 4;
    if (no_frag && ((h[6] & 0x20) || ((h[6] & 0x1f) << 8 | h[7])))
        return 5;
    return 0;
}
