// -*- c++ -*-
/*
 * consistent_hash_ring.hh -- ConsistentHashRing: a hash ring of virtual
 * nodes (sorted uint32_t points) searched for the successor of each
 * packet's key hash; the owning backend is written into annotations.
 *
 * Training code for Clara's compute model (nf_corpus/balancing); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_CONSISTENTHASHRING_HH
#define CLARA_NFCORPUS_CONSISTENTHASHRING_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * ConsistentHashRing(BACKEND ADDR, ... [, VNODES, WEIGHT W, ..., KEY, SEED, SPILL])
 *
 * =s balancing
 * maps packets onto a ring of virtual backend nodes
 *
 * =d
 * Every BACKEND (at most 32) owns VNODES points (default 128) on a 32-bit
 * ring, times its WEIGHT (the WEIGHT keywords pair up with the BACKENDs in
 * order, default 1); the ring holds at most 4096 points.  Points are FNV-1a
 * hashes of the backend address and the replica number.  KEY chooses what
 * of a packet is hashed: SRC (client address, the default), DST, PAIR
 * (both addresses) or FLOW (addresses, protocol and ports).  The packet
 * belongs to the backend owning the first point at or after the key's
 * hash (wrapping around).  If that backend is down, the walk continues
 * clockwise to the next point of a live backend.
 *
 * With SPILL N (default 0: off) a backend that has received more than
 * N/100 times its fair share of the recent packets passes the packet on to
 * the next live backend on the ring (bounded-load consistent hashing).
 *
 * The backend index goes into the aggregate annotation, its address into
 * the destination IP annotation.  Chosen packets leave on output 0;
 * non-IPv4 packets, or all packets when no backend is live, on output 1
 * if it exists (else they are dropped).
 *
 * =h ring read-only       the ring points and owners
 * =h backends read-only   per-backend counters
 * =h down / up write-only take backend N out of / back into service
 */
class ConsistentHashRing : public Element {
  public:
    ConsistentHashRing();
    ~ConsistentHashRing();

    const char *class_name() const override { return "ConsistentHashRing"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_BACKENDS = 32, MAX_POINTS = 4096, WINDOW = 1024 };
    enum KeyMode { KEY_SRC, KEY_DST, KEY_PAIR, KEY_FLOW };

  private:
    uint32_t _points[MAX_POINTS];       // sorted ring positions
    uint8_t _owner[MAX_POINTS];         // backend of each point
    uint32_t _point_hits[MAX_POINTS];   // 16 KiB of per-vnode counters
    IPAddress _backends[MAX_BACKENDS];
    uint64_t _bk_packets[MAX_BACKENDS];
    uint32_t _bk_window[MAX_BACKENDS];  // packets in the current load window
    uint32_t _live;                     // bit i: backend i is up
    int _npoints;
    int _nbackends;
    int _key_mode;
    uint32_t _seed;
    uint32_t _spill_pct;
    uint32_t _window_count;
    uint64_t _walked;
    uint64_t _spilled;
    uint64_t _unrouted;

    static inline uint32_t fnv1a(const uint8_t *d, int len, uint32_t h) {
        for (int i = 0; i < len; ++i) {
            h ^= d[i];
            h *= 16777619U;
        }
        return h;
    }
    static inline uint32_t finish(uint32_t h) {
        h ^= h >> 13;
        h *= 0x5BD1E995U;
        h ^= h >> 15;
        return h;
    }
    int successor(uint32_t h) const;
    int key_bytes(Packet *p, uint8_t *buf) const;
    bool over_share(int b) const;
    void sort_points();

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
