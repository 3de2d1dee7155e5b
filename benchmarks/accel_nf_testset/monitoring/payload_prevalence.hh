// -*- c++ -*-
/*
 * payload_prevalence.hh -- PayloadPrevalence: content-prevalence monitor
 * for worm and flood detection.  Sampled TCP segments with a valid
 * checksum are fingerprinted by a digest of their payload prefix; a
 * fingerprint seen often and from several sources raises an alert.
 */
#ifndef MONITORING_PAYLOADPREVALENCE_HH
#define MONITORING_PAYLOADPREVALENCE_HH
#include <click/element.hh>
#include <click/hashmap.hh>
CLICK_DECLS

/*
 * =c
 * PayloadPrevalence([SAMPLE, PREFIX, PREVALENCE, DISPERSION, MAX_ENTRIES])
 *
 * =s measurement
 * counts how often payload prefixes recur, and from how many sources
 *
 * =d
 * One TCP segment with payload in SAMPLE (default 16) is examined.  Its
 * checksum (pseudo-header and segment) is verified first; a segment with
 * a bad checksum is counted and not fingerprinted.  The fingerprint is the
 * first 8 bytes of a 256-bit digest of the first PREFIX payload bytes
 * (16-512, default 40).  When a fingerprint has been seen PREVALENCE times
 * (default 20) from at least DISPERSION distinct sources (1-4, default 3),
 * the segment leaves on output 1, if it exists.  The table is flushed
 * when it holds MAX_ENTRIES fingerprints (default 65536).  All other
 * packets leave on output 0.
 *
 * =h stats read-only       counters
 */
class PayloadPrevalence : public Element {
  public:
    PayloadPrevalence();
    ~PayloadPrevalence();

    const char *class_name() const override { return "PayloadPrevalence"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    struct Seen {
        uint32_t count;
        uint32_t srcs[4];
        uint8_t nsrcs;
        bool alerted;
        Seen() : count(0), nsrcs(0), alerted(false) {}
    };

  private:
    HashMap<uint64_t, Seen> _table;
    unsigned _sample;
    unsigned _prefix;
    unsigned _prevalence;
    unsigned _dispersion;
    unsigned _max_entries;
    unsigned _phase;

    uint64_t _tcp;
    uint64_t _examined;
    uint64_t _bad_sum;
    uint64_t _alerts;
    uint64_t _flushes;

    bool segment_ok(const click_ip *iph, const unsigned char *seg, unsigned len) const;
    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
