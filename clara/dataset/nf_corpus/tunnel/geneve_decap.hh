// -*- c++ -*-
/*
 * geneve_decap.hh -- GeneveDecap: terminates Geneve (RFC 8926) tunnels
 * carried over UDP: validates the outer UDP and Geneve base headers, walks
 * the variable-length option TLVs, records the VNI and selected option
 * values in annotations and strips the outer headers.
 *
 * Training code for Clara's compute model (nf_corpus/tunnel); written for
 * the corpus, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_GENEVEDECAP_HH
#define CLARA_NFCORPUS_GENEVEDECAP_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * GeneveDecap([PORT, KEYWORDS])
 *
 * =s tunnel
 * validates and removes Geneve encapsulation
 *
 * =d
 * Input: IPv4 packets with the IP header annotation set, carrying UDP to
 * PORT (default 6081).  The Geneve base header must have version 0; its
 * option length (in 4-byte words) must fit in the UDP payload.  The option
 * TLVs (class, type, length) are walked one by one: options listed with
 * OPTION ("CLASS TYPE SLOT") have their first data word stored in one of
 * four annotation slots; an unknown option with the critical bit (0x80 in
 * the type) makes the packet invalid, as RFC 8926 requires.  OAM frames
 * (the O bit) leave on output 1.
 *
 * The protocol type decides what follows: Ethernet (0x6558), IPv4 or IPv6.
 * The inner header is sanity-checked, the outer headers pulled off, the
 * header annotations moved and the 24-bit VNI stored in the AGGREGATE
 * annotation.  With VNI given (repeatable), only those VNIs are accepted.
 * Per-VNI packet and byte counters are kept (at most MAX_VNIS).
 *
 * Decapsulated packets leave on output 0, OAM frames on output 1 and
 * malformed or refused packets on output 2 (dropped if absent).
 *
 * =h decapped, oam, malformed read-only
 * =h vnis read-only      "VNI PACKETS BYTES OPTIONS" lines
 * =h reset write-only
 */
class GeneveDecap : public Element {
  public:
    GeneveDecap();
    ~GeneveDecap();

    const char *class_name() const override { return "GeneveDecap"; }
    const char *port_count() const override { return "1/1-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum {
        GENEVE_BASE_LEN = 8, GENEVE_OPT_HDR = 4, GENEVE_MAX_OPT_WORDS = 63,
        GENEVE_FLAG_O = 0x80, GENEVE_FLAG_C = 0x40,
        PT_ETHERNET = 0x6558, PT_IPV4 = 0x0800, PT_IPV6 = 0x86DD,
        OPT_CRITICAL = 0x80, NSLOTS = 4, MAX_KNOWN = 32,
        GENEVE_USER_ANNO = 22    /* 2 free annotation bytes: option bitmap */
    };
    enum { bad_none = 0, bad_udp, bad_version, bad_optlen, bad_option,
           bad_critical, bad_vni, bad_ptype, bad_inner, bad_count };

    struct KnownOption {
        uint16_t opt_class;
        uint8_t type;
        uint8_t slot;
        uint32_t seen;
    };

    struct VniStats {
        uint64_t packets;
        uint64_t bytes;
        uint32_t options;
        uint16_t last_ptype;
        uint8_t allowed;
        VniStats() : packets(0), bytes(0), options(0), last_ptype(0), allowed(0) {}
    };

  private:
    uint16_t _port;
    bool _strict_vni;
    bool _check_udp_len;
    uint32_t _max_vnis;

    KnownOption _known[MAX_KNOWN];
    int _nknown;

    HashMap<uint32_t, VniStats> _vnis;

    uint64_t _decapped;
    uint64_t _oam;
    uint64_t _malformed;
    uint32_t _class_hist[256];      /* option classes, low byte */
    uint32_t _optlen_hist[GENEVE_MAX_OPT_WORDS + 1];
    uint32_t _bad[bad_count];

    static inline uint16_t be16(const unsigned char *p) {
        return (uint16_t) ((p[0] << 8) | p[1]);
    }
    static inline uint32_t be32(const unsigned char *p) {
        return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16)
            | ((uint32_t) p[2] << 8) | p[3];
    }

    int find_known(uint16_t cls, uint8_t type) const {
        for (int i = 0; i < _nknown; i++)
            if (_known[i].opt_class == cls && _known[i].type == type)
                return i;
        return -1;
    }

    int walk_options(const unsigned char *opt, int len, Packet *p, uint32_t *nopts);
    int check_inner(uint16_t ptype, const unsigned char *inner, int avail) const;
    void bad(Packet *p, int why);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
