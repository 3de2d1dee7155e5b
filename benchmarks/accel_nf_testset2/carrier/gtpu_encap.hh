// -*- c++ -*-
/*
 * gtpu_encap.hh -- GtpuEncap: N3 downlink encapsulation of a UPF.
 *
 * The inner packet (to a UE) is wrapped in IPv4/UDP/GTP-U toward the gNB.
 * The outer UDP source port is derived from the inner address pair and
 * ports with the same keyed spread that NICs use for receive-side scaling,
 * so that the transport network's ECMP and the gNB's receive queues see
 * per-flow entropy while a flow stays on one path/queue.
 */
#ifndef CARRIER_GTPU_ENCAP_HH
#define CARRIER_GTPU_ENCAP_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/* Keyed spread of 'n' input bytes; the key must be at least n + 4 bytes. */
static inline uint32_t
flow_spread(const uint8_t *key, const uint8_t *in, int n)
{
    uint32_t acc = 0;
    uint32_t window = ((uint32_t) key[0] << 24) | ((uint32_t) key[1] << 16)
        | ((uint32_t) key[2] << 8) | key[3];
    for (int i = 0; i < n; ++i) {
        uint8_t next = key[i + 4];
        for (int bit = 7; bit >= 0; --bit) {
            if (in[i] & (1 << bit))
                acc ^= window;
            window = (window << 1) | ((next >> bit) & 1);
        }
    }
    return acc;
}

/*
 * =c
 * GtpuEncap(SRC ADDR, [TTL, PDU_CONTAINER, COPY_DSCP, KEY HEX, SPORT_BASE])
 *
 * =d
 * Input: inner IP packets with DST_IP annotation = gNB address, AGGREGATE
 * annotation = downlink TEID, PAINT annotation = QFI.  Output 0: encapsulated
 * packets.  Packets without a gNB address or TEID leave on output 1.
 */
class GtpuEncap : public Element {
  public:
    GtpuEncap();
    ~GtpuEncap();

    const char *class_name() const override { return "GtpuEncap"; }
    const char *port_count() const override { return "1/1-2"; }
    const char *processing() const override { return AGNOSTIC; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    Packet *simple_action(Packet *p) override;

    enum { KEY_LEN = 40, GTPU_PORT = 2152, GTP_HDR = 8, GTP_OPT = 4, PDU_EXT = 4 };

  private:
    uint8_t _key[KEY_LEN];
    IPAddress _src;
    uint8_t _ttl;
    bool _container;
    bool _copy_dscp;
    uint16_t _sport_base;
    uint16_t _ip_id;

    uint64_t _encapped;
    uint64_t _no_tunnel;
    uint64_t _no_room;
    uint64_t _bytes;

    static bool parse_key(const String &s, uint8_t *key);
    static String read_stats(Element *e, void *);
};

CLICK_ENDDECLS
#endif
