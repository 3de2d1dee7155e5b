// -*- c++ -*-
/*
 * shard_dispatcher.hh -- ShardDispatcher: sends every packet of a flow to
 * the same worker shard (one output per shard), e.g. in front of per-core
 * stateful NAT or firewall instances.
 */
#ifndef BALANCING_SHARDDISPATCHER_HH
#define BALANCING_SHARDDISPATCHER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * ShardDispatcher([SEED, SYMMETRIC])
 *
 * =d
 * Input: IPv4 packets with the network header set.  Output i is shard i.
 * The flow key is (saddr, daddr, sport, dport, proto); with SYMMETRIC true
 * both directions of a connection land on the same shard (the addresses
 * and the ports are put in a canonical order first).  Shards can be
 * drained through the "drain" handler: their new packets go to the next
 * shard that is not drained.  SEED picks the random tables.
 */
class ShardDispatcher : public Element {
  public:
    ShardDispatcher();
    ~ShardDispatcher();

    const char *class_name() const override { return "ShardDispatcher"; }
    const char *port_count() const override { return "1/1-64"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { KEY_BYTES = 13, MAX_SHARDS = 64 };

  private:
    uint32_t _tab[KEY_BYTES][256];
    uint64_t _seed;
    bool _symmetric;
    int _nshards;

    bool _drained[MAX_SHARDS];
    uint64_t _count[MAX_SHARDS];
    uint64_t _spilled;
    uint64_t _short;

    void fill_tables(uint64_t seed);

    static String read_counts(Element *e, void *);
    static int write_drain(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
