// -*- c++ -*-
/*
 * knock_auth_gate.hh -- KnockAuthGate: single-packet authorization for
 * hidden services: one authenticated UDP "knock" opens a TCP port to the
 * knocking address for a short time.
 */
#ifndef SECURITY_KNOCKAUTHGATE_HH
#define SECURITY_KNOCKAUTHGATE_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * KnockAuthGate(KEY, KNOCK_PORT, PORTS, [OPEN_SECS, SKEW])
 *
 * KEY: shared secret in hex (1-128 bytes).  A knock is a UDP datagram to
 * KNOCK_PORT with the 56-byte payload "KNC1" | client id (4) | unix time
 * (4) | nonce (8) | port (2) | reserved (2) | tag (32), integers
 * big-endian, tag = HMAC-SHA-256(KEY, first 24 bytes).  A good tag, a time
 * within SKEW s (default 30), an unseen nonce and a port in PORTS grant
 * the source that port for OPEN_SECS s (default 15).  Knocks go to output
 * 2 (if any); SYNs to PORTS pass on output 0 with a grant, else output 1;
 * all other traffic passes on output 0.  Counters are read handlers.
 */
class KnockAuthGate : public Element {
  public:
    KnockAuthGate();

    const char *class_name() const override { return "KnockAuthGate"; }
    const char *port_count() const override { return "1/2-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { GRANT_BITS = 10, NONCES = 64, KNOCK_LEN = 56, SIGNED_LEN = 24, MAX_SVC = 8 };

    struct Grant {
        uint32_t addr;          /* network order; 0 = free */
        uint16_t port;          /* host order */
        uint16_t pad;
        int64_t expires;        /* seconds */
    };

  private:
    uint32_t _istate[8];        /* SHA-256 state after the ipad block */
    uint32_t _ostate[8];        /* ... and after the opad block */
    Grant _grants[1 << GRANT_BITS];
    uint64_t _nonces[NONCES];
    int _nonce_pos;
    uint16_t _svc[MAX_SVC];
    int _nsvc;
    uint16_t _knock_port;
    uint32_t _open_secs;
    uint32_t _skew;

    unsigned long _knocks, _granted, _bad_tag, _replayed, _late;
    unsigned long _syn_ok, _syn_refused;

    static unsigned grant_slot(uint32_t addr) {
        return (addr * 2654435761U) >> (32 - GRANT_BITS);
    }
    bool service(uint16_t port) const {
        for (int i = 0; i < _nsvc; ++i)
            if (_svc[i] == port)
                return true;
        return false;
    }

    void sha_block(uint32_t *st, const uint8_t *blk) const;
    void sha_finish(uint32_t *st, uint64_t prior, const uint8_t *msg, uint32_t len,
                    uint8_t *digest) const;
    void set_key(const uint8_t *key, int keylen);
    void mac(const uint8_t *msg, uint32_t len, uint8_t *tag) const;
    bool knock(const click_ip *iph, const uint8_t *payload);
};

CLICK_ENDDECLS
#endif
