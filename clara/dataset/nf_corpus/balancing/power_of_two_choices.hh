// -*- c++ -*-
/*
 * power_of_two_choices.hh -- PowerOfTwoChoices: "power of two choices"
 * load balancing.  Two candidate backends are drawn per packet (at random
 * or from two hashes of the flow); the one with the smaller EWMA queue
 * depth estimate wins.
 *
 * Training code for Clara's compute model (nf_corpus/balancing); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_POWEROFTWOCHOICES_HH
#define CLARA_NFCORPUS_POWEROFTWOCHOICES_HH
#include <click/element.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * PowerOfTwoChoices(BACKENDS [, CHOICE, SHIFT, RATE R, ..., FEEDBACK, LIMIT])
 *
 * =s balancing
 * sends each packet to the less loaded of two candidate backends
 *
 * =d
 * BACKENDS (2-64) backends leave on outputs (index mod noutputs).  For
 * each packet on input 0 two distinct candidates are drawn: with CHOICE
 * RANDOM (default) by click_random, with CHOICE HASH from two independent
 * hashes of the IPv4 flow (so a flow always sees the same pair).  Every
 * backend has an outstanding-packet count and an EWMA of it (gain
 * 1/2^SHIFT, default SHIFT 3, 8 fractional bits).  Without FEEDBACK the
 * outstanding count drains by time at RATE packets per millisecond (the
 * RATE keywords pair up with the backends, default 100); with FEEDBACK
 * true it drains only by completion notices arriving on input 1 painted
 * with the backend index (they are consumed).  The candidate with the
 * lower estimate wins (ties: the lower outstanding count, then
 * alternately).  If the winner already has LIMIT outstanding packets
 * (default 0: no limit) the packet is shed.  The backend goes into the
 * paint annotation, its estimate (packets) into the aggregate annotation.
 *
 * =h backends read-only   per-backend depth, estimate and statistics
 * =h gaps read-only       histogram of estimate gaps between candidates
 */
class PowerOfTwoChoices : public Element {
  public:
    PowerOfTwoChoices();
    ~PowerOfTwoChoices();

    const char *class_name() const override { return "PowerOfTwoChoices"; }
    const char *port_count() const override { return "1-2/1-64"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_BACKENDS = 64, FRAC = 8, GAP_BUCKETS = 24 };

    struct ChoiceStats {
        uint64_t picks;
        uint64_t bytes;
        uint32_t offered;       /* times drawn as a candidate */
        uint32_t wins;          /* won a strict comparison */
        uint32_t ties;
        uint32_t peak_depth;
        ChoiceStats() : picks(0), bytes(0), offered(0), wins(0), ties(0), peak_depth(0) {}
    };

  private:
    uint32_t _outstanding[MAX_BACKENDS];
    uint32_t _ewma[MAX_BACKENDS];       /* depth << FRAC */
    uint32_t _rate[MAX_BACKENDS];       /* packets per ms */
    int64_t _drained_to[MAX_BACKENDS];  /* ns up to which draining is accounted */
    Vector<ChoiceStats> _stats;
    Vector<uint64_t> _gap_hist;
    int _n;
    int _shift;
    uint32_t _limit;
    bool _hash_choice;
    bool _feedback;
    bool _tie_flip;

    uint64_t _shed;
    uint64_t _completions;
    uint64_t _unhashable;

    static inline uint32_t mulxs(uint32_t x, uint32_t k) {
        x *= k;
        x ^= x >> 16;
        x *= 0x21F0AAADU;
        x ^= x >> 15;
        return x;
    }
    bool candidates_from_flow(Packet *p, int &a, int &b) const;
    void candidates_random(int &a, int &b) const;
    void refresh(int i, int64_t now_ns);
    void note_gap(uint32_t ea, uint32_t eb);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
