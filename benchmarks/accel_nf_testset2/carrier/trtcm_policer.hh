// -*- c++ -*-
/*
 * trtcm_policer.hh -- TrTcmPolicer: per-QoS-flow two-rate three-color
 * policing (RFC 2698) for a UPF's GBR/MBR enforcement or a BNG's
 * subscriber service profiles.
 *
 * Each policer instance has a committed rate/burst (CIR/CBS) and a peak
 * rate/burst (PIR/PBS).  The instance is selected by the paint annotation
 * (the QFI set by the session table) or by the aggregate annotation (the
 * session id), modulo the number of instances.
 */
#ifndef CARRIER_TRTCM_POLICER_HH
#define CARRIER_TRTCM_POLICER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * TrTcmPolicer(CIR, CBS, PIR, PBS, [INSTANCES, BY_SESSION, COLOR_AWARE])
 *
 * =d
 * Rates in bytes per second, bursts in bytes.  Green packets leave on
 * output 0, yellow on output 1, red on output 2 (red packets are dropped if
 * output 2 does not exist).  With COLOR_AWARE, the packet's DSCP drop
 * precedence (AFx1/AFx2/AFx3) is its pre-color.
 */
class TrTcmPolicer : public Element {
  public:
    TrTcmPolicer();
    ~TrTcmPolicer();

    const char *class_name() const override { return "TrTcmPolicer"; }
    const char *port_count() const override { return "1/2-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum Color { GREEN = 0, YELLOW = 1, RED = 2 };
    enum { MAX_INSTANCES = 1024 };

  private:
    struct Buckets {
        uint64_t tc;            // committed tokens, bytes << SCALE
        uint64_t tp;            // peak tokens, bytes << SCALE
        int64_t last_ns;
        uint64_t colored[3];
    };
    enum { SCALE = 10 };

    Buckets _b[MAX_INSTANCES];
    int _n;
    uint64_t _cir, _cbs, _pir, _pbs;
    uint64_t _cir_ns, _pir_ns;          // bytes per ns, 24 fraction bits
    bool _by_session;
    bool _color_aware;
    uint64_t _red_dropped;

    void refill(Buckets &b, int64_t now_ns);
    Color precolor(const Packet *p) const;

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
