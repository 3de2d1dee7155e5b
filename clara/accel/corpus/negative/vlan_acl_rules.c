/*
 * class:    none (negative example)
 * variant:  per-VLAN ingress ACL with a fixed rule table (VLAN id under a mask, source prefix
 *           under a mask, action), scanned in order by a counted loop; first match decides.
 * computes: the action of the first rule matching (vlan, src), or the default 0.
 */
// clara-corpus: class=none entry=vlan_acl_action signature=custom
#include <stdint.h>
#include <stddef.h>

#define VLAN_RULES 6

static const struct {
    uint16_t vid, vid_mask;
    uint32_t src, src_mask;
    uint8_t action;
} vrules[VLAN_RULES] = {
    {100, 0xFFF, 0x0A000000u, 0xFF000000u, 1}, {100, 0xFFF, 0x00000000u, 0x00000000u, 2},
    {192, 0xFF0, 0xC0A80000u, 0xFFFF0000u, 3}, {0, 0x000, 0xE0000000u, 0xF0000000u, 4},
    {300, 0xFFF, 0x0A0A0000u, 0xFFFF0000u, 5}, {0, 0x000, 0x7F000000u, 0xFF000000u, 6},
};

int vlan_acl_action(uint16_t vid, uint32_t src)
{
    for (int r = 0; r < VLAN_RULES; r++) {
        if ((vid & vrules[r].vid_mask) == vrules[r].vid &&
            (src & vrules[r].src_mask) == vrules[r].src)
            return vrules[r].action;
    }
    return 0;
}
