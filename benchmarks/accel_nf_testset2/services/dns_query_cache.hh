// -*- c++ -*-
/*
 * dns_query_cache.hh -- DnsQueryCache: a small answer cache in front of a
 * recursive resolver.  Queries whose (QNAME, QTYPE, QCLASS) was answered
 * recently are answered from the cache; the rest go to the resolver.
 */
#ifndef SERVICES_DNS_QUERY_CACHE_HH
#define SERVICES_DNS_QUERY_CACHE_HH
#include <click/element.hh>
#include <click/timestamp.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * DnsQueryCache([LIFETIME, MAX_RESPONSE, NEGATIVE])
 *
 * =d
 * Input 0 takes client queries (IPv4/UDP/DNS, IP header at the front of the
 * packet), input 1 the resolver's responses.  A query that hits a live
 * cache slot is turned into the cached response in place and leaves on
 * output 0; a miss leaves on output 1 towards the resolver.  Responses are
 * learned (when NOERROR, or NXDOMAIN if NEGATIVE is true) and then leave on
 * output 2 towards the client.  Entries live LIFETIME seconds (default 30).
 */
class DnsQueryCache : public Element {
  public:
    DnsQueryCache();
    ~DnsQueryCache();

    const char *class_name() const override { return "DnsQueryCache"; }
    const char *port_count() const override { return "2/3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum {
        NSLOTS = 512,           // power of two
        MAX_NAME = 128,         // wire-format QNAME bytes we keep
        MAX_RESP = 512          // classic UDP DNS limit
    };

    struct dns_hdr {
        uint16_t id;
        uint16_t flags;
        uint16_t qdcount;
        uint16_t ancount;
        uint16_t nscount;
        uint16_t arcount;
    };

    struct Slot {
        uint32_t tag;
        uint16_t qtype;
        uint16_t qclass;
        uint16_t name_len;
        uint16_t resp_len;
        Timestamp expires;
        uint32_t hits;
        uint8_t name[MAX_NAME];
        uint8_t resp[MAX_RESP];
    };

  private:
    Slot _slots[NSLOTS];

    uint32_t _lifetime;
    uint32_t _max_resp;
    bool _negative;

    uint64_t _queries;
    uint64_t _hits;
    uint64_t _misses;
    uint64_t _learned;
    uint64_t _malformed;
    uint64_t _evictions;

    void answer(WritablePacket *q, const Slot &s, uint16_t id);
    void learn(Slot &s, const Packet *p, const uint8_t *dns, unsigned dns_len,
               uint32_t tag, const uint8_t *name, unsigned name_len,
               uint16_t qtype, uint16_t qclass);

    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
