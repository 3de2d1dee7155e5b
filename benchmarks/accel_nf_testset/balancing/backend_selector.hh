// -*- c++ -*-
/*
 * backend_selector.hh -- BackendSelector: stateless L4 load balancer that
 * spreads the flows of one virtual IP over a set of real servers and
 * rewrites the destination address in place.
 */
#ifndef BALANCING_BACKENDSELECTOR_HH
#define BALANCING_BACKENDSELECTOR_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * BackendSelector(VIP, BACKEND addr, BACKEND addr, ..., [SALT, PORT])
 *
 * =d
 * Input: IPv4 packets with the network header set.  TCP and UDP packets
 * for VIP (and PORT, if given) are assigned to one of the BACKENDs by a
 * flow hash and leave on output 0 with ip_dst rewritten.  Everything that
 * is not for the VIP leaves on output 1.  Truncated packets are dropped.
 * Changing SALT reshuffles every flow (use with care).
 */

namespace bsel {

static inline uint32_t rotl(uint32_t x, int k)
{
    return (x << k) | (x >> (32 - k));
}

/* Scramble three words together; reversible. */
static inline void mix3(uint32_t &a, uint32_t &b, uint32_t &c)
{
    a -= c;  a ^= rotl(c, 4);   c += b;
    b -= a;  b ^= rotl(a, 6);   a += c;
    c -= b;  c ^= rotl(b, 8);   b += a;
    a -= c;  a ^= rotl(c, 16);  c += b;
    b -= a;  b ^= rotl(a, 19);  a += c;
    c -= b;  c ^= rotl(b, 4);   b += a;
}

/* Last scramble: every input bit reaches every bit of c. */
static inline void final3(uint32_t &a, uint32_t &b, uint32_t &c)
{
    c ^= b;  c -= rotl(b, 14);
    a ^= c;  a -= rotl(c, 11);
    b ^= a;  b -= rotl(a, 25);
    c ^= b;  c -= rotl(b, 16);
    a ^= c;  a -= rotl(c, 4);
    b ^= a;  b -= rotl(a, 14);
    c ^= b;  c -= rotl(b, 24);
}

/* Flow hash of five 32-bit key words (always five, so no loop). */
static inline uint32_t flow_hash5(const uint32_t k[5], uint32_t salt)
{
    uint32_t a, b, c;
    a = b = c = 0xdeadbeefU + (5U << 2) + salt;
    a += k[0];
    b += k[1];
    c += k[2];
    mix3(a, b, c);
    b += k[4];
    a += k[3];
    final3(a, b, c);
    return c;
}

/* One's-complement adjustment of a stored checksum for a 32-bit field
 * that changed from 'from' to 'to' (both network order). */
static inline void sum_adjust32(uint16_t *sum, uint32_t from, uint32_t to)
{
    uint32_t s = (uint16_t) ~*sum;
    s += (uint16_t) ~(from >> 16) + (uint16_t) ~(from & 0xFFFF);
    s += (to >> 16) + (to & 0xFFFF);
    s = (s & 0xFFFF) + (s >> 16);
    s = (s & 0xFFFF) + (s >> 16);
    *sum = (uint16_t) ~s;
}

}

class BackendSelector : public Element {
  public:
    BackendSelector();
    ~BackendSelector();

    const char *class_name() const override { return "BackendSelector"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_BACKENDS = 64 };

  private:
    IPAddress _vip;
    uint16_t _vport;                    // network order, 0 = any port
    uint32_t _salt;
    int _nbackends;
    uint32_t _backend[MAX_BACKENDS];    // network order
    uint64_t _backend_pkts[MAX_BACKENDS];

    uint64_t _balanced;
    uint64_t _passed;
    uint64_t _dropped;

    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
