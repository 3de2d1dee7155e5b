// -*- c++ -*-
/*
 * tls_sni_extractor.hh -- TlsSniExtractor: walks the TLS ClientHello at the
 * start of a TCP connection (record header, handshake header, session id,
 * cipher suites, compression methods, extensions) to find the server_name
 * extension, and applies the policy configured for that name to the rest
 * of the connection.
 *
 * Training code for Clara's compute model (nf_corpus/inspection); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_TLSSNIEXTRACTOR_HH
#define CLARA_NFCORPUS_TLSSNIEXTRACTOR_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/hashtable.hh>
#include <click/ipflowid.hh>
#include <click/string.hh>
CLICK_DECLS

/*
 * =c
 * TlsSniExtractor(SNI "NAME ACTION", ..., [PORT, REQUIRE_SNI, MAX_FLOWS, DEFAULT_CLASS])
 *
 * =s inspection
 * classifies TLS connections by their server name indication
 *
 * =d
 * Expects IPv4 packets with the IP header annotation set.  A TCP segment to
 * PORT (default 443, 0 for any) whose payload starts with a TLS handshake
 * record is parsed as a ClientHello: record header (type 22, version
 * 3.x, length), handshake header (type 1, 24-bit length), client version,
 * random, session id (at most 32 bytes), cipher suites (an even, non-zero
 * length; GREASE and TLS 1.3 suites are counted), compression methods
 * (must include null), and the extension list, every length checked
 * against the bytes that remain.  A repeated extension type is malformed.
 * The host_name entry of the server_name extension is lower-cased and
 * looked up in the SNI table: first the name, then ".parent" suffixes for
 * wildcard entries (an SNI argument "*.example.com CLASS" matches every
 * name below example.com).
 *
 * An SNI argument's ACTION is a class 1 to 255, or "block".  The verdict is
 * cached per connection (both directions) until FIN or RST, for at most
 * MAX_FLOWS connections (default 16384): the connection's segments are
 * painted with the class and leave on output 0, or, when blocked, leave on
 * output 1 (dropped without it).  Names not in the table get DEFAULT_CLASS
 * (default 0).  Malformed hellos, and hellos without a server name when
 * REQUIRE_SNI is true, leave on output 1.
 *
 * =h stats read-only            hellos, with SNI, matched, blocked, malformed
 * =h reasons read-only          malformed hellos per reason
 * =h versions read-only         hellos per offered version
 * =h extensions read-only       "TYPE COUNT" for extension types below 64
 * =h flows read-only            cached connections
 */
class TlsSniExtractor : public Element {
  public:
    TlsSniExtractor();
    ~TlsSniExtractor();

    const char *class_name() const override { return "TlsSniExtractor"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_SNI = 255, EXT_TYPES = 64, BLOCK = 0x100 };

    enum Reason {
        r_ok = 0, r_record, r_handshake, r_version, r_session, r_ciphers,
        r_compression, r_extensions, r_duplicate, r_sni, r_truncated, r_count
    };

    /* What the parse found. */
    struct Hello {
        uint16_t version;           // highest offered (supported_versions or legacy)
        uint16_t nciphers;
        uint16_t ngrease;
        uint16_t ntls13;
        uint16_t alpn_count;
        bool h2;
        int sni_len;
        char sni[MAX_SNI + 1];
    };

    struct Verdict {
        uint16_t action;            // class, or BLOCK
        uint32_t segments;
        Verdict() : action(0), segments(0) {}
    };

  private:
    HashMap<String, uint16_t> _names;       // exact names and ".suffix" wildcards
    HashTable<IPFlowID, Verdict> _conns;
    uint32_t _max_flows;
    uint16_t _port;
    uint8_t _default_class;
    bool _require_sni;
    int _nwildcards;

    uint64_t _hellos;
    uint64_t _with_sni;
    uint64_t _matched;
    uint64_t _blocked;
    uint64_t _malformed;
    uint64_t _cached_segments;
    uint64_t _reasons[r_count];
    uint64_t _versions[5];                  // SSL3, TLS 1.0 .. 1.3
    uint64_t _ext_types[EXT_TYPES];

    static inline uint16_t be16(const unsigned char *p) {
        return (uint16_t) (p[0] << 8 | p[1]);
    }
    static inline uint32_t be24(const unsigned char *p) {
        return (uint32_t) p[0] << 16 | (uint32_t) p[1] << 8 | p[2];
    }
    static inline bool grease(uint16_t v) {
        return (v & 0x0F0F) == 0x0A0A && (v >> 8) == (v & 0xFF);
    }
    static inline IPFlowID conn_key(const IPFlowID &f) {
        // one key for both directions: the lower (address, port) first
        if (f.saddr().addr() < f.daddr().addr()
            || (f.saddr() == f.daddr() && f.sport() < f.dport()))
            return f;
        return f.reverse();
    }

    int parse_hello(const unsigned char *d, int n, Hello &h);
    int parse_server_name(const unsigned char *d, int n, Hello &h) const;
    uint16_t lookup(const Hello &h) const;
    void bad(Packet *p, int reason);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
