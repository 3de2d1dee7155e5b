// -*- c++ -*-
/*
 * content_fingerprint.hh -- ContentFingerprint: fingerprints the start of
 * each TCP/UDP payload so a cache or redundancy-elimination box can tell
 * repeated content from new content.
 */
#ifndef SERVICES_CONTENT_FINGERPRINT_HH
#define SERVICES_CONTENT_FINGERPRINT_HH
#include <click/element.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

/*
 * =c
 * ContentFingerprint([PREFIX, MIN_PAYLOAD, WINDOW, KNOWN FP, ...])
 *
 * =d
 * IPv4 packets with the IP header first.  The first PREFIX payload bytes
 * (default 64) of a TCP or UDP packet carrying at least MIN_PAYLOAD bytes
 * (default 32) are fingerprinted; the fingerprint goes to the AGGREGATE
 * annotation.  Output 0: content not seen in the last WINDOW seconds;
 * output 1: repeated content or a KNOWN fingerprint (paint annotation 1
 * for known); output 2: packets too short to fingerprint.
 */
class ContentFingerprint : public Element {
  public:
    ContentFingerprint();
    ~ContentFingerprint();

    const char *class_name() const override { return "ContentFingerprint"; }
    const char *port_count() const override { return "1/3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { NRECENT = 4096 };

    struct Recent {
        uint32_t fp;
        uint32_t count;
        uint32_t bytes;
        uint32_t last_sec;
    };

  private:
    uint32_t _crc_tab[256];
    Recent _recent[NRECENT];
    Vector<unsigned> _known;            // sorted

    uint32_t _prefix;
    uint32_t _min_payload;
    uint32_t _window;

    uint64_t _fingerprinted;
    uint64_t _repeats;
    uint64_t _known_hits;
    uint64_t _short;
    uint64_t _repeat_bytes;

    uint32_t fingerprint(const uint8_t *s, unsigned n) const;
    bool is_known(uint32_t fp) const;
    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
