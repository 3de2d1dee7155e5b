// -*- c++ -*-
/*
 * packet_sampler.{cc,hh} -- sFlow-like packet sampling into a record ring.
 *
 * Training code for Clara's compute model (an NF-like Click element written
 * for the dataset); not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_PACKETSAMPLER_HH
#define CLARA_NFCORPUS_PACKETSAMPLER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * PacketSampler([N, PROB, SEED, SNAP])
 *
 * =s measurement
 * samples packets deterministically (1 in N) or at random (probability PROB)
 *
 * =d
 * Every input port is an interface.  Packets pass from input i to output 0
 * unchanged.  A sampled packet also gets a record (timestamp, interface,
 * addresses, ports, protocol, TOS, TCP flags, length, and the number of
 * packets skipped since the last sample) written into a ring of RING_SIZE
 * records, the oldest overwritten first; if the element has a second
 * output, a clone of the sampled packet, cut to SNAP bytes, leaves on it.
 *
 * With N > 0, every Nth packet of an interface is sampled.  Otherwise PROB
 * (0..1) is the sampling probability, drawn from a per-element xorshift
 * generator seeded with SEED.
 *
 * =h seen read-only       "IFACE PACKETS SAMPLED" per line
 * =h records read-only    the ring, newest last
 * =h head read-only       total records written
 */
class PacketSampler : public Element {
  public:
    PacketSampler();
    ~PacketSampler();

    const char *class_name() const override { return "PacketSampler"; }
    const char *port_count() const override { return "1-8/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

    enum { RING_SIZE = 1024, MAX_IFACES = 8 };

    struct Record {
        int64_t ts_nsec;
        uint32_t saddr;         // network order
        uint32_t daddr;
        uint16_t sport;         // host order
        uint16_t dport;
        uint16_t length;
        uint8_t proto;
        uint8_t tos;
        uint8_t tcp_flags;
        uint8_t iface;
        uint16_t ttl_hops;
        uint32_t skipped;       // packets on this interface since the last sample
    };

  private:
    enum { h_seen, h_records, h_head };

    Record _ring[RING_SIZE];
    uint32_t _head;             // total records ever written

    uint32_t _n;
    uint32_t _threshold;        // sample iff random < threshold
    uint64_t _rng;
    uint32_t _snap;

    uint32_t _countdown[MAX_IFACES];
    uint32_t _since_sample[MAX_IFACES];
    uint64_t _if_seen[MAX_IFACES];
    uint64_t _if_sampled[MAX_IFACES];
    uint64_t _if_bytes[MAX_IFACES];
    uint32_t _clone_failures;

    // xorshift64*: small, fast, and good enough for sampling decisions.
    inline uint32_t next_random() {
        uint64_t x = _rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        _rng = x;
        return (uint32_t) ((x * 0x2545F4914F6CDD1DULL) >> 32);
    }

    bool should_sample(int iface);
    void record(const Packet *p, int iface);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
