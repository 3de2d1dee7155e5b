// -*- c++ -*-
/*
 * handshake_cookie_guard.hh -- HandshakeCookieGuard: protects a UDP tunnel
 * gateway's handshake responder from spoofed initiation floods.  Under
 * load, an initiation is only let through if it echoes a cookie bound to
 * the sender's address and port; otherwise the guard answers with a cookie
 * reply instead.
 */
#ifndef ACCEL_TESTSET_HANDSHAKE_COOKIE_GUARD_HH
#define ACCEL_TESTSET_HANDSHAKE_COOKIE_GUARD_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

static inline uint64_t
ck_rotl(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

static inline uint64_t
ck_load64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

static inline void
ck_round(uint64_t &v0, uint64_t &v1, uint64_t &v2, uint64_t &v3)
{
    v0 += v1; v1 = ck_rotl(v1, 13); v1 ^= v0; v0 = ck_rotl(v0, 32);
    v2 += v3; v3 = ck_rotl(v3, 16); v3 ^= v2;
    v0 += v3; v3 = ck_rotl(v3, 21); v3 ^= v0;
    v2 += v1; v1 = ck_rotl(v1, 17); v1 ^= v2; v2 = ck_rotl(v2, 32);
}

/* Keyed 64-bit tag of m[0, len) under the 16-byte key k. */
static inline uint64_t
cookie_tag(const uint8_t k[16], const uint8_t *m, uint32_t len)
{
    uint64_t k0 = ck_load64(k), k1 = ck_load64(k + 8);
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    uint32_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t mi = ck_load64(m + i);
        v3 ^= mi;
        ck_round(v0, v1, v2, v3);
        ck_round(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t b = (uint64_t) (len & 0xFF) << 56;
    for (uint32_t j = 0; i + j < len; ++j)
        b |= (uint64_t) m[i + j] << (8 * j);
    v3 ^= b;
    ck_round(v0, v1, v2, v3);
    ck_round(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xFF;
    for (int r = 0; r < 4; ++r)
        ck_round(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

/*
 * =c
 * HandshakeCookieGuard(PORT, SECRET, [THRESHOLD, EPOCH, FORCE])
 *
 * =s tunnel
 * cookie challenge for tunnel handshake initiations
 *
 * =d
 * Input: IPv4 UDP packets to PORT, network header annotation set.  Message
 * type 1 is an initiation (48 bytes: type, 3 reserved, sender index,
 * 32-byte ephemeral value, 8-byte cookie).  When more than THRESHOLD
 * (default 1000) initiations arrived in the previous second, or FORCE is
 * set, an initiation passes (output 0) only if its cookie equals the tag of
 * (source address, source port, epoch) under SECRET (32 hex digits) for the
 * current or the previous EPOCH-second epoch (default 120).  Otherwise it
 * is rewritten in place into a 16-byte cookie reply (type 3) back to the
 * sender and leaves on output 1; the IP checksum is left zero for a
 * SetIPChecksum on that path.  Other message types pass on output 0;
 * malformed packets are dropped.
 *
 * =h stats read-only        counters
 * =h force read/write       force the cookie check
 */
class HandshakeCookieGuard : public Element {
  public:
    HandshakeCookieGuard();

    const char *class_name() const override { return "HandshakeCookieGuard"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MSG_INIT = 1, MSG_COOKIE_REPLY = 3, INIT_LEN = 48, REPLY_LEN = 16,
           COOKIE_OFF = 40 };

  private:
    uint8_t _secret[16];
    uint16_t _port;
    uint32_t _threshold;
    uint32_t _epoch_sec;
    bool _force;

    click_jiffies_t _sec_start;
    uint32_t _inits_this_sec;
    bool _loaded;

    uint64_t _inits;
    uint64_t _cookie_ok;
    uint64_t _challenged;
    uint64_t _passed_other;
    uint64_t _malformed;

    uint64_t expected_cookie(const click_ip *iph, const click_udp *uh, uint32_t epoch) const;
    void send_challenge(Packet *p, uint64_t cookie);

    static String read_handler(Element *e, void *thunk);
    static int write_force(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
