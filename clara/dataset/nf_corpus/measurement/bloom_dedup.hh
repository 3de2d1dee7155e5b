// -*- c++ -*-
/*
 * bloom_dedup.hh -- BloomDedup: drops duplicate IPv4 packets (the same
 * datagram seen twice within a window, as from a span port fed by two taps
 * or a looping mirror) using two alternating Bloom filters.
 *
 * Training code for Clara's compute model (nf_corpus/measurement); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_BLOOMDEDUP_HH
#define CLARA_NFCORPUS_BLOOMDEDUP_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * BloomDedup([K, WINDOW, CAPACITY, PAYLOAD, IGNORE_TTL, MAX_SOURCES])
 *
 * =s measurement
 * removes duplicate packets seen within a time window
 *
 * =d
 * Computes a 64-bit digest of each IPv4 packet's invariant fields (addresses,
 * ID, protocol, length, fragment offset, the first 8 transport bytes and up
 * to PAYLOAD payload bytes; the TTL and checksum are left out so that a copy
 * seen one hop later still matches unless IGNORE_TTL is false).  The digest
 * selects K bits (1-8, default 4) of a 256 Kibit (32 KiB) Bloom filter by
 * double hashing.  Two filters alternate: every WINDOW (default 100 ms), or
 * after CAPACITY insertions, the older filter is cleared and becomes the
 * current one.  A packet whose K bits are all set in either filter is a
 * duplicate: it goes to output 1 if present (else it is dropped).  Other
 * packets are inserted into the current filter and leave on output 0.
 * Duplicates are counted per source address (at most MAX_SOURCES).
 *
 * =h passed, duplicates, rotations, fill read-only
 * =h sources read-only   "ADDR DUPS" per source with duplicates
 * =h reset write-only    clear both filters
 */
class BloomDedup : public Element {
  public:
    BloomDedup();
    ~BloomDedup();

    const char *class_name() const override { return "BloomDedup"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum {
        FILTER_BITS_LOG = 18,
        FILTER_BITS = 1 << FILTER_BITS_LOG,
        FILTER_WORDS = FILTER_BITS / 64,        // 4096 x 8 bytes = 32 KiB
        MAX_K = 8,
        MAX_PAYLOAD = 64
    };

    struct DupStats {
        uint32_t dups;
        uint32_t bytes;
        uint8_t last_ttl;
        uint8_t ttl_changed;
        DupStats() : dups(0), bytes(0), last_ttl(0), ttl_changed(0) {}
    };

  private:
    uint64_t _filter[2][FILTER_WORDS];
    uint32_t _inserted[2];
    int _cur;

    HashMap<IPAddress, DupStats> _sources;
    Timestamp _window;
    Timestamp _window_start;
    uint32_t _capacity;
    uint32_t _max_sources;
    uint8_t _k;
    uint8_t _payload;
    bool _ignore_ttl;

    uint64_t _passed;
    uint64_t _duplicates;
    uint64_t _rotations;
    uint64_t _short;

    static inline uint64_t mix64(uint64_t h) {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDULL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53ULL;
        h ^= h >> 33;
        return h;
    }
    inline bool test_bits(const uint64_t *f, uint32_t h1, uint32_t h2) const {
        for (int i = 0; i < _k; ++i) {
            uint32_t bit = (h1 + i * h2) & (FILTER_BITS - 1);
            if (!(f[bit >> 6] & ((uint64_t) 1 << (bit & 63))))
                return false;
        }
        return true;
    }

    uint64_t digest(const Packet *p, const click_ip *iph) const;
    void rotate(const Timestamp &now);
    void clear_filter(int which);
    void note_duplicate(const click_ip *iph, uint32_t len);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
