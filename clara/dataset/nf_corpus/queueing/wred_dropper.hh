// -*- c++ -*-
/*
 * wred_dropper.hh -- WredDropper: weighted random early detection over a
 * simulated output queue, with one RED profile (thresholds, max drop
 * probability) per drop precedence.
 *
 * Training code for Clara's compute model (nf_corpus/queueing); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_CORPUS_WREDDROPPER_HH
#define CLARA_CORPUS_WREDDROPPER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
=c

WredDropper(KEYWORDS)

=s aqm

weighted RED on a simulated queue, per drop precedence

=d

Models the output queue of a link of RATE bytes/s: every accepted packet
adds its IP length to the queue, which drains by the time elapsed between
packets.  The queue's average length is an EWMA with weight 2^-WEIGHT,
decayed over idle periods as if small packets had arrived.  Each packet has
a drop precedence -- the AF drop precedence of its DSCP (PREC dscp), its
paint annotation (PREC paint) or its IP precedence bits (PREC ipprec) --
which selects a PROFILE "MIN MAX MAXP" (bytes, bytes, percent).  Between
MIN and MAX the packet is dropped with RED's count-corrected probability;
above MAX it is dropped (or, with GENTLE, dropped with a probability
rising from MAXP to 100% at twice MAX).  With ECN, ECN-capable packets are
marked CE instead of early-dropped.  The queue never exceeds LIMIT bytes.
Passed packets leave on output 0, dropped ones on output 1 (or die).

Keywords: RATE (bytes/s, mandatory), LIMIT (bytes, default 262144),
PROFILE (repeatable, at least one), PREC (dscp|paint|ipprec), WEIGHT
(1-16, default 9), MEAN_PKT (bytes, default 500), GENTLE (bool, true), ECN
(bool, false).

=h stats read-only   per-profile passed/marked/early/forced counts
=h avg read-only     average queue length in bytes
=h histogram read-only
*/

class WredDropper : public Element {
  public:
    WredDropper();
    ~WredDropper();

    const char *class_name() const { return "WredDropper"; }
    const char *port_count() const { return PORTS_1_1X2; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    int initialize(ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    enum { MAX_PROFILES = 8, AVG_SHIFT = 16, PROB_BITS = 16, HIST_BINS = 64,
           MAX_DECAY_STEPS = 512 };
    enum PrecSource { PREC_DSCP, PREC_PAINT, PREC_IPPREC };
    enum Verdict { V_PASS, V_MARK, V_EARLY, V_FORCED, V_TAIL };

    struct Profile {
        uint32_t min_th;
        uint32_t max_th;
        uint32_t maxp;          /* Q16 probability */
        uint32_t inv_range;     /* 2^32 / (max_th - min_th) */
        int32_t count;          /* packets since the last early drop, -1 = idle */
        uint64_t passed;
        uint64_t marked;
        uint64_t early;
        uint64_t forced;
    };

  private:
    Profile _profiles[MAX_PROFILES];
    uint8_t _prec_map[64];      /* DSCP / IP precedence -> profile */
    int _nprofiles;
    PrecSource _prec_source;

    uint64_t _rate;             /* bytes per second */
    uint32_t _limit;
    uint32_t _qlen;             /* simulated backlog, bytes */
    uint64_t _avg;              /* bytes << AVG_SHIFT */
    unsigned _weight;
    uint32_t _mean_pkt_ns;      /* transmission time of a MEAN_PKT packet */
    int64_t _last_ns;
    int64_t _idle_since_ns;     /* 0 while busy */
    bool _gentle;
    bool _ecn;
    uint64_t _tail_drops;
    uint32_t _hist[HIST_BINS];

    int parse_profile(const String &text, Profile &pr, ErrorHandler *errh);
    void drain(int64_t now_ns);
    void update_average(int64_t now_ns);
    uint32_t drop_probability(const Profile &pr, uint32_t avg) const;
    Verdict decide(Profile &pr, bool ect, uint32_t len);
    int precedence(const Packet *p, const click_ip *iph) const;
    Packet *mark_ce(Packet *p);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
