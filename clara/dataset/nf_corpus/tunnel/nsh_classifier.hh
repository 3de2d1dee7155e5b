// -*- c++ -*-
/*
 * nsh_classifier.hh -- NshClassifier: a service-function-chaining
 * classifier and forwarder.  Classifies IPv4 packets onto service paths,
 * pushes a Network Service Header (RFC 8300, MD type 1) in front of them,
 * and forwards NSH packets coming back from service functions along their
 * path, decrementing the service index, until the path ends.
 *
 * Training code for Clara's compute model (nf_corpus/tunnel); written for
 * the corpus, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_NSHCLASSIFIER_HH
#define CLARA_NFCORPUS_NSHCLASSIFIER_HH
#include <click/element.hh>
#include <click/vector.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * NshClassifier(KEYWORDS)
 *
 * =s tunnel
 * classifies packets onto NSH service paths and steers them hop by hop
 *
 * =d
 * Input 0 takes plain IPv4 packets (IP header annotation set).  They are
 * matched against the RULE list ("PREFIX PROTO DPORT SPI", PROTO and DPORT
 * 0 meaning any) in order; the first match names a service path.
 * Unmatched packets use DEFAULT_SPI, or, if it is 0, leave unchanged on
 * output 0.  A classified packet gets a 24-byte NSH: base header (version
 * 0, TTL, length 6, MD type 1, next protocol IPv4), service path header
 * (SPI, SI = the path's start index) and four context words (tenant and
 * ingress paint, source address, flow hash, arrival time in microseconds).
 * It leaves on the output of the path's first hop.
 *
 * Input 1 takes NSH packets returning from a service function.  The header
 * is validated (version, length, MD type, TTL), the path looked up in a
 * 4096-entry table indexed by the SPI's low bits, and the SI decremented.
 * If hops remain the packet goes to the next hop's output; at the end of
 * the path the NSH is removed and the inner packet leaves on output 0.
 * Packets with unknown paths, an expired TTL or an SI of 0 are dropped.
 *
 * PATH "SPI START_SI PORT..." defines a path (up to 12 hops, ports 1 and
 * above).  Keywords: TTL (default 63), TENANT (default 0), DEFAULT_SPI.
 *
 * =h classified, forwarded, terminated, dropped read-only
 * =h paths read-only     "SPI START_SI HOPS PACKETS" lines
 * =h rules read-only     rule hit counts
 */
class NshClassifier : public Element {
  public:
    NshClassifier();
    ~NshClassifier();

    const char *class_name() const override { return "NshClassifier"; }
    const char *port_count() const override { return "2/2-16"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum {
        NSH_BASE_LEN = 4, NSH_SPH_LEN = 4, NSH_MD1_CTX = 16,
        NSH_MD1_LEN = NSH_BASE_LEN + NSH_SPH_LEN + NSH_MD1_CTX,
        NSH_MD1_WORDS = NSH_MD1_LEN / 4,
        NSH_MDTYPE_1 = 1, NSH_MDTYPE_2 = 2,
        NSH_NP_IPV4 = 1, NSH_NP_IPV6 = 2, NSH_NP_ETHER = 3,
        NSH_O_BIT = 0x20,
        PATH_BITS = 12, NPATHS = 1 << PATH_BITS, MAX_HOPS = 12
    };
    enum { drop_unknown_path, drop_ttl, drop_si, drop_header, drop_port,
           drop_nomem, drop_count };

    struct PathEntry {
        uint32_t spi;           /* full 24-bit SPI (table tag) */
        uint8_t valid;
        uint8_t start_si;
        uint8_t nhops;
        uint8_t oam;
        uint8_t hop_port[MAX_HOPS];
        uint64_t packets;
        uint64_t bytes;
    };

    struct Rule {
        IPAddress dst;
        IPAddress mask;
        uint8_t proto;
        uint16_t dport;
        uint32_t spi;
        uint32_t hits;
    };

  private:
    PathEntry _paths[NPATHS];
    Vector<Rule> _rules;
    uint32_t _default_spi;
    uint8_t _ttl;
    uint32_t _tenant;

    uint64_t _classified;
    uint64_t _forwarded;
    uint64_t _terminated;
    uint64_t _unclassified;
    uint32_t _drops[drop_count];
    uint32_t _tenant_pkts[256];

    PathEntry *lookup_path(uint32_t spi) {
        PathEntry *pe = &_paths[spi & (NPATHS - 1)];
        return (pe->valid && pe->spi == spi) ? pe : 0;
    }
    static inline uint32_t flow_hash(const click_ip *iph, uint32_t ports) {
        uint32_t h = iph->ip_src.s_addr * 0x9E3779B1U;
        h ^= iph->ip_dst.s_addr + 0x7F4A7C15U + (h << 6) + (h >> 2);
        h ^= ports + iph->ip_p + (h << 6) + (h >> 2);
        return h ^ (h >> 16);
    }

    int parse_path(const String &s, ErrorHandler *errh);
    int parse_rule(const String &s, ErrorHandler *errh);
    const Rule *classify(const click_ip *iph, uint16_t dport);
    void encapsulate(Packet *p);
    void forward(Packet *p);
    void drop(Packet *p, int why);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
