// TSN egress model: 802.1Qbv time-aware gate + 802.1Qav credit-based shaper

#include <click/config.h>
#include "tsn_cbs_gate.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/confparse.hh>
#include <clicknet/ether.h>
CLICK_DECLS

// 802.1Q default PCP -> traffic class for 8 classes (note PCP 0 -> TC 1).
static const uint8_t pcp_to_tc[8] = { 1, 0, 2, 3, 4, 5, 6, 7 };

static inline int64_t
sat_add(int64_t a, int64_t b, int64_t lo, int64_t hi)
{
    int64_t r = a + b;
    return r > hi ? hi : (r < lo ? lo : r);
}

TsnCbsGate::TsnCbsGate()
    : _link_mbps(1000), _cycle_ns(0), _base_ns(0), _ngcl(0)
{
    memset(_cbs, 0, sizeof(_cbs));
    memset(_tx, 0, sizeof(_tx));
    memset(_gate_closed, 0, sizeof(_gate_closed));
}

int
TsnCbsGate::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint32_t idle_a = 0, idle_b = 0;
    String gcl;
    if (Args(conf, this, errh)
        .read_mp("LINK_MBPS", _link_mbps)
        .read_p("IDLE_A_KBPS", idle_a)
        .read_p("IDLE_B_KBPS", idle_b)
        .read("CYCLE_NS", _cycle_ns)
        .read("GCL", gcl)
        .complete() < 0)
        return -1;
    if (_link_mbps == 0 || (uint64_t) (idle_a + idle_b) > (uint64_t) _link_mbps * 750)
        return errh->error("SR classes may reserve at most 75%% of the link");

    Vector<String> words;
    cp_spacevec(gcl, words);
    uint64_t total = 0;
    for (int i = 0; i < words.size(); i++) {
        int colon = words[i].find_left(':');
        unsigned dur, mask;
        if (colon < 0 || _ngcl >= MAX_GCL
            || !cp_integer(words[i].substring(0, colon), &dur)
            || !cp_integer(words[i].substring(colon + 1), 16, &mask) || mask > 0xFF)
            return errh->error("GCL entry %d malformed", i);
        _gcl[_ngcl].duration_ns = dur;
        _gcl[_ngcl].gate_mask = mask;
        _ngcl++;
        total += dur;
    }
    if (_ngcl && total != _cycle_ns)
        return errh->error("GCL durations add up to %llu, not CYCLE_NS", (unsigned long long) total);

    // hiCredit/loCredit from the max interfering / max own frame (1522 B)
    const int64_t max_frame_bits = 1522 * 8;
    uint32_t slopes[2] = { idle_a, idle_b };
    for (int k = 0; k < 2; k++) {
        Shaper &s = _cbs[k];
        s.idle_slope = (int64_t) slopes[k] * 1000;
        int64_t port_rate = (int64_t) _link_mbps * 1000000;
        int64_t send_slope = s.idle_slope - port_rate;
        s.hi_credit = max_frame_bits * s.idle_slope / port_rate * 1000;
        s.lo_credit = max_frame_bits * send_slope / port_rate * 1000;
    }
    _base_ns = Timestamp::now_steady().nsecval();
    return 0;
}

// Which gates are open at now_ns: walk the list until the offset falls inside an entry.
uint8_t
TsnCbsGate::gate_state(int64_t now_ns) const
{
    if (_ngcl == 0 || _cycle_ns == 0)
        return 0xFF;
    uint32_t off = (uint32_t) ((now_ns - _base_ns) % _cycle_ns);
    for (int i = 0; i < _ngcl; i++) {
        if (off < _gcl[i].duration_ns)
            return _gcl[i].gate_mask;
        off -= _gcl[i].duration_ns;
    }
    return _gcl[_ngcl - 1].gate_mask;
}

bool
TsnCbsGate::cbs_admit(Shaper &s, uint32_t frame_bytes, int64_t now_ns)
{
    // credit grows with idleSlope while frames wait (or while it is negative)
    int64_t dt = now_ns - s.last_ns;
    s.last_ns = now_ns;
    if (dt > 0)
        s.credit_bits = sat_add(s.credit_bits, s.idle_slope * dt / 1000000, INT64_MIN / 2, s.hi_credit);
    if (s.credit_bits < 0) {
        s.held++;
        return false;
    }
    // transmission: credit falls with sendSlope for the frame's wire time
    int64_t port_rate = (int64_t) _link_mbps * 1000000;
    int64_t wire_bits = (int64_t) (frame_bytes + 4 + 8 + 12) * 8;     // FCS, preamble, IFG
    int64_t send_slope = s.idle_slope - port_rate;
    s.credit_bits = sat_add(s.credit_bits, send_slope * wire_bits / port_rate * 1000, s.lo_credit, s.hi_credit);
    return true;
}

void
TsnCbsGate::push(int, Packet *p)
{
    int tc = pcp_to_tc[0];
    if (p->length() >= sizeof(click_ether_vlan)) {
        const click_ether_vlan *vh = reinterpret_cast<const click_ether_vlan *>(p->data());
        if (vh->ether_vlan_proto == htons(ETHERTYPE_8021Q)) {
            uint16_t tci = ntohs(vh->ether_vlan_tci);
            tc = pcp_to_tc[tci >> 13];
            SET_VLAN_TCI_ANNO(p, tci);
        }
    }

    int64_t now = Timestamp::now_steady().nsecval();
    uint8_t open = gate_state(now);
    if (!(open & (1 << tc))) {
        _gate_closed[tc]++;
        output(1).push(p);
        return;
    }
    if (tc == TC_A || tc == TC_B) {
        Shaper &s = _cbs[tc == TC_A ? 0 : 1];
        if (s.idle_slope && !cbs_admit(s, p->length(), now)) {
            output(1).push(p);
            return;
        }
    }
    _tx[tc]++;
    SET_PAINT_ANNO(p, tc);
    output(0).push(p);
}

void
TsnCbsGate::add_handlers()
{
    static const char *const tx_names[NUM_TC] = { "tx0", "tx1", "tx2", "tx3", "tx4", "tx5", "tx6", "tx7" };
    for (int t = 0; t < NUM_TC; t++)
        add_data_handlers(tx_names[t], Handler::f_read, &_tx[t]);
    add_data_handlers("held_a", Handler::f_read, &_cbs[0].held);
    add_data_handlers("held_b", Handler::f_read, &_cbs[1].held);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TsnCbsGate)
