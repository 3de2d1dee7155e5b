// -*- c++ -*-
/*
 * dns_answer_rewriter.hh -- DnsAnswerRewriter: walled-garden / split-horizon
 * rewriting of DNS answers.  A records of names under a configured zone get
 * the zone's address; every answer TTL is clamped to MAX_TTL.
 */
#ifndef SERVICES_DNS_ANSWER_REWRITER_HH
#define SERVICES_DNS_ANSWER_REWRITER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * DnsAnswerRewriter(ZONE "SUFFIX ADDR", ..., [MAX_TTL])
 *
 * =d
 * Input: DNS responses, IPv4/UDP with the IP header first.  Rewritten
 * responses leave on output 0 with a fresh UDP checksum (when the sender
 * used one); responses left alone, or that could not be parsed, leave on
 * output 1.
 */
class DnsAnswerRewriter : public Element {
  public:
    DnsAnswerRewriter();
    ~DnsAnswerRewriter();

    const char *class_name() const override { return "DnsAnswerRewriter"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_ZONES = 32, MAX_NAME = 256, T_A = 1, C_IN = 1 };

    struct Zone {
        char suffix[MAX_NAME];
        unsigned len;
        IPAddress addr;
        uint64_t hits;
    };

  private:
    Zone _zones[MAX_ZONES];
    int _nzones;
    uint32_t _max_ttl;

    uint64_t _rewritten;
    uint64_t _clamped;
    uint64_t _untouched;
    uint64_t _unparsable;

    int read_name(const uint8_t *m, unsigned mlen, unsigned pos,
                  char *out, unsigned *next) const;
    static bool skip_name(const uint8_t *m, unsigned mlen, unsigned *pos);
    int match_zone(const char *name, unsigned len) const;
    static String read_stats(Element *e, void *thunk);
};

/* UDP checksum over the datagram at uh (ulen bytes, its checksum field
 * zeroed) and the IPv4 pseudo-header; in network byte order. */
static inline uint16_t
udp_sum_v4(const click_ip *iph, const click_udp *uh, unsigned ulen)
{
    uint32_t acc = 0;
    const uint16_t *w = reinterpret_cast<const uint16_t *>(uh);
    unsigned n = ulen;
    while (n > 1) {
        acc += *w++;
        n -= 2;
    }
    if (n) {
        uint16_t last = 0;
        memcpy(&last, w, 1);
        acc += last;
    }
    uint32_t s = iph->ip_src.s_addr, d = iph->ip_dst.s_addr;
    acc += (s & 0xFFFF) + (s >> 16) + (d & 0xFFFF) + (d >> 16);
    acc += htons(IP_PROTO_UDP) + htons((uint16_t) ulen);
    while (acc >> 16)
        acc = (acc & 0xFFFF) + (acc >> 16);
    uint16_t r = (uint16_t) ~acc;
    return r ? r : 0xFFFF;
}

CLICK_ENDDECLS
#endif
