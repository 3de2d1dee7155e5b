// -*- c++ -*-
/*
 * codel_marker.hh -- CoDelMarker: the CoDel control law (RFC 8289) applied
 * at dequeue time to packets whose enqueue time an upstream element left in
 * the first-timestamp annotation; ECN-capable packets are marked CE,
 * others dropped.  Optionally one CoDel state per hashed flow (FQ style).
 *
 * Training code for Clara's compute model (nf_corpus/queueing); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_CORPUS_CODELMARKER_HH
#define CLARA_CORPUS_CODELMARKER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
=c

CoDelMarker(KEYWORDS)

=s aqm

CoDel marking/dropping from sojourn-time annotations

=d

Place after a queue: the enqueue side stamps FIRST_TIMESTAMP_ANNO, and
the packet's timestamp annotation (or the current time) is its dequeue
time.  The difference is the sojourn time.  Once sojourn times stay above
TARGET for a whole INTERVAL the state enters the dropping state, where
packets are marked or dropped at times spaced INTERVAL/sqrt(count) apart;
it leaves it as soon as a sojourn falls below TARGET.  With ECN,
ECN-capable packets are marked CE (updating the IP checksum) and leave on
output 0; other selected packets go to output 1 (or die).  Packets without
an enqueue stamp, or smaller than MIN_BYTES, are never selected.  With
FLOWS N > 1, each flow (5-tuple hash) has its own CoDel state.

Keywords: TARGET (default 5ms), INTERVAL (default 100ms), ECN (bool,
true), FLOWS (1-64, default 1), MIN_BYTES (default 0), CE_THRESHOLD
(marks every ECT packet with a sojourn above it; 0 = off).

=h stats read-only      per-state count, marks, drops, dropping flag
=h sojourn read-only    log2 histogram of sojourn times in microseconds
*/

class CoDelMarker : public Element {
  public:
    CoDelMarker();
    ~CoDelMarker();

    const char *class_name() const { return "CoDelMarker"; }
    const char *port_count() const { return PORTS_1_1X2; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    int initialize(ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    enum { MAX_FLOWS = 64, SQRT_TABLE = 16, NEWTON_STEPS = 4, HIST_BINS = 32 };
    enum Action { A_PASS, A_SIGNAL };

    struct CoDelState {
        int64_t first_above_ns;     /* 0: sojourn below target */
        int64_t drop_next_ns;
        uint32_t count;
        uint32_t lastcount;
        uint32_t rec_inv_sqrt;      /* 1/sqrt(count), Q0.32 (~0 for 1) */
        bool dropping;
        uint64_t packets;
        uint64_t marks;
        uint64_t drops;
        int64_t max_sojourn_ns;
    };

  private:
    CoDelState _state[MAX_FLOWS];
    uint32_t _inv_sqrt_table[SQRT_TABLE];
    uint32_t _hist[HIST_BINS];
    int64_t _target_ns;
    int64_t _interval_ns;
    int64_t _ce_threshold_ns;
    unsigned _nflows;
    unsigned _min_bytes;
    bool _ecn;
    uint64_t _unstamped;
    uint64_t _ce_threshold_marks;

    static uint32_t newton_step(uint32_t y, uint32_t count);
    uint32_t inv_sqrt(uint32_t count) const;
    int64_t control_law(const CoDelState &s, int64_t t) const {
        return t + (int64_t) (((uint64_t) _interval_ns * s.rec_inv_sqrt) >> 32);
    }
    bool ok_to_signal(CoDelState &s, int64_t now, int64_t sojourn);
    Action codel(CoDelState &s, int64_t now, int64_t sojourn);
    unsigned flow_index(const Packet *p, const click_ip *iph) const;
    Packet *set_ce(Packet *p);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
