// -*- c++ -*-
/*
 * top_talkers.hh -- TopTalkers: keeps the K source addresses that send the
 * most bytes with the Space-Saving algorithm (a fixed set of counters, the
 * smallest one recycled for a newcomer), ordered in a binary min-heap.
 */
#ifndef MONITORING_TOPTALKERS_HH
#define MONITORING_TOPTALKERS_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * TopTalkers([K, SHARE, KEY])
 *
 * =s measurement
 * tracks the top-K senders by bytes
 *
 * =d
 * K (2-1024, default 64) counters.  KEY is "src" (default) or "dst".  A
 * packet whose key is monitored and whose guaranteed byte count (count
 * minus error) exceeds SHARE percent (default 10) of all bytes seen gets
 * paint annotation 1; other packets get paint 0.  Packets pass unchanged
 * otherwise.
 *
 * =h top read-only         the monitored keys, largest first
 * =h reset write-only      forget everything
 */
class TopTalkers : public Element {
  public:
    TopTalkers();
    ~TopTalkers();

    const char *class_name() const override { return "TopTalkers"; }
    const char *port_count() const override { return PORTS_1_1; }
    const char *processing() const override { return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    struct Counter {
        IPAddress key;
        uint64_t count;
        uint64_t error;
    };

  private:
    Vector<Counter> _heap;              // min-heap on count
    HashMap<IPAddress, int> _where;     // key -> heap position
    int _k;
    int _n;
    unsigned _share;
    bool _by_dst;
    uint64_t _total;
    uint64_t _replacements;

    void place(int i, const Counter &c);
    void sift_up(int i);
    void sift_down(int i);

    static String read_handler(Element *e, void *thunk);
    static int reset_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
