// -*- c++ -*-
/*
 * gre_decap.hh -- GreDecap: validates and removes a GRE (RFC 2784/2890)
 * header from IPv4-in-GRE-in-IPv4 packets, keeping per-key statistics.
 *
 * Training code for Clara's compute model (nf_corpus/rewrite); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_GREDECAP_HH
#define CLARA_NFCORPUS_GREDECAP_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/vector.hh>
#include <clicknet/ip.h>
CLICK_DECLS

/*
 * =c
 * GreDecap([CHECKSUM, REQUIRE_KEY, SEQUENCE, KEY ...])
 *
 * =s tunnel
 * strips the outer IPv4 and GRE headers of a tunnelled packet
 *
 * =d
 * Expects IPv4 packets with the IP header annotation set.  The outer header
 * must carry protocol 47 (GRE).  The GRE base header is checked (version 0,
 * no routing bit, payload type IPv4); the optional checksum, key and
 * sequence number words are parsed in the order the flags announce them.
 * With CHECKSUM true a present GRE checksum is verified over the GRE header
 * and payload.  Per-key state (packets, bytes, last sequence number,
 * reordered packets) lives in a HashMap.  If KEY is given, only those keys
 * are accepted.  The outer headers are pulled off, the inner IPv4 header is
 * sanity-checked (version, header length, total length, checksum) and the IP
 * header annotation moved to it.  Good packets leave on output 0, bad ones
 * on output 1 (or are dropped).
 *
 * =h decapped read-only    packets decapsulated
 * =h bad_outer read-only   packets with a bad outer or GRE header
 * =h bad_inner read-only   packets with a bad inner IPv4 header
 * =h reordered read-only   packets whose sequence number went backwards
 * =h keys read-only        number of distinct keys seen
 * =h reset write-only      reset counters and key state
 */
class GreDecap : public Element {
  public:
    GreDecap();
    ~GreDecap();

    const char *class_name() const override { return "GreDecap"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

    struct KeyState {
        uint64_t packets;
        uint64_t bytes;
        uint32_t last_seq;
        uint32_t reordered;
        bool seq_valid;
        KeyState() : packets(0), bytes(0), last_seq(0), reordered(0), seq_valid(false) {}
    };

  private:
    enum {
        GRE_FLAG_C = 0x8000, GRE_FLAG_R = 0x4000, GRE_FLAG_K = 0x2000,
        GRE_FLAG_S = 0x1000, GRE_RESERVED0 = 0x0FF8, GRE_VERSION = 0x0007,
        GRE_BASE_LEN = 4, GRE_MAX_LEN = 16
    };
    enum { h_decapped, h_bad_outer, h_bad_inner, h_reordered, h_keys, h_reset };
    enum { fail_none, fail_proto, fail_short, fail_flags, fail_ptype,
           fail_cksum, fail_key, fail_inner, fail_count };

    bool _check_cksum;
    bool _require_key;
    bool _track_seq;
    Vector<uint32_t> _allowed;           // accepted keys (empty: any)

    HashMap<uint32_t, KeyState> _keys;

    uint64_t _decapped;
    uint64_t _bad_outer;
    uint64_t _bad_inner;
    uint64_t _reordered;
    uint32_t _fail[fail_count];

    static inline uint32_t read_be32(const unsigned char *p) {
        return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16)
            | ((uint32_t) p[2] << 8) | p[3];
    }
    inline bool key_allowed(uint32_t key) const {
        if (_allowed.empty())
            return true;
        for (int i = 0; i < _allowed.size(); i++)
            if (_allowed[i] == key)
                return true;
        return false;
    }

    int parse_gre(const unsigned char *gre, int avail, uint32_t *key,
                  bool *has_key, uint32_t *seq, bool *has_seq);
    bool inner_ok(const click_ip *iph, uint32_t avail) const;
    void account(uint32_t key, bool has_seq, uint32_t seq, uint32_t len);
    void reject(Packet *p, int why, bool inner);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
