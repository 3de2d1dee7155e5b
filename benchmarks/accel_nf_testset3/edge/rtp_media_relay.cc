/*
 * rtp_media_relay.{cc,hh} -- RTP/RTCP media anchoring with header rewrite
 */
#include <click/config.h>
#include "rtp_media_relay.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

/* One's-complement sum (RFC 1071) of the IPv4 pseudo-header and the UDP
   datagram, complemented; addresses in host order, result in host order. */
static uint16_t
udp4_checksum(uint32_t src, uint32_t dst, const uint8_t *udp, unsigned len)
{
    uint32_t sum = (src >> 16) + (src & 0xFFFF) + (dst >> 16) + (dst & 0xFFFF)
        + IP_PROTO_UDP + len;
    const uint8_t *w = udp;

    while (len >= 8) {
        sum += ((w[0] << 8) | w[1]) + ((w[2] << 8) | w[3])
            + ((w[4] << 8) | w[5]) + ((w[6] << 8) | w[7]);
        w += 8;
        len -= 8;
    }
    while (len >= 2) {
        sum += (w[0] << 8) | w[1];
        w += 2;
        len -= 2;
    }
    if (len)
        sum += w[0] << 8;

    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    uint16_t r = (uint16_t) ~sum;
    return r ? r : 0xFFFF;              /* 0 means "no checksum" in UDP */
}

RtpMediaRelay::RtpMediaRelay()
    : _by_port(-1), _forwarded(0), _unbound(0), _expired(0)
{
}

RtpMediaRelay::~RtpMediaRelay()
{
}

int
RtpMediaRelay::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> binds;
    if (Args(conf, this, errh)
        .read_mp("RELAY_ADDR", _relay)
        .read_all("BIND", binds)
        .complete() < 0)
        return -1;

    for (int i = 0; i < binds.size(); i++) {
        Vector<String> w;
        cp_spacevec(binds[i], w);
        int port, peer_port;
        Binding b;
        b.ssrc = 0;
        b.packets = b.bytes = 0;
        if ((w.size() != 3 && w.size() != 4)
            || !cp_integer(w[0], &port) || port <= 0 || port > 65535
            || !cp_ip_address(w[1], &b.peer, this)
            || !cp_integer(w[2], &peer_port) || peer_port <= 0 || peer_port > 65535
            || (w.size() == 4 && !cp_integer(w[3], 16, &b.ssrc)))
            return errh->error("BIND %d: expected PORT PEER_ADDR PEER_PORT [SSRC]", i + 1);
        if (_by_port.findp(port))
            return errh->error("BIND %d: port %d bound twice", i + 1, port);
        b.peer_port = htons((uint16_t) peer_port);
        _by_port.set(port, _bindings.size());
        _bindings.push_back(b);
    }
    return 0;
}

void
RtpMediaRelay::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_UDP || iph->ip_dst.s_addr != _relay.addr()
        || !IP_FIRSTFRAG(iph) || p->transport_length() < (int) sizeof(click_udp)) {
        _unbound++;
        output(1).push(p);
        return;
    }
    uint16_t local_port = p->udp_header()->uh_dport;
    int *idx = _by_port.findp(ntohs(local_port));
    if (!idx) {
        _unbound++;
        output(1).push(p);
        return;
    }
    if (iph->ip_ttl <= 1) {
        _expired++;
        output(1).push(p);
        return;
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    Binding &b = _bindings[*idx];
    click_ip *ip = q->ip_header();
    click_udp *udp = q->udp_header();
    unsigned ulen = ntohs(udp->uh_ulen);
    if (ulen < sizeof(click_udp) || ulen > (unsigned) q->transport_length())
        ulen = q->transport_length();

    ip->ip_src = _relay.in_addr();
    ip->ip_dst = b.peer.in_addr();
    ip->ip_ttl--;
    udp->uh_sport = local_port;
    udp->uh_dport = b.peer_port;

    uint8_t *rtp = reinterpret_cast<uint8_t *>(udp + 1);
    bool is_rtcp = ntohs(udp->uh_sport) & 1;
    if (b.ssrc && !is_rtcp && ulen >= sizeof(click_udp) + 12 && (rtp[0] >> 6) == 2) {
        rtp[8] = (uint8_t) (b.ssrc >> 24);
        rtp[9] = (uint8_t) (b.ssrc >> 16);
        rtp[10] = (uint8_t) (b.ssrc >> 8);
        rtp[11] = (uint8_t) b.ssrc;
    }

    ip->ip_sum = 0;
    ip->ip_sum = click_in_cksum(reinterpret_cast<const unsigned char *>(ip), ip->ip_hl << 2);
    udp->uh_sum = 0;
    udp->uh_sum = htons(udp4_checksum(ntohl(ip->ip_src.s_addr), ntohl(ip->ip_dst.s_addr),
                                      reinterpret_cast<const uint8_t *>(udp), ulen));

    b.packets++;
    b.bytes += q->length();
    _forwarded++;
    q->set_dst_ip_anno(b.peer);
    output(0).push(q);
}

void
RtpMediaRelay::add_handlers()
{
    add_data_handlers("forwarded", Handler::f_read, &_forwarded);
    add_data_handlers("unbound", Handler::f_read, &_unbound);
    add_data_handlers("expired", Handler::f_read, &_expired);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(RtpMediaRelay)
