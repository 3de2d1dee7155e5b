// -*- c++ -*-
/*
 * flow_sampler.hh -- FlowSampler: samples whole flows, not packets.  The
 * decision depends only on the flow's 5-tuple, so every packet of a chosen
 * flow is sampled, on every box that runs the same configuration.
 */
#ifndef MONITORING_FLOWSAMPLER_HH
#define MONITORING_FLOWSAMPLER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * FlowSampler(RATE, [DSCP, BIDIRECTIONAL, SEED])
 *
 * =s sampling
 * consistent flow sampling with DSCP marking
 *
 * =d
 * RATE is the fraction of flows to sample (0 to 1).  The flow key is the
 * 13-byte (src, dst, sport, dport, proto) tuple; with BIDIRECTIONAL
 * (default true) the two endpoints are put in a canonical order first so
 * both directions of a connection are sampled together.  SEED (default 0)
 * is mixed into the key so that different monitors can pick different
 * flows.
 *
 * Every packet leaves on output 0.  A sampled packet is marked: if DSCP
 * (0-63) is given, the DSCP bits of its TOS byte are rewritten and the IP
 * checksum is adjusted, and a clone is emitted on output 1 (if it exists)
 * for the collector.
 *
 * =h sampled read-only     sampled packets
 * =h seen read-only        packets seen
 */
class FlowSampler : public Element {
  public:
    FlowSampler();
    ~FlowSampler();

    const char *class_name() const override { return "FlowSampler"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

  private:
    uint32_t _cut;              // sample iff the flow value < _cut
    int _dscp;                  // -1: don't mark
    bool _bidir;
    uint32_t _seed;

    uint64_t _seen;
    uint64_t _sampled;
    uint64_t _remarked;
    uint64_t _not_ip;
    uint64_t _clone_failed;

    static void build_key(const click_ip *iph, const unsigned char *th,
                          bool ports, bool bidir, uint32_t seed,
                          unsigned char key[17]);
    Packet *remark(Packet *p);
};

CLICK_ENDDECLS
#endif
