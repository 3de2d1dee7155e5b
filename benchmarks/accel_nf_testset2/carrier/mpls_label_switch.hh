// -*- c++ -*-
/*
 * mpls_label_switch.hh -- MplsLabelSwitch: the label-switching path of a
 * mobile-backhaul / aggregation LSR.
 *
 * The incoming label map (ILM) maps each incoming top label to one
 * forwarding entry (NHLFE): swap, pop (penultimate hop popping included),
 * or swap and push an outer tunnel label.  TTL follows the pipe model of
 * RFC 3443: the MPLS TTL is decremented, the IP header is left untouched.
 */
#ifndef CARRIER_MPLS_LABEL_SWITCH_HH
#define CARRIER_MPLS_LABEL_SWITCH_HH
#include <click/element.hh>
#include <click/etheraddress.hh>
#include <click/hashmap.hh>
CLICK_DECLS

/*
 * =c
 * MplsLabelSwitch(MAC ETH, ILM "IN swap OUT PORT NHMAC", ILM "IN pop PORT NHMAC",
 *                 ILM "IN swappush OUT TUNNEL PORT NHMAC", ...)
 *
 * =d
 * Input: Ethernet frames.  MPLS frames are switched by their top label and
 * leave on the entry's PORT with a new Ethernet header.  Frames whose TTL
 * expires and router-alert frames leave on the second-to-last output
 * (control plane); unknown labels, reserved labels and non-MPLS frames
 * leave on the last output.
 */
class MplsLabelSwitch : public Element {
  public:
    MplsLabelSwitch();
    ~MplsLabelSwitch();

    const char *class_name() const override { return "MplsLabelSwitch"; }
    const char *port_count() const override { return "1/3-"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum Op { OP_SWAP = 1, OP_POP = 2, OP_SWAP_PUSH = 3 };
    enum { L_IPV4_NULL = 0, L_ALERT = 1, L_IPV6_NULL = 2, L_IMPLICIT_NULL = 3,
           L_FIRST_UNRESERVED = 16, L_MAX = 0xFFFFF };

    struct Nhlfe {
        uint8_t op;
        uint16_t port;
        uint32_t out_label;
        uint32_t tunnel_label;
        EtherAddress nh;
        uint64_t pkts;
        Nhlfe() : op(0), port(0), out_label(0), tunnel_label(0), pkts(0) {}
    };

  private:
    HashMap<uint32_t, Nhlfe> _ilm;
    EtherAddress _mac;

    uint64_t _switched;
    uint64_t _popped;
    uint64_t _pushed;
    uint64_t _ttl_expired;
    uint64_t _to_control;
    uint64_t _unknown;

    void to_control(Packet *p) { _to_control++; output(noutputs() - 2).push(p); }
    void discard(Packet *p) { _unknown++; output(noutputs() - 1).push(p); }

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
