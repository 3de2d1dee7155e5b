// -*- c++ -*-
/*
 * tunnel_reassembler.hh -- TunnelReassembler: reassembles fragmented outer
 * IPv4 packets at a tunnel endpoint before decapsulation, tracking the
 * missing byte ranges of each datagram with a hole list (RFC 815).
 */
#ifndef OVERLAY_TUNNEL_REASSEMBLER_HH
#define OVERLAY_TUNNEL_REASSEMBLER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * TunnelReassembler([MAX_DATAGRAM, TIMEOUT_MS, HEADROOM])
 *
 * =s tunnel
 * reassembles IPv4 fragments for a tunnel endpoint
 *
 * =d
 * Input: IPv4 packets with the network header annotation set.  Packets
 * that are not fragments pass to output 0.  Fragments are copied into one
 * of SLOTS (32) reassembly buffers of MAX_DATAGRAM bytes (default 9216),
 * chosen by comparing (source, destination, protocol, ID).  A datagram is
 * complete when its hole list is empty; the reassembled packet (ip_sum
 * zeroed: run SetIPChecksum next) leaves on output 0.  Overlapping
 * fragments are accepted (later data wins).  Buffers older than
 * TIMEOUT_MS (default 2000) are recycled.  Fragments that cannot be used
 * leave on output 1 if it exists.
 *
 * =h stats read-only       counters
 */
class TunnelReassembler : public Element {
  public:
    TunnelReassembler();
    ~TunnelReassembler();

    const char *class_name() const override { return "TunnelReassembler"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void cleanup(CleanupStage stage) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { SLOTS = 32, MAX_HOLES = 16 };
    static constexpr uint32_t OPEN_END = 0xFFFFFFFFU;

  private:
    struct Hole {
        uint32_t first;
        uint32_t last;          // inclusive; OPEN_END until the last fragment
    };
    struct Slot {
        bool used;
        uint32_t src, dst;
        uint16_t id;
        uint8_t proto;
        uint8_t nholes;
        uint32_t total;         // datagram payload length, 0 if unknown
        click_jiffies_t started;
        unsigned hl;            // header length of the first fragment, 0 if missing
        unsigned char hdr[60];
        Hole holes[MAX_HOLES];
        unsigned char *buf;
    };

    Slot _slots[SLOTS];
    uint32_t _max_datagram;
    uint32_t _timeout_ms;
    unsigned _headroom;

    uint64_t _passed;
    uint64_t _fragments;
    uint64_t _reassembled;
    uint64_t _evicted;
    uint64_t _too_big;
    uint64_t _hole_overflow;

    Slot *find_slot(const click_ip *ip, click_jiffies_t now);
    void release(Slot &s) { s.used = false; }
    void discard(Packet *p, uint64_t &counter) {
        counter++;
        checked_output_push(1, p);
    }

    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
