// -*- c++ -*-
/*
 * tunnel_mtu_fragmenter.hh -- TunnelMtuFragmenter: fragments IPv4 packets
 * (RFC 791) so that they fit a tunnel's path MTU after encapsulation.
 */
#ifndef OVERLAY_TUNNEL_MTU_FRAGMENTER_HH
#define OVERLAY_TUNNEL_MTU_FRAGMENTER_HH
#include <click/element.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * TunnelMtuFragmenter(MTU, [OVERHEAD, HONOR_DF, HEADROOM])
 *
 * =s tunnel
 * fragments IPv4 packets to fit a tunnel
 *
 * =d
 * Input: IPv4 packets with the network header annotation set.  The
 * effective limit is MTU minus OVERHEAD (the bytes the tunnel will add,
 * default 0).  Packets that fit go out unchanged on output 0.  Larger
 * packets with DF set (unless HONOR_DF is false) leave on output 1 with the
 * effective MTU in the EXTRA_LENGTH annotation, for an ICMP "fragmentation
 * needed" generator.  Other large packets are cut into fragments whose data
 * is a multiple of 8 bytes; later fragments carry only the options with the
 * copy flag, padded to a 4-byte boundary.  Fragments leave on output 0,
 * first fragment first, with ip_sum zeroed: put SetIPChecksum after this
 * element.  Fragments get HEADROOM (default 64) bytes of headroom for the
 * encapsulation that follows.
 *
 * =h stats read-only       counters
 */
class TunnelMtuFragmenter : public Element {
  public:
    TunnelMtuFragmenter();
    ~TunnelMtuFragmenter();

    const char *class_name() const override { return "TunnelMtuFragmenter"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_OPTIONS = 40, COPIED_FLAG = 0x80 };

  private:
    unsigned _mtu;
    unsigned _overhead;
    unsigned _limit;
    bool _honor_df;
    unsigned _headroom;

    Vector<Packet *> _batch;

    uint64_t _passed;
    uint64_t _fragmented;
    uint64_t _fragments;
    uint64_t _df_refused;
    uint64_t _bad;
    uint64_t _alloc_failed;

    static unsigned copied_options(const unsigned char *opt, unsigned len,
                                   unsigned char *out);

    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
