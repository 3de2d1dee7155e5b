// -*- c++ -*-
/*
 * icmp_rate_limiter.hh -- IcmpRateLimiter: token buckets per ICMP type
 * (256 in-object buckets) plus one shared bucket for ICMP error messages.
 *
 * Training code for Clara's compute model (nf_corpus/security); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_CORPUS_ICMPRATELIMITER_HH
#define CLARA_CORPUS_ICMPRATELIMITER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
=c

IcmpRateLimiter(KEYWORDS)

=s icmp

rate-limits ICMP messages per type with token buckets

=d

Every ICMP type has its own token bucket, refilled at RATE messages per
second up to BURST messages; "TYPE T RATE R BURST B" (repeatable) sets
type T's bucket.  Error messages (destination unreachable, source quench,
redirect, time exceeded, parameter problem) must also take a token from a
shared bucket refilled at ERROR_RATE / ERROR_BURST.  A message that finds
an empty bucket is dropped (output 1 if present).  Truncated ICMP headers
are dropped; with VERIFY true a message with a bad ICMP checksum is
dropped too.  Non-ICMP packets pass.  Time is the packet's timestamp
annotation, or Timestamp::now().

Keywords: RATE (default 100), BURST (default 50), ERROR_RATE (default 20),
ERROR_BURST (default 10), TYPE (repeatable), VERIFY (bool, default false).

=h stats read-only  per-type passed and dropped counts
=h passed, dropped, bad read-only
*/

class IcmpRateLimiter : public Element {
  public:
    IcmpRateLimiter();
    ~IcmpRateLimiter();

    const char *class_name() const { return "IcmpRateLimiter"; }
    const char *port_count() const { return PORTS_1_1X2; }
    const char *processing() const { return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    Packet *simple_action(Packet *p);

    enum { NTYPES = 256, MILLI = 1000, NUNREACH_CODES = 16 };

    /* tokens are kept in thousandths, so slow rates refill smoothly */
    struct Bucket {
        uint64_t tokens;        /* milli-tokens */
        uint64_t capacity;      /* burst * MILLI */
        uint32_t rate;          /* tokens per second */
        uint32_t dropped;
        uint64_t passed;
        Timestamp last;
    };

  private:
    Bucket _buckets[NTYPES];            /* 10 KiB */
    Bucket _error_bucket;
    uint32_t _unreach_drops[NUNREACH_CODES];
    bool _verify;

    uint64_t _passed;
    uint64_t _dropped;
    uint64_t _bad;

    static inline bool is_error_type(uint8_t type) {
        return type == ICMP_UNREACH || type == ICMP_SOURCEQUENCH || type == ICMP_REDIRECT
            || type == ICMP_TIMXCEED || type == ICMP_PARAMPROB;
    }
    static void init_bucket(Bucket &b, uint32_t rate, uint32_t burst);
    static void refill(Bucket &b, const Timestamp &now);
    static bool take(Bucket &b, const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
