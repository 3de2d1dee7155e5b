// -*- c-basic-offset: 4 -*-
/*
 * vxlan_encap.cc -- VxlanEncap: VXLAN tunnel ingress.  Picks a VNI from a
 * 4096-entry table keyed by the inner destination, derives the outer UDP
 * source port from a hash of the inner flow, and prepends outer
 * Ethernet/IPv4/UDP/VXLAN headers from a prepared template.
 *
 * Training code for Clara's compute model (nf_corpus/rewrite); written for
 * Clara, not an evaluation NF.
 */
#include <click/config.h>
#include "vxlan_encap.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <clicknet/ether.h>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

VxlanEncap::VxlanEncap()
    : _default_vni(1), _dport(4789), _ttl(64), _mtu(1500), _ip_id(0),
      _encapped(0), _too_big(0), _non_ip(0)
{
    memset(_tmpl, 0, sizeof(_tmpl));
    memset(_vni_by_dst, 0, sizeof(_vni_by_dst));
    memset(_vni_packets, 0, sizeof(_vni_packets));
}

VxlanEncap::~VxlanEncap()
{
}

int
VxlanEncap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> maps;
    unsigned vni = 1, mtu = 1500;
    int ttl = 64;
    uint16_t dport = 4789;
    if (Args(conf, this, errh)
        .read_mp("SRC", _src)
        .read_mp("DST", _dst)
        .read_mp("ETHSRC", _ethsrc)
        .read_mp("ETHDST", _ethdst)
        .read("VNI", vni)
        .read_all("MAP", maps)
        .read("TTL", ttl)
        .read("DPORT", dport)
        .read("MTU", mtu)
        .complete() < 0)
        return -1;
    if (vni >= (1U << 24))
        return errh->error("VNI must fit in 24 bits");
    if (ttl <= 0 || ttl > 255)
        return errh->error("TTL out of range");
    if (mtu < 68 || mtu > 9216)
        return errh->error("MTU out of range");
    _default_vni = vni;
    _ttl = ttl;
    _dport = dport;
    _mtu = mtu;

    for (int i = 0; i < VNI_TABLE; i++)
        _vni_by_dst[i] = _default_vni;
    for (int i = 0; i < maps.size(); i++) {
        Vector<String> words;
        cp_spacevec(maps[i], words);
        unsigned idx, v;
        if (words.size() != 2 || !cp_integer(words[0], &idx) || !cp_integer(words[1], &v)
            || idx >= VNI_TABLE || v >= (1U << 24))
            return errh->error("MAP %d: expected INDEX VNI", i);
        _vni_by_dst[idx] = v;
    }
    build_template();
    return 0;
}

void
VxlanEncap::build_template()
{
    memset(_tmpl, 0, sizeof(_tmpl));
    // outer Ethernet
    memcpy(_tmpl, _ethdst.data(), 6);
    memcpy(_tmpl + 6, _ethsrc.data(), 6);
    put16(_tmpl + 12, ETHERTYPE_IP);
    // outer IPv4: version/ihl, DF, TTL, protocol, addresses
    unsigned char *ip = _tmpl + OFF_IP;
    ip[0] = 0x45;
    put16(ip + 6, IP_DF);
    ip[8] = _ttl;
    ip[9] = IP_PROTO_UDP;
    memcpy(ip + 12, _src.data(), 4);
    memcpy(ip + 16, _dst.data(), 4);
    // UDP destination port; checksum stays zero (allowed over IPv4)
    put16(_tmpl + OFF_UDP + 2, _dport);
    // VXLAN: I flag set, VNI patched per packet
    _tmpl[OFF_VXLAN] = VXLAN_FLAG_I;
}

/* Hash the inner flow of the Ethernet frame at 'frame'; sets *vni. */
uint32_t
VxlanEncap::inner_hash(const unsigned char *frame, uint32_t len, uint32_t *vni)
{
    uint32_t h = 0x811C9DC5U;
    uint16_t etype = (uint16_t) (frame[12] << 8 | frame[13]);
    uint32_t l3 = ETHER_HEADER_LEN;
    if (etype == ETHERTYPE_8021Q && len >= ETHER_HEADER_LEN + 4) {
        h = mix(h, (frame[14] & 0x0F) << 8 | frame[15]);
        etype = (uint16_t) (frame[16] << 8 | frame[17]);
        l3 += 4;
    }

    if (etype != ETHERTYPE_IP || len < l3 + sizeof(click_ip)) {
        // non-IP: hash the MAC addresses, default VNI
        for (int i = 0; i < 12; i += 4)
            h = mix(h, (uint32_t) frame[i] << 24 | frame[i + 1] << 16
                    | frame[i + 2] << 8 | frame[i + 3]);
        *vni = _default_vni;
        _non_ip++;
        return h;
    }

    const click_ip *iph = reinterpret_cast<const click_ip *>(frame + l3);
    uint32_t saddr, daddr;
    memcpy(&saddr, &iph->ip_src, 4);
    memcpy(&daddr, &iph->ip_dst, 4);
    h = mix(h, saddr);
    h = mix(h, daddr);
    h = mix(h, iph->ip_p);
    *vni = _vni_by_dst[ntohl(daddr) & (VNI_TABLE - 1)];

    uint32_t hlen = iph->ip_hl << 2;
    if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
        && !IP_ISFRAG(iph) && len >= l3 + hlen + 4) {
        const unsigned char *l4 = frame + l3 + hlen;
        h = mix(h, (uint32_t) l4[0] << 24 | l4[1] << 16 | l4[2] << 8 | l4[3]);
    }
    return h;
}

Packet *
VxlanEncap::simple_action(Packet *p_in)
{
    uint32_t inner_len = p_in->length();
    if (inner_len < ETHER_HEADER_LEN) {
        p_in->kill();
        return 0;
    }
    uint32_t ip_len = inner_len + (ENCAP_LEN - OFF_IP);
    if (ip_len > _mtu) {
        _too_big++;
        checked_output_push(1, p_in);
        return 0;
    }

    uint32_t vni;
    uint32_t h = inner_hash(p_in->data(), inner_len, &vni);
    uint16_t sport = (uint16_t) (0xC000 | ((h ^ (h >> 16)) & 0x3FFF));

    WritablePacket *p = p_in->push(ENCAP_LEN);
    if (!p)
        return 0;

    // Fill a local copy of the headers, then store them in one copy: the
    // outer IP header sits at offset 14 and is not 4-byte aligned.
    unsigned char hdr[ENCAP_LEN];
    memcpy(hdr, _tmpl, ENCAP_LEN);
    unsigned char *ip = hdr + OFF_IP;
    put16(ip + 2, (uint16_t) ip_len);
    put16(ip + 4, _ip_id++);
    uint16_t sum = click_in_cksum(ip, sizeof(click_ip));
    memcpy(ip + 10, &sum, 2);

    unsigned char *udp = hdr + OFF_UDP;
    put16(udp, sport);
    put16(udp + 4, (uint16_t) (ip_len - sizeof(click_ip)));

    unsigned char *vx = hdr + OFF_VXLAN;
    vx[4] = (unsigned char) (vni >> 16);
    vx[5] = (unsigned char) (vni >> 8);
    vx[6] = (unsigned char) vni;

    memcpy(p->data(), hdr, ENCAP_LEN);
    p->set_mac_header(p->data(), ETHER_HEADER_LEN);
    p->set_ip_header(reinterpret_cast<const click_ip *>(p->data() + OFF_IP), sizeof(click_ip));
    p->set_dst_ip_anno(_dst);

    _vni_packets[vni & (VNI_COUNTERS - 1)]++;
    _encapped++;
    return p;
}

String
VxlanEncap::read_handler(Element *e, void *thunk)
{
    VxlanEncap *v = static_cast<VxlanEncap *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_encapped:
        return String(v->_encapped);
    case h_too_big:
        return String(v->_too_big);
    case h_non_ip:
        return String(v->_non_ip);
    default:
        return String();
    }
}

int
VxlanEncap::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    VxlanEncap *v = static_cast<VxlanEncap *>(e);
    v->_encapped = v->_too_big = v->_non_ip = 0;
    memset(v->_vni_packets, 0, sizeof(v->_vni_packets));
    return 0;
}

void
VxlanEncap::add_handlers()
{
    add_read_handler("encapped", read_handler, h_encapped);
    add_read_handler("too_big", read_handler, h_too_big);
    add_read_handler("non_ip", read_handler, h_non_ip);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(VxlanEncap)
