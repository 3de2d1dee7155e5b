// -*- c++ -*-
/*
 * http_host_steer.hh -- HttpHostSteer: picks a backend for an HTTP
 * connection from the Host header of its first request, and keeps the
 * connection on that backend afterwards.
 */
#ifndef SERVICES_HTTP_HOST_STEER_HH
#define SERVICES_HTTP_HOST_STEER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

/*
 * =c
 * HttpHostSteer(BACKEND ADDR, ..., [SEED, MAX_FLOWS])
 *
 * =d
 * Expects IPv4/TCP packets with the IP header at the front.  The header
 * checksum is verified; bad packets leave on output 2.  The first payload
 * of a connection is parsed as an HTTP/1.x request; its Host (lower-cased,
 * without port) picks one of 256 buckets, each bucket pointing to a
 * BACKEND.  The backend address is written to the destination IP
 * annotation and the packet leaves on output 0.  Connections without a
 * usable request go to output 1 (the default pool).
 */
class HttpHostSteer : public Element {
  public:
    HttpHostSteer();
    ~HttpHostSteer();

    const char *class_name() const override { return "HttpHostSteer"; }
    const char *port_count() const override { return "1/3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { NBUCKETS = 256, MAX_HOST = 255, NO_BACKEND = 0xFF };

  private:
    Vector<IPAddress> _backends;
    uint8_t _bucket[NBUCKETS];
    HashMap<IPFlowID, uint8_t> _flows;
    uint32_t _seed;
    uint32_t _max_flows;

    uint64_t _steered;
    uint64_t _sticky;
    uint64_t _no_host;
    uint64_t _bad_cksum;
    uint64_t _bad_hdr;
    uint64_t _per_backend[NBUCKETS];

    int find_host(const uint8_t *s, unsigned n, uint8_t *out) const;
    static String read_stats(Element *e, void *thunk);
};

static inline uint32_t
host_mix32(const uint8_t *key, unsigned len, uint32_t seed)
{
    const uint32_t m1 = 0xcc9e2d51U, m2 = 0x1b873593U;
    uint32_t h = seed, k;
    unsigned i = 0;
    for (; i + 4 <= len; i += 4) {
        k = (uint32_t) key[i] | ((uint32_t) key[i + 1] << 8)
            | ((uint32_t) key[i + 2] << 16) | ((uint32_t) key[i + 3] << 24);
        k *= m1;
        k = (k << 15) | (k >> 17);
        k *= m2;
        h ^= k;
        h = (h << 13) | (h >> 19);
        h = h * 5 + 0xe6546b64U;
    }
    k = 0;
    switch (len & 3) {
    case 3:
        k ^= (uint32_t) key[i + 2] << 16;
        /* fall through */
    case 2:
        k ^= (uint32_t) key[i + 1] << 8;
        /* fall through */
    case 1:
        k ^= key[i];
        k *= m1;
        k = (k << 15) | (k >> 17);
        k *= m2;
        h ^= k;
    }
    h ^= len;
    h ^= h >> 16;
    h *= 0x85ebca6bU;
    h ^= h >> 13;
    h *= 0xc2b2ae35U;
    h ^= h >> 16;
    return h;
}

CLICK_ENDDECLS
#endif
