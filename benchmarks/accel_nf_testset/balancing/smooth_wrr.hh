// -*- c++ -*-
/*
 * smooth_wrr.hh -- SmoothWRR: per-packet weighted round robin over its
 * outputs, interleaved (A A B A C rather than A A A B C), with a smoothed
 * byte-rate estimate per output that can cap an output's share.
 */
#ifndef BALANCING_SMOOTHWRR_HH
#define BALANCING_SMOOTHWRR_HH
#include <click/element.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * SmoothWRR(WEIGHTS, [CAP_KBPS, SHIFT])
 *
 * =d
 * WEIGHTS is a space-separated list with one weight per output.  Each
 * packet goes to the output whose running credit is largest; the winner
 * pays the sum of the weights.  For stateless traffic (syslog, DNS, stats
 * collectors).  A byte rate per output is kept as an exponentially
 * weighted moving average over 1-jiffy samples with gain 2^-SHIFT
 * (default 3); an output above CAP_KBPS (0 = no cap) is skipped while it
 * stays above.
 */
class SmoothWRR : public Element {
  public:
    SmoothWRR();
    ~SmoothWRR();

    const char *class_name() const override { return "SmoothWRR"; }
    const char *port_count() const override { return "1/1-32"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_OUT = 32, FRAC = 10 };

  private:
    int _n;
    int _weight[MAX_OUT];
    int _credit[MAX_OUT];
    int _total;

    // rate estimate, bytes per jiffy << FRAC
    uint64_t _avg[MAX_OUT];
    uint32_t _sample[MAX_OUT];
    click_jiffies_t _sample_tick[MAX_OUT];
    uint64_t _cap;                  // same unit as _avg, 0 = none
    unsigned _shift;

    uint64_t _sent[MAX_OUT];
    uint64_t _capped;

    void age(int i, click_jiffies_t now);
    int pick(click_jiffies_t now);

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
