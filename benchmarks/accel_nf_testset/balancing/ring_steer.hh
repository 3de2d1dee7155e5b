// -*- c++ -*-
/*
 * ring_steer.hh -- RingSteer: steers QUIC-style UDP traffic to servers
 * placed on a 32-bit ring.  Servers choose connection IDs whose first
 * bytes are a ring position they own, so the balancer needs no per-flow
 * state: it reads the position out of the packet and walks to the owner.
 */
#ifndef BALANCING_RINGSTEER_HH
#define BALANCING_RINGSTEER_HH
#include <click/element.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * RingSteer(POINT "POSITION SERVER", POINT ..., [PORT, CIDLEN])
 *
 * =d
 * Input: IPv4 packets with the network header set.  UDP packets to PORT
 * (default 443) carry a connection ID: after the first byte in a short
 * header, after the version and a length byte in a long header.  Its first
 * four bytes (big endian) are the ring position.  Other packets use the
 * AGGREGATE annotation as their position.  The packet goes to the output
 * of the server owning the first point at or after the position (wrapping
 * around); points of servers marked down are skipped.  Output n (one past
 * the last server) gets packets when every server is down.
 */
class RingSteer : public Element {
  public:
    RingSteer();
    ~RingSteer();

    const char *class_name() const override { return "RingSteer"; }
    const char *port_count() const override { return "1/1-"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_POINTS = 1024, MAX_SERVERS = 64 };

  private:
    uint32_t _pos[MAX_POINTS];      // sorted ascending
    uint8_t _owner[MAX_POINTS];
    int _npoints;
    int _nservers;
    bool _down[MAX_SERVERS];
    uint16_t _port;                 // network order
    unsigned _cidlen;

    uint64_t _by_cid, _by_anno, _skipped, _nowhere;
    uint64_t _hits[MAX_SERVERS];

    int successor(uint32_t pos) const;
    bool position_from_cid(const Packet *p, uint32_t &pos) const;

    static String read_ring(Element *e, void *);
    static int write_state(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
