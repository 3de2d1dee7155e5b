// -*- c++ -*-
/*
 * blocklist_bitmap.hh -- BlocklistBitmap: address blocklist held in large
 * in-object tables: /16 bitmaps for sources and destinations, a /24
 * exception (allow) hash table and a Bloom filter of blocked hosts.
 *
 * Training code for Clara's compute model (nf_corpus/security); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_CORPUS_BLOCKLISTBITMAP_HH
#define CLARA_CORPUS_BLOCKLISTBITMAP_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
=c

BlocklistBitmap(KEYWORDS)

=s ip

drops packets from or to blocklisted networks and hosts

=d

Configuration keywords, each may be repeated:

  BLOCK_SRC ADDR/LEN   block sources in these networks (LEN 8-16; the
                       /16s the prefix covers are marked)
  BLOCK_DST ADDR/LEN   block destinations likewise
  BLOCK_HOST ADDR      block one address as source or destination (kept in
                       a Bloom filter of 2^20 bits with 3 hash functions:
                       a small false-positive rate is accepted)
  ALLOW ADDR/24        exception: a /24 that passes although its /16 is
                       blocked (up to 2048 of them)

A packet whose source or destination is blocked, and not excepted, leaves
on output 1 (or is killed); others leave on output 0.  Per-/8 drop
counters are kept for the sources of dropped packets.

Keywords: CHECK_DST (bool, default true), COUNT_ONLY (bool, default false:
when true, everything goes to output 0 and only the counters move).

=h passed, dropped_src, dropped_dst, dropped_host, excepted read-only
=h by_slash8 read-only
*/

class BlocklistBitmap : public Element {
  public:
    BlocklistBitmap();
    ~BlocklistBitmap();

    const char *class_name() const { return "BlocklistBitmap"; }
    const char *port_count() const { return PORTS_1_1X2; }
    const char *processing() const { return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    Packet *simple_action(Packet *p);

    enum {
        NET16 = 65536,                  /* number of /16 networks */
        EXC_SLOTS = 4096,               /* /24 exception table (open addressing) */
        EXC_MAX = EXC_SLOTS / 2,
        EXC_PROBES = 16,
        BLOOM_BITS = 1 << 20,
        BLOOM_WORDS = BLOOM_BITS / 32
    };
    enum Reason { R_NONE = 0, R_SRC, R_DST, R_HOST };

  private:
    uint32_t _src16[NET16 / 32];        /* 8 KiB */
    uint32_t _dst16[NET16 / 32];        /* 8 KiB */
    uint32_t _exc24[EXC_SLOTS];         /* 16 KiB; (net24 << 8) | 1, 0 = empty */
    uint32_t _bloom[BLOOM_WORDS];       /* 128 KiB */
    uint32_t _drops_by8[256];           /* 1 KiB */
    int _nexc;
    int _nhosts;
    bool _check_dst;
    bool _count_only;

    uint64_t _passed;
    uint64_t _dropped_src;
    uint64_t _dropped_dst;
    uint64_t _dropped_host;
    uint64_t _excepted;

    static inline bool test_bit(const uint32_t *bits, uint32_t i) {
        return (bits[i >> 5] >> (i & 31)) & 1;
    }
    static inline void set_bit(uint32_t *bits, uint32_t i) {
        bits[i >> 5] |= 1U << (i & 31);
    }
    static inline uint32_t mix(uint32_t x, uint32_t seed) {
        x ^= seed;
        x *= 0xCC9E2D51U;
        x = (x << 15) | (x >> 17);
        x *= 0x1B873593U;
        x ^= x >> 16;
        return x;
    }

    int mark_prefix(uint32_t *bits, const String &text, ErrorHandler *errh);
    bool add_exception(uint32_t net24);
    bool is_excepted(uint32_t net24) const;
    void bloom_add(uint32_t addr);
    bool bloom_test(uint32_t addr) const;
    int classify(const click_ip *iph);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
