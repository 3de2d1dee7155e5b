// -*- c++ -*-
/*
 * source_cardinality.hh -- SourceCardinality: counts the distinct source
 * addresses that talk to each protected host with a HyperLogLog sketch and
 * raises an alarm (diverting that host's traffic) when the count jumps, as
 * in a spoofed-source flood.
 */
#ifndef MONITORING_SOURCECARDINALITY_HH
#define MONITORING_SOURCECARDINALITY_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * SourceCardinality(HOST ADDR, [HOST ADDR ..., PRECISION, LIMIT, WINDOW_MS, SALT])
 *
 * =s measurement
 * estimates distinct sources per protected host
 *
 * =d
 * Each HOST (at most 64) gets 2^PRECISION one-byte registers (PRECISION
 * 6-14, default 10).  Packets to a HOST update its registers; the estimate
 * is refreshed every 256 packets to that host.  When it exceeds LIMIT
 * distinct sources (default 5000) in the current window the host is in
 * alarm and its packets leave on output 1 (if present) until the window
 * of WINDOW_MS milliseconds (default 10000) ends and the registers are
 * cleared.  Packets to other hosts leave on output 0 untouched.
 *
 * =h stats read-only       per-host estimates and counters
 */
class SourceCardinality : public Element {
  public:
    SourceCardinality();
    ~SourceCardinality();

    const char *class_name() const override { return "SourceCardinality"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_HOSTS = 64 };

    struct Host {
        IPAddress addr;
        uint32_t packets;
        uint32_t since_estimate;
        double estimate;
        bool alarm;
        uint32_t alarms;
    };

  private:
    Host _hosts[MAX_HOSTS];
    int _nhosts;
    Vector<uint8_t> _regs;              // _nhosts << _p registers
    unsigned _p;
    uint32_t _limit;
    uint32_t _window_ms;
    uint32_t _salt;
    double _alpha_mm;
    Timestamp _window_start;

    uint64_t _packets;
    uint64_t _diverted;
    uint64_t _windows;

    int find_host(IPAddress dst) const;
    double estimate(int h) const;
    void new_window(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
