// -*- c++ -*-
/*
 * dns_query_parser.hh -- DnsQueryParser: structural parser for DNS queries
 * carried in UDP.  Checks the 12-byte header, walks the QNAME labels in a
 * bounded loop, rejects compression pointers in questions, reads
 * QTYPE/QCLASS and keeps per-QTYPE, per-opcode and name-length statistics.
 *
 * Training code for Clara's compute model (nf_corpus/protocol); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_DNSQUERYPARSER_HH
#define CLARA_NFCORPUS_DNSQUERYPARSER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * DnsQueryParser([PORT, MAX_LABELS, STRICT_LDH, ALLOW_EDNS, QTYPE_ANNO])
 *
 * =s dns
 * validates DNS queries and gathers question statistics
 *
 * =d
 * Expects IPv4 packets with the IP header annotation set.  UDP datagrams to
 * PORT (default 53) must hold exactly one well-formed DNS query: QR clear,
 * opcode QUERY/IQUERY/STATUS/NOTIFY/UPDATE, QDCOUNT 1, no answer or
 * authority records, at most one additional record (an EDNS OPT record,
 * when ALLOW_EDNS is true).  The QNAME is walked label by label: every
 * length byte must be <= 63, the reserved 01/10 label types and compression
 * pointers are malformed in a question, the whole name must fit in 255
 * bytes and in at most MAX_LABELS labels.  With STRICT_LDH every label must
 * consist of letters, digits and hyphens (or an underscore in the first
 * position, as service labels use).  QCLASS must be IN, CH, HS or ANY.
 *
 * Counters are kept per QTYPE (256 in-object slots, larger types share an
 * overflow slot), per opcode, per name length in bytes and per label count.
 * A query whose (source port, source, ID) tag is still in a 4096-slot
 * two-way tag table counts as a retransmission.  The QTYPE is written
 * into the AGGREGATE annotation if QTYPE_ANNO is true.  Good queries
 * leave on output 0; malformed datagrams on output 1 (or are dropped).
 * Non-DNS packets pass on output 0.
 *
 * =h queries read-only        well-formed queries
 * =h malformed read-only      malformed DNS datagrams
 * =h retransmits read-only    repeated (source, ID) pairs
 * =h qtypes read-only         "QTYPE COUNT" lines for types seen
 * =h name_lengths read-only   non-empty buckets of the name-length histogram
 * =h reasons read-only        malformed datagrams per reason
 * =h reset write-only         clears all counters
 */
class DnsQueryParser : public Element {
  public:
    DnsQueryParser();
    ~DnsQueryParser();

    const char *class_name() const override { return "DnsQueryParser"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum {
        DNS_HEADER_LEN = 12,
        MAX_NAME_LEN = 255,
        MAX_LABEL_LEN = 63,
        NQTYPES = 256,          // slot 255 also holds every larger QTYPE
        NOPCODES = 16,
        ID_RING = 4096
    };

    enum Malformation {
        bad_none = 0, bad_short, bad_qr, bad_opcode, bad_counts, bad_label,
        bad_pointer, bad_name_len, bad_ldh, bad_qclass, bad_trailing, bad_count
    };

  private:
    uint16_t _port;
    uint8_t _max_labels;
    bool _strict_ldh;
    bool _allow_edns;
    bool _qtype_anno;

    uint64_t _queries;
    uint64_t _malformed;
    uint64_t _retransmits;
    uint64_t _non_dns;

    uint64_t _qtype_count[NQTYPES];         // 2 KiB
    uint32_t _opcode_count[NOPCODES];
    uint32_t _name_len_hist[MAX_NAME_LEN + 1];
    uint32_t _label_hist[128];
    uint32_t _bad_reason[bad_count];
    uint32_t _id_ring[ID_RING];             // 16 KiB of (source ^ id) tags
    uint32_t _id_ring_pos;                  // victim selector when a set is full

    static inline uint16_t be16(const unsigned char *p) {
        return (uint16_t) ((p[0] << 8) | p[1]);
    }
    static inline bool ldh_char(unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9') || c == '-';
    }
    static inline uint32_t id_tag(uint32_t saddr, uint16_t sport, uint16_t id) {
        uint32_t t = saddr ^ ((uint32_t) sport << 16) ^ id;
        t ^= t >> 13;
        t *= 0x5bd1e995U;
        return t | 1;                       // 0 marks an empty ring slot
    }
    inline unsigned qtype_slot(uint16_t qtype) const {
        return qtype < NQTYPES - 1 ? qtype : NQTYPES - 1;
    }

    int walk_name(const unsigned char *q, int avail, int *name_len, int *labels) const;
    bool seen_recently(uint32_t tag);
    void malformed(Packet *p, int why);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
