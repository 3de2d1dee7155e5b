/*
 * geneve6_encap.cc -- Geneve6Encap: inner flow key, entropy hash, outer
 * IPv6/UDP/Geneve headers and the UDP checksum over the whole datagram.
 */
#include <click/config.h>
#include "geneve6_encap.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

Geneve6Encap::Geneve6Encap()
    : _vni(0), _dport(6081), _sport_lo(49152), _sport_span(16384), _hlim(64),
      _tclass(0), _seed(0x6E7E), _checksum(true), _mtu(1500), _packets(0),
      _ip4_flows(0), _ip6_flows(0), _l2_flows(0), _too_big(0)
{
    memset(_src, 0, sizeof(_src));
    memset(_dst, 0, sizeof(_dst));
}

Geneve6Encap::~Geneve6Encap()
{
}

bool
Geneve6Encap::parse_ip6(const String &text, uint8_t out[16])
{
    uint16_t head[8], tail[8];
    int nh = 0, nt = 0;
    bool gap = false;
    const char *s = text.data(), *end = s + text.length();
    if (end - s >= 2 && s[0] == ':' && s[1] == ':') {
        gap = true;
        s += 2;
    }
    while (s < end) {
        uint32_t v = 0;
        int digits = 0;
        for (; s < end && digits < 5; ++s, ++digits) {
            char c = *s;
            if (c >= '0' && c <= '9')
                v = (v << 4) | (uint32_t) (c - '0');
            else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
                v = (v << 4) | (uint32_t) ((c | 0x20) - 'a' + 10);
            else
                break;
        }
        if (digits == 0 || digits > 4 || (gap ? nt : nh) == 8)
            return false;
        (gap ? tail[nt++] : head[nh++]) = (uint16_t) v;
        if (s == end)
            break;
        if (*s++ != ':' || s == end)
            return false;
        if (*s == ':') {
            if (gap)
                return false;
            gap = true;
            ++s;
        }
    }
    if (gap ? nh + nt > 7 : nh != 8)
        return false;
    memset(out, 0, 16);
    for (int i = 0; i < nh; ++i) {
        out[2 * i] = head[i] >> 8;
        out[2 * i + 1] = head[i] & 0xFF;
    }
    for (int i = 0; i < nt; ++i) {
        out[2 * (8 - nt + i)] = tail[i] >> 8;
        out[2 * (8 - nt + i) + 1] = tail[i] & 0xFF;
    }
    return true;
}

int
Geneve6Encap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String src, dst;
    unsigned dport = 6081, lo = 49152, hi = 65535, hlim = 64, tclass = 0;
    if (Args(conf, this, errh)
        .read_mp("SRC", src)
        .read_mp("DST", dst)
        .read_mp("VNI", _vni)
        .read("DPORT", dport)
        .read("SPORT_MIN", lo)
        .read("SPORT_MAX", hi)
        .read("HLIM", hlim)
        .read("TCLASS", tclass)
        .read("SEED", _seed)
        .read("CHECKSUM", _checksum)
        .read("MTU", _mtu)
        .complete() < 0)
        return -1;
    if (!parse_ip6(src, _src) || !parse_ip6(dst, _dst))
        return errh->error("SRC and DST must be IPv6 addresses");
    if (_vni > 0xFFFFFF || dport == 0 || dport > 65535 || lo == 0 || hi > 65535 || lo > hi)
        return errh->error("bad VNI or port range");
    if (hlim == 0 || hlim > 255 || tclass > 255 || _mtu < 1280)
        return errh->error("bad HLIM, TCLASS or MTU");
    _dport = (uint16_t) dport;
    _sport_lo = (uint16_t) lo;
    _sport_span = hi - lo + 1;
    _hlim = (uint8_t) hlim;
    _tclass = (uint8_t) tclass;
    return 0;
}

/* RFC 8200 section 8.1: pseudo-header (source, destination, upper-layer
   length, next header) followed by the datagram, odd byte padded. */
uint16_t
Geneve6Encap::udp6_checksum(const unsigned char *udp, uint32_t len) const
{
    uint32_t sum = 0;
    for (int i = 0; i < 16; i += 2)
        sum += ((uint32_t) _src[i] << 8 | _src[i + 1]) + ((uint32_t) _dst[i] << 8 | _dst[i + 1]);
    sum += (len >> 16) + (len & 0xFFFF) + IP_PROTO_UDP;
    uint32_t i = 0;
    for (; i + 1 < len; i += 2)
        sum += (uint32_t) udp[i] << 8 | udp[i + 1];
    if (i < len)
        sum += (uint32_t) udp[i] << 8;
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    uint16_t c = (uint16_t) ~sum;
    return c ? c : 0xFFFF;
}

void
Geneve6Encap::push(int, Packet *p)
{
    uint32_t len = p->length();
    if (len < sizeof(click_ether) || len + OUTER > _mtu) {
        _too_big += len >= sizeof(click_ether);
        checked_output_push(1, p);
        return;
    }

    // inner flow key
    const unsigned char *d = p->data();
    uint16_t type = (uint16_t) (d[12] << 8 | d[13]);
    uint32_t off = sizeof(click_ether);
    if ((type == ETHERTYPE_8021Q || type == ETHERTYPE_8021AD) && len >= off + 4) {
        type = (uint16_t) (d[16] << 8 | d[17]);
        off += 4;
    }
    uint32_t key[10], ports = 0;
    int nk;
    if (type == ETHERTYPE_IP && len >= off + sizeof(click_ip)) {
        const click_ip *ip = reinterpret_cast<const click_ip *>(d + off);
        uint32_t hl = ip->ip_hl << 2;
        memcpy(&key[0], &ip->ip_src, 4);
        memcpy(&key[1], &ip->ip_dst, 4);
        if ((ip->ip_p == IP_PROTO_TCP || ip->ip_p == IP_PROTO_UDP)
            && (ip->ip_off & htons(IP_OFFMASK)) == 0 && len >= off + hl + 4)
            memcpy(&ports, d + off + hl, 4);
        key[2] = ports;
        key[3] = ip->ip_p;
        nk = 4;
        _ip4_flows++;
    } else if (type == ETHERTYPE_IP6 && len >= off + IP6_HLEN) {
        uint8_t nxt = d[off + 6];
        memcpy(key, d + off + 8, 32);
        if ((nxt == IP_PROTO_TCP || nxt == IP_PROTO_UDP) && len >= off + IP6_HLEN + 4)
            memcpy(&ports, d + off + IP6_HLEN, 4);
        key[8] = ports;
        key[9] = nxt;
        nk = 10;
        _ip6_flows++;
    } else {
        memcpy(key, d, 12);                     // both MAC addresses
        key[3] = type;
        nk = 4;
        _l2_flows++;
    }
    uint32_t h = flow_entropy(key, nk, _seed);

    WritablePacket *q = p->push(OUTER);
    if (!q)
        return;
    unsigned char *b = q->data();
    uint32_t udp_len = q->length() - IP6_HLEN;

    ovl_ip6_hdr *ip6 = reinterpret_cast<ovl_ip6_hdr *>(b);
    ip6->vtc_flow = htonl((6U << 28) | ((uint32_t) _tclass << 20) | (h & 0xFFFFF));
    ip6->plen = htons((uint16_t) udp_len);
    ip6->nxt = IP_PROTO_UDP;
    ip6->hlim = _hlim;
    memcpy(ip6->src, _src, 16);
    memcpy(ip6->dst, _dst, 16);

    click_udp *uh = reinterpret_cast<click_udp *>(b + IP6_HLEN);
    uh->uh_sport = htons((uint16_t) (_sport_lo + (h >> 12) % _sport_span));
    uh->uh_dport = htons(_dport);
    uh->uh_ulen = htons((uint16_t) udp_len);
    uh->uh_sum = 0;

    unsigned char *g = b + IP6_HLEN + sizeof(click_udp);
    g[0] = 0;                                   // version 0, no options
    g[1] = 0;                                   // O and C clear
    g[2] = 0x65;                                // transparent Ethernet bridging
    g[3] = 0x58;
    g[4] = (uint8_t) (_vni >> 16);
    g[5] = (uint8_t) (_vni >> 8);
    g[6] = (uint8_t) _vni;
    g[7] = 0;

    if (_checksum)
        uh->uh_sum = htons(udp6_checksum(b + IP6_HLEN, udp_len));

    q->set_network_header(b, IP6_HLEN);
    _packets++;
    output(0).push(q);
}

String
Geneve6Encap::read_stats(Element *e, void *)
{
    Geneve6Encap *g = static_cast<Geneve6Encap *>(e);
    StringAccum sa;
    sa << "packets " << g->_packets << "\nipv4_flows " << g->_ip4_flows
       << "\nipv6_flows " << g->_ip6_flows << "\nl2_flows " << g->_l2_flows
       << "\ntoo_big " << g->_too_big << '\n';
    return sa.take_string();
}

void
Geneve6Encap::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(Geneve6Encap)
