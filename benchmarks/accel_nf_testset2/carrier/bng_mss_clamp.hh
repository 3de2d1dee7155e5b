// -*- c++ -*-
/*
 * bng_mss_clamp.hh -- BngMssClamp: TCP MSS clamping on a BNG's PPPoE
 * subscriber interfaces.
 *
 * PPPoE costs 8 bytes of the 1500-byte Ethernet MTU, and many subscriber
 * hosts (and the servers they talk to) never see the ICMP that path MTU
 * discovery needs.  The BNG therefore lowers the MSS option of every TCP
 * SYN crossing it to fit the session MTU.  This element rewrites the option
 * in place and then recomputes the TCP checksum over the segment; with
 * VERIFY it first checks the arriving checksum, so that it never "repairs"
 * a segment that was already corrupt.
 */
#ifndef CARRIER_BNG_MSS_CLAMP_HH
#define CARRIER_BNG_MSS_CLAMP_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * BngMssClamp([MSS, VERIFY, ALL_SEGMENTS])
 *
 * =d
 * Input: IPv4 packets (network header annotated or at data()).  Packets
 * leave on output 0, clamped if needed; segments whose checksum fails
 * verification leave on output 1 (if present).  MSS defaults to 1452.
 * With ALL_SEGMENTS, MSS options in non-SYN segments are clamped too.
 */
class BngMssClamp : public Element {
  public:
    BngMssClamp();
    ~BngMssClamp();

    const char *class_name() const override { return "BngMssClamp"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

  private:
    uint16_t _mss;
    bool _verify;
    bool _all;

    uint64_t _syns;
    uint64_t _clamped;
    uint64_t _no_option;
    uint64_t _bad_sum;
    uint64_t _truncated;
    uint32_t _largest_seen;

    uint16_t segment_sum(const click_ip *iph, const uint8_t *seg, unsigned len) const;
    int find_mss(const uint8_t *opt, int optlen) const;

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
