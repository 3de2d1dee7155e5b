// -*- c++ -*-
/*
 * latency_stamper.{cc,hh} -- LatencyStamper: stamps outgoing packets with a
 * sequence number and send time in a trailer, and matches them when they
 * come back to measure latency, loss and reordering.
 *
 * Training code for Clara's compute model (nf_corpus/telemetry); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_LATENCYSTAMPER_HH
#define CLARA_NFCORPUS_LATENCYSTAMPER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * LatencyStamper([BATCH, MAGIC, STRIP])
 *
 * =s measurement
 * trailer-based latency probe with percentile summaries
 *
 * =d
 * Two inputs, two outputs.  A packet on input 0 gets a 16-byte trailer --
 * MAGIC (32 bits), a sequence number (32 bits) and the send time in
 * nanoseconds (64 bits), all in network byte order -- and leaves on output
 * 0; its sequence number is also stored in the SEQUENCE_NUMBER annotation.
 * The element remembers the send time of the last 8192 sequence numbers.
 *
 * A packet on input 1 is a returning packet: if its last 16 bytes are a
 * trailer with MAGIC, the latency is computed from the remembered send time
 * (or, when that slot was reused, from the trailer's own time), the trailer
 * is removed when STRIP is true, and the packet leaves on output 1.  Late
 * or duplicate returns, reordering and slots reused before their packet
 * came back (losses) are counted.
 *
 * Latencies are kept in a sorted Vector of at most BATCH values (bounded
 * insertion sort); when it is full, min, p50, p90, p99 and max are saved in
 * a ring of 64 summaries and the batch starts over.
 *
 * =h stamped read-only     packets stamped
 * =h returned read-only    trailers matched
 * =h lost read-only        sequence numbers never seen back
 * =h summaries read-only   "MIN P50 P90 P99 MAX" in ns, oldest first
 * =h reset write-only      zero everything
 */
class LatencyStamper : public Element {
  public:
    LatencyStamper();
    ~LatencyStamper();

    const char *class_name() const override { return "LatencyStamper"; }
    const char *port_count() const override { return "2/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

    enum { WINDOW = 8192, TRAILER_LEN = 16, NSUMMARY = 64, MAX_BATCH = 4096 };

    struct Summary {
        uint32_t min_ns;
        uint32_t p50_ns;
        uint32_t p90_ns;
        uint32_t p99_ns;
        uint32_t max_ns;
        uint32_t count;
        int64_t closed_ns;
    };

  private:
    enum { h_stamped, h_returned, h_lost, h_summaries, h_reset };

    uint64_t _sent_ns[WINDOW];      // 64 KiB: send time per seq slot, 0 = free
    uint32_t _sent_seq[WINDOW];     // 32 KiB: which seq owns the slot
    Summary _summary[NSUMMARY];
    uint32_t _summary_head;
    uint32_t _nsummaries;

    Vector<uint32_t> _batch;        // sorted latencies of the current batch
    uint32_t _batch_max;

    uint32_t _magic;
    bool _strip;
    uint32_t _next_seq;
    uint32_t _highest_returned;
    bool _any_returned;

    uint64_t _stamped;
    uint64_t _returned;
    uint64_t _lost;
    uint64_t _late;
    uint64_t _duplicate;
    uint64_t _reordered;
    uint64_t _no_trailer;
    uint64_t _no_room;

    static inline void put32(unsigned char *p, uint32_t v) {
        for (int i = 3; i >= 0; i--) {
            p[i] = (unsigned char) v;
            v >>= 8;
        }
    }
    static inline uint32_t get32(const unsigned char *p) {
        return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
    }
    static inline void put64(unsigned char *p, uint64_t v) {
        put32(p, (uint32_t) (v >> 32));
        put32(p + 4, (uint32_t) v);
    }
    static inline uint64_t get64(const unsigned char *p) {
        return (uint64_t) get32(p) << 32 | get32(p + 4);
    }

    Packet *stamp(Packet *p);
    Packet *match(Packet *p);
    void add_latency(uint32_t ns);
    void close_batch();

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
