#ifndef CLICK_QUICRSSSTEER_HH
#define CLICK_QUICRSSSTEER_HH
#include <click/element.hh>
CLICK_DECLS

/*
=c

QuicRssSteer([KEY, CID_MODE, SHORT_CID_LEN, SYMMETRIC])

=s edge

spreads QUIC/UDP traffic over worker outputs like NIC receive-side scaling

=d

Software RSS in front of a pool of QUIC server workers (one output per
worker).  The packet's IPv4 source/destination and ports are hashed with the
Toeplitz function under the 40-byte KEY (hex, default: the well-known
Microsoft key); the low bits of the hash index a 128-entry indirection table.
With CID_MODE true, QUIC packets are hashed on their destination connection ID
instead, so a migrating client (new address or port) stays on its worker.
SYMMETRIC true replaces the key by the repeated 0x6d5a pattern, which makes
both directions of a flow land on the same output.

The hash is stored in the AGGREGATE annotation.
*/

class QuicRssSteer : public Element {
  public:
    QuicRssSteer();
    ~QuicRssSteer();

    const char *class_name() const { return "QuicRssSteer"; }
    const char *port_count() const { return "1/1-"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    int initialize(ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

  private:
    enum { KEY_LEN = 40, RETA_SIZE = 128, MAX_CID = 20, MAX_INPUT = 36 };

    uint8_t m_key[KEY_LEN];
    uint8_t m_reta[RETA_SIZE];
    bool m_cid_mode;
    bool m_symmetric;
    unsigned m_short_cid_len;

    uint64_t m_packets;
    uint64_t m_cid_hashed;
    uint64_t m_fallback_2tuple;
    uint64_t m_per_queue[RETA_SIZE];

    static int parse_hex(const String &text, uint8_t *out, int maxlen);
    static String read_queue_counts(Element *e, void *user_data);
};

CLICK_ENDDECLS
#endif
