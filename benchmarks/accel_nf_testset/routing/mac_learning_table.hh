// -*- c++ -*-
/*
 * mac_learning_table.hh -- MacLearningTable: the bridged side of a routed
 * interface (IRB).  Learns which port each source MAC lives behind, sends
 * frames for the router's own MAC up to the routing path, and switches or
 * floods the rest.
 */
#ifndef ROUTING_MAC_LEARNING_TABLE_HH
#define ROUTING_MAC_LEARNING_TABLE_HH
#include <click/element.hh>
#include <click/etheraddress.hh>
#include <click/hashmap.hh>
CLICK_DECLS

/*
 * =c
 * MacLearningTable(ROUTER_MAC ETH, [AGE_SEC N, MAX_ENTRIES N])
 *
 * =d
 * N inputs and N+1 outputs: a frame arriving on input i is a frame from
 * bridge port i.  Frames to ROUTER_MAC leave on output N (to routing);
 * frames to a learned unicast MAC leave on that MAC's port (dropped if it
 * is the arrival port); other frames are flooded to every other port.
 * Entries unused for AGE_SEC seconds (default 300) are forgotten.
 */
class MacLearningTable : public Element {
  public:
    MacLearningTable();
    ~MacLearningTable();

    const char *class_name() const override { return "MacLearningTable"; }
    const char *port_count() const override { return "1-/2-"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

  private:
    struct Station {
        int port;
        click_jiffies_t seen;
        uint32_t frames;
    };

    HashMap<EtherAddress, Station> _fdb;
    EtherAddress _router_mac;
    click_jiffies_t _age;
    uint32_t _max_entries;

    uint64_t _to_router;
    uint64_t _switched;
    uint64_t _flooded;
    uint64_t _filtered;
    uint64_t _moves;

    void learn(const EtherAddress &src, int port, click_jiffies_t now);
    void flood(int in_port, Packet *p);

    static String fdb_handler(Element *e, void *);
};

CLICK_ENDDECLS
#endif
