// -*- c++ -*-
/*
 * learning_bridge.hh -- LearningBridge: a transparent Ethernet bridge with
 * a MAC learning table, per-port counters, ageing and flooding of frames
 * whose destination is unknown.
 *
 * Training code for Clara's compute model (nf_corpus/forwarding); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_LEARNINGBRIDGE_HH
#define CLARA_NFCORPUS_LEARNINGBRIDGE_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
#include <clicknet/ether.h>
CLICK_DECLS

/*
 * =c
 * LearningBridge([TIMEOUT, MAX_ENTRIES, SWEEP_EVERY, STP_BLOCKED, FLOOD_LIMIT])
 *
 * =s ethernet
 * learns source MACs per port and switches frames between ports
 *
 * =d
 * Has N inputs and N outputs (N <= 16): a frame arriving on input i came in
 * through bridge port i, and output j sends a frame out of bridge port j.
 * The source address of every frame is learned against its input port (a
 * station that moves is re-learned and counted).  A frame to a known
 * unicast destination is sent to that station's port, or dropped when the
 * station sits on the port the frame came from.  Frames to group addresses
 * and to unknown or aged-out stations are flooded to every other port that
 * is not blocked (STP_BLOCKED is a bitmask of ports).  Entries not refreshed
 * for TIMEOUT seconds (default 300) are aged out; every SWEEP_EVERY frames
 * (default 4096) the table is swept.  At most MAX_ENTRIES stations (default
 * 8192) are learned.  FLOOD_LIMIT caps the frames flooded per second
 * (0: no cap).
 *
 * =h table read-only          the learned stations
 * =h port_stats read-only     per-port rx/tx/flood/filter counters
 * =h moves read-only          station moves seen
 * =h flush write-only         forget every learned station
 */
class LearningBridge : public Element {
  public:
    LearningBridge();
    ~LearningBridge();

    const char *class_name() const override { return "LearningBridge"; }
    const char *port_count() const override { return "1-16/="; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_PORTS = 16 };

    /* A 6-byte MAC address as a hash key. */
    struct MacKey {
        uint8_t a[6];

        MacKey() { memset(a, 0, 6); }
        explicit MacKey(const uint8_t *p) { memcpy(a, p, 6); }
        bool operator==(const MacKey &o) const {
            return memcmp(a, o.a, 6) == 0;
        }
        hashcode_t hashcode() const {
            uint32_t lo = (uint32_t) a[2] << 24 | (uint32_t) a[3] << 16
                | (uint32_t) a[4] << 8 | a[5];
            uint32_t hi = (uint32_t) a[0] << 8 | a[1];
            return (lo * 0x9E3779B1U) ^ (hi << 7) ^ (lo >> 13);
        }
        bool is_group() const { return a[0] & 1; }
    };

    struct Station {
        uint8_t port;
        uint8_t moves;
        uint16_t vlan_hint;     /* the last 802.1Q VID seen, 0 if untagged */
        uint32_t frames;
        Timestamp last_seen;
        Station() : port(0), moves(0), vlan_hint(0), frames(0) {}
    };

    struct PortStats {
        uint64_t rx;
        uint64_t tx;
        uint64_t rx_bytes;
        uint64_t flooded;
        uint64_t filtered;
        uint32_t learned;
        uint32_t runts;
    };

  private:
    HashMap<MacKey, Station> _table;
    Vector<MacKey> _stale;                      // sweep scratch (no per-sweep allocation)
    PortStats _ports[MAX_PORTS];
    uint64_t _pair_frames[MAX_PORTS][MAX_PORTS];   // 2 KiB: in port x out port
    uint32_t _timeout_s;
    uint32_t _max_entries;
    uint32_t _sweep_every;
    uint32_t _sweep_countdown;
    uint32_t _flood_limit;
    uint32_t _flood_this_second;
    int64_t _flood_second;
    uint16_t _blocked;
    uint64_t _moves;
    uint64_t _aged;
    uint64_t _flood_capped;

    inline bool expired(const Station &s, const Timestamp &now) const {
        return (now - s.last_seen).sec() >= (Timestamp::seconds_type) _timeout_s;
    }
    inline uint16_t port_mask(int nports) const {
        return (uint16_t) (((1U << nports) - 1) & ~_blocked);
    }
    static inline uint16_t frame_vid(const unsigned char *d, uint32_t len) {
        if (len >= sizeof(click_ether_vlan)
            && d[12] == (ETHERTYPE_8021Q >> 8) && d[13] == (ETHERTYPE_8021Q & 0xFF))
            return (uint16_t) (((d[14] << 8) | d[15]) & 0x0FFF);
        return 0;
    }

    void learn(const MacKey &src, int port, uint16_t vid, const Timestamp &now);
    void flood(int in_port, Packet *p, const Timestamp &now);
    void sweep(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
