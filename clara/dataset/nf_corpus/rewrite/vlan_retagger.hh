// -*- c++ -*-
/*
 * vlan_retagger.hh -- VlanRetagger: 802.1Q VLAN translation at a trunk
 * port.  Rewrites the customer VLAN ID through a 4096-entry table, remaps
 * the priority bits, tags untagged frames and counts frames per VLAN.
 *
 * Training code for Clara's compute model (nf_corpus/rewrite); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_VLANRETAGGER_HH
#define CLARA_NFCORPUS_VLANRETAGGER_HH
#include <click/element.hh>
#include <clicknet/ether.h>
CLICK_DECLS

/*
 * =c
 * VlanRetagger([MAP "FROM TO", ..., NATIVE, UNTAG, PCP "FROM TO", ..., DROP_UNKNOWN])
 *
 * =s ethernet
 * translates 802.1Q VLAN IDs and priorities
 *
 * =d
 * Input packets are Ethernet frames.  A service tag (802.1ad, 0x88A8) in
 * front of the customer tag is skipped.  For a tagged frame the VLAN ID is
 * looked up in a 4096-entry translation table (MAP entries; unmapped IDs
 * keep their ID unless DROP_UNKNOWN is set), the PCP bits are remapped
 * through an 8-entry table (PCP entries), and the tag is rewritten in place.
 * A translation to the UNTAG VLAN (default none) removes the tag.  Untagged
 * frames get a tag with the NATIVE VLAN (default 0: left untagged).  Frames
 * are counted per resulting VLAN.  Rewritten frames leave on output 0,
 * dropped frames on output 1 (or are dropped).
 *
 * =h retagged read-only   frames whose tag changed
 * =h tagged read-only     untagged frames that got a tag
 * =h untagged read-only   frames whose tag was removed
 * =h dropped read-only    frames dropped
 * =h count read-only      with a VLAN ID parameter: frames counted for it
 */
class VlanRetagger : public Element {
  public:
    VlanRetagger();
    ~VlanRetagger();

    const char *class_name() const override { return "VlanRetagger"; }
    const char *port_count() const override { return PORTS_1_1X2; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

  private:
    enum { NVLAN = 4096, VID_MASK = 0x0FFF, NO_VLAN = 0xFFFF, TAG_LEN = 4 };
    enum { h_retagged, h_tagged, h_untagged, h_dropped };

    uint16_t _xlate[NVLAN];         // 8 KiB: VLAN ID -> VLAN ID (NO_VLAN: unmapped)
    uint64_t _per_vlan[NVLAN];      // 32 KiB: frames per output VLAN
    uint8_t _pcp_map[8];
    uint16_t _native;
    uint16_t _untag;
    bool _drop_unknown;

    uint64_t _retagged;
    uint64_t _tagged;
    uint64_t _untagged;
    uint64_t _dropped;

    static inline uint16_t get16(const unsigned char *p) {
        return (uint16_t) (p[0] << 8 | p[1]);
    }
    static inline void set16(unsigned char *p, uint16_t v) {
        p[0] = (unsigned char) (v >> 8);
        p[1] = (unsigned char) v;
    }
    inline uint16_t translate(uint16_t vid) const {
        uint16_t out = _xlate[vid & VID_MASK];
        if (out == NO_VLAN)
            return _drop_unknown ? (uint16_t) NO_VLAN : vid;
        return out;
    }

    int tag_offset(const unsigned char *d, uint32_t len) const;
    Packet *insert_tag(Packet *p, uint16_t tci);
    Packet *remove_tag(Packet *p, int off);
    Packet *drop(Packet *p);

    static String read_handler(Element *e, void *thunk);
    static int count_handler(int op, String &s, Element *e,
                             const Handler *h, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
