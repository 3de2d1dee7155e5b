/*
 * sctp_udp_decap.cc -- SctpUdpDecap: RFC 6951 decapsulation.
 *
 * The UDP checksum is not looked at: the SCTP checksum covers the whole
 * SCTP packet and is checked instead, bit by bit, as the packet is read.
 */
#include <click/config.h>
#include "sctp_udp_decap.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

SctpUdpDecap::SctpUdpDecap()
    : _port(SCTP_UDP_PORT), _verify(true), _learn(true), _decapsulated(0),
      _not_ours(0), _bad_len(0), _fragments(0), _bad_crc(0), _port_changes(0)
{
}

SctpUdpDecap::~SctpUdpDecap()
{
}

int
SctpUdpDecap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned port = SCTP_UDP_PORT;
    if (Args(conf, this, errh)
        .read_p("PORT", port)
        .read("VERIFY", _verify)
        .read("LEARN", _learn)
        .complete() < 0)
        return -1;
    if (port == 0 || port > 65535)
        return errh->error("bad PORT");
    _port = (uint16_t) port;
    return 0;
}

Packet *
SctpUdpDecap::simple_action(Packet *p)
{
    if (!p->has_network_header() || p->network_header_offset() < 0) {
        _not_ours++;
        return bounce(p);
    }
    const click_ip *iph = p->ip_header();
    unsigned hl = iph->ip_hl << 2;
    unsigned iplen = ntohs(iph->ip_len);
    if (iph->ip_p != IP_PROTO_UDP) {
        _not_ours++;
        return bounce(p);
    }
    if (hl < sizeof(click_ip) || iplen < hl + sizeof(click_udp) + SCTP_COMMON_HEADER
        || iplen > (unsigned) p->network_length()) {
        _bad_len++;
        return bounce(p);
    }
    if (IP_ISFRAG(iph)) {
        _fragments++;                   // reassemble before this element
        return bounce(p);
    }

    const click_udp *uh = reinterpret_cast<const click_udp *>(p->network_header() + hl);
    if (uh->uh_dport != htons(_port)) {
        _not_ours++;
        return bounce(p);
    }
    unsigned ulen = ntohs(uh->uh_ulen);
    if (ulen < sizeof(click_udp) + SCTP_COMMON_HEADER || hl + ulen > iplen) {
        _bad_len++;
        return bounce(p);
    }

    const unsigned char *sctp = reinterpret_cast<const unsigned char *>(uh + 1);
    unsigned slen = ulen - sizeof(click_udp);
    if (_verify) {
        // checksum field (bytes 8..11) counts as zero; result stored LSB first
        uint32_t r = 0xFFFFFFFFU;
        for (unsigned i = 0; i < slen; ++i) {
            r ^= (i - 8 < 4) ? 0 : sctp[i];
            for (int b = 0; b < 8; ++b)
                r = (r >> 1) ^ (0x82F63B78U & (0U - (r & 1)));
        }
        r = ~r;
        uint32_t carried = (uint32_t) sctp[8] | ((uint32_t) sctp[9] << 8)
            | ((uint32_t) sctp[10] << 16) | ((uint32_t) sctp[11] << 24);
        if (r != carried) {
            _bad_crc++;
            return bounce(p);
        }
    }

    if (_learn) {
        IPAddress remote(iph->ip_src);
        uint16_t *known = _peers.findp(remote);
        if (!known)
            _peers.insert(remote, uh->uh_sport);
        else if (*known != uh->uh_sport) {
            *known = uh->uh_sport;
            _port_changes++;
        }
    }

    // slide link and IP headers 8 bytes forward over the UDP header
    int noff = p->network_header_offset();
    int moff = p->has_mac_header() ? p->mac_header_offset() : -1;
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    memmove(q->data() + sizeof(click_udp), q->data(), noff + hl);
    q->pull(sizeof(click_udp));
    click_ip *nip = reinterpret_cast<click_ip *>(q->data() + noff);
    q->set_ip_header(nip, hl);
    if (moff >= 0)
        q->set_mac_header(q->data() + moff);
    else
        q->clear_mac_header();

    uint16_t *hw = reinterpret_cast<uint16_t *>(nip);
    uint16_t old_len = hw[1], old_ttl_p = hw[4];
    nip->ip_len = htons((uint16_t) (iplen - sizeof(click_udp)));
    nip->ip_p = IP_PROTO_SCTP;
    uint32_t s = (uint16_t) ~nip->ip_sum;
    s += (uint16_t) ~old_len + (uint32_t) hw[1];
    s += (uint16_t) ~old_ttl_p + (uint32_t) hw[4];
    s = (s & 0xFFFF) + (s >> 16);
    s = (s & 0xFFFF) + (s >> 16);
    nip->ip_sum = (uint16_t) ~s;

    _decapsulated++;
    return q;
}

enum { h_stats, h_peers };

String
SctpUdpDecap::read_handler(Element *e, void *thunk)
{
    SctpUdpDecap *d = static_cast<SctpUdpDecap *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_stats)
        sa << "decapsulated " << d->_decapsulated << "\nnot_ours " << d->_not_ours
           << "\nbad_len " << d->_bad_len << "\nfragments " << d->_fragments
           << "\nbad_crc " << d->_bad_crc << "\nport_changes " << d->_port_changes << '\n';
    else
        for (HashMap<IPAddress, uint16_t>::iterator it = d->_peers.begin(); it.live(); ++it)
            sa << it.key() << ' ' << (unsigned) ntohs(it.value()) << '\n';
    return sa.take_string();
}

void
SctpUdpDecap::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("peers", read_handler, h_peers);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SctpUdpDecap)
