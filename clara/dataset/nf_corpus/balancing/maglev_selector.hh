// -*- c++ -*-
/*
 * maglev_selector.hh -- MaglevSelector: Maglev-style consistent backend
 * selection.  A prime-sized lookup table is filled in configure() from
 * per-backend (offset, skip) permutations; a connection table keeps
 * established flows on their backend when the table changes.
 *
 * Training code for Clara's compute model (nf_corpus/balancing); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_MAGLEVSELECTOR_HH
#define CLARA_NFCORPUS_MAGLEVSELECTOR_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * MaglevSelector(BACKEND ADDR, ... [, TABLE_SIZE, SEED, TIMEOUT, MAX_CONNS, SWEEP_EVERY])
 *
 * =s balancing
 * picks a backend for every IPv4 flow with a Maglev lookup table
 *
 * =d
 * Each BACKEND keyword names one backend address (at most 64).  The
 * lookup table has TABLE_SIZE entries (a prime, default 65537); every
 * backend walks its own permutation of the table (offset and skip derived
 * from its address and SEED) and the backends take turns claiming free
 * entries until the table is full.  A flow's 5-tuple hash indexes the
 * table.  New TCP connections (SYN) and UDP flows are remembered in a
 * connection table (MAX_CONNS, default 65536) so that a flow keeps its
 * backend when another backend goes down and the table is rebuilt; entries
 * idle for TIMEOUT seconds (default 120) or closed by FIN/RST are dropped.
 * The chosen backend's address goes into the destination IP annotation and
 * its index into the paint annotation; the packet leaves on output
 * (index mod noutputs).  Non-IPv4 packets are dropped.
 *
 * =h backends read-only     per-backend state and counters
 * =h conns read-only        tracked connections
 * =h down write-only        take backend N out and rebuild the table
 * =h up write-only          put backend N back and rebuild the table
 */
class MaglevSelector : public Element {
  public:
    MaglevSelector();
    ~MaglevSelector();

    const char *class_name() const override { return "MaglevSelector"; }
    const char *port_count() const override { return "1/1-64"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_BACKENDS = 64, MAX_TABLE = 65537, NO_BACKEND = 0xFFFF };

    struct Conn {
        uint16_t backend;
        uint8_t proto;
        uint8_t closing;
        uint32_t packets;
        Timestamp last_seen;
        Conn() : backend(NO_BACKEND), proto(0), closing(0), packets(0) {}
    };

  private:
    uint16_t _lookup[MAX_TABLE];            // 128 KiB: table entry -> backend
    uint32_t _offset[MAX_BACKENDS];
    uint32_t _skip[MAX_BACKENDS];
    uint32_t _next[MAX_BACKENDS];
    uint64_t _bk_packets[MAX_BACKENDS];
    uint64_t _bk_bytes[MAX_BACKENDS];
    uint32_t _bk_conns[MAX_BACKENDS];
    uint32_t _bk_entries[MAX_BACKENDS];
    IPAddress _backends[MAX_BACKENDS];
    int _nbackends;
    uint64_t _live;                         // bit i: backend i is up

    HashMap<IPFlowID, Conn> _conns;
    Vector<IPFlowID> _stale;
    uint32_t _table_size;
    uint32_t _seed;
    uint32_t _timeout_s;
    uint32_t _max_conns;
    uint32_t _sweep_every;
    uint32_t _sweep_countdown;

    uint64_t _hits;
    uint64_t _misses;
    uint64_t _rescued;
    uint64_t _closed;
    uint64_t _dropped;
    uint64_t _rebuilds;

    static inline uint32_t mix32(uint32_t x) {
        x ^= x >> 16;
        x *= 0x7FEB352DU;
        x ^= x >> 15;
        x *= 0x846CA68BU;
        x ^= x >> 16;
        return x;
    }
    inline uint32_t flow_hash(uint32_t src, uint32_t dst, uint16_t sport,
                              uint16_t dport, uint8_t proto) const {
        uint32_t h = mix32(src ^ _seed);
        h = mix32(h ^ dst);
        h = mix32(h ^ ((uint32_t) sport << 16 | dport));
        return mix32(h + proto);
    }
    inline bool live(unsigned b) const {
        return b < (unsigned) _nbackends && (_live >> b) & 1;
    }
    static bool is_prime(uint32_t n);
    int populate();
    void sweep(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
