// -*- c++ -*-
/*
 * syn_cookie_proxy.hh -- SynCookieProxy: answers SYNs to protected
 * services with a stateless SYN-ACK carrying a keyed cookie; a connection
 * goes through once the client's ACK returns a valid cookie.
 */
#ifndef SECURITY_SYNCOOKIEPROXY_HH
#define SECURITY_SYNCOOKIEPROXY_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

/*
 * SynCookieProxy(PORTS, [K0, K1, MSS, WINDOW])
 *
 * For TCP to one of PORTS: a SYN is answered with a SYN-ACK (output 1,
 * towards the client) carrying a cookie and an MSS option of MSS (default
 * 1460); an ACK of an unknown connection with a valid cookie leaves on
 * output 2 (to the splicer; client MSS in the aggregate annotation) and
 * the connection is remembered; known connections leave on output 0.  Bad
 * ACKs and stray segments are dropped.  Cookie = count (5 bits, +1 every
 * 64 s) | MSS index (3 bits) | MAC (24 bits) keyed by (K0, K1); the
 * current and previous count are accepted.  Counters are read handlers.
 */

static inline uint64_t rotl64(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

static inline void
cookie_round(uint64_t &v0, uint64_t &v1, uint64_t &v2, uint64_t &v3)
{
    v0 += v1; v1 = rotl64(v1, 13); v1 ^= v0; v0 = rotl64(v0, 32);
    v2 += v3; v3 = rotl64(v3, 16); v3 ^= v2;
    v0 += v3; v3 = rotl64(v3, 21); v3 ^= v0;
    v2 += v1; v1 = rotl64(v1, 17); v1 ^= v2; v2 = rotl64(v2, 32);
}

/* SipHash-2-4 of m[0, len) under the key (k0, k1). */
static inline uint64_t
cookie_prf(uint64_t k0, uint64_t k1, const uint8_t *m, size_t len)
{
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    size_t whole = len & ~(size_t) 7;

    for (size_t i = 0; i < whole; i += 8) {
        uint64_t w = 0;
        for (int j = 7; j >= 0; --j)
            w = (w << 8) | m[i + j];
        v3 ^= w;
        cookie_round(v0, v1, v2, v3);
        cookie_round(v0, v1, v2, v3);
        v0 ^= w;
    }
    uint64_t last = (uint64_t) (len & 0xFF) << 56;
    for (size_t j = 0; j < (len & 7); ++j)
        last |= (uint64_t) m[whole + j] << (8 * j);
    v3 ^= last;
    cookie_round(v0, v1, v2, v3);
    cookie_round(v0, v1, v2, v3);
    v0 ^= last;

    v2 ^= 0xFF;
    for (int r = 0; r < 4; ++r)
        cookie_round(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

class SynCookieProxy : public Element {
  public:
    SynCookieProxy();

    const char *class_name() const override { return "SynCookieProxy"; }
    const char *port_count() const override { return "1/3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    struct Conn {
        uint32_t client_isn;
        uint32_t cookie;
        uint16_t mss;
        uint16_t flags;
        Conn() : client_isn(0), cookie(0), mss(0), flags(0) {}
    };

  private:
    HashMap<IPFlowID, Conn> _conns;
    Vector<int> _ports;
    uint64_t _k0, _k1;
    uint16_t _mss;
    uint16_t _window;

    unsigned long _syns, _synacks, _valid, _invalid, _stale, _passed, _stray;

    bool protected_port(uint16_t port_net) const {
        int port = ntohs(port_net);
        for (int i = 0; i < _ports.size(); ++i)
            if (_ports[i] == port)
                return true;
        return false;
    }
    uint32_t cookie_mac(const click_ip *iph, const click_tcp *th, uint32_t ctr) const;
};

CLICK_ENDDECLS
#endif
