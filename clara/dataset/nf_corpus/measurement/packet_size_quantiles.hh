// -*- c++ -*-
/*
 * packet_size_quantiles.hh -- PacketSizeQuantiles: a streaming quantile
 * sketch of packet lengths per traffic class, using fixed log-spaced
 * buckets; reports p50/p90/p99 every N packets.
 *
 * Training code for Clara's compute model (nf_corpus/measurement); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_PACKETSIZEQUANTILES_HH
#define CLARA_NFCORPUS_PACKETSIZEQUANTILES_HH
#include <click/element.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * PacketSizeQuantiles([N, SUBBUCKETS, CLASSES, AGING, MAX_REPORTS])
 *
 * =s measurement
 * streaming packet-length quantiles per traffic class
 *
 * =d
 * Measures each packet's IP total length (the packet length when it has no
 * IP header) into a histogram with one bucket for lengths below 64 and
 * SUBBUCKETS (2, 4, 8 or 16; default 8) equal buckets per octave from 64
 * to 65535.  Histograms are kept per class: with CLASSES "proto" (the
 * default) TCP, UDP, ICMP and other; with "dscp" the eight DSCP class
 * selectors; with "none" one class.  Every N packets (default 4096) the
 * median, 90th and 99th percentiles of every class are computed by a
 * cumulative walk over its buckets (interpolating inside the bucket) and
 * recorded.  AGING then says what happens to the counts: "reset" (clear),
 * "halve" (the default; a geometric fade) or "keep".
 *
 * Packets pass unchanged.  The paint annotation is set to the packet's band
 * in its class: 0 up to p50, 1 up to p90, 2 up to p99, 3 above p99 (0 until
 * the first report).
 *
 * =h quantiles read-only  "CLASS COUNT P50 P90 P99" per class
 * =h reports read-only    recent reports, oldest first
 * =h buckets read-only    the bucket bounds
 */
class PacketSizeQuantiles : public Element {
  public:
    PacketSizeQuantiles();
    ~PacketSizeQuantiles();

    const char *class_name() const override { return "PacketSizeQuantiles"; }
    const char *port_count() const override { return PORTS_1_1; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    enum { OCTAVES = 10, MAX_SUB = 16, MAX_BUCKETS = 1 + OCTAVES * MAX_SUB, MAX_CLASSES = 8 };
    enum ClassMode { CLASS_NONE = 0, CLASS_PROTO, CLASS_DSCP };
    enum Aging { AGING_KEEP = 0, AGING_RESET, AGING_HALVE };
    enum { Q50 = 0, Q90, Q99, NQ };

    struct Report {
        uint32_t seq;
        uint8_t klass;
        uint32_t count;
        uint16_t q[NQ];
    };

  private:
    uint32_t _counts[MAX_CLASSES][MAX_BUCKETS];
    uint32_t _total[MAX_CLASSES];
    uint64_t _bytes[MAX_CLASSES];
    uint16_t _lower[MAX_BUCKETS];               // first length in each bucket
    uint16_t _quant[MAX_CLASSES][NQ];
    Vector<Report> _reports;

    int _nbuckets;
    int _nclasses;
    int _sub_shift;
    ClassMode _class_mode;
    Aging _aging;
    uint32_t _n;
    uint32_t _countdown;
    uint32_t _seq;
    int _max_reports;
    bool _have_quantiles;

    int bucket_of(uint32_t len) const;
    int class_of(const Packet *p) const;
    uint16_t walk(int klass, uint32_t rank) const;
    void report();

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
