// -*- c-basic-offset: 4 -*-
/*
 * udp_ipencap.{cc,hh} -- UDP/IP encapsulation with a pre-built IP template
 *
 * Models the encapsulation stage of a UDP tunnel endpoint or exporter, in
 * the manner of Click's UDPIPEncap.  See udp_ipencap.hh for the interface.
 */

#include <click/config.h>
#include "udp_ipencap.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/packet_anno.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

namespace {
const uint32_t ENCAP_LEN = sizeof(click_ip) + sizeof(click_udp);   // 28

// Scratch copy used when the pushed headers do not start on a 4-byte
// boundary (strict-alignment NICs trap on unaligned 32-bit stores).
struct encap_headers {
    click_ip ip;
    click_udp udp;
};
}

UDPIPEncapsulator::UDPIPEncapsulator()
    : _sport(0), _dport(0), _cksum(true), _df(false), _ttl(64), _tos(0),
      _maxlen(0xFFFF), _template_sum(0), _id(0), _count(0), _bytes(0), _drops(0)
{
    memset(&_iph_template, 0, sizeof(_iph_template));
}

UDPIPEncapsulator::~UDPIPEncapsulator()
{
}

int
UDPIPEncapsulator::configure(Vector<String> &conf, ErrorHandler *errh)
{
    IPAddress saddr, daddr;
    uint16_t sport = 0, dport = 0;
    bool cksum = true, df = false;
    int ttl = 64, tos = 0;
    uint32_t maxlen = 0xFFFF;

    if (Args(conf, this, errh)
        .read_mp("SRC", saddr)
        .read_mp("SPORT", sport)
        .read_mp("DST", daddr)
        .read_mp("DPORT", dport)
        .read("CHECKSUM", cksum)
        .read("TTL", ttl)
        .read("TOS", tos)
        .read("DF", df)
        .read("MAXLENGTH", maxlen)
        .complete() < 0)
        return -1;

    if (ttl <= 0 || ttl > 255)
        return errh->error("TTL out of range (1-255)");
    if (tos < 0 || tos > 255)
        return errh->error("TOS out of range (0-255)");
    if (maxlen < ENCAP_LEN || maxlen > 0xFFFF)
        return errh->error("MAXLENGTH must be between %u and 65535", ENCAP_LEN);

    _saddr = saddr;
    _daddr = daddr;
    _sport = htons(sport);
    _dport = htons(dport);
    _cksum = cksum;
    _df = df;
    _ttl = ttl;
    _tos = tos;
    _maxlen = maxlen;

    // Build the constant part of the IP header once.  ip_len, ip_id and
    // ip_sum stay zero in the template; the packet path adds them in.
    memset(&_iph_template, 0, sizeof(_iph_template));
    _iph_template.ip_v = 4;
    _iph_template.ip_hl = sizeof(click_ip) >> 2;
    _iph_template.ip_tos = _tos;
    _iph_template.ip_off = htons(_df ? IP_DF : 0);
    _iph_template.ip_ttl = _ttl;
    _iph_template.ip_p = IP_PROTO_UDP;
    _iph_template.ip_src = _saddr.in_addr();
    _iph_template.ip_dst = _daddr.in_addr();

    // click_in_cksum returns the complemented folded sum; keep the sum.
    _template_sum = (uint16_t) ~click_in_cksum(
        reinterpret_cast<const unsigned char *>(&_iph_template), sizeof(click_ip));
    return 0;
}

uint16_t
UDPIPEncapsulator::fold_sum(uint32_t sum)
{
    // Two folds suffice for the sum of at most three 16-bit quantities.
    sum = (sum & 0xFFFF) + (sum >> 16);
    sum = (sum & 0xFFFF) + (sum >> 16);
    return (uint16_t) sum;
}

Packet *
UDPIPEncapsulator::simple_action(Packet *p_in)
{
    uint32_t ip_len = p_in->length() + ENCAP_LEN;
    if (ip_len > _maxlen) {
        _drops++;
        p_in->kill();
        return 0;
    }

    WritablePacket *p = p_in->push(ENCAP_LEN);
    if (!p) {                   // push() freed the packet
        _drops++;
        return 0;
    }

    unsigned char *hdr = p->data();
    bool aligned = (reinterpret_cast<uintptr_t>(hdr) & 3) == 0;
    encap_headers scratch;
    click_ip *ip;
    click_udp *udp;
    if (aligned) {
        ip = reinterpret_cast<click_ip *>(hdr);
        udp = reinterpret_cast<click_udp *>(hdr + sizeof(click_ip));
    } else {
        ip = &scratch.ip;
        udp = &scratch.udp;
    }

    // IP header: template, then the per-packet fields.
    *ip = _iph_template;
    uint16_t len_net = htons((uint16_t) ip_len);
    uint16_t id_net = htons(_id);
    _id++;
    ip->ip_len = len_net;
    ip->ip_id = id_net;
    // Incremental checksum: template sum + length + identification.
    uint32_t sum = _template_sum + len_net + id_net;
    ip->ip_sum = ~fold_sum(sum);

    // UDP header
    uint16_t udp_len = (uint16_t) (ip_len - sizeof(click_ip));
    udp->uh_sport = _sport;
    udp->uh_dport = _dport;
    udp->uh_ulen = htons(udp_len);
    udp->uh_sum = 0;

    if (!aligned)
        memcpy(hdr, &scratch, ENCAP_LEN);

    if (_cksum) {
        // Checksum over the UDP header and payload in the packet, then the
        // pseudo-header from the (aligned) IP header.
        unsigned char *udp_bytes = hdr + sizeof(click_ip);
        unsigned csum = click_in_cksum(udp_bytes, udp_len);
        uint16_t usum = click_in_cksum_pseudohdr(csum, ip, udp_len);
        if (usum == 0)
            usum = 0xFFFF;      // RFC 768: zero means "no checksum"
        if (aligned)
            udp->uh_sum = usum;
        else
            memcpy(udp_bytes + 6, &usum, sizeof(usum));
    }

    p->set_ip_header(reinterpret_cast<click_ip *>(hdr), sizeof(click_ip));
    p->set_dst_ip_anno(_daddr);

    _count++;
    _bytes += p->length();
    return p;
}

String
UDPIPEncapsulator::read_handler(Element *e, void *thunk)
{
    UDPIPEncapsulator *u = static_cast<UDPIPEncapsulator *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_count:
        return String(u->_count);
    case h_bytes:
        return String(u->_bytes);
    case h_drops:
        return String(u->_drops);
    case h_src:
        return u->_saddr.unparse();
    case h_dst:
        return u->_daddr.unparse();
    default:
        return String();
    }
}

int
UDPIPEncapsulator::write_handler(const String &, Element *e, void *thunk,
                                 ErrorHandler *)
{
    UDPIPEncapsulator *u = static_cast<UDPIPEncapsulator *>(e);
    if (reinterpret_cast<uintptr_t>(thunk) == h_reset) {
        u->_count = 0;
        u->_bytes = 0;
        u->_drops = 0;
    }
    return 0;
}

void
UDPIPEncapsulator::add_handlers()
{
    add_read_handler("count", read_handler, h_count);
    add_read_handler("bytes", read_handler, h_bytes);
    add_read_handler("drops", read_handler, h_drops);
    add_read_handler("src", read_handler, h_src);
    add_read_handler("dst", read_handler, h_dst);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(UDPIPEncapsulator)
