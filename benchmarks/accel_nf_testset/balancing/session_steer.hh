// -*- c++ -*-
// session_steer.hh -- SessionSteer: source NAT with port-range session steering.
#ifndef BALANCING_SESSIONSTEER_HH
#define BALANCING_SESSIONSTEER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/glue.hh>
CLICK_DECLS

/*
 * =c
 * SessionSteer(PUBLIC, [PORT_LO, PORT_HI, TIMEOUT, SEED])
 *
 * =d
 * Input 0: outbound IPv4 TCP/UDP packets.  Input 1: inbound packets for
 * PUBLIC.  Outbound sessions are remembered in a fixed open-addressing
 * table of SLOTS entries; each owns one port of [PORT_LO, PORT_HI].
 * Output 0: translated outbound, output 1: translated inbound, output 2
 * (optional): packets without a session or without a free port.
 */
class SessionSteer : public Element {
  public:
    SessionSteer();
    ~SessionSteer();

    const char *class_name() const override { return "SessionSteer"; }
    const char *port_count() const override { return "2/2-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { SLOTS = 8192, MASK = SLOTS - 1, MAX_PROBE = 16, KEYLEN = 13,
           NO_SLOT = 0xFFFFFFFFU };

  private:
    struct Slot {
        uint8_t key[KEYLEN];        // saddr daddr sport dport proto
        uint8_t used;
        uint16_t pub_port;          // host order
        uint32_t last;              // jiffies
        uint64_t packets;
    };

    Slot _slot[SLOTS];
    uint32_t *_port_owner;          // indexed by pub_port - _lo
    IPAddress _public;
    uint16_t _lo, _hi;
    uint16_t _cursor;
    uint32_t _timeout_j;
    uint32_t _seed;

    uint64_t _out_ok, _in_ok, _no_session, _no_port, _evicted, _bad;

    uint32_t digest(const uint8_t *data, unsigned len) const;
    void fix16(uint16_t *sum, uint16_t o, uint16_t n) const;
    uint32_t lookup_or_create(const uint8_t *key, uint32_t now);
    int grab_port(uint32_t slot, uint32_t now);
    void drop(Packet *p);
    void outbound(Packet *p);
    void inbound(Packet *p);

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
