// -*- c++ -*-
/*
 * ecn_threshold_marker.hh -- EcnThresholdMarker: DCTCP-style step marking
 * on per-port virtual queues that share one buffer (dynamic thresholds),
 * with a per-flow-bucket estimate of the marked fraction (DCTCP's alpha).
 *
 * Training code for Clara's compute model (nf_corpus/queueing); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_CORPUS_ECNTHRESHOLDMARKER_HH
#define CLARA_CORPUS_ECNTHRESHOLDMARKER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
=c

EcnThresholdMarker(KEYWORDS)

=s aqm

threshold ECN marking on virtual per-port queues, per-flow alpha

=d

The packet's paint annotation names its egress port (modulo PORTS).
Each port has a virtual queue that drains at DRAIN percent of RATE
(bytes/s; below 100 it is a phantom queue).  The ports share BUFFER
bytes: a packet is admitted only if its port's queue stays below
(BUFFER - total occupancy) / 2^DT_SHIFT, else it is dropped (output 1).
When an admitted packet leaves its port's queue above K bytes, an
ECN-capable packet is marked CE (with an incremental checksum update).

Flows are hashed into 1024 buckets.  Each bucket counts bytes and marked
bytes; every WINDOW it folds the marked fraction F into alpha =
(1 - g) alpha + g F with g = 2^-GAIN_SHIFT, as a DCTCP sender would.
TCP ACKs that echo congestion (ECE) are counted in the bucket of the flow
they acknowledge.  The bucket's alpha (Q16) is written to the 16-bit
annotation at offset 22 of every packet.

Keywords: RATE (bytes/s, mandatory), PORTS (1-16, default 4), K (bytes,
default 30000), BUFFER (bytes, default 1048576), DT_SHIFT (0-4, default
1), DRAIN (50-100 percent, default 100), WINDOW (default 1ms), GAIN_SHIFT
(1-8, default 4).

=h ports read-only     per-port occupancy, marks, drops
=h alpha read-only     the buckets with the highest alpha
*/

class EcnThresholdMarker : public Element {
  public:
    EcnThresholdMarker();
    ~EcnThresholdMarker();

    const char *class_name() const { return "EcnThresholdMarker"; }
    const char *port_count() const { return PORTS_1_1X2; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    int initialize(ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    enum { MAX_PORTS = 16, NBUCKETS = 1024, VQ_SHIFT = 8, RATE_SHIFT = 24,
           ALPHA_ANNO_OFFSET = 22, ALPHA_ONE = 65535, TOP_N = 8 };

    struct VirtualPort {
        uint64_t vq;            /* occupancy, bytes << VQ_SHIFT */
        uint64_t enqueued;
        uint64_t marked;
        uint64_t not_ect;       /* above K but not ECN-capable */
        uint64_t dropped;
        uint32_t peak;          /* bytes */
    };

    struct FlowBucket {         /* 16 bytes */
        uint32_t bytes;
        uint32_t marked_bytes;
        uint16_t alpha;         /* Q16, ALPHA_ONE = 1.0 */
        uint16_t ece_acks;
        uint32_t window_start_us;
    };

  private:
    VirtualPort _ports[MAX_PORTS];
    FlowBucket _buckets[NBUCKETS];
    unsigned _nports;
    uint64_t _rate_q24;         /* drain rate, bytes per ns << RATE_SHIFT */
    uint32_t _k;
    uint32_t _buffer;
    unsigned _dt_shift;
    unsigned _gain_shift;
    uint32_t _window_us;
    int64_t _last_ns;
    uint64_t _windows;

    static inline uint32_t flow_hash(uint32_t a, uint32_t b, uint16_t pa, uint16_t pb) {
        uint32_t h = a * 0x85EBCA6BU;
        h ^= (b ^ (h >> 13)) * 0xC2B2AE35U;
        h ^= ((uint32_t) pa << 16 | pb) * 0x27D4EB2FU;
        h ^= h >> 16;
        return h & (NBUCKETS - 1);
    }
    uint32_t drain_all(int64_t now_ns);
    void fold_window(FlowBucket &b, uint32_t now_us);
    Packet *mark_ce(Packet *p);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
