// -*- c++ -*-
/*
 * dns_rate_limiter.hh -- DnsRateLimiter: response rate limiting for an
 * authoritative DNS server (RRL).  Identical responses to one client
 * network are limited to RATE per second; over the limit, every SLIP-th
 * response is sent back truncated (TC=1) so real clients retry over TCP,
 * and the rest are dropped.
 */
#ifndef SERVICES_DNS_RATE_LIMITER_HH
#define SERVICES_DNS_RATE_LIMITER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * DnsRateLimiter([RATE, BURST, SLIP, PREFIX, SEED])
 *
 * =d
 * Input: DNS responses (IPv4/UDP, IP header first) leaving the server.
 * The account key is (client address masked to PREFIX bits (default 24),
 * QTYPE, response kind, QNAME length).  Output 0: within the limit;
 * output 1: truncated slips; output 2 (optional): dropped responses.
 */
class DnsRateLimiter : public Element {
  public:
    DnsRateLimiter();
    ~DnsRateLimiter();

    const char *class_name() const override { return "DnsRateLimiter"; }
    const char *port_count() const override { return "1/2-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { NACCOUNTS = 4096, KEYLEN = 8 };
    enum Kind { K_ANSWER = 0, K_NXDOMAIN = 1, K_NODATA = 2, K_ERROR = 3 };

    struct Account {
        uint32_t check;         // upper hash bits, to notice a new owner
        int32_t tokens;         // milli-responses
        int64_t last_ms;
        uint32_t slip_count;
    };

  private:
    uint32_t _tab[KEYLEN][256];
    Account _acct[NACCOUNTS];

    uint32_t _rate;
    uint32_t _burst;
    uint32_t _slip;
    uint32_t _prefix_mask;      // host order
    uint64_t _seed;

    uint64_t _passed;
    uint64_t _slipped;
    uint64_t _dropped;
    uint64_t _ignored;
    uint64_t _collisions;

    Packet *truncate(Packet *p, unsigned hl, unsigned question_end);
    static String read_stats(Element *e, void *thunk);
};

static inline uint32_t
rrl_key_index(const uint32_t (*t)[256], const uint8_t *k)
{
    return t[0][k[0]] ^ t[1][k[1]] ^ t[2][k[2]] ^ t[3][k[3]]
        ^ t[4][k[4]] ^ t[5][k[5]] ^ t[6][k[6]] ^ t[7][k[7]];
}

CLICK_ENDDECLS
#endif
