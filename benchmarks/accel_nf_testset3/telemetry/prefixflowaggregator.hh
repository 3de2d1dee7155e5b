#ifndef CLICK_PREFIXFLOWAGGREGATOR_HH
#define CLICK_PREFIXFLOWAGGREGATOR_HH
#include <click/element.hh>
CLICK_DECLS

/*
=c

PrefixFlowAggregator(PREFIX ADDR/LEN ID, ...)

=s telemetry

NetFlow-style prefix aggregation of traffic volumes

=d

Maintains per-aggregate packet and byte counters, where an aggregate is a
set of configured prefixes (customer blocks, say) sharing an ID between 1
and 255.  Each IPv4 packet's source and destination are mapped to the
aggregate of the most specific configured prefix that contains them.
Destination matches count as inbound, source matches as outbound; the
aggregate annotation is set to the destination aggregate (or else the
source one) and the packet leaves on output 0.  Packets matching no prefix
leave on output 1.

Handlers: C<table> (per-aggregate counters), C<clear>.
*/

class PrefixFlowAggregator : public Element { public:

    PrefixFlowAggregator();

    const char *class_name() const override { return "PrefixFlowAggregator"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

    enum { MAX_AGG = 255, MAX_PREFIXES = 2048 };

  private:

    struct TrieNode {
        int32_t child[2];
        int32_t agg;        // -1: no prefix ends here
    };

    struct AggCounters {
        uint64_t in_pkts, in_bytes;
        uint64_t out_pkts, out_bytes;
    };

    Vector<TrieNode> _trie;
    int _nnodes;
    int _nprefixes;
    AggCounters _agg[MAX_AGG + 1];
    uint64_t _unmatched;
    uint64_t _non_ip;

    int trie_insert(uint32_t prefix, int len, int agg);
    int lookup(uint32_t addr) const;

    static String read_table(Element *, void *);
    static int write_clear(const String &, Element *, void *, ErrorHandler *);

};

CLICK_ENDDECLS
#endif
