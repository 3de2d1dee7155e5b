#ifndef CLICK_CACHEKEYROUTER_HH
#define CLICK_CACHEKEYROUTER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
#include <click/string.hh>
CLICK_DECLS

/*
=c

CacheKeyRouter(NODE ADDR, ..., [BYPASS PREFIX, ..., IGNORE_QUERY, SEED])

=s edge

picks the CDN cache node responsible for an HTTP request's cache key

=d

Looks at the first segment of HTTP/1.x requests (GET and HEAD) carried over
TCP.  The cache key is the lower-cased Host header followed by the request
path (the query string is dropped when IGNORE_QUERY is true).  The key picks
a cache node by rendezvous (highest random weight) hashing over the NODE
addresses that are up; the node goes to the destination IP annotation, the
low 32 key bits to the AGGREGATE annotation, and the packet to output 0.

Requests whose path starts with one of the BYPASS prefixes, non-GET methods,
and anything that is not parseable HTTP go to output 1 (toward the origin
shield).

=h down write-only
Marks node number N down (no new keys map to it).
=h up write-only
Marks node number N up again.
*/

class CacheKeyRouter : public Element {
  public:
    CacheKeyRouter();
    ~CacheKeyRouter();

    const char *class_name() const { return "CacheKeyRouter"; }
    const char *port_count() const { return "1/2"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    Packet *simple_action(Packet *p);

  private:
    Vector<IPAddress> nodes_;
    Vector<uint64_t> salts_;
    Vector<int> node_up_;
    Vector<String> bypass_;
    bool ignore_query_;
    uint32_t seed_;

    uint64_t requests_;
    uint64_t bypassed_;
    uint64_t not_http_;

    bool is_bypass(const uint8_t *path, const uint8_t *path_end) const;
    static const uint8_t *find_host(const uint8_t *hdrs, const uint8_t *end,
                                    const uint8_t **host_end);
    static int set_state_handler(const String &data, Element *e, void *user_data,
                                 ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
