#ifndef CLICK_COAPFORWARDPROXY_HH
#define CLICK_COAPFORWARDPROXY_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * CoapForwardProxy(UPSTREAM, [UPSTREAM_PORT, MAX_AGE, SEED])
 *
 * CoAP forward-proxy front end for a constrained-node network.  Takes IPv4/UDP
 * CoAP requests from sensor nodes.  GET requests whose URI (Uri-Host, Uri-Path,
 * Uri-Query or Proxy-Uri options) was fetched less than MAX_AGE seconds ago go
 * to output 1, where a cache responder answers them.  All other requests get a
 * fresh message ID, are readdressed to the UPSTREAM proxy and leave on output
 * 0.  Packets that are not CoAP requests go to output 2.
 */
class CoapForwardProxy : public Element {
  public:
    CoapForwardProxy();

    const char *class_name() const override { return "CoapForwardProxy"; }
    const char *port_count() const override { return "1/3"; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

  private:
    static constexpr int kCacheSlots = 1024;
    static constexpr int kKeyMax = 256;
    static constexpr int kMidSlots = 256;

    struct CacheSlot {
        uint32_t key;
        uint32_t hits;
        click_jiffies_t expires;
    };
    struct MidMap {
        uint16_t client_mid;
        uint16_t client_port;
        uint32_t client_addr;
    };

    IPAddress m_upstream;
    uint16_t m_upstreamPort, m_nextMid;
    uint32_t m_maxAge, m_seed;

    CacheSlot m_cache[kCacheSlots];
    MidMap m_mids[kMidSlots];
    uint8_t m_key[kKeyMax];

    uint64_t m_forwarded, m_hits, m_bad, m_invalidations;

    uint32_t uriHash(const uint8_t *key, int len) const;
    int buildUriKey(const uint8_t *opt, const uint8_t *end);
    Packet *reject(Packet *p) {
        ++m_bad;
        checked_output_push(2, p);
        return nullptr;
    }
};

CLICK_ENDDECLS
#endif
