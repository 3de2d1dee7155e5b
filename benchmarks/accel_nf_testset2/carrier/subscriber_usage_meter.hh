// -*- c++ -*-
/*
 * subscriber_usage_meter.hh -- SubscriberUsageMeter: per-subscriber volume
 * accounting for usage reporting (URR on a UPF, RADIUS interim accounting
 * on a BNG), with a smoothed rate estimate, a volume quota and random
 * sampling of packets for the analytics function.
 */
#ifndef CARRIER_SUBSCRIBER_USAGE_METER_HH
#define CARRIER_SUBSCRIBER_USAGE_METER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * SubscriberUsageMeter([UPLINK, QUOTA_BYTES, SAMPLE_ONE_IN, SEED, MAX_SUBS])
 *
 * =d
 * Input: IPv4 packets.  The subscriber is the source address with UPLINK,
 * the destination otherwise.  Packets of subscribers within quota leave on
 * output 0; once a subscriber exceeds QUOTA_BYTES (0 = no quota), its
 * packets leave on output 1 (redirect / throttle).  About one packet in
 * SAMPLE_ONE_IN is copied to output 2, if present.
 *
 * =h usage read-only     per-subscriber bytes, packets, smoothed rate
 * =h reset write-only    clear all counters
 */
class SubscriberUsageMeter : public Element {
  public:
    SubscriberUsageMeter();
    ~SubscriberUsageMeter();

    const char *class_name() const override { return "SubscriberUsageMeter"; }
    const char *port_count() const override { return "1/2-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { TICK_MS = 100, EWMA_SHIFT = 3 };

    struct Usage {
        uint64_t bytes;
        uint64_t pkts;
        uint64_t window_bytes;      // bytes in the current tick
        uint64_t rate_fp;           // bytes/s << 8, smoothed
        int64_t tick_start_ms;
        bool over_quota;
        Usage() : bytes(0), pkts(0), window_bytes(0), rate_fp(0), tick_start_ms(0),
                  over_quota(false) {}
    };

  private:
    HashMap<IPAddress, Usage> _subs;
    bool _uplink;
    uint64_t _quota;
    uint32_t _sample_one_in;
    uint32_t _rng;
    int _max_subs;

    uint64_t _sampled;
    uint64_t _redirected;
    uint64_t _table_full;

    void close_ticks(Usage &u, int64_t now_ms);

    static String read_usage(Element *e, void *);
    static int write_reset(const String &, Element *e, void *, ErrorHandler *);
};

CLICK_ENDDECLS
#endif
