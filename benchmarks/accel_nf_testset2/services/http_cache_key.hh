// -*- c++ -*-
/*
 * http_cache_key.hh -- HttpCacheKey: computes the cache key of an HTTP
 * request (normalized host + path) the way the cache tier names its
 * objects, and sends requests for popular objects to the cache tier.
 */
#ifndef SERVICES_HTTP_CACHE_KEY_HH
#define SERVICES_HTTP_CACHE_KEY_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

/*
 * =c
 * HttpCacheKey(CACHE ADDR, ..., [ADMIT, IGNORE_QUERY, MAX_OBJECTS])
 *
 * =d
 * Input: IPv4/TCP, IP header first, carrying the start of HTTP/1.x requests.
 * GET/HEAD requests without Authorization are named by the 128-bit digest
 * of their normalized "host/path", as the cache nodes name objects.  After
 * ADMIT requests (default 2) an object is served by the cache node its name
 * picks (output 0, destination annotation set); before, by the origin
 * (output 1).  Everything else leaves on output 2.
 */
class HttpCacheKey : public Element {
  public:
    HttpCacheKey();
    ~HttpCacheKey();

    const char *class_name() const override { return "HttpCacheKey"; }
    const char *port_count() const override { return "1/3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_KEY = 1024 };

  private:
    uint32_t _t[64];
    Vector<IPAddress> _caches;
    HashMap<uint64_t, uint32_t> _requests;
    uint32_t _admit;
    uint32_t _max_objects;
    bool _ignore_query;

    uint64_t _to_cache;
    uint64_t _to_origin;
    uint64_t _uncacheable;
    uint64_t _not_http;

    int build_key(const uint8_t *s, unsigned n, uint8_t *key, bool *private_req) const;
    void md5_block(uint32_t st[4], const uint8_t *blk) const;
    void object_name(const uint8_t *s, unsigned n, uint8_t out[16]) const;
    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
