/*
 * class:    none (negative example)
 * variant:  DSCP re-marking of a batch of IPv4 headers through a 64-entry map (the new DSCP
 *           is looked up by the old one, ECN bits kept), no checksum update (done elsewhere).
 * computes: rewrites the TOS byte of each 20-byte header in hdrs[0..n).
 */
// clara-corpus: class=none entry=dscp_remap_batch signature=custom
#include <stdint.h>
#include <stddef.h>

void dscp_remap_batch(uint8_t *hdrs, size_t n, const uint8_t map[64])
{
    for (size_t i = 0; i < n; i++) {
        uint8_t *tos = &hdrs[20 * i + 1];
        *tos = (uint8_t)(map[*tos >> 2] << 2 | (*tos & 3));
    }
}
