// -*- mode: c++; c-basic-offset: 4 -*-
#ifndef CLICK_INTSINK_HH
#define CLICK_INTSINK_HH
#include <click/element.hh>
CLICK_DECLS

/*
=c

INTSink([DSCP, DSCP_MASK, I<keywords> MAX_NODES, REPORT])

=s telemetry

in-band network telemetry (INT-MD over UDP) sink

=d

Terminates INT-MD (v2.1, INT over UDP with DSCP marking).  For a packet
whose DSCP matches DSCP under DSCP_MASK, the INT shim and metadata header
are parsed, the per-hop metadata stack is walked and per-node hop latency
statistics are updated.  If REPORT is true a copy of the packet with its
telemetry still inside is pushed on output 1 (towards the telemetry
collector).  The INT shim, header and stack are then removed, the original
UDP destination port is restored and the packet leaves on output 0.
Packets without INT pass unchanged on output 0; malformed INT goes to
output 2 if present.

Handlers: C<nodes> (node id, packets, mean and max hop latency).
*/

class INTSink : public Element {
  public:
    INTSink();

    const char *class_name() const override { return "INTSink"; }
    const char *port_count() const override { return "1/2-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

  private:
    enum { SHIM_LEN = 4, MD_HDR_LEN = 12, MAX_NODES_LIMIT = 256 };

    struct NodeStats {
        uint32_t node_id;
        uint32_t max_latency;
        uint64_t packets;
        uint64_t latency_sum;
    };

    uint8_t _dscp;
    uint8_t _dscp_mask;
    bool _report;
    int _max_nodes;
    int _nnodes;
    NodeStats _nodes[MAX_NODES_LIMIT];

    uint64_t _int_packets;
    uint64_t _plain_packets;
    uint64_t _malformed;
    uint64_t _node_overflow;
    uint32_t _max_path_len;

    NodeStats *node_slot(uint32_t id);
    void bad(Packet *p);
    static String read_nodes(Element *, void *);
};

CLICK_ENDDECLS
#endif
