// -*- c++ -*-
/*
 * reflector_budget.hh -- ReflectorBudget: caps the bytes each UDP
 * reflector (DNS, NTP, SSDP, memcached, CLDAP ... servers answering
 * spoofed requests) may send into the protected network per window.
 */
#ifndef SECURITY_REFLECTORBUDGET_HH
#define SECURITY_REFLECTORBUDGET_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * ReflectorBudget(BUDGET, [WINDOW_MS, MIN_SIZE, PORTS, DROP_FRAGMENTS])
 *
 * =s ddos
 * per-reflector byte budget against UDP amplification
 *
 * =d
 * UDP packets whose source port is one of PORTS (default 19 53 123 161
 * 389 1900 11211) come from a potential amplifier.  Each (source address,
 * source port) pair gets a slot in an 8192-entry table; a slot counts the
 * bytes of packets of at least MIN_SIZE bytes (default 512) in the
 * current WINDOW_MS (default 1000) window.  Packets beyond BUDGET bytes
 * in a window leave on output 1 (or are dropped if there is none);
 * everything else passes.  When DROP_FRAGMENTS is true (default),
 * non-first UDP fragments, the usual tail of an amplified response, are
 * treated like over-budget packets.
 *
 * =h stats read-only    counters
 * =h top read-only      the ten slots with most bytes this window
 */
class ReflectorBudget : public Element {
  public:
    ReflectorBudget();
    ~ReflectorBudget();

    const char *class_name() const override { return "ReflectorBudget"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    enum { NSLOTS = 8192 };

    struct Slot {
        uint32_t addr;          /* network order; 0 = free */
        uint16_t port;          /* network order */
        uint16_t flags;
        uint32_t bytes;         /* in the current window */
        uint32_t over;          /* packets over budget, lifetime */
        int64_t window_start;
    };

  private:
    Slot _slots[NSLOTS];
    uint32_t _port_bits[65536 / 32];

    uint32_t _budget;
    uint32_t _window_ms;
    uint32_t _min_size;
    bool _drop_frags;

    uint64_t _udp_seen;
    uint64_t _from_reflectors;
    uint64_t _over_budget;
    uint64_t _fragments;
    uint64_t _collisions;

    bool reflector_port(uint16_t port_host) const {
        return (_port_bits[port_host >> 5] >> (port_host & 31)) & 1;
    }

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
