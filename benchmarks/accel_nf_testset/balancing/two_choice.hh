// -*- c++ -*-
/*
 * two_choice.hh -- TwoChoice: request balancer for stateless UDP services
 * (DNS, memcached-over-UDP).  Each request samples two servers at random
 * and goes to the one with fewer requests in flight.
 */
#ifndef BALANCING_TWOCHOICE_HH
#define BALANCING_TWOCHOICE_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * TwoChoice([SEED, LEAK_MS])
 *
 * =d
 * Input 0: requests; output i (i < n-1) leads to server i.  Input 1:
 * responses, whose paint annotation names the server that sent them; they
 * leave on the last output.  A server's in-flight count rises with each
 * request and falls with each response; every LEAK_MS milliseconds
 * (default 100) a quarter of it leaks away so lost responses do not pin a
 * server as busy forever.  A smoothed in-flight average is kept for the
 * "load" handler.
 */
class TwoChoice : public Element {
  public:
    TwoChoice();
    ~TwoChoice();

    const char *class_name() const override { return "TwoChoice"; }
    const char *port_count() const override { return "2/3-65"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_SERVERS = 64 };

  private:
    uint32_t _state;                // generator state, never 0
    int _n;
    uint32_t _inflight[MAX_SERVERS];
    uint32_t _smooth[MAX_SERVERS];  // << 8
    uint64_t _sent[MAX_SERVERS];
    uint64_t _answers[MAX_SERVERS];
    click_jiffies_t _last_leak;
    click_jiffies_t _leak_j;
    uint64_t _stray;

    inline uint32_t next_random() {
        uint32_t x = _state;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return _state = x;
    }
    void leak(click_jiffies_t now);

    static String read_load(Element *e, void *);
};

CLICK_ENDDECLS
#endif
