// -*- c++ -*-
/*
 * mac_mobility_monitor.hh -- MacMobilityMonitor: per-MAC location records
 * (port, VLAN, last move), counts MAC moves between switch ports, flags
 * flapping addresses and suspected loops, and keeps a ring of recent moves.
 *
 * Training code for Clara's compute model (nf_corpus/session); written for
 * the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_MACMOBILITYMONITOR_HH
#define CLARA_NFCORPUS_MACMOBILITYMONITOR_HH
#include <click/element.hh>
#include <click/etheraddress.hh>
#include <click/hashmap.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
#include <clicknet/ether.h>
CLICK_DECLS

/*
 * =c
 * MacMobilityMonitor([KEYWORDS])
 *
 * =s ethernet
 * watches MAC addresses move between ports and flags flapping ones
 *
 * =d
 * Input: Ethernet frames.  The switch port a frame arrived on is its input
 * number when the element has several inputs, else its PAINT annotation
 * (ports 0-63).  The VLAN is the 802.1Q VID of a tagged frame, else the
 * VLAN_TCI annotation.  Each unicast source address has a record: port,
 * VLAN, the set of ports it was ever seen on, frames, moves and the time
 * of its last move.  A frame from a known address on another port is a
 * move: it is counted per port pair and per VLAN and appended to a ring of
 * the last RING moves (a power of two, default 1024).  An address that
 * moves FLAP_THRESHOLD times (default 5) within FLAP_WINDOW seconds
 * (default 10) is flapping until it stays put for HOLD seconds (default
 * 60).  After every move the ring is scanned back over the moves of the
 * last LOOP_MS milliseconds (default 1000); LOOP_THRESHOLD (default 16)
 * moves between the same two ports raise a loop alarm on both ports.
 *
 * STATIC_MAC and STATIC_PORT (repeatable, paired) pin addresses to ports:
 * a pinned address seen elsewhere is a spoof.  Addresses not seen for AGE
 * seconds (default 300) are swept every SWEEP_EVERY frames (4096); at most
 * MAX_ENTRIES (default 16384) are tracked.  Frames from flapping or spoofed
 * sources are painted COLOR (default 13) and, with SUPPRESS true, leave on
 * output 1 (dropped if absent); all other frames leave on output 0.
 *
 * =h entries, moves, flapping, spoofs, loop_alarms read-only
 * =h recent read-only     the ring of recent moves, newest first
 * =h pairs read-only      moves per (from, to) port pair
 */
class MacMobilityMonitor : public Element {
  public:
    MacMobilityMonitor();
    ~MacMobilityMonitor();

    const char *class_name() const override { return "MacMobilityMonitor"; }
    const char *port_count() const override { return "1-16/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_PORTS = 64, NVLAN = 4096 };
    enum { R_FLAPPING = 1, R_STATIC = 2 };

    struct MacRecord {
        Timestamp last_seen;
        Timestamp last_move;
        Timestamp window_start;
        uint64_t port_mask;         /* every port the address was seen on */
        uint32_t frames;
        uint32_t moves;
        uint16_t vlan;
        uint8_t port;
        uint8_t prev_port;
        uint8_t window_moves;
        uint8_t flags;
        MacRecord() : port_mask(0), frames(0), moves(0), vlan(0), port(0),
                      prev_port(0), window_moves(0), flags(0) {}
    };

    struct MoveEvent {
        EtherAddress mac;
        uint16_t vlan;
        uint8_t from;
        uint8_t to;
        Timestamp when;
    };

  private:
    HashMap<EtherAddress, MacRecord> _table;
    Vector<MoveEvent> _ring;
    Vector<EtherAddress> _aged;
    Vector<EtherAddress> _static_mac;
    Vector<unsigned> _static_port;
    uint32_t _ring_mask;
    uint32_t _ring_head;            /* next slot to write */
    uint32_t _ring_fill;
    uint32_t _pair_moves[MAX_PORTS][MAX_PORTS];     // 16 KiB
    uint32_t _vlan_moves[NVLAN];                    // 16 KiB
    uint64_t _loop_ports;           /* ports with a raised loop alarm */
    uint32_t _flap_threshold;
    uint32_t _flap_window_s;
    uint32_t _hold_s;
    uint32_t _loop_ms;
    uint32_t _loop_threshold;
    uint32_t _age_s;
    uint32_t _max_entries;
    uint32_t _sweep_every;
    uint32_t _sweep_countdown;
    uint8_t _color;
    bool _suppress;

    uint64_t _moves;
    uint64_t _flap_events;
    uint64_t _spoofs;
    uint64_t _loop_alarms;

    static inline uint16_t frame_vlan(const Packet *p) {
        const unsigned char *d = p->data();
        if (p->length() >= sizeof(click_ether_vlan) && d[12] == 0x81 && d[13] == 0x00)
            return (uint16_t) (((d[14] << 8) | d[15]) & 0x0FFF);
        return VLAN_TCI_ANNO(p) & 0x0FFF;
    }

    void record_move(const EtherAddress &mac, MacRecord &r, uint8_t to,
                     uint16_t vlan, const Timestamp &now);
    uint32_t scan_ring(uint8_t a, uint8_t b, const Timestamp &now) const;
    void sweep(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
