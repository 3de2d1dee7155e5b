// -*- c++ -*-
/*
 * space_saving_top_ports.hh -- SpaceSavingTopPorts: the Space-Saving
 * algorithm over transport ports, keeping the k most frequent destination
 * (or service) ports with bounded memory.
 *
 * Training code for Clara's compute model (nf_corpus/measurement); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_SPACESAVINGTOPPORTS_HH
#define CLARA_NFCORPUS_SPACESAVINGTOPPORTS_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * SpaceSavingTopPorts([K, MODE, BYTES, DECAY, SHARE])
 *
 * =s measurement
 * tracks the top-k transport ports with the Space-Saving algorithm
 *
 * =d
 * For each TCP or UDP packet (first fragments only) picks a port according
 * to MODE: "dst" (default) the destination port, "src" the source port,
 * "service" the lower of the two (the one likely to name the service).
 * The (protocol, port) pair is counted in a Space-Saving summary of K
 * counters (2-512, default 64): a monitored pair has its counter
 * incremented; an unmonitored one replaces the counter with the smallest
 * count, inheriting that count as its error bound.  With BYTES true the
 * counts are IP lengths instead of packets.  Every DECAY packets (0: never,
 * the default) all counts are halved so that old traffic fades out.
 *
 * Packets pass unchanged on the single output.  The AGGREGATE annotation is
 * set to the pair's counter slot; the paint annotation is set to 1 when the
 * pair's guaranteed count (count - error) is at least SHARE per mille of
 * everything counted (default 10), else 0.
 *
 * =h top read-only     "PROTO PORT COUNT ERROR" per counter, largest first
 * =h total, evictions read-only
 * =h reset write-only
 */
class SpaceSavingTopPorts : public Element {
  public:
    SpaceSavingTopPorts();
    ~SpaceSavingTopPorts();

    const char *class_name() const override { return "SpaceSavingTopPorts"; }
    const char *port_count() const override { return PORTS_1_1; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    enum { MAX_K = 512 };
    enum Mode { MODE_DST = 0, MODE_SRC, MODE_SERVICE };

    struct PortKey {
        uint16_t port;
        uint8_t proto;
        uint8_t pad;
        PortKey() : port(0), proto(0), pad(0) {}
        PortKey(uint8_t pr, uint16_t po) : port(po), proto(pr), pad(0) {}
        bool operator==(const PortKey &o) const {
            return port == o.port && proto == o.proto;
        }
        hashcode_t hashcode() const {
            return ((uint32_t) port * 0x9E3779B1U) ^ ((uint32_t) proto << 24);
        }
    };

    struct Counter {
        PortKey key;
        uint32_t count;
        uint32_t error;
        uint32_t packets;
        uint64_t bytes;
        int64_t since_ns;       /* when this key took over the counter */
    };

  private:
    Counter _counters[MAX_K];
    HashMap<PortKey, int> _slot_of;
    int _k;
    int _used;
    Mode _mode;
    bool _bytes;
    uint32_t _decay_every;
    uint32_t _decay_countdown;
    uint32_t _share_pm;
    uint64_t _total;
    uint64_t _evictions;
    uint64_t _ignored;

    int find_min() const;
    int take_slot(const PortKey &key, uint32_t weight, int64_t now_ns);
    void decay();

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
