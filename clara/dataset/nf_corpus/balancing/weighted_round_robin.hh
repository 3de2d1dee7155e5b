// -*- c++ -*-
/*
 * weighted_round_robin.hh -- WeightedRoundRobin: smooth weighted round
 * robin over up to 32 backends with passive health checking (failures
 * reported on a feedback input take a backend out for a while) and
 * per-backend rate caps that make the scheduler skip busy backends.
 *
 * Training code for Clara's compute model (nf_corpus/balancing); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_WEIGHTEDROUNDROBIN_HH
#define CLARA_NFCORPUS_WEIGHTEDROUNDROBIN_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * WeightedRoundRobin(WEIGHTS [, MAX_FAILS, FAIL_TIMEOUT, RATE_CAP, VLAN_BASE])
 *
 * =s balancing
 * spreads packets over backends by smooth weighted round robin
 *
 * =d
 * WEIGHTS is a space- or comma-separated list of 1 to 32 backend weights
 * (1-10000).  Each packet on input 0 goes to the backend chosen by smooth
 * weighted round robin: every healthy backend's current weight grows by
 * its effective weight, the largest wins and gives back the sum.  The
 * packet leaves on output (backend mod noutputs) with the backend in the
 * paint annotation and a VLAN TCI annotation of VID VLAN_BASE+backend
 * (default 100) and priority from the packet's IP precedence.
 *
 * Input 1, if connected, receives copies of the backends' replies, painted
 * with the backend index: a TCP RST or an ICMP destination-unreachable is
 * a failure and lowers the backend's effective weight; MAX_FAILS (default
 * 3) failures in a row take it out for FAIL_TIMEOUT (default 10 s), after
 * which it comes back with effective weight 1 and recovers by one per pick.
 * Any other reply resets the failure count.  Feedback packets are consumed.
 *
 * RATE_CAP (packets per second per backend, default 0: none) makes the
 * scheduler skip a backend that already took that many packets this
 * second; if every healthy backend is capped the least loaded one is used.
 *
 * =h backends read-only   weights, state and counters
 */
class WeightedRoundRobin : public Element {
  public:
    WeightedRoundRobin();
    ~WeightedRoundRobin();

    const char *class_name() const override { return "WeightedRoundRobin"; }
    const char *port_count() const override { return "1-2/1-32"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_BACKENDS = 32, MAX_WEIGHT = 10000 };

  private:
    int32_t _weight[MAX_BACKENDS];
    int32_t _effective[MAX_BACKENDS];
    int32_t _current[MAX_BACKENDS];
    uint8_t _fails[MAX_BACKENDS];
    uint32_t _sec_count[MAX_BACKENDS];
    Timestamp _down_until[MAX_BACKENDS];
    uint64_t _picks[MAX_BACKENDS];
    uint64_t _bytes[MAX_BACKENDS];
    uint32_t _failures[MAX_BACKENDS];
    uint32_t _outages[MAX_BACKENDS];
    int _n;
    uint32_t _healthy;          /* bit i: backend i is in rotation */
    uint32_t _max_fails;
    Timestamp _fail_timeout;
    uint32_t _rate_cap;
    uint16_t _vlan_base;
    int64_t _cap_second;

    uint64_t _skipped;
    uint64_t _forced;
    uint64_t _no_backend;
    uint64_t _feedback;

    static int parse_weights(const String &s, int32_t *out, int max);
    void revive(const Timestamp &now);
    int pick();
    void report(int b, bool failed, const Timestamp &now);
    void handle_feedback(Packet *p);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
