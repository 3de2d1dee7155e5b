/*
 * class:    none (negative example)
 * variant:  L2 tag walker: skips any number of 802.1Q / 802.1ad VLAN tags, then, for MPLS
 *           unicast, the label stack up to the bottom-of-stack bit; records the outer VLAN id
 *           and the number of tags/labels seen.
 * computes: offset of the first byte after the L2 encapsulation (or 0 on truncation);
 *           *inner_type receives the final ethertype (0 after an MPLS stack).
 */
// clara-corpus: class=none entry=l2_skip_encap signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define ET_VLAN 0x8100
#define ET_QINQ 0x88a8
#define ET_MPLS 0x8847

size_t l2_skip_encap(const uint8_t *f, size_t len, uint16_t *inner_type, unsigned *ntags,
                     uint16_t *outer_vid)
{
    size_t off = 12;
    uint16_t et;

    *ntags = 0;
    *outer_vid = 0;
    if (len < 14)
        return 0;
    et = (uint16_t)(f[off] << 8 | f[off + 1]);
    while (et == ET_VLAN || et == ET_QINQ) {
        if (off + 6 > len)
            return 0;
        if (*ntags == 0)
            *outer_vid = (uint16_t)(((f[off + 2] << 8) | f[off + 3]) & 0x0fff);
        (*ntags)++;
        off += 4;
        et = (uint16_t)(f[off] << 8 | f[off + 1]);
    }
    off += 2;
    if (et == ET_MPLS) {
        for (;;) {
            if (off + 4 > len)
                return 0;
            (*ntags)++;
            if (f[off + 2] & 0x01) { /* bottom of stack */
                off += 4;
                break;
            }
            off += 4;
        }
        et = 0;
    }
    *inner_type = et;
    return off;
}
