// -*- c++ -*-
/*
 * eth_pw_encap.hh -- EthPwEncap: Ethernet pseudowire over MPLS (RFC 4448)
 * with optional FCS retention (RFC 4720) and the generic control word
 * (RFC 4385).
 */
#ifndef OVERLAY_ETH_PW_ENCAP_HH
#define OVERLAY_ETH_PW_ENCAP_HH
#include <click/element.hh>
#include <click/vector.hh>
#include <clicknet/ether.h>
CLICK_DECLS

/*
 * =c
 * EthPwEncap(PW_LABEL, TUNNEL_LABEL, [TTL, TC, CW, FCS_RETAIN, MTU])
 *
 * =s mpls
 * encapsulates attachment-circuit Ethernet frames into an MPLS pseudowire
 *
 * =d
 * Input: Ethernet frames without FCS, as received on the attachment
 * circuit.  When FCS_RETAIN is true (default) the frame check sequence is
 * regenerated and carried at the end of the PW payload, so the far PE can
 * deliver the frame with its original FCS.  Then the control word (CW,
 * default true; carries a 16-bit sequence number, 0 = unsequenced), the PW
 * label (bottom of stack) and, unless TUNNEL_LABEL is 3 (implicit null),
 * the tunnel label are pushed.  TTL (default 255) and TC (default 0) go
 * into both label stack entries.  Packets longer than MTU (default 1500,
 * counted from the top label) go to output 1 if it exists, else are
 * dropped.  A downstream EtherEncap(0x8847, ...) adds the link header.
 *
 * =h stats read-only       counters
 * =h sequence read/write   next control-word sequence number
 */
class EthPwEncap : public Element {
  public:
    EthPwEncap();
    ~EthPwEncap();

    const char *class_name() const override { return "EthPwEncap"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { IMPLICIT_NULL = 3, MAX_LABEL = 0xFFFFF };

  private:
    uint32_t _tab[4][256];      // byte tables for the FCS, filled by configure()

    uint32_t _pw_label;
    uint32_t _tunnel_label;
    uint8_t _ttl;
    uint8_t _tc;
    bool _cw;
    bool _retain_fcs;
    uint32_t _mtu;
    uint16_t _seq;

    uint64_t _frames;
    uint64_t _bytes;
    uint64_t _too_big;
    uint64_t _runts;
    uint64_t _short_cw;

    static inline uint32_t lse(uint32_t label, uint8_t tc, bool bos, uint8_t ttl) {
        return (label << 12) | ((uint32_t) (tc & 7) << 9) | (bos ? 0x100U : 0U) | ttl;
    }

    void fill_tables();
    uint32_t frame_fcs(const unsigned char *data, uint32_t len) const;
    void reject(Packet *p);

    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
