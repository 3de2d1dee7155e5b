#ifndef CLARA_EXAMPLES_TIMESTAMPFILTER_HH
#define CLARA_EXAMPLES_TIMESTAMPFILTER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * TimestampFilter([MAXAGE, START, END, FLOW_TIMEOUT, MAX_FLOWS, TRACE_TIME,
 *                  DROP_REORDERED])
 *
 * =s timestamps
 * drops or diverts stale or out-of-window packets; per-flow last-seen times
 *
 * =d
 * Models the freshness/sanity stage in front of a latency-sensitive
 * application or of a trace-replay pipeline (market-data feed handlers,
 * telemetry collectors, PTP-stamped captures): each packet's timestamp
 * annotation (set by the NIC or by FromDump) is checked against
 *   - a maximum age MAXAGE relative to the reference clock, and
 *   - an absolute window [START, END],
 * and rejected packets leave on output 1, or are dropped if there is no
 * output 1.  For each IPv4 5-tuple the element keeps the last-seen time in a
 * HashMap and counts packets whose timestamp goes backwards (reordering
 * upstream), optionally rejecting them (DROP_REORDERED).  Flows idle for
 * FLOW_TIMEOUT are swept out periodically, a bounded number per sweep.  It
 * also keeps the packet and bit rates over one-second intervals with an
 * exponentially weighted moving average.
 *
 * The reference clock is the system clock, or with TRACE_TIME the newest
 * timestamp seen so far, which makes the element deterministic on replayed
 * traces.
 *
 * Keyword arguments:
 * =item MAXAGE         Timestamp.  Maximum age; 0 disables.  Default 0.
 * =item START, END     Timestamps.  Window; unset bounds are open.
 * =item FLOW_TIMEOUT   Timestamp.  Idle time before a flow is forgotten.
 *                      Default 30 seconds.
 * =item MAX_FLOWS      Integer.  Flow table limit.  Default 65536.
 * =item TRACE_TIME     Boolean.  Use trace time as the clock.  Default false.
 * =item DROP_REORDERED Boolean.  Reject packets older than their flow's last
 *                      packet.  Default false.
 *
 * =h passed, too_old, out_of_window, reordered, no_timestamp read-only
 * =h flows read-only   flows in the table
 * =h rate read-only    "PPS BPS" (moving averages)
 * =h reset write-only  zero counters, forget flows
 */
class TimestampFilter : public Element {
  public:
    TimestampFilter();
    ~TimestampFilter();

    const char *class_name() const override { return "TimestampFilter"; }
    const char *port_count() const override { return "1/1-2"; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

  private:
    enum { GC_EVERY = 4096, GC_MAX_REMOVE = 256, EWMA_SHIFT = 3 };
    enum { h_passed, h_too_old, h_out_of_window, h_reordered, h_no_timestamp,
           h_flows, h_rate, h_reset };

    struct FlowInfo {
        Timestamp first_seen;
        Timestamp last_seen;
        uint32_t packets;
        uint32_t reordered;
    };

    // configuration
    Timestamp _maxage;
    Timestamp _start;
    Timestamp _end;
    bool _have_start;
    bool _have_end;
    Timestamp _flow_timeout;
    uint32_t _max_flows;
    bool _trace_time;
    bool _drop_reordered;

    // state
    HashMap<IPFlowID, FlowInfo> _flows;
    Timestamp _latest;              // newest timestamp seen (trace clock)
    uint32_t _since_gc;

    Timestamp _interval_start;      // rate measurement
    uint32_t _interval_packets;
    uint64_t _interval_bytes;
    uint64_t _ewma_pps;             // scaled by 2^EWMA_SHIFT
    uint64_t _ewma_bps;

    // statistics
    uint64_t _passed;
    uint64_t _too_old;
    uint64_t _out_of_window;
    uint64_t _reordered;
    uint64_t _no_timestamp;
    uint64_t _flow_overflow;

    Packet *reject(Packet *p, uint64_t &counter);
    bool track_flow(Packet *p, const Timestamp &ts);
    void update_rate(const Timestamp &now, uint32_t len);
    void expire_flows(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
