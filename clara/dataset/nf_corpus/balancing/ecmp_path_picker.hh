// -*- c++ -*-
/*
 * ecmp_path_picker.hh -- EcmpPathPicker: equal/weighted-cost multipath
 * next-hop selection for Ethernet frames carrying IPv4 or IPv6, by a
 * Jenkins-style hash of the flow and one of three mapping schemes.
 *
 * Training code for Clara's compute model (nf_corpus/balancing); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_ECMPPATHPICKER_HH
#define CLARA_NFCORPUS_ECMPPATHPICKER_HH
#include <click/element.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * EcmpPathPicker(PATHS [, MODE, WEIGHT W, ..., SEED, FLOW_LABEL])
 *
 * =s balancing
 * picks one of PATHS outputs per flow by hashing the 5-tuple
 *
 * =d
 * Input frames start with an Ethernet header, possibly with one or two
 * 802.1Q/802.1ad tags.  For IPv4 the source, destination, protocol and
 * (for TCP, UDP and SCTP first fragments) ports are hashed; for IPv6 the
 * two addresses and, after walking up to 6 extension headers, the upper
 * protocol and ports.  With FLOW_LABEL true (default) an IPv6 packet with
 * a non-zero flow label hashes addresses, next header and label only.
 * Other frames hash their MAC addresses and EtherType.  The hash is a
 * Jenkins-style mix of 32-bit words seeded with SEED.
 *
 * PATHS (1-64) are the next hops, leaving on outputs 0..PATHS-1.  MODE:
 * MODULO (hash mod live paths), THRESHOLD (RFC 2992 hash-threshold: each
 * live path owns a region of the hash space proportional to its WEIGHT),
 * or TABLE (default: a 256-entry indirection table filled by weight; when a
 * path goes down only its entries move).  WEIGHTs (1-255) pair up with
 * paths in order; missing ones are 1.  The hash goes into the aggregate
 * annotation, the path into the paint annotation.
 *
 * =h paths read-only       per-path state and counters
 * =h table read-only       the indirection table
 * =h down / up write-only  take path N out / bring it back
 */
class EcmpPathPicker : public Element {
  public:
    EcmpPathPicker();
    ~EcmpPathPicker();

    const char *class_name() const override { return "EcmpPathPicker"; }
    const char *port_count() const override { return "1/1-64"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_PATHS = 64, TABLE_SLOTS = 256, MAX_WORDS = 12, MAX_EXT_HDRS = 6 };
    enum Mode { MODE_MODULO, MODE_THRESHOLD, MODE_TABLE };

  private:
    uint8_t _indir[TABLE_SLOTS];
    uint32_t _slot_hits[TABLE_SLOTS];
    uint32_t _bound[MAX_PATHS];         // THRESHOLD: upper end of each live region
    uint8_t _bound_path[MAX_PATHS];
    uint8_t _live_list[MAX_PATHS];
    uint8_t _weight[MAX_PATHS];
    uint64_t _path_packets[MAX_PATHS];
    uint64_t _path_bytes[MAX_PATHS];
    uint64_t _up;                       // bit i: path i is up
    int _npaths;
    int _nlive;
    int _mode;
    uint32_t _seed;
    bool _use_label;

    uint64_t _v4;
    uint64_t _v6;
    uint64_t _labelled;
    uint64_t _other;
    uint64_t _malformed;

    static inline uint32_t rotl(uint32_t x, int k) {
        return (x << k) | (x >> (32 - k));
    }
    static inline void mix(uint32_t &a, uint32_t &b, uint32_t &c) {
        a -= c; a ^= rotl(c, 4); c += b;
        b -= a; b ^= rotl(a, 6); a += c;
        c -= b; c ^= rotl(b, 8); b += a;
        a -= c; a ^= rotl(c, 16); c += b;
        b -= a; b ^= rotl(a, 19); a += c;
        c -= b; c ^= rotl(b, 4); b += a;
    }
    static inline void final_mix(uint32_t &a, uint32_t &b, uint32_t &c) {
        c ^= b; c -= rotl(b, 14);
        a ^= c; a -= rotl(c, 11);
        b ^= a; b -= rotl(a, 25);
        c ^= b; c -= rotl(b, 16);
        a ^= c; a -= rotl(c, 4);
        b ^= a; b -= rotl(a, 14);
        c ^= b; c -= rotl(b, 24);
    }
    static inline uint32_t load32(const uint8_t *d) {
        uint32_t v;
        memcpy(&v, d, 4);
        return v;
    }

    uint32_t hash_words(const uint32_t *w, int n) const;
    int ipv4_words(const uint8_t *d, uint32_t len, uint32_t *w) const;
    int ipv6_words(const uint8_t *d, uint32_t len, uint32_t *w);
    int select(uint32_t h);
    void rebuild(bool keep_table);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
