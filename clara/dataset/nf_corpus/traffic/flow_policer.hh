// -*- c++ -*-
/*
 * flow_policer.{cc,hh} -- per-flow token-bucket policer.
 *
 * Training code for Clara's compute model (an NF-like Click element written
 * for the dataset); not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_FLOWPOLICER_HH
#define CLARA_NFCORPUS_FLOWPOLICER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * FlowPolicer(RATE, BURST [, CAPACITY, IDLE, IP_BYTES])
 *
 * =s shaping
 * polices every 5-tuple flow to a token-bucket rate
 *
 * =d
 * Each IPv4 flow (addresses, ports and protocol) gets its own token
 * bucket of depth BURST bytes, refilled at RATE bytes per second from the
 * time elapsed since the flow's previous packet.  A packet that finds
 * enough tokens conforms and leaves on output 0; otherwise it exceeds and
 * leaves on output 1 (or is dropped if there is one output).  Flows without
 * ports (ICMP, fragments) share one bucket per address pair and protocol.
 *
 * The flow table holds at most CAPACITY buckets.  When it is full, the
 * oldest flow in insertion order is evicted (an idle one if the next few
 * candidates include one older than IDLE).
 *
 * =h flows read-only        buckets in the table
 * =h conform read-only      conforming packets
 * =h exceed read-only       exceeding packets
 * =h evictions read-only    buckets evicted to make room
 * =h rate read/write        token rate in bytes per second
 * =h reset write-only       empty the table and zero counters
 */
class FlowPolicer : public Element {
  public:
    FlowPolicer();
    ~FlowPolicer();

    const char *class_name() const override { return "FlowPolicer"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

    enum { EVICT_LOOKAHEAD = 4 };

    struct Bucket {
        uint64_t tokens;        // in millibytes, so slow rates still refill
        Timestamp last;
        uint32_t conform_pkts;
        uint32_t exceed_pkts;
        uint64_t conform_bytes;
        uint16_t proto;
        uint16_t slot;          // index in the insertion-order ring
        Bucket() : tokens(0), conform_pkts(0), exceed_pkts(0),
                   conform_bytes(0), proto(0), slot(0) {}
    };

  private:
    enum { h_flows, h_conform, h_exceed, h_evictions, h_rate, h_reset };

    HashMap<IPFlowID, Bucket> _flows;
    Vector<IPFlowID> _order;    // ring of keys in insertion order
    uint32_t _order_head;       // oldest entry
    uint32_t _order_count;

    uint64_t _rate;             // bytes per second
    uint64_t _burst_milli;      // bucket depth in millibytes
    uint32_t _capacity;
    Timestamp _idle;
    bool _ip_bytes;

    uint64_t _conform;
    uint64_t _exceed;
    uint64_t _evictions;
    uint64_t _non_ip;

    // Tokens (millibytes) earned over delta at _rate bytes per second.
    inline uint64_t earned(const Timestamp &delta) const {
        int64_t ns = delta.nsecval();
        if (ns <= 0)
            return 0;
        // rate * ns / 1e6 = millibytes; split to keep it in 64 bits
        uint64_t whole_ms = (uint64_t) ns / 1000000;
        uint64_t rest_ns = (uint64_t) ns % 1000000;
        return whole_ms * _rate + (rest_ns * _rate) / 1000000;
    }

    bool flow_key(Packet *p, IPFlowID &key, uint16_t &proto) const;
    Bucket *lookup_or_create(const IPFlowID &key, uint16_t proto,
                             const Timestamp &now);
    void evict_one(const Timestamp &now);
    void refill(Bucket *b, const Timestamp &now) const;
    void reset();

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
