// -*- c++ -*-
/*
 * payload_stats_sampler.hh -- PayloadStatsSampler: per-flow payload
 * statistics (printable-byte ratio, longest run of zero bytes, byte sum,
 * an Adler-32 of each sampled payload) over the first packets of every
 * flow and then every Nth one; flags flows whose payload looks unusual.
 *
 * Training code for Clara's compute model (nf_corpus/inspection); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_PAYLOADSTATSSAMPLER_HH
#define CLARA_NFCORPUS_PAYLOADSTATSSAMPLER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * PayloadStatsSampler([EVERY, FIRST, MAX_BYTES, MAX_FLOWS, TIMEOUT,
 *                      LOW_PRINTABLE, ZERO_RUN, MIN_SAMPLES, COLOR])
 *
 * =s inspection
 * samples payloads per flow and keeps byte statistics
 *
 * =d
 * Expects IPv4 packets with the IP header annotation set.  Flows are
 * (source, destination, protocol, and for TCP and UDP the ports).  The
 * first FIRST packets of a flow (default 4) and then every EVERY-th
 * (default 8) are sampled: at most MAX_BYTES bytes of their payload
 * (default 1500) are scanned, eight at a time where possible, counting
 * printable bytes (0x20-0x7E, TAB, CR, LF), zero bytes and the longest run
 * of zero bytes, summing the bytes and computing an Adler-32 to spot
 * payloads repeated from the previous sample.
 *
 * Once a flow has MIN_SAMPLES samples (default 4), it is flagged when its
 * printable ratio falls below LOW_PRINTABLE per mille (0, the default,
 * disables the test) or its longest zero run reaches ZERO_RUN bytes (0
 * disables; default 0).  Packets of flagged flows are painted COLOR
 * (default 2) and leave on output 1 when it exists; all others on output
 * 0.  The printable ratio of the packet's flow, per mille, is written to
 * the user annotation at byte 22.
 *
 * A flow idle for TIMEOUT seconds (default 120) starts over; TCP flows are
 * forgotten after FIN or RST, and idle flows are swept every 65536
 * packets.  At most MAX_FLOWS flows (default 32768) are tracked.
 *
 * =h flows read-only          per flow: packets, samples, ratio, zero run, flagged
 * =h ratio_hist read-only     sampled packets per printable percentage
 * =h zero_runs read-only      sampled packets per log2 of the longest zero run
 * =h stats read-only          packets, sampled, bytes scanned, repeats, flagged
 */
class PayloadStatsSampler : public Element {
  public:
    PayloadStatsSampler();
    ~PayloadStatsSampler();

    const char *class_name() const override { return "PayloadStatsSampler"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { SWEEP_EVERY = 65536, RATIO_ANNO_OFFSET = 22, ZERO_BUCKETS = 17,
           ADLER_MOD = 65521, ADLER_BLOCK = 2048 };

    struct FlowKey {
        uint32_t src;
        uint32_t dst;
        uint16_t sport;
        uint16_t dport;
        uint8_t proto;

        FlowKey() : src(0), dst(0), sport(0), dport(0), proto(0) {}
        bool operator==(const FlowKey &o) const {
            return src == o.src && dst == o.dst && sport == o.sport
                && dport == o.dport && proto == o.proto;
        }
        hashcode_t hashcode() const {
            uint32_t h = src ^ (dst * 0x85EBCA6BU);
            h ^= ((uint32_t) sport << 16 | dport) * 0xC2B2AE35U;
            h ^= proto;
            return h ^ (h >> 15);
        }
    };

    struct FlowStats {
        uint64_t byte_sum;
        uint32_t packets;
        uint32_t payload_packets;   // the sampling sequence
        uint32_t samples;
        uint32_t sampled_bytes;
        uint32_t printable;
        uint32_t zeros;
        uint32_t last_adler;
        uint16_t max_zero_run;
        uint16_t ratio;             // printable per mille
        uint16_t repeats;
        uint8_t flagged;
        Timestamp first;
        Timestamp last;
    };

    /* The result of scanning one payload. */
    struct Scan {
        uint32_t printable;
        uint32_t zeros;
        uint32_t max_zero_run;
        uint32_t sum;
        uint32_t adler;
    };

  private:
    HashMap<FlowKey, FlowStats> _flows;
    Vector<FlowKey> _stale;
    uint32_t _every;
    uint32_t _first;
    uint32_t _max_bytes;
    uint32_t _max_flows;
    uint32_t _timeout_s;
    uint32_t _low_printable;
    uint32_t _zero_run;
    uint32_t _min_samples;
    uint32_t _sweep_countdown;
    uint8_t _color;

    uint64_t _packets;
    uint64_t _sampled;
    uint64_t _scanned_bytes;
    uint64_t _repeats;
    uint64_t _flagged_flows;
    uint64_t _untracked;
    uint64_t _swept;
    uint32_t _ratio_hist[101];
    uint32_t _zero_hist[ZERO_BUCKETS];

    static inline bool printable(unsigned char c) {
        return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\r' || c == '\n';
    }
    static inline int log2_bucket(uint32_t v) {
        return v ? 32 - __builtin_clz(v) : 0;
    }
    void reset_flow(FlowStats &f, const Timestamp &now) const;
    void scan(const unsigned char *d, int n, Scan &s) const;
    void sweep(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
