// -*- c++ -*-
/*
 * vlan_switch.hh -- VlanSwitch: the VLAN stage of an 802.1Q switch.
 * Classifies each frame into a VLAN by its ingress port's access, trunk or
 * hybrid configuration, filters it against the port's VLAN membership, and
 * forwards it to every other member port of the VLAN, tagged or untagged
 * as each egress port requires.
 *
 * Training code for Clara's compute model (nf_corpus/forwarding); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_VLANSWITCH_HH
#define CLARA_NFCORPUS_VLANSWITCH_HH
#include <click/element.hh>
#include <clicknet/ether.h>
CLICK_DECLS

/*
 * =c
 * VlanSwitch(PORT "N MODE ...", ..., [DROP_PRIORITY_TAGGED])
 *
 * =s ethernet
 * 802.1Q access/trunk port classification and VLAN flooding
 *
 * =d
 * Has N inputs and N outputs (N <= 8), one pair per switch port.  Each
 * PORT entry configures one port:
 *   "N access VID"                        untagged frames only, in VLAN VID
 *   "N trunk NATIVE VIDS"                 tagged frames in VIDS; untagged
 *                                         frames in NATIVE (0: refused)
 *   "N hybrid PVID TAGGED_VIDS UNTAGGED_VIDS"
 * VIDS are comma-separated IDs and ranges, such as "10,20-29".  Ports
 * without an entry are disabled.  A frame is flooded to all other ports
 * that are members of its VLAN (address learning is left to a later
 * stage); access ports and the untagged VLANs of hybrid and trunk ports
 * (the native VLAN) send it untagged, the others tagged.  Priority-tagged
 * frames (VID 0) are accepted into the port's VLAN unless
 * DROP_PRIORITY_TAGGED is set.  802.1ad frames are refused.
 *
 * =h ports read-only     the port configuration
 * =h drops read-only     per-reason drop counters
 * =h vlan read-only      with a VID parameter: frames switched in that VLAN
 */
class VlanSwitch : public Element {
  public:
    VlanSwitch();
    ~VlanSwitch();

    const char *class_name() const override { return "VlanSwitch"; }
    const char *port_count() const override { return "1-8/="; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_PORTS = 8, NVLAN = 4096, VLAN_WORDS = NVLAN / 64, TAG_LEN = 4 };
    enum Mode { M_DISABLED = 0, M_ACCESS = 1, M_TRUNK = 2, M_HYBRID = 3 };
    enum Drop { D_RUNT, D_DISABLED, D_TAGGED_ON_ACCESS, D_UNTAGGED_ON_TRUNK,
                D_NOT_MEMBER, D_RESERVED_VID, D_QINQ, D_NO_EGRESS, D_NOMEM, D_NREASONS };

  private:
    uint64_t _member[MAX_PORTS][VLAN_WORDS];     // 4 KiB: VLAN membership bitmaps
    uint64_t _untagged[MAX_PORTS][VLAN_WORDS];   // 4 KiB: egress untagged bitmaps
    uint32_t _vlan_frames[NVLAN];                // 16 KiB
    uint64_t _ingress[MAX_PORTS];
    uint64_t _egress[MAX_PORTS];
    uint64_t _drops[D_NREASONS];
    uint16_t _pvid[MAX_PORTS];
    uint8_t _mode[MAX_PORTS];
    bool _drop_priority_tagged;

    inline bool is_member(int port, uint16_t vid) const {
        return (_member[port][vid >> 6] >> (vid & 63)) & 1;
    }
    inline bool egress_untagged(int port, uint16_t vid) const {
        return (_untagged[port][vid >> 6] >> (vid & 63)) & 1;
    }
    static inline void set_bit(uint64_t *map, uint16_t vid) {
        map[vid >> 6] |= (uint64_t) 1 << (vid & 63);
    }
    static inline uint16_t rd16(const unsigned char *p) {
        return (uint16_t) (p[0] << 8 | p[1]);
    }
    static inline void wr16(unsigned char *p, uint16_t v) {
        p[0] = (unsigned char) (v >> 8);
        p[1] = (unsigned char) v;
    }

    int parse_vid_list(const String &s, uint64_t *map, uint64_t *also) const;
    int parse_port(const String &s, ErrorHandler *errh);
    void drop(Packet *p, Drop why);
    Packet *make_tagged(Packet *p, bool was_tagged, uint16_t tci);
    Packet *make_untagged(Packet *p, bool was_tagged);
    void fan_out(Packet *p, uint8_t mask);

    static String read_handler(Element *e, void *thunk);
    static int vlan_handler(int op, String &s, Element *e, const Handler *h,
                            ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
