// -*- c++ -*-
/*
 * dns_transaction_matcher.hh -- DnsTransactionMatcher: pairs DNS responses
 * with the queries they answer by (client, server, client port, id),
 * measures response latency and counts unmatched and unanswered messages.
 *
 * Training code for Clara's compute model (nf_corpus/session); written for
 * the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_DNSTRANSACTIONMATCHER_HH
#define CLARA_NFCORPUS_DNSTRANSACTIONMATCHER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * DnsTransactionMatcher([KEYWORDS])
 *
 * =s ip
 * matches DNS responses to queries and measures latency
 *
 * =d
 * Input: IPv4 packets with the IP header annotation set.  UDP datagrams to
 * PORT (default 53) with the QR bit clear are queries: the transaction key
 * (client address, server address, client port, DNS id) is stored with the
 * time sent, the QTYPE and a hash of the question name.  A second query
 * with the same key is a retransmission (the first send time is kept).
 * Datagrams from PORT with QR set are responses: the matching query is
 * looked up, the question name hash compared (a mismatch counts as a
 * suspicious answer), the latency added to a log2 histogram in
 * microseconds and to the per-RCODE counters, and the transaction erased.
 * The latency (microseconds, saturated) goes to the AGGREGATE annotation.
 *
 * Responses that match no query, and answers whose question differs, leave
 * on output 1 if it exists (else are dropped); everything else leaves on
 * output 0.  Queries pending for more than TIMEOUT seconds (default 5)
 * are swept every SWEEP_EVERY packets (default 1024) and counted as
 * unanswered.  At most MAX_PENDING (default 32768) queries are tracked.
 *
 * =h queries, responses, matched, unmatched, unanswered, retransmits,
 *    mismatched, pending read-only
 * =h latency read-only     the log2 microsecond histogram
 * =h rcodes read-only      responses per RCODE
 */
class DnsTransactionMatcher : public Element {
  public:
    DnsTransactionMatcher();
    ~DnsTransactionMatcher();

    const char *class_name() const override { return "DnsTransactionMatcher"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { DNS_HDR_LEN = 12, LAT_BUCKETS = 32, NRCODE = 16, MAX_NAME = 255 };

    struct TxnKey {
        uint32_t client;
        uint32_t server;
        uint16_t client_port;
        uint16_t id;

        TxnKey() : client(0), server(0), client_port(0), id(0) {}
        TxnKey(uint32_t c, uint32_t s, uint16_t cp, uint16_t i)
            : client(c), server(s), client_port(cp), id(i) {}
        bool operator==(const TxnKey &o) const {
            return client == o.client && server == o.server
                && client_port == o.client_port && id == o.id;
        }
        hashcode_t hashcode() const {
            uint32_t h = (client ^ (server >> 3)) * 0x9E3779B1U;
            return h ^ ((uint32_t) id << 16 | client_port) ^ (h >> 17);
        }
    };

    struct Pending {
        Timestamp sent;
        uint32_t qname_hash;
        uint16_t qtype;
        uint16_t qname_len;
        uint8_t retransmits;
        uint8_t opcode;
        uint8_t rd;
    };

  private:
    HashMap<TxnKey, Pending> _pending;
    Vector<TxnKey> _expired;
    uint16_t _port;
    uint32_t _timeout_s;
    uint32_t _max_pending;
    uint32_t _sweep_every;
    uint32_t _sweep_countdown;

    uint64_t _queries;
    uint64_t _responses;
    uint64_t _matched;
    uint64_t _unmatched;
    uint64_t _unanswered;
    uint64_t _retransmits;
    uint64_t _mismatched;
    uint64_t _malformed;
    uint64_t _lat_sum_us;
    uint64_t _lat_max_us;
    uint64_t _lat_hist[LAT_BUCKETS];
    uint32_t _rcode_count[NRCODE];
    uint32_t _qtype_latency_us[256];        // EWMA latency per low QTYPE byte

    static inline uint16_t rd16(const unsigned char *p) {
        return (uint16_t) ((p[0] << 8) | p[1]);
    }
    static inline int log2_bucket(uint64_t v) {
        int b = 0;
        while (v > 1 && b < LAT_BUCKETS - 1) {
            v >>= 1;
            b++;
        }
        return b;
    }

    int hash_question(const unsigned char *q, int avail, uint32_t *hash,
                      uint16_t *qtype, uint16_t *name_len) const;
    void on_query(const TxnKey &k, uint16_t flags, uint32_t hash, uint16_t qtype,
                  uint16_t name_len, const Timestamp &now);
    int on_response(const TxnKey &k, uint16_t flags, uint32_t hash,
                    const Timestamp &now, uint32_t *latency_us);
    void sweep(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
