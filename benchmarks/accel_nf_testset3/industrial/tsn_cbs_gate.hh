#ifndef CLICK_TSNCBSGATE_HH
#define CLICK_TSNCBSGATE_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

// TsnCbsGate(LINK_MBPS, IDLE_A_KBPS, IDLE_B_KBPS, CYCLE_NS, GCL "dur_ns:mask dur_ns:mask ...")
//
// Software model of an 802.1Q bridge egress for a TSN automotive / machine
// backbone: PCP -> traffic class (Table 8-5 defaults), time-aware gate
// (802.1Qbv gate control list, repeating every CYCLE_NS) and credit-based
// shaping (802.1Qav) for the SR class A and B queues.
// Output 0: frame may be transmitted now.  Output 1: held back (gate
// closed or negative credit); a queue element downstream retries it.
class TsnCbsGate : public Element {
  public:
    TsnCbsGate();

    const char *class_name() const { return "TsnCbsGate"; }
    const char *port_count() const { return "1/2"; }
    const char *processing() const { return PUSH; }
    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

  private:
    enum { NUM_TC = 8, MAX_GCL = 32, TC_A = 3, TC_B = 2 };

    struct GclEntry {
        uint32_t duration_ns;
        uint8_t gate_mask;      // bit t set: traffic class t open
    };
    struct Shaper {
        int64_t credit_bits;    // scaled by 1000 (milli-bits)
        int64_t idle_slope;     // bits per second
        int64_t hi_credit, lo_credit;
        int64_t last_ns;
        uint32_t held;
    };

    uint32_t _link_mbps;
    uint32_t _cycle_ns;
    int64_t _base_ns;
    GclEntry _gcl[MAX_GCL];
    int _ngcl;
    Shaper _cbs[2];
    uint32_t _tx[NUM_TC];
    uint32_t _gate_closed[NUM_TC];

    uint8_t gate_state(int64_t now_ns) const;
    bool cbs_admit(Shaper &s, uint32_t frame_bytes, int64_t now_ns);
};

CLICK_ENDDECLS
#endif
