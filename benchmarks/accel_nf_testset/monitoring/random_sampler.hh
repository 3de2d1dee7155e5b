// -*- c++ -*-
/*
 * random_sampler.hh -- RandomSampler: packet sampling for sFlow-style
 * exports, either independently per packet or by randomised skip counts.
 */
#ifndef MONITORING_RANDOMSAMPLER_HH
#define MONITORING_RANDOMSAMPLER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * RandomSampler(N, [MODE, SEED, MIN_LENGTH])
 *
 * =s sampling
 * samples about one packet in N
 *
 * =d
 * With MODE "independent" (the default) every packet is sampled with
 * probability 1/N.  With MODE "skip" the element counts down a skip
 * counter, drawn uniformly from [1, 2N-1] after each sample, so exactly
 * one packet per skip is taken (the sFlow recommendation).  SEED (default
 * 0: take one from click_random) makes runs reproducible.  Packets shorter
 * than MIN_LENGTH bytes (default 0) are never sampled.  Sampled packets
 * leave on output 0 with the number of packets since the previous sample
 * in the EXTRA_PACKETS annotation; the others leave on output 1, or are
 * dropped when it does not exist.
 *
 * =h sampled read-only     sampled packets
 * =h skipped read-only     packets not sampled
 * =h n read/write          the sampling rate N
 */
class RandomSampler : public Element {
  public:
    RandomSampler();
    ~RandomSampler();

    const char *class_name() const override { return "RandomSampler"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

  private:
    enum { M_INDEPENDENT, M_SKIP };

    uint32_t _n;
    int _mode;
    uint64_t _seed;
    uint32_t _min_length;

    uint64_t _state;            // uniform draws (independent mode)
    uint32_t _reg;              // shift register (skip mode)
    uint32_t _cut;              // sample iff next() >> 32 < _cut
    uint32_t _skip;
    uint32_t _since;

    uint64_t _sampled;
    uint64_t _skipped;

    inline uint64_t next() {
        uint64_t x = _state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        _state = x;
        return x * 0x2545F4914F6CDD1DULL;
    }
    uint32_t register_bits(int nbits);
    void draw_skip();
    void set_rate(uint32_t n);

    static String read_n(Element *e, void *thunk);
    static int write_n(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
