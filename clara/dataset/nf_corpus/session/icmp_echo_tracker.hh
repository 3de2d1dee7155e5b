// -*- c++ -*-
/*
 * icmp_echo_tracker.hh -- IcmpEchoTracker: pairs ICMP echo requests with
 * their replies by (source, destination, identifier, sequence), keeps a
 * smoothed RTT per probed host and detects gaps and reordering in the
 * request sequence numbers.
 *
 * Training code for Clara's compute model (nf_corpus/session); written for
 * the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_ICMPECHOTRACKER_HH
#define CLARA_NFCORPUS_ICMPECHOTRACKER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * IcmpEchoTracker([KEYWORDS])
 *
 * =s icmp
 * tracks echo request/reply pairs and per-host round-trip times
 *
 * =d
 * Input: IPv4 packets with the IP header annotation set.  Every echo
 * request is remembered under (source, destination, identifier, sequence)
 * with its send time and a 32-bit sum over its first CHECK_BYTES payload
 * bytes (default 64).  An echo reply is matched against the request it
 * answers; its payload sum must equal the request's (else the reply is
 * corrupt), its RTT updates the destination host's smoothed RTT and RTT
 * variance (RFC 6298 style, fixed point in microseconds) and a 64-bucket
 * RTT histogram, and the request is erased.
 *
 * Per probed host a second table keeps the last identifier and sequence
 * number of the requests sent to it: a sequence number that skips ahead is
 * a gap (counted in missing requests), one that goes back is a reorder.
 * With VERIFY true (default false) the ICMP checksum is checked first.
 * Requests unanswered after TIMEOUT seconds (default 3) are swept every
 * SWEEP_EVERY packets (default 512) and count as lost for their host.
 *
 * Unsolicited and corrupt replies and bad checksums leave on output 1 (if
 * present, else are dropped); all other packets on output 0.  Matched
 * replies carry the RTT in microseconds in the AGGREGATE annotation.
 *
 * =h requests, replies, matched, unsolicited, corrupt, lost, gaps,
 *    reorders, duplicates read-only
 * =h hosts read-only      "HOST SRTT_US RTTVAR_US SAMPLES LOST" lines
 * =h rtt_histogram read-only
 */
class IcmpEchoTracker : public Element {
  public:
    IcmpEchoTracker();
    ~IcmpEchoTracker();

    const char *class_name() const override { return "IcmpEchoTracker"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { RTT_BUCKETS = 64, ECHO_HDR_LEN = 8 };

    struct EchoKey {
        uint32_t src;
        uint32_t dst;
        uint16_t ident;
        uint16_t seq;

        EchoKey() : src(0), dst(0), ident(0), seq(0) {}
        EchoKey(uint32_t s, uint32_t d, uint16_t i, uint16_t q)
            : src(s), dst(d), ident(i), seq(q) {}
        bool operator==(const EchoKey &o) const {
            return src == o.src && dst == o.dst && ident == o.ident && seq == o.seq;
        }
        hashcode_t hashcode() const {
            uint32_t h = src * 0x85EBCA6BU + dst;
            h ^= ((uint32_t) ident << 16 | seq) * 0x9E3779B1U;
            return h ^ (h >> 15);
        }
    };

    struct Request {
        Timestamp sent;
        uint32_t payload_sum;
        uint16_t payload_len;
        uint16_t ip_id;
    };

    struct HostRtt {
        int64_t srtt_us;            /* << 3 fixed point */
        int64_t rttvar_us;          /* << 2 fixed point */
        uint64_t min_rtt_us;
        uint32_t samples;
        uint32_t lost;
        uint32_t gaps;
        uint32_t reorders;
        uint16_t last_ident;
        uint16_t last_seq;
        uint8_t seq_valid;
    };

  private:
    HashMap<EchoKey, Request> _requests;
    HashMap<IPAddress, HostRtt> _hosts;
    Vector<EchoKey> _lost_scratch;
    uint32_t _check_bytes;
    uint32_t _timeout_s;
    uint32_t _max_requests;
    uint32_t _max_hosts;
    uint32_t _sweep_every;
    uint32_t _sweep_countdown;
    bool _verify;

    uint64_t _n_requests;
    uint64_t _n_replies;
    uint64_t _matched;
    uint64_t _unsolicited;
    uint64_t _corrupt;
    uint64_t _bad_cksum;
    uint64_t _lost;
    uint64_t _gaps;
    uint64_t _reorders;
    uint64_t _duplicates;
    uint32_t _rtt_hist[RTT_BUCKETS];

    /* 64 buckets: 8 per power of two from 1 ms (roughly log-linear). */
    static inline int rtt_bucket(uint64_t us) {
        if (us < 1000)
            return (int) (us >> 7);             // 0..7 below 1 ms
        uint64_t ms = us / 1000;
        int msb = 63 - __builtin_clzll(ms);
        int sub = msb >= 3 ? (int) ((ms >> (msb - 3)) & 7) : (int) ((ms << (3 - msb)) & 7);
        int b = 8 + msb * 8 + sub;
        return b < RTT_BUCKETS ? b : RTT_BUCKETS - 1;
    }

    uint32_t payload_sum(const unsigned char *d, int len) const;
    HostRtt *host(IPAddress a);
    void note_request(const click_ip *iph, const click_icmp_echo *ie,
                      const unsigned char *payload, int plen, const Timestamp &now);
    bool note_reply(const click_ip *iph, const click_icmp_echo *ie,
                    const unsigned char *payload, int plen, const Timestamp &now,
                    uint32_t *rtt_us);
    void sweep(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
