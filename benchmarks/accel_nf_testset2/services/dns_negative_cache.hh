// -*- c++ -*-
/*
 * dns_negative_cache.hh -- DnsNegativeCache: remembers names the resolver
 * reported as nonexistent (NXDOMAIN, RFC 2308) and answers further queries
 * for them locally until the negative TTL runs out.  Random-subdomain
 * floods against a resolver are mostly such names.
 */
#ifndef SERVICES_DNS_NEGATIVE_CACHE_HH
#define SERVICES_DNS_NEGATIVE_CACHE_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/string.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * DnsNegativeCache([CAPACITY, MAX_TTL])
 *
 * =d
 * Input 0: client queries; input 1: resolver responses (IPv4/UDP, IP
 * header first).  An NXDOMAIN response with an SOA in its authority
 * section is cached for min(SOA TTL, SOA MINIMUM, MAX_TTL) seconds under
 * its lower-cased QNAME.  A query for a cached name is answered with
 * NXDOMAIN on output 0; other queries leave on output 1, responses on
 * output 2.  At most CAPACITY (default 4096) names are kept; the least
 * recently used one makes room.
 */
class DnsNegativeCache : public Element {
  public:
    DnsNegativeCache();
    ~DnsNegativeCache();

    const char *class_name() const override { return "DnsNegativeCache"; }
    const char *port_count() const override { return "2/3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_CAP = 16384, MAX_NAME = 256, T_SOA = 6, NIL = -1 };

  private:
    HashMap<String, int> _index;
    String _name[MAX_CAP];
    uint32_t _expires[MAX_CAP];
    int _prev[MAX_CAP];
    int _next[MAX_CAP];
    int _head, _tail;           // most / least recently used
    int _nused;
    int _capacity;
    uint32_t _max_ttl;

    uint64_t _answered;
    uint64_t _forwarded;
    uint64_t _stored;
    uint64_t _evicted;
    uint64_t _expired;

    static int qname(const uint8_t *m, unsigned mlen, unsigned *pos, char *out);
    static bool skip_name(const uint8_t *m, unsigned mlen, unsigned *pos);
    void unlink(int i);
    void link_front(int i);
    void store(const String &name, uint32_t ttl, uint32_t now);
    void answer_nx(Packet *p, unsigned hl, unsigned question_end);
    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
