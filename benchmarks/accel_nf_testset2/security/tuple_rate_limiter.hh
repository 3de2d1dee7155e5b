// -*- c++ -*-
/*
 * tuple_rate_limiter.hh -- TupleRateLimiter: per-flow token buckets for
 * volumetric DDoS mitigation.  Buckets live in a fixed 4-way
 * set-associative table inside the element, indexed by a 32-bit digest of
 * the flow's 5-tuple.
 */
#ifndef SECURITY_TUPLERATELIMITER_HH
#define SECURITY_TUPLERATELIMITER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * TupleRateLimiter(RATE, BURST, [SEED, IDLE_MS, COUNT_HEADERS])
 *
 * =s ddos
 * polices every 5-tuple flow to RATE bytes per second
 *
 * =d
 * Each IPv4 flow (source, destination, protocol and, for the first
 * fragment of TCP/UDP, the ports) owns a token bucket of BURST bytes that
 * fills at RATE bytes/s.  Conforming packets leave on output 0, packets
 * that exceed their bucket on output 1, malformed packets on output 2 (or
 * are dropped).  The table holds 4096 flows; when a set is full the least
 * recently used flow is evicted.  IDLE_MS (default 30000) marks a bucket
 * free for reuse.  SEED perturbs the flow digest so an attacker cannot aim
 * all flows at one set.
 *
 * =h stats read-only     counters
 */

/* The key digest: the xxHash32 short-input path, written out for our
 * fixed 13-byte key (three little-endian 32-bit lanes, one tail byte). */
static inline uint32_t
flow_digest(const uint8_t *k, uint32_t seed)
{
    const uint32_t P1 = 0x9E3779B1U, P2 = 0x85EBCA77U, P3 = 0xC2B2AE3DU;
    const uint32_t P4 = 0x27D4EB2FU, P5 = 0x165667B1U;
    uint32_t h = seed + P5 + 13U;
    uint32_t lane;

    lane = (uint32_t) k[0] | ((uint32_t) k[1] << 8) | ((uint32_t) k[2] << 16)
        | ((uint32_t) k[3] << 24);
    h += lane * P3;
    h = ((h << 17) | (h >> 15)) * P4;
    lane = (uint32_t) k[4] | ((uint32_t) k[5] << 8) | ((uint32_t) k[6] << 16)
        | ((uint32_t) k[7] << 24);
    h += lane * P3;
    h = ((h << 17) | (h >> 15)) * P4;
    lane = (uint32_t) k[8] | ((uint32_t) k[9] << 8) | ((uint32_t) k[10] << 16)
        | ((uint32_t) k[11] << 24);
    h += lane * P3;
    h = ((h << 17) | (h >> 15)) * P4;
    h += (uint32_t) k[12] * P5;
    h = ((h << 11) | (h >> 21)) * P1;

    h ^= h >> 15;
    h *= P2;
    h ^= h >> 13;
    h *= P3;
    h ^= h >> 16;
    return h;
}

class TupleRateLimiter : public Element {
  public:
    TupleRateLimiter();
    ~TupleRateLimiter();

    const char *class_name() const override { return "TupleRateLimiter"; }
    const char *port_count() const override { return "1/2-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { KEY_LEN = 13, NSETS = 1024, WAYS = 4 };

    struct Bucket {
        uint8_t key[KEY_LEN];
        uint8_t used;
        uint16_t pad;
        uint32_t tokens;        /* bytes */
        int64_t last_ms;        /* last refill */
        uint32_t passed;
        uint32_t dropped;
    };

  private:
    Bucket _table[NSETS * WAYS];

    uint32_t _rate;             /* bytes per second */
    uint32_t _burst;            /* bytes */
    uint32_t _seed;
    uint32_t _idle_ms;
    bool _count_headers;

    uint64_t _conform;
    uint64_t _exceed;
    uint64_t _malformed;
    uint64_t _evictions;
    uint64_t _new_flows;

    Bucket *claim(Bucket *set, const uint8_t *key, int64_t now_ms);
    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
