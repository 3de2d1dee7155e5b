// -*- c++ -*-
/*
 * tcp_sequence_tracker.hh -- TcpSequenceTracker: follows the sequence
 * space of every TCP flow direction and classifies each segment as
 * in-order, retransmission, out-of-order (fills a known hole) or gap
 * (opens a new hole), with modulo-2^32 arithmetic.
 *
 * Training code for Clara's compute model (nf_corpus/protocol); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_TCPSEQUENCETRACKER_HH
#define CLARA_NFCORPUS_TCPSEQUENCETRACKER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
#include <clicknet/tcp.h>
CLICK_DECLS

/*
=c

TcpSequenceTracker(KEYWORDS)

=s tcp

classifies TCP segments by their position in the sequence space

=d

Keeps, per flow direction (an IPFlowID in a HashMap), the next expected
sequence number, the highest sequence number seen and up to MAX_HOLES
(4) outstanding holes.  Each TCP segment's sequence length (payload plus
one for SYN and for FIN) is compared with that state using modulo-2^32
comparisons:

  in-order        starts exactly at the expected sequence number
  retransmission  lies entirely below the expected sequence number (a
                  partial overlap counts as a retransmission too, and
                  advances the expected number)
  out-of-order    starts above the expected number but below the highest
                  seen, i.e. lands in a known hole
  gap             starts above the highest sequence number seen, opening
                  a new hole

Pure ACKs (no sequence length) are counted but not classified.  A flow
first seen without SYN is picked up mid-stream if MIDSTREAM is true (the
default).  RST removes the flow; a FIN in each direction marks it closed
and removes it when the other side's FIN has been seen as well.  The class
(1-4) is written into the paint annotation.  With DROP_RETRANSMITS true,
complete retransmissions are dropped.  At most MAX_FLOWS directions are
tracked (default 65536); beyond that new flows pass unclassified.

Keywords: MIDSTREAM (bool), DROP_RETRANSMITS (bool), MAX_FLOWS, WINDOW
(largest forward jump still treated as the same flow's data, default
1 GiB; larger jumps resynchronize the flow).

=h in_order, retransmissions, out_of_order, gaps read-only  packets per class
=h bytes read-only     payload bytes per class
=h gap_sizes read-only histogram of gap sizes (log2 buckets)
=h flows read-only     tracked flow directions
=h reset write-only
*/

class TcpSequenceTracker : public Element {
  public:
    TcpSequenceTracker();
    ~TcpSequenceTracker();

    const char *class_name() const { return "TcpSequenceTracker"; }
    const char *port_count() const { return PORTS_1_1; }
    const char *processing() const { return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    Packet *simple_action(Packet *p);

    enum SegClass { c_none = 0, c_in_order, c_retransmit, c_out_of_order,
                    c_gap, c_count };
    enum { MAX_HOLES = 4, GAP_BUCKETS = 33 };

    struct Hole {
        uint32_t start;         // first missing sequence number
        uint32_t end;           // one past the last missing number
    };

    struct FlowSeq {
        uint32_t next_seq;      // next expected (host order)
        uint32_t high_seq;      // one past the highest byte seen
        uint32_t isn;
        uint8_t nholes;
        uint8_t fin_seen;
        uint8_t synced;
        Hole holes[MAX_HOLES];
        uint64_t bytes;
        uint32_t segments;
        Timestamp last;
        FlowSeq() : next_seq(0), high_seq(0), isn(0), nholes(0), fin_seen(0),
                    synced(0), bytes(0), segments(0) {}
    };

  private:
    HashMap<IPFlowID, FlowSeq> _flows;
    uint32_t _max_flows;
    uint32_t _window;
    bool _midstream;
    bool _drop_retransmits;

    uint64_t _pkts[c_count];
    uint64_t _bytes[c_count];
    uint32_t _gap_hist[GAP_BUCKETS];
    uint64_t _pure_acks;
    uint64_t _untracked;
    uint64_t _resyncs;

    /* Sequence length of a segment: payload, plus one for SYN and FIN. */
    static inline uint32_t seq_length(uint8_t flags, uint32_t payload) {
        return payload + ((flags & TH_SYN) ? 1 : 0) + ((flags & TH_FIN) ? 1 : 0);
    }
    /* floor(log2(x)) + 1, 0 for x == 0. */
    static inline int log2_bucket(uint32_t x) {
        int b = 0;
        while (x) {
            x >>= 1;
            b++;
        }
        return b;
    }

    /* Record [start, end) as missing.  When all hole slots are taken, the
       lowest hole is given up on (its data will never be classified as
       out-of-order, only as retransmission). */
    inline void add_hole(FlowSeq &f, uint32_t start, uint32_t end) {
        if (f.nholes == MAX_HOLES) {
            int low = 0;
            for (int i = 1; i < MAX_HOLES; i++)
                if (SEQ_LT(f.holes[i].start, f.holes[low].start))
                    low = i;
            f.holes[low] = f.holes[MAX_HOLES - 1];
            f.nholes--;
        }
        f.holes[f.nholes].start = start;
        f.holes[f.nholes].end = end;
        f.nholes++;
    }
    bool fill_holes(FlowSeq &f, uint32_t seq, uint32_t end);
    int classify(FlowSeq &f, uint32_t seq, uint32_t len);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
