// -*- c++ -*-
/*
 * rpf_check.hh -- RpfCheck: anti-spoofing on a router's customer-facing
 * side.  The 802.1Q tag of the frame selects the VRF; the source address
 * must belong to one of the VRF's interface subnets, and (strict mode) to
 * the subnet of the interface the frame came in on.
 */
#ifndef ROUTING_RPF_CHECK_HH
#define ROUTING_RPF_CHECK_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * RpfCheck(VLAN "VID VRF", ..., IFACE "VRF ADDR/MASK PORT", ..., [STRICT BOOL])
 *
 * =d
 * Input: Ethernet frames (optionally 802.1Q tagged) carrying IPv4, with
 * the arrival port in the paint annotation.  Untagged frames use VLAN 0.
 * The interface list of the frame's VRF is searched in configuration
 * order; the first subnet holding the source decides.  Frames that pass
 * leave on output 0 with the VLAN TCI annotation set; spoofed or unknown
 * sources, unknown VLANs and non-IP frames leave on output 1.
 */
class RpfCheck : public Element {
  public:
    RpfCheck();
    ~RpfCheck();

    const char *class_name() const override { return "RpfCheck"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { NO_VRF = 0xFF };

    struct Iface {
        uint8_t vrf;
        uint8_t port;
        IPAddress net;
        IPAddress mask;
        uint64_t passed;
    };

  private:
    uint8_t _vrf_by_vid[4096];
    Vector<Iface> _ifaces;
    bool _strict;

    uint64_t _passed;
    uint64_t _wrong_iface;
    uint64_t _unknown_src;
    uint64_t _bad_vlan;
    uint64_t _not_ip;

    void fail(Packet *p, uint64_t &counter) {
        counter++;
        output(1).push(p);
    }

    static String stats_handler(Element *e, void *);
};

CLICK_ENDDECLS
#endif
