#ifndef CLICK_CAPANONYMIZER_HH
#define CLICK_CAPANONYMIZER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * CaptureAnonymizer(KEY, I<keywords> STRIP_PAYLOAD)
 *
 * =s telemetry
 * prefix-preserving IPv4 address anonymization for packet traces
 *
 * =d
 * Rewrites the source and destination addresses of IPv4 packets with the
 * Crypto-PAn scheme (Xu, Fan, Ammar, Moon), so traces can be shared while
 * two addresses sharing a k-bit prefix still share a k-bit prefix after
 * anonymization.  KEY is 64 hex digits: the first 16 bytes are the AES-128
 * key, the last 16 are encrypted once to form the pad.  The IP and TCP/UDP
 * checksums are patched for the new addresses.  With STRIP_PAYLOAD, bytes
 * after the transport header are cut from the packet (the IP length field
 * keeps the original length, like a snaplen-limited capture).
 *
 * Anonymizing one address costs 32 AES blocks, so results are kept in a
 * direct-mapped cache of 4096 entries.
 */

class CaptureAnonymizer : public Element {
  public:
    CaptureAnonymizer();

    const char *class_name() const override { return "CaptureAnonymizer"; }
    const char *port_count() const override { return PORTS_1_1; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

  private:
    enum { CACHE_SIZE = 4096 };
    struct CacheEntry {
        uint32_t orig;
        uint32_t anon;
        bool valid;
    };

    uint8_t _round_keys[176];
    uint8_t _pad[16];
    bool _strip_payload;
    CacheEntry _cache[CACHE_SIZE];

    uint64_t _packets;
    uint64_t _cache_hits;
    uint64_t _cache_misses;
    uint64_t _not_ip;

    void expand_key(const uint8_t key[16]);
    uint32_t anonymize(uint32_t orig);
};

CLICK_ENDDECLS
#endif
