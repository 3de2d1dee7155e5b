#ifndef CLICK_CMSKETCHMONITOR_HH
#define CLICK_CMSKETCHMONITOR_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipflowid.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
=c

CMSketchMonitor([DEPTH, WIDTH, THRESHOLD, I<keywords> EPOCH, SEED])

=s telemetry

count-min sketch of per-flow byte volume, reports heavy hitters

=d

Keeps a DEPTH x WIDTH count-min sketch of IPv4 bytes per 5-tuple.  When the
estimate for a flow reaches THRESHOLD bytes within the current EPOCH, the
packet that crossed it is emitted on output 1 (once per flow and epoch) so a
downstream exporter can report the heavy hitter; every other packet leaves on
output 0.  Expects packets with the IP header annotation set (CheckIPHeader).
*/

#define CMS_MAX_DEPTH 8
#define CMS_KEY_LEN 13

static inline uint32_t
cms_rotl32(uint32_t x, int r)
{
    return (x << r) | (x >> (32 - r));
}

/* MurmurHash3, x86 32-bit flavour (Appleby).  One call per sketch row, the
   row index selects the seed. */
static inline uint32_t
cms_murmur3_32(const uint8_t *key, int len, uint32_t seed)
{
    const int nblocks = len / 4;
    const uint32_t c1 = 0xcc9e2d51;
    const uint32_t c2 = 0x1b873593;
    uint32_t h1 = seed;

    for (int i = 0; i < nblocks; i++) {
        uint32_t k1 = (uint32_t) key[4*i] | ((uint32_t) key[4*i + 1] << 8)
            | ((uint32_t) key[4*i + 2] << 16) | ((uint32_t) key[4*i + 3] << 24);
        k1 *= c1;
        k1 = cms_rotl32(k1, 15);
        k1 *= c2;
        h1 ^= k1;
        h1 = cms_rotl32(h1, 13);
        h1 = h1 * 5 + 0xe6546b64;
    }

    const uint8_t *tail = key + nblocks * 4;
    uint32_t k1 = 0;
    switch (len & 3) {
    case 3:
        k1 ^= (uint32_t) tail[2] << 16;
        /* fall through */
    case 2:
        k1 ^= (uint32_t) tail[1] << 8;
        /* fall through */
    case 1:
        k1 ^= tail[0];
        k1 *= c1;
        k1 = cms_rotl32(k1, 15);
        k1 *= c2;
        h1 ^= k1;
    }

    h1 ^= (uint32_t) len;
    h1 ^= h1 >> 16;
    h1 *= 0x85ebca6b;
    h1 ^= h1 >> 13;
    h1 *= 0xc2b2ae35;
    h1 ^= h1 >> 16;
    return h1;
}

/* Saturate: a wrapped heavy hitter would look like a mouse flow. */
static inline uint32_t
cms_sat_add(uint32_t a, uint32_t b)
{
    uint32_t s = a + b;
    return s < a ? 0xFFFFFFFFU : s;
}

class CMSketchMonitor : public Element { public:

    CMSketchMonitor();

    const char *class_name() const override { return "CMSketchMonitor"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

  private:

    int _depth;
    uint32_t _width;            // power of two
    uint32_t _threshold;
    uint32_t _seeds[CMS_MAX_DEPTH];
    Vector<uint32_t> _cells;    // _depth rows of _width counters
    HashMap<IPFlowID, uint32_t> _heavy;
    Timestamp _epoch;
    Timestamp _epoch_start;

    uint64_t _packets;
    uint64_t _nonip;
    uint64_t _reports;
    uint32_t _epochs;

    void new_epoch(const Timestamp &now);
    static String read_heavy(Element *e, void *user_data);
    static int write_reset(const String &s, Element *e, void *user_data, ErrorHandler *errh);

};

CLICK_ENDDECLS
#endif
