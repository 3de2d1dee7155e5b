// -*- c++ -*-
/*
 * tcp_rtt_estimator.{cc,hh} -- TcpRttEstimator: passive TCP round-trip time
 * measurement at a tap that sees both directions of each connection.
 *
 * Training code for Clara's compute model (nf_corpus/telemetry); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_TCPRTTESTIMATOR_HH
#define CLARA_NFCORPUS_TCPRTTESTIMATOR_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * TcpRttEstimator([MAX_FLOWS, SAMPLE_EVERY, USE_TIMESTAMP_ANNO, IDLE])
 *
 * =s measurement
 * passive TCP round-trip time estimator
 *
 * =d
 * Expects IPv4 packets with their IP and transport headers marked, both
 * directions of a connection on the single input.  A connection is keyed by
 * the flow of its SYN (the client side).  The handshake gives two legs: SYN
 * to SYN-ACK (tap to server and back) and SYN-ACK to the client's ACK (tap
 * to client and back).  After the handshake, one data segment per direction
 * is timed at a time (every SAMPLE_EVERY-th eligible segment): the sample
 * completes when an ACK from the other side covers its end, and is voided
 * when the segment is retransmitted (Karn's rule).
 *
 * Each connection keeps a smoothed RTT and RTT variance in fixed point (RFC
 * 6298 gains of 1/8 and 1/4).  All samples go into log-linear histograms (8
 * sub-buckets per power of two of microseconds) and a ring of recent
 * samples.  Packets pass unchanged.
 *
 * =h samples read-only     RTT samples taken (handshake, data)
 * =h flows read-only       connections tracked
 * =h histogram read-only   "LOW_US COUNT_HANDSHAKE COUNT_DATA" lines
 * =h percentiles read-only p50 p90 p99 of data samples, microseconds
 * =h srtt read-only        mean of the per-connection smoothed RTTs
 * =h reset write-only      forget every connection and sample
 */
class TcpRttEstimator : public Element {
  public:
    TcpRttEstimator();
    ~TcpRttEstimator();

    const char *class_name() const override { return "TcpRttEstimator"; }
    const char *port_count() const override { return PORTS_1_1; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

    enum { SUB_BITS = 3, SUB = 1 << SUB_BITS, NBUCKETS = 192, RECENT = 2048 };
    enum { K_HANDSHAKE = 0, K_DATA = 1, NKINDS = 2 };
    enum State { S_SYN = 1, S_SYNACK = 2, S_OPEN = 3 };

    struct Sample {
        uint32_t start_seq;     // first byte of the timed segment
        uint32_t end_seq;       // ACK value that covers it
        int64_t sent_ns;
        bool live;
    };

    struct RttFlow {
        int64_t syn_ns;
        int64_t synack_ns;
        int64_t last_ns;
        uint32_t client_isn;
        uint32_t server_isn;
        uint32_t srtt8;         // smoothed RTT in microseconds << 3
        uint32_t rttvar4;       // mean deviation in microseconds << 2
        uint32_t min_rtt_us;
        uint16_t nsamples;
        uint16_t eligible;      // segments seen since the last sample
        uint8_t state;
        uint8_t karn_voids;
        Sample sample[2];       // [0] client->server data, [1] server->client
        RttFlow()
            : syn_ns(0), synack_ns(0), last_ns(0), client_isn(0), server_isn(0),
              srtt8(0), rttvar4(0), min_rtt_us(0xFFFFFFFFU), nsamples(0),
              eligible(0), state(0), karn_voids(0) {
            sample[0].live = sample[1].live = false;
        }
    };

  private:
    enum { h_samples, h_flows, h_histogram, h_percentiles, h_srtt, h_reset };

    HashMap<IPFlowID, RttFlow> _flows;
    Vector<IPFlowID> _stale;

    uint64_t _hist[NKINDS][NBUCKETS];   // 3 KiB
    uint32_t _recent[RECENT];           // 8 KiB ring of recent samples (us)
    uint32_t _recent_pos;
    uint64_t _nsamples[NKINDS];

    uint32_t _max_flows;
    uint32_t _sample_every;
    bool _use_anno;
    int64_t _idle_ns;
    uint32_t _until_sweep;

    uint64_t _not_tcp;
    uint64_t _no_flow;
    uint64_t _overflow;
    uint64_t _closed;
    uint64_t _karn;

    // Log-linear bucket of a microsecond value: values under SUB map to
    // themselves, then SUB buckets per octave.
    static inline int bucket_of(uint32_t us) {
        if (us < SUB)
            return (int) us;
        int oct = 31 - __builtin_clz(us);
        int sub = (int) ((us >> (oct - SUB_BITS)) & (SUB - 1));
        int b = (oct - SUB_BITS + 1) * SUB + sub;
        return b < NBUCKETS ? b : NBUCKETS - 1;
    }
    static inline uint32_t bucket_low(int b) {
        if (b < SUB)
            return (uint32_t) b;
        int oct = b / SUB + SUB_BITS - 1;
        return (uint32_t) (SUB + (b & (SUB - 1))) << (oct - SUB_BITS);
    }
    static inline uint32_t ns_to_us(int64_t ns) {
        if (ns <= 0)
            return 0;
        int64_t us = ns / 1000;
        return us > 0xFFFFFFFFLL ? 0xFFFFFFFFU : (uint32_t) us;
    }

    void record(RttFlow &f, int kind, uint32_t rtt_us);
    void sweep(int64_t now_ns);
    uint32_t percentile(int kind, unsigned permille) const;
    String unparse_histogram() const;

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
