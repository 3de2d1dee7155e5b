#ifndef CLARA_EXAMPLES_AGGREGATECOUNTER_HH
#define CLARA_EXAMPLES_AGGREGATECOUNTER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * FlowAggregateCounter([KEY, IP_BYTES, ACTIVE])
 *
 * =s measurement
 * counts packets and bytes per aggregate in a fixed-size table
 *
 * =d
 * Models the per-aggregate accounting stage of a traffic monitor, in the
 * manner of Click's AggregateCounter: every packet is attributed to a key,
 * either its aggregate annotation (KEY AGGREGATE, as set by an upstream
 * classifier such as AggregateIPFlows) or its IPv4 source or destination
 * address (KEY SRC / KEY DST), and the key's packet and byte counters are
 * incremented.  Packets pass through unchanged.
 *
 * The table has a fixed capacity of TABLE_SIZE buckets with bounded linear
 * probing, so that it maps onto a statically allocated NIC memory region.
 * Keys that find no free bucket within MAX_PROBE slots are counted as
 * overflow.  Buckets carry a generation number; "reset" bumps the generation,
 * which empties the table in O(1) without touching its memory.
 *
 * Keyword arguments:
 * =item KEY       AGGREGATE, SRC or DST.  Default AGGREGATE.
 * =item IP_BYTES  Boolean.  Count IP lengths (ip_len) rather than packet
 *                 lengths.  Default false.
 * =item ACTIVE    Boolean.  Whether to count.  Default true.
 *
 * =h count read-only          packets counted
 * =h byte_count read-only     bytes counted
 * =h nkeys read-only          distinct keys in the table
 * =h overflow read-only       packets whose key did not fit
 * =h dump read-only           "KEY PACKETS BYTES" per line, one per key
 * =h dump_and_reset read-only dump, then reset (an atomic snapshot)
 * =h reset write-only         empty the table and zero the totals
 * =h active read/write        whether to count
 */
class FlowAggregateCounter : public Element {
  public:
    FlowAggregateCounter();
    ~FlowAggregateCounter();

    const char *class_name() const override { return "FlowAggregateCounter"; }
    const char *port_count() const override { return PORTS_1_1; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

    enum { TABLE_SIZE = 4096, MAX_PROBE = 16 };

  private:
    enum KeyKind { KEY_AGGREGATE, KEY_SRC, KEY_DST };
    enum { h_count, h_bytes, h_nkeys, h_overflow, h_dump, h_dump_reset,
           h_reset, h_active };

    struct Bucket {
        uint32_t key;
        uint32_t generation;    // valid iff == _generation
        uint32_t packets;
        uint64_t bytes;
    };

    Bucket _table[TABLE_SIZE];
    uint32_t _generation;
    uint32_t _nkeys;

    KeyKind _key_kind;
    bool _ip_bytes;
    bool _active;

    uint64_t _count;
    uint64_t _byte_count;
    uint64_t _overflow;
    uint64_t _no_key;

    static uint32_t hash_key(uint32_t key);
    Bucket *find_bucket(uint32_t key);
    void reset();
    String dump() const;

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
