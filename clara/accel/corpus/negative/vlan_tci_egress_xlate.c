/*
 * class:    none (negative example)
 * variant:  switch egress VLAN handling with TCI accessor macros (PCP 3 bits, DEI 1, VID 12):
 *           a tagged frame's VID is translated through the port's 4096-entry map (indexed by
 *           the VID itself), its PCP remapped through an 8-entry table and DEI optionally
 *           cleared; the native VLAN leaves untagged (tag popped by moving the MAC addresses);
 *           an untagged frame on a port that sends the native VLAN tagged gets a tag pushed.
 *           Priority-tagged frames (VID 0) belong to the native VLAN.
 * computes: the new frame length, or -1 runt / short tagged frame, -2 VLAN not allowed on the
 *           port (map entry 0), -3 no room to push a tag (len + 4 > cap).
 */
// clara-corpus: class=none entry=vlan_egress_xlate signature=custom
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define ETH_HLEN 14
#define VLAN_HLEN 4
#define ETH_P_8021Q 0x8100u

#define TCI_PCP(t) (((unsigned)(t) >> 13) & 0x7u)
#define TCI_DEI(t) (((unsigned)(t) >> 12) & 0x1u)
#define TCI_VID(t) ((unsigned)(t) & 0x0fffu)
#define TCI_MAKE(pcp, dei, vid) \
    ((uint16_t)(((pcp) & 0x7u) << 13 | ((dei) & 0x1u) << 12 | ((vid) & 0x0fffu)))

struct vlan_port {
    uint16_t vid_map[4096]; /* egress VID per internal VID, 0 = not allowed */
    uint8_t pcp_map[8];
    uint16_t native_vid;
    uint8_t untag_native;
    uint8_t clear_dei;
    uint8_t default_pcp;
    uint8_t pad[3];
    uint32_t pushed;
    uint32_t popped;
};

static inline uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

static inline void wr16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)(v & 0xff);
}

static inline void tag_push(uint8_t *frame, size_t len, uint16_t tci)
{
    memmove(frame + 12 + VLAN_HLEN, frame + 12, len - 12);
    wr16(frame + 12, ETH_P_8021Q);
    wr16(frame + 14, tci);
}

static inline void tag_pop(uint8_t *frame, size_t len)
{
    /* move the MAC addresses forward over the tag, then slide to the buffer start */
    memmove(frame + VLAN_HLEN, frame, 12);
    memmove(frame, frame + VLAN_HLEN, len - VLAN_HLEN);
}

long vlan_egress_xlate(uint8_t *frame, size_t len, size_t cap, struct vlan_port *port)
{
    uint16_t tci;
    unsigned vid, out_vid, pcp, dei;

    if (len < ETH_HLEN)
        return -1;
    if (rd16(frame + 12) != ETH_P_8021Q) {
        if (port->untag_native)
            return (long)len;
        if (len + VLAN_HLEN > cap)
            return -3;
        tag_push(frame, len, TCI_MAKE(port->default_pcp, 0u, port->native_vid));
        port->pushed++;
        return (long)(len + VLAN_HLEN);
    }
    if (len < ETH_HLEN + VLAN_HLEN)
        return -1;
    tci = rd16(frame + 14);
    vid = TCI_VID(tci);
    if (vid == 0)
        vid = TCI_VID(port->native_vid);
    out_vid = port->vid_map[vid];
    if (out_vid == 0)
        return -2;
    if (out_vid == port->native_vid && port->untag_native) {
        tag_pop(frame, len);
        port->popped++;
        return (long)(len - VLAN_HLEN);
    }
    pcp = port->pcp_map[TCI_PCP(tci)];
    dei = port->clear_dei ? 0u : TCI_DEI(tci);
    wr16(frame + 14, TCI_MAKE(pcp, dei, out_vid));
    return (long)len;
}
