#ifndef CLICK_QUICINITIALFILTER_HH
#define CLICK_QUICINITIALFILTER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * QuicInitialFilter([VERSION RANGE, ..., PORT, MIN_INITIAL, RETRY_THRESHOLD,
 *                    SAMPLE_RETRY])
 *
 * Front line of an HTTP/3 edge.  Validates QUIC long-header packets (RFC 9000
 * section 17.2) arriving on UDP PORT (default 443): the version must fall in
 * one of the allowed VERSION ranges ("lo-hi" or a single value, first match
 * wins; version 0 is version negotiation and always dropped here), Initial
 * datagrams must be padded to MIN_INITIAL bytes (anti-amplification), and
 * token and length varints must fit the datagram.  Sources that open more
 * than RETRY_THRESHOLD handshakes per decay period without a token are sent
 * to output 1 (Retry generator); a SAMPLE_RETRY fraction (per mille) of other
 * tokenless Initials is also sampled there.  Valid traffic: output 0; junk:
 * output 2.  Short-header packets pass untouched.
 */

class QuicInitialFilter : public Element {
  public:
    QuicInitialFilter();
    ~QuicInitialFilter();

    const char *class_name() const { return "QuicInitialFilter"; }
    const char *port_count() const { return "1/3"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

  private:
    enum { OUT_PASS = 0, OUT_RETRY = 1, OUT_DROP = 2 };
    enum { PKT_INITIAL = 0, PKT_0RTT = 1, PKT_HANDSHAKE = 2, PKT_RETRY = 3 };

    struct VersionRange {
        uint32_t lo, hi;
    };
    struct SourceState {
        uint32_t handshakes;
        uint32_t epoch;
    };

    Vector<VersionRange> _versions;
    HashMap<IPAddress, SourceState> _sources;
    uint16_t _port;
    unsigned _min_initial;
    uint32_t _retry_threshold;
    unsigned _sample_retry;
    uint32_t _epoch;
    click_jiffies_t _epoch_start;

    uint64_t _counts[3];
    uint64_t _bad_version, _short_initial, _bad_varint;

    static const uint8_t *read_varint(const uint8_t *p, const uint8_t *end, uint64_t *v);
    bool version_allowed(uint32_t v) const;
    int check_long_header(Packet *p, const uint8_t *q, const uint8_t *end);
};

CLICK_ENDDECLS
#endif
