// -*- c++ -*-
/*
 * trajectory_sampler.hh -- TrajectorySampler: hash-based packet selection
 * for trajectory sampling.  Every monitor on a path computes the same
 * function of the fields a router does not change, so all of them pick the
 * same packets and report the same label for each, and a collector can
 * stitch the packet's path together.
 */
#ifndef MONITORING_TRAJECTORYSAMPLER_HH
#define MONITORING_TRAJECTORYSAMPLER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * TrajectorySampler(RANGE, [MODULUS, LABEL_BITS, PAYLOAD_BYTES, OBSERVATION_POINT])
 *
 * =s sampling
 * selects packets by a digest of their invariant fields
 *
 * =d
 * The digest covers IP total length, identification, fragment field,
 * protocol, both addresses, and the first PAYLOAD_BYTES (default 8, at most
 * 32) bytes after the IP header.  A packet is selected when digest modulo
 * MODULUS (default 4096) is below RANGE.  A selected packet gets a
 * LABEL_BITS-bit label (8-24, default 20) in its AGGREGATE annotation and
 * OBSERVATION_POINT in its paint annotation; a clone goes to output 1 (if
 * present).  All packets continue on output 0.
 *
 * =h selected read-only    selected packets
 */
class TrajectorySampler : public Element {
  public:
    TrajectorySampler();
    ~TrajectorySampler();

    const char *class_name() const override { return "TrajectorySampler"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

  private:
    uint32_t _range;
    uint32_t _modulus;
    unsigned _label_bits;
    unsigned _payload_bytes;
    uint8_t _op;

    uint64_t _seen;
    uint64_t _selected;
    uint64_t _short;
    uint32_t _last_label;

    uint32_t crc32_be_update(uint32_t crc, const unsigned char *p, unsigned n) const;
    uint32_t invariant_digest(const Packet *p, const click_ip *iph) const;

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
