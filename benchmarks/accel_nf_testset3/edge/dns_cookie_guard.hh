#ifndef CLICK_DNSCOOKIEGUARD_HH
#define CLICK_DNSCOOKIEGUARD_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * DnsCookieGuard(SECRET, [PREVIOUS_SECRET, ENFORCE, MAX_AGE, MAX_SKEW])
 *
 * Validates DNS server cookies (RFC 7873, format of RFC 9018) in UDP queries
 * at an anycast resolver edge.  The server cookie hash is recomputed from
 * the client cookie, version, timestamp and client address under SECRET (or
 * PREVIOUS_SECRET during a rollover).  Output 0: valid cookies (and cookie-less
 * queries unless ENFORCE); output 1: no server cookie while ENFORCE is set;
 * output 2: malformed queries, bad or stale cookies.
 */

#define DCG_ROTL64(x, b) (uint64_t) (((x) << (b)) | ((x) >> (64 - (b))))

#define DCG_SIPROUND(v0, v1, v2, v3)                                    \
    do {                                                                \
        v0 += v1; v1 = DCG_ROTL64(v1, 13); v1 ^= v0;                    \
        v0 = DCG_ROTL64(v0, 32);                                        \
        v2 += v3; v3 = DCG_ROTL64(v3, 16); v3 ^= v2;                    \
        v0 += v3; v3 = DCG_ROTL64(v3, 21); v3 ^= v0;                    \
        v2 += v1; v1 = DCG_ROTL64(v1, 17); v1 ^= v2;                    \
        v2 = DCG_ROTL64(v2, 32);                                        \
    } while (0)

static inline uint64_t
dcg_load64_le(const uint8_t *p)
{
    return (uint64_t) p[0] | ((uint64_t) p[1] << 8) | ((uint64_t) p[2] << 16)
        | ((uint64_t) p[3] << 24) | ((uint64_t) p[4] << 32) | ((uint64_t) p[5] << 40)
        | ((uint64_t) p[6] << 48) | ((uint64_t) p[7] << 56);
}

/* SipHash-2-4 with a 128-bit key, 64-bit result. */
static inline uint64_t
dcg_siphash24(const uint8_t *key, const uint8_t *in, size_t inlen)
{
    uint64_t k0 = dcg_load64_le(key), k1 = dcg_load64_le(key + 8);
    uint64_t v0 = 0x736f6d6570736575ULL ^ k0;
    uint64_t v1 = 0x646f72616e646f6dULL ^ k1;
    uint64_t v2 = 0x6c7967656e657261ULL ^ k0;
    uint64_t v3 = 0x7465646279746573ULL ^ k1;
    const uint8_t *stop = in + (inlen & ~(size_t) 7);

    for (; in != stop; in += 8) {
        uint64_t m = dcg_load64_le(in);
        v3 ^= m;
        DCG_SIPROUND(v0, v1, v2, v3);
        DCG_SIPROUND(v0, v1, v2, v3);
        v0 ^= m;
    }

    uint64_t b = (uint64_t) inlen << 56;
    switch (inlen & 7) {
    case 7: b |= (uint64_t) in[6] << 48; /* fallthrough */
    case 6: b |= (uint64_t) in[5] << 40; /* fallthrough */
    case 5: b |= (uint64_t) in[4] << 32; /* fallthrough */
    case 4: b |= (uint64_t) in[3] << 24; /* fallthrough */
    case 3: b |= (uint64_t) in[2] << 16; /* fallthrough */
    case 2: b |= (uint64_t) in[1] << 8;  /* fallthrough */
    case 1: b |= (uint64_t) in[0];       /* fallthrough */
    default: break;
    }
    v3 ^= b;
    DCG_SIPROUND(v0, v1, v2, v3);
    DCG_SIPROUND(v0, v1, v2, v3);
    v0 ^= b;

    v2 ^= 0xff;
    DCG_SIPROUND(v0, v1, v2, v3);
    DCG_SIPROUND(v0, v1, v2, v3);
    DCG_SIPROUND(v0, v1, v2, v3);
    DCG_SIPROUND(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

class DnsCookieGuard : public Element {
  public:
    DnsCookieGuard();

    const char *class_name() const { return "DnsCookieGuard"; }
    const char *port_count() const { return "1/3"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

  private:
    enum { OUT_OK = 0, OUT_NOCOOKIE = 1, OUT_BAD = 2 };
    enum { DNS_HDR = 12, OPT_TYPE = 41, EDNS_COOKIE = 10 };

    uint8_t _secret[16];
    uint8_t _prev_secret[16];
    bool _have_prev;
    bool _enforce;
    uint32_t _max_age;
    uint32_t _max_skew;

    uint64_t _stats[3];
    uint64_t _stale;

    int classify(const Packet *p);
    static int skip_name(const uint8_t *msg, int off, int len);
    static bool unhex16(const String &s, uint8_t *out);
};

CLICK_ENDDECLS
#endif
