// -*- c++ -*-
/*
 * port_counters.{cc,hh} -- PortCounters: interface-style statistics per
 * input port (per protocol packets/bytes, error classes, size histogram)
 * with periodic snapshots into a ring.
 *
 * Training code for Clara's compute model (nf_corpus/telemetry); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_PORTCOUNTERS_HH
#define CLARA_NFCORPUS_PORTCOUNTERS_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
 * =c
 * PortCounters([INTERVAL, MTU, EDGES])
 *
 * =s counters
 * per-port, per-protocol counters with a size histogram and snapshots
 *
 * =d
 * Has up to 8 inputs and the same number of outputs; a packet arriving on
 * input i leaves on output i.  Packets are Ethernet frames.  Each frame is
 * classified by EtherType (one 802.1Q tag is skipped) and, for IPv4, by IP
 * protocol into one of NPROTO classes, and counted (packets, bytes) per
 * port and class.  Runts, frames over MTU, IPv4 headers that do not fit and
 * unknown EtherTypes are counted as errors per port and kind.  Frame sizes
 * go into a per-port histogram whose bucket upper edges are EDGES (a
 * space-separated increasing list, at most 31 values); a binary search
 * finds the bucket.
 *
 * Every INTERVAL the totals of all ports are copied into a ring of 128
 * snapshots, together with the packet and byte rates since the previous
 * snapshot.
 *
 * =h counters read-only    "PORT CLASS PACKETS BYTES" lines
 * =h errors read-only      "PORT KIND COUNT" lines
 * =h sizes read-only       "PORT EDGE COUNT" lines
 * =h snapshots read-only   the snapshot ring, oldest first
 * =h reset write-only      zero everything
 */
class PortCounters : public Element {
  public:
    PortCounters();
    ~PortCounters();

    const char *class_name() const override { return "PortCounters"; }
    const char *port_count() const override { return "1-8/="; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

    enum { MAX_PORTS = 8, MAX_EDGES = 32, NSNAP = 128 };
    enum ProtoClass {
        C_TCP = 0, C_UDP, C_ICMP, C_OTHER_IP, C_IP_FRAG, C_ARP, C_IP6, C_VLAN_OTHER,
        C_OTHER, NPROTO
    };
    enum ErrorKind {
        E_RUNT = 0, E_GIANT, E_IP_SHORT, E_IP_VERSION, E_UNKNOWN_TYPE, NERRORS
    };

    struct Snapshot {
        int64_t when_ns;
        uint64_t packets[MAX_PORTS];
        uint64_t bytes[MAX_PORTS];
        uint32_t pps[MAX_PORTS];
        uint32_t mbps[MAX_PORTS];     // megabits per second
        uint32_t errors;
        uint32_t seq;
    };

  private:
    enum { h_counters, h_errors, h_sizes, h_snapshots, h_reset };

    uint64_t _packets[MAX_PORTS][NPROTO];
    uint64_t _bytes[MAX_PORTS][NPROTO];
    uint32_t _errors[MAX_PORTS][NERRORS];
    uint32_t _size_hist[MAX_PORTS][MAX_EDGES];

    uint16_t _edges[MAX_EDGES];   // increasing upper edges; last = 0xFFFF
    int _nedges;

    Snapshot _snap[NSNAP];        // ~26 KiB ring
    uint32_t _snap_head;
    uint32_t _snap_count;
    int64_t _interval_ns;
    int64_t _next_snap_ns;
    uint64_t _last_packets[MAX_PORTS];
    uint64_t _last_bytes[MAX_PORTS];

    uint32_t _mtu;

    // Index of the first edge >= len (binary search over _edges).
    inline int size_bucket(uint32_t len) const {
        int lo = 0, hi = _nedges - 1;
        while (lo < hi) {
            int mid = (lo + hi) >> 1;
            if (_edges[mid] < len)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    int classify(const Packet *p, int port);
    void take_snapshot(int64_t now_ns);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
