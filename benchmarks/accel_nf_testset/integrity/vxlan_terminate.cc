/*
 * vxlan_terminate.cc -- VxlanTerminate: VTEP receive path.  Per packet:
 * header checks, the UDP checksum when the sender filled it in, a VNI
 * lookup and a pull to the inner frame.
 */
#include <click/config.h>
#include "vxlan_terminate.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

VxlanTerminate::VxlanTerminate()
    : _port(VXLAN_PORT), _strict(false), _in(0), _out(0), _not_ours(0), _bad_len(0),
      _bad_sum(0), _zero_sum(0), _bad_flags(0), _unknown_vni(0)
{
}

VxlanTerminate::~VxlanTerminate()
{
}

int
VxlanTerminate::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> vnis;
    unsigned port = VXLAN_PORT;
    if (Args(conf, this, errh)
        .read_mp("LOCAL", _local)
        .read_p("PORT", port)
        .read_all("VNI", vnis)
        .read("STRICT_RESERVED", _strict)
        .complete() < 0)
        return -1;
    if (port == 0 || port > 65535)
        return errh->error("bad PORT");
    _port = port;
    for (int i = 0; i < vnis.size(); ++i) {
        Vector<String> w;
        cp_spacevec(vnis[i], w);
        unsigned id, paint = 0;
        if (w.size() < 1 || w.size() > 2 || !cp_integer(w[0], &id) || id > 0xFFFFFF
            || (w.size() == 2 && (!cp_integer(w[1], &paint) || paint > 255)))
            return errh->error("VNI %d: expected \"ID [PAINT]\"", i + 1);
        Vni v;
        v.paint = paint;
        _vnis.set(id, v);
    }
    if (_vnis.empty())
        return errh->error("no VNI configured");
    return 0;
}

void
VxlanTerminate::push(int, Packet *p)
{
    _in++;
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_UDP || IP_ISFRAG(iph)
        || IPAddress(iph->ip_dst) != _local) {
        error_out(p, _not_ours);
        return;
    }
    int tlen = p->transport_length();
    if (tlen < (int) (sizeof(click_udp) + sizeof(vxlan_hdr))) {
        error_out(p, _bad_len);
        return;
    }
    const click_udp *uh = p->udp_header();
    if (ntohs(uh->uh_dport) != _port) {
        error_out(p, _not_ours);
        return;
    }
    uint32_t ulen = ntohs(uh->uh_ulen);
    if (ulen > (uint32_t) tlen
        || ulen < sizeof(click_udp) + sizeof(vxlan_hdr) + INNER_MIN) {
        error_out(p, _bad_len);
        return;
    }

    if (uh->uh_sum != 0) {
        if (udp_verify_sum(iph, p->transport_header(), ulen) != 0) {
            error_out(p, _bad_sum);
            return;
        }
    } else
        _zero_sum++;

    const vxlan_hdr *vx = reinterpret_cast<const vxlan_hdr *>(p->transport_header()
                                                              + sizeof(click_udp));
    if (!(vx->vx_flags & VXLAN_FLAG_I)) {
        error_out(p, _bad_flags);
        return;
    }
    if (_strict && ((vx->vx_flags & ~VXLAN_FLAG_I) || vx->vx_rsvd1[0] || vx->vx_rsvd1[1]
                    || vx->vx_rsvd1[2] || vx->vx_rsvd2)) {
        error_out(p, _bad_flags);
        return;
    }
    uint32_t id = ((uint32_t) vx->vx_vni[0] << 16) | ((uint32_t) vx->vx_vni[1] << 8)
        | vx->vx_vni[2];
    Vni *v = _vnis.findp(id);
    if (!v) {
        error_out(p, _unknown_vni);
        return;
    }
    v->last_remote = IPAddress(iph->ip_src);
    v->packets++;

    // drop Ethernet padding after the datagram, then everything before the inner frame
    uint32_t trailing = (uint32_t) tlen - ulen;
    uint32_t head = p->transport_header_offset() + sizeof(click_udp) + sizeof(vxlan_hdr);
    if (trailing)
        p->take(trailing);
    p->pull(head);
    v->bytes += p->length();

    p->set_mac_header(p->data(), 14);
    p->set_anno_u32(AGGREGATE_ANNO_OFFSET, id);
    p->set_paint_anno(v->paint);
    _out++;
    output(0).push(p);
}

enum { h_stats, h_vnis };

String
VxlanTerminate::read_handler(Element *e, void *thunk)
{
    VxlanTerminate *t = static_cast<VxlanTerminate *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_vnis) {
        for (HashMap<uint32_t, Vni>::iterator it = t->_vnis.begin(); it.live(); ++it)
            sa << it.key() << ' ' << it.value().packets << ' ' << it.value().bytes << ' '
               << it.value().last_remote << '\n';
    } else {
        sa << "in " << t->_in << "\nout " << t->_out << "\nnot_ours " << t->_not_ours
           << "\nbad_length " << t->_bad_len << "\nbad_checksum " << t->_bad_sum
           << "\nno_checksum " << t->_zero_sum << "\nbad_flags " << t->_bad_flags
           << "\nunknown_vni " << t->_unknown_vni << '\n';
    }
    return sa.take_string();
}

void
VxlanTerminate::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("vnis", read_handler, h_vnis);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(VxlanTerminate)
