// -*- c++ -*-
/*
 * ewma_rate_meter.{cc,hh} -- per-destination-subnet EWMA rate meter.
 *
 * Training code for Clara's compute model (an NF-like Click element written
 * for the dataset); not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_EWMARATEMETER_HH
#define CLARA_NFCORPUS_EWMARATEMETER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * EwmaRateMeter([PREFIX, INTERVAL, SHIFT, THRESHOLD, ANNO])
 *
 * =s measurement
 * measures packet and byte rates per destination subnet
 *
 * =d
 * Keys every IPv4 packet by its destination address masked to PREFIX bits
 * (default 24) and keeps, per key, an exponentially weighted moving
 * average of its packet rate and byte rate.  Time is cut into epochs of
 * INTERVAL microseconds; when a key sees its first packet of a new epoch,
 * the previous epoch's counts become a rate sample and the averages move
 * toward it by 1/2^SHIFT; epochs without packets decay the averages toward
 * zero.  Rates are kept in fixed point with 8 fractional bits.
 *
 * The table has TABLE_SIZE slots in member arrays (one array per field)
 * with an occupancy bitmap and linear probing bounded by MAX_PROBE; a key
 * that finds no slot replaces the slowest key in its probe window.
 *
 * Packets of subnets whose byte rate exceeds THRESHOLD bytes/s leave on
 * output 1 if it exists, others on output 0.  With ANNO, the subnet's
 * byte rate in kilobytes/s is written into the aggregate annotation.
 *
 * =h table read-only        "SUBNET PKT/S BYTE/S" per occupied slot
 * =h keys read-only         occupied slots
 * =h replacements read-only keys evicted to make room
 * =h over read-only         packets over THRESHOLD
 */
class EwmaRateMeter : public Element {
  public:
    EwmaRateMeter();
    ~EwmaRateMeter();

    const char *class_name() const override { return "EwmaRateMeter"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

    enum {
        TABLE_SIZE = 8192, MAX_PROBE = 8, FRAC_BITS = 8,
        MAX_IDLE_DECAY = 48, NWORDS = TABLE_SIZE / 64
    };

  private:
    enum { h_table, h_keys, h_replacements, h_over };

    // struct-of-arrays flow table (~225 KiB)
    uint64_t _used[NWORDS];
    uint32_t _key[TABLE_SIZE];          // host-order masked address
    uint32_t _epoch[TABLE_SIZE];        // epoch of the open sample
    uint32_t _epoch_pkts[TABLE_SIZE];
    uint32_t _epoch_bytes[TABLE_SIZE];
    uint32_t _pkt_rate[TABLE_SIZE];     // packets/s << FRAC_BITS
    uint64_t _byte_rate[TABLE_SIZE];    // bytes/s << FRAC_BITS

    uint32_t _mask;                     // host order
    uint32_t _interval_us;
    uint32_t _epochs_per_sec;
    int _shift;
    uint64_t _threshold_fx;             // THRESHOLD << FRAC_BITS
    bool _anno;

    uint32_t _nkeys;
    uint64_t _replacements;
    uint64_t _over;
    uint64_t _under;
    uint64_t _non_ip;

    inline bool slot_used(uint32_t i) const {
        return (_used[i >> 6] >> (i & 63)) & 1;
    }
    inline void set_used(uint32_t i) {
        _used[i >> 6] |= (uint64_t) 1 << (i & 63);
    }
    static inline uint32_t hash(uint32_t key) {
        uint32_t h = key ^ (key >> 15);
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        h *= 0x297A2D39u;
        return (h ^ (h >> 15)) & (TABLE_SIZE - 1);
    }

    int find_slot(uint32_t key);
    void claim(int slot, uint32_t key, uint32_t epoch);
    void roll_epoch(int slot, uint32_t epoch);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
