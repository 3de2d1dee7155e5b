/*
 * gtpu_encap.cc -- GtpuEncap: pushes outer IPv4 + UDP + GTP-U (+ optional
 * PDU session container) in front of the inner packet.
 */
#include <click/config.h>
#include "gtpu_encap.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

static const uint8_t default_spread_key[GtpuEncap::KEY_LEN] = {
    0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2,
    0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
    0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4,
    0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
    0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa
};

GtpuEncap::GtpuEncap()
    : _ttl(64), _container(true), _copy_dscp(true), _sport_base(0xC000), _ip_id(0),
      _encapped(0), _no_tunnel(0), _no_room(0), _bytes(0)
{
    memcpy(_key, default_spread_key, KEY_LEN);
}

GtpuEncap::~GtpuEncap()
{
}

bool
GtpuEncap::parse_key(const String &s, uint8_t *key)
{
    if (s.length() != 2 * KEY_LEN)
        return false;
    for (int i = 0; i < 2 * KEY_LEN; ++i) {
        char c = s[i];
        int v;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v = c - 'A' + 10;
        else
            return false;
        if (i & 1)
            key[i >> 1] |= (uint8_t) v;
        else
            key[i >> 1] = (uint8_t) (v << 4);
    }
    return true;
}

int
GtpuEncap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String key;
    unsigned ttl = 64, sport_base = 0xC000;
    if (Args(conf, this, errh)
        .read_mp("SRC", _src)
        .read("TTL", ttl)
        .read("PDU_CONTAINER", _container)
        .read("COPY_DSCP", _copy_dscp)
        .read("KEY", key)
        .read("SPORT_BASE", sport_base)
        .complete() < 0)
        return -1;
    if (ttl == 0 || ttl > 255)
        return errh->error("bad TTL");
    if (sport_base & 0x3FFF)
        return errh->error("SPORT_BASE must be a multiple of 16384");
    if (key && !parse_key(key, _key))
        return errh->error("KEY must be %d hex digits", 2 * KEY_LEN);
    _ttl = (uint8_t) ttl;
    _sport_base = (uint16_t) sport_base;
    return 0;
}

Packet *
GtpuEncap::simple_action(Packet *p)
{
    IPAddress gnb = p->dst_ip_anno();
    uint32_t teid = AGGREGATE_ANNO(p);
    uint8_t qfi = p->paint_anno() & 0x3F;
    if (!gnb || p->length() < 20) {
        _no_tunnel++;
        checked_output_push(1, p);
        return 0;
    }

    // spread input: inner addresses, then ports when they are visible
    const uint8_t *in = p->data();
    uint8_t tuple[36];
    int n = 0;
    uint8_t tos = 0;
    if ((in[0] >> 4) == 4) {
        int hl = (in[0] & 0x0F) << 2;
        memcpy(tuple, in + 12, 8);
        n = 8;
        bool first_frag = ((in[6] & 0x1F) | in[7]) == 0;
        if ((in[9] == IP_PROTO_TCP || in[9] == IP_PROTO_UDP) && first_frag
            && (uint32_t) hl + 4 <= p->length()) {
            memcpy(tuple + 8, in + hl, 4);
            n = 12;
        }
        tos = in[1];
    } else if ((in[0] >> 4) == 6 && p->length() >= 40) {
        memcpy(tuple, in + 8, 32);
        n = 32;
        if ((in[6] == IP_PROTO_TCP || in[6] == IP_PROTO_UDP) && p->length() >= 44) {
            memcpy(tuple + 32, in + 40, 4);
            n = 36;
        }
        tos = (uint8_t) (((in[0] & 0x0F) << 4) | (in[1] >> 4));
    }
    uint32_t spread = flow_spread(_key, tuple, n);

    uint32_t inner_len = p->length();
    uint32_t gtp_len = GTP_HDR + (_container ? GTP_OPT + PDU_EXT : 0);
    uint32_t hdr_len = sizeof(click_ip) + sizeof(click_udp) + gtp_len;
    if (inner_len + hdr_len > 65535) {
        _no_room++;
        checked_output_push(1, p);
        return 0;
    }
    WritablePacket *q = p->push(hdr_len);
    if (!q) {
        _no_room++;
        return 0;
    }

    click_ip *oip = reinterpret_cast<click_ip *>(q->data());
    oip->ip_v = 4;
    oip->ip_hl = 5;
    oip->ip_tos = _copy_dscp ? (uint8_t) (tos & IP_DSCPMASK) : 0;
    oip->ip_len = htons((uint16_t) (inner_len + hdr_len));
    oip->ip_id = htons(_ip_id++);
    oip->ip_off = htons(IP_DF);
    oip->ip_ttl = _ttl;
    oip->ip_p = IP_PROTO_UDP;
    oip->ip_src = _src.in_addr();
    oip->ip_dst = gnb.in_addr();
    oip->ip_sum = 0;
    const uint16_t *hw = reinterpret_cast<const uint16_t *>(oip);
    uint32_t s = 0;
    for (int i = 0; i < 10; ++i)
        s += hw[i];
    s = (s >> 16) + (s & 0xFFFF);
    s += s >> 16;
    oip->ip_sum = (uint16_t) ~s;

    click_udp *udp = reinterpret_cast<click_udp *>(oip + 1);
    udp->uh_sport = htons((uint16_t) (_sport_base | (spread & 0x3FFF)));
    udp->uh_dport = htons(GTPU_PORT);
    udp->uh_ulen = htons((uint16_t) (sizeof(click_udp) + gtp_len + inner_len));
    udp->uh_sum = 0;

    uint8_t *g = reinterpret_cast<uint8_t *>(udp + 1);
    g[0] = _container ? 0x34 : 0x30;        // version 1, PT, [E]
    g[1] = 0xFF;                            // G-PDU
    uint16_t glen = (uint16_t) (gtp_len - GTP_HDR + inner_len);
    g[2] = (uint8_t) (glen >> 8);
    g[3] = (uint8_t) glen;
    g[4] = (uint8_t) (teid >> 24);
    g[5] = (uint8_t) (teid >> 16);
    g[6] = (uint8_t) (teid >> 8);
    g[7] = (uint8_t) teid;
    if (_container) {
        g[8] = g[9] = g[10] = 0;            // sequence, N-PDU: unused
        g[11] = 0x85;                       // PDU session container
        g[12] = 1;                          // 4 octets
        g[13] = 0x00;                       // PDU type 0: DL PDU session info
        g[14] = qfi;
        g[15] = 0;                          // no further extension
    }

    q->set_ip_header(oip, sizeof(click_ip));
    _encapped++;
    _bytes += inner_len;
    return q;
}

String
GtpuEncap::read_stats(Element *e, void *)
{
    GtpuEncap *g = static_cast<GtpuEncap *>(e);
    StringAccum sa;
    sa << "encapsulated " << g->_encapped << "\nbytes " << g->_bytes
       << "\nno_tunnel " << g->_no_tunnel << "\nno_room " << g->_no_room << '\n';
    return sa.take_string();
}

void
GtpuEncap::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(GtpuEncap)
