// -*- c++ -*-
/*
 * int_metadata_inserter.{cc,hh} -- IntMetadataInserter: in-band telemetry
 * style hop metadata (switch id, ports, queue, timestamps) inserted after
 * the UDP header, with IP/UDP length and checksum fix-ups.
 *
 * Training code for Clara's compute model (nf_corpus/telemetry); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_INTMETADATAINSERTER_HH
#define CLARA_NFCORPUS_INTMETADATAINSERTER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * IntMetadataInserter(SWITCH_ID [, HOP, QUEUE, DSCP, SOURCE, SAMPLE, MAX_HOPS, MTU])
 *
 * =s telemetry
 * pushes per-hop telemetry metadata into UDP datagrams
 *
 * =d
 * Expects IPv4 packets with the IP header marked.  A UDP datagram whose DSCP
 * equals DSCP carries a telemetry stack right after its UDP header: an
 * 8-byte shim (type, flags, length in words, hop count, remaining hop
 * budget, words per hop, original DSCP) followed by one 20-byte record per
 * hop, newest first.  This element pushes its own record at the top of the
 * stack: switch id, ingress and egress port, queue id and queue occupancy,
 * ingress timestamp (low 32 bits of the packet's timestamp annotation, ns)
 * and the hop latency.  If SOURCE is true, every SAMPLE-th UDP datagram
 * without a stack gets a new shim as well (and its DSCP is remembered in
 * the shim and replaced by DSCP).
 *
 * The hop-specific fields come from a 256-entry table indexed by the paint
 * annotation, filled by HOP arguments "PAINT INPORT OUTPORT"; the queue id
 * from a 64-entry DSCP table filled by QUEUE arguments "DSCP QUEUE".  Queue
 * occupancy is an exponentially weighted byte count per queue.
 *
 * When the budget is exhausted the E flag is set instead; when the datagram
 * would exceed MTU the M flag is set.  The IP total length and checksum,
 * the UDP length and (if used) the UDP checksum are updated.
 *
 * =h inserted read-only    records pushed
 * =h started read-only     stacks started here (SOURCE)
 * =h exceeded read-only    hop budget or MTU exceeded
 * =h queues read-only      "QUEUE OCCUPANCY" lines
 */
class IntMetadataInserter : public Element {
  public:
    IntMetadataInserter();
    ~IntMetadataInserter();

    const char *class_name() const override { return "IntMetadataInserter"; }
    const char *port_count() const override { return PORTS_1_1; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

    enum {
        SHIM_LEN = 8, HOP_LEN = 20, HOP_WORDS = HOP_LEN / 4, SHIM_TYPE = 0x21,
        FLAG_EXCEEDED = 0x01, FLAG_MTU = 0x02,
        NHOPS_TABLE = 256, NDSCP = 64, NQUEUES = 32
    };

    struct HopInfo {
        uint16_t in_port;
        uint16_t out_port;
        bool valid;
    };

  private:
    enum { h_inserted, h_started, h_exceeded, h_queues };

    uint32_t _switch_id;
    uint8_t _int_dscp;
    bool _source;
    uint32_t _sample;
    uint32_t _sample_count;
    uint8_t _max_hops;
    uint32_t _mtu;

    HopInfo _hops[NHOPS_TABLE];
    uint8_t _dscp_queue[NDSCP];
    uint32_t _queue_occ[NQUEUES];     // EWMA of bytes, << 4

    uint64_t _inserted;
    uint64_t _started;
    uint64_t _exceeded;
    uint64_t _not_udp;
    uint64_t _failed;

    static inline void put16(unsigned char *p, uint16_t v) {
        p[0] = (unsigned char) (v >> 8);
        p[1] = (unsigned char) v;
    }
    static inline void put32(unsigned char *p, uint32_t v) {
        p[0] = (unsigned char) (v >> 24);
        p[1] = (unsigned char) (v >> 16);
        p[2] = (unsigned char) (v >> 8);
        p[3] = (unsigned char) v;
    }
    // Open a gap of 'n' bytes at 'at' by moving [at, end) up, last byte
    // first (the regions overlap).
    static inline void open_gap(unsigned char *at, unsigned char *end, uint32_t n) {
        for (unsigned char *q = end; q != at; ) {
            --q;
            q[n] = *q;
        }
    }

    uint32_t queue_update(uint8_t queue, uint32_t len);
    void fix_checksums(WritablePacket *p, uint32_t ip_len, uint32_t udp_len);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
