// -*- c++ -*-
/*
 * flowlet_tracker.hh -- FlowletTracker: splits flows into flowlets (bursts
 * separated by an idle gap longer than the path-delay skew) per 5-tuple
 * hash bucket, gives each flowlet an id and a path, and forwards the
 * packet on that path (flowlet switching as in CONGA/LetFlow).
 *
 * Training code for Clara's compute model (nf_corpus/measurement); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_FLOWLETTRACKER_HH
#define CLARA_NFCORPUS_FLOWLETTRACKER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * FlowletTracker([GAP, BUCKETS, PATHS, POLICY, LOAD_HALFLIFE])
 *
 * =s measurement
 * detects flowlet boundaries and picks a path per flowlet
 *
 * =d
 * Hashes each IPv4 packet's 5-tuple (3-tuple for non-TCP/UDP and later
 * fragments) into one of BUCKETS buckets (a power of two, 64-8192, default
 * 4096).  A bucket remembers when it last saw a packet, a 16-bit tag of the
 * hash, the current flowlet id and its path.  A packet starts a new flowlet
 * when its bucket was idle longer than GAP (default 500 us), when the tag
 * differs (another flow took the bucket), or when it is a TCP SYN; after a
 * FIN or RST the next packet starts a new flowlet too.  A new flowlet gets
 * the next id and a path among PATHS (1-16; default the number of outputs)
 * chosen by POLICY: "hash" (rehash of tuple and id), "least" (the path with
 * the least recent bytes; loads halve every LOAD_HALFLIFE, default 1 ms)
 * or "random".  The flowlet id goes into the AGGREGATE annotation and the
 * path into the paint annotation; the packet leaves on output PATH modulo
 * the number of outputs.
 *
 * =h flowlets, collisions, paths read-only
 */
class FlowletTracker : public Element {
  public:
    FlowletTracker();
    ~FlowletTracker();

    const char *class_name() const override { return "FlowletTracker"; }
    const char *port_count() const override { return "1/1-16"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_BUCKETS = 8192, MAX_PATHS = 16 };
    enum Policy { POLICY_HASH = 0, POLICY_LEAST, POLICY_RANDOM };

  private:
    // per bucket, struct-of-arrays: 32 + 32 + 16 + 8 + 8 KiB
    uint32_t _last_us[MAX_BUCKETS];
    uint32_t _flowlet[MAX_BUCKETS];
    uint16_t _tag[MAX_BUCKETS];
    uint8_t _path[MAX_BUCKETS];
    uint8_t _ended[MAX_BUCKETS];

    uint64_t _path_bytes[MAX_PATHS];
    uint32_t _path_load[MAX_PATHS];
    uint32_t _path_flowlets[MAX_PATHS];

    uint32_t _nbuckets;
    uint32_t _gap_us;
    uint32_t _halflife_us;
    uint32_t _last_decay_us;
    uint32_t _next_id;
    int _npaths;
    Policy _policy;

    uint64_t _flowlets;
    uint64_t _collisions;
    uint64_t _packets;

    static inline uint32_t fmix(uint32_t h) {
        h ^= h >> 16;
        h *= 0x7FEB352DU;
        h ^= h >> 15;
        h *= 0x846CA68BU;
        h ^= h >> 16;
        return h;
    }

    uint32_t tuple_hash(const Packet *p, const click_ip *iph, uint8_t *tcp_flags) const;
    int choose_path(uint32_t hash, uint32_t id);
    void decay_loads(uint32_t now_us);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
