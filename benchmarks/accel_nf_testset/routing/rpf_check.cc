/*
 * rpf_check.cc -- RpfCheck: tag parsing straight from the frame, a
 * VID-indexed VRF array, then an ordered walk over the VRF's interface
 * subnets.
 */
#include <click/config.h>
#include "rpf_check.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

RpfCheck::RpfCheck()
    : _strict(true), _passed(0), _wrong_iface(0), _unknown_src(0), _bad_vlan(0), _not_ip(0)
{
    memset(_vrf_by_vid, NO_VRF, sizeof(_vrf_by_vid));
}

RpfCheck::~RpfCheck()
{
}

int
RpfCheck::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> vlans, ifaces;
    if (Args(conf, this, errh)
        .read_all("VLAN", vlans)
        .read_all("IFACE", ifaces)
        .read("STRICT", _strict)
        .complete() < 0)
        return -1;
    for (int i = 0; i < vlans.size(); ++i) {
        Vector<String> w;
        cp_spacevec(vlans[i], w);
        unsigned vid, vrf;
        if (w.size() != 2 || !cp_integer(w[0], &vid) || !cp_integer(w[1], &vrf)
            || vid > 4095 || vrf >= NO_VRF)
            return errh->error("VLAN %d: expected \"VID VRF\"", i + 1);
        _vrf_by_vid[vid] = (uint8_t) vrf;
    }
    for (int i = 0; i < ifaces.size(); ++i) {
        Vector<String> w;
        cp_spacevec(ifaces[i], w);
        unsigned vrf, port;
        Iface f;
        if (w.size() != 3 || !cp_integer(w[0], &vrf) || vrf >= NO_VRF
            || !cp_ip_prefix(w[1], &f.net, &f.mask, false, this)
            || !cp_integer(w[2], &port) || port > 255)
            return errh->error("IFACE %d: expected \"VRF ADDR/MASK PORT\"", i + 1);
        f.vrf = (uint8_t) vrf;
        f.port = (uint8_t) port;
        f.net &= f.mask;
        f.passed = 0;
        _ifaces.push_back(f);
    }
    return 0;
}

void
RpfCheck::push(int, Packet *p)
{
    const unsigned char *d = p->data();
    unsigned len = p->length();
    if (len < sizeof(click_ether)) {
        fail(p, _not_ip);
        return;
    }
    uint16_t type = (uint16_t) (d[12] << 8 | d[13]);
    uint16_t tci = 0;
    unsigned off = sizeof(click_ether);
    if (type == ETHERTYPE_8021Q) {
        if (len < sizeof(click_ether_vlan)) {
            fail(p, _not_ip);
            return;
        }
        tci = (uint16_t) (d[14] << 8 | d[15]);
        type = (uint16_t) (d[16] << 8 | d[17]);
        off = sizeof(click_ether_vlan);
    }
    if (type != ETHERTYPE_IP || len < off + sizeof(click_ip)) {
        fail(p, _not_ip);
        return;
    }
    uint8_t vrf = _vrf_by_vid[tci & 0x0FFF];
    if (vrf == NO_VRF) {
        fail(p, _bad_vlan);
        return;
    }

    const click_ip *iph = reinterpret_cast<const click_ip *>(d + off);
    IPAddress src(iph->ip_src);
    uint8_t in_port = p->paint_anno();
    Iface *match = 0;
    for (Iface *f = _ifaces.begin(); f != _ifaces.end(); ++f)
        if (f->vrf == vrf && src.matches_prefix(f->net, f->mask)) {
            match = f;
            break;
        }
    if (!match) {
        fail(p, _unknown_src);
        return;
    }
    if (_strict && match->port != in_port) {
        fail(p, _wrong_iface);
        return;
    }

    match->passed++;
    _passed++;
    p->set_ip_header(iph, iph->ip_hl << 2);
    SET_VLAN_TCI_ANNO(p, htons(tci));
    output(0).push(p);
}

String
RpfCheck::stats_handler(Element *e, void *)
{
    RpfCheck *r = static_cast<RpfCheck *>(e);
    StringAccum sa;
    sa << "passed " << r->_passed << "\nwrong_iface " << r->_wrong_iface
       << "\nunknown_src " << r->_unknown_src << "\nbad_vlan " << r->_bad_vlan
       << "\nnot_ip " << r->_not_ip << '\n';
    for (int i = 0; i < r->_ifaces.size(); ++i) {
        const Iface &f = r->_ifaces[i];
        sa << "vrf " << (int) f.vrf << ' ' << f.net.unparse_with_mask(f.mask)
           << " port " << (int) f.port << " passed " << f.passed << '\n';
    }
    return sa.take_string();
}

void
RpfCheck::add_handlers()
{
    add_read_handler("stats", stats_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(RpfCheck)
