/*
 * vlan_switch.cc -- VlanSwitch: per-port access/trunk/hybrid configuration
 * in member arrays (a 4096-bit membership bitmap and a 4096-bit untagged
 * bitmap per port, 512 bytes each), ingress classification with a switch
 * on the port mode, and a flood to the VLAN's other member ports in a
 * tagged and an untagged variant, built with push()/pull() and memmove.
 *
 * Training code for Clara's compute model (nf_corpus/forwarding): a
 * realistic VLAN switching stage written for the corpus, not an evaluation
 * NF.  Per frame: EtherType/TCI parsing, a mode switch, bitmap tests, a
 * loop over the ports building two egress masks, up to one tag insertion
 * or removal, and a clone loop per mask.
 */
#include <click/config.h>
#include "vlan_switch.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

VlanSwitch::VlanSwitch()
    : _drop_priority_tagged(false)
{
    memset(_member, 0, sizeof(_member));
    memset(_untagged, 0, sizeof(_untagged));
    memset(_vlan_frames, 0, sizeof(_vlan_frames));
    memset(_ingress, 0, sizeof(_ingress));
    memset(_egress, 0, sizeof(_egress));
    memset(_drops, 0, sizeof(_drops));
    memset(_pvid, 0, sizeof(_pvid));
    memset(_mode, 0, sizeof(_mode));
}

VlanSwitch::~VlanSwitch()
{
}

/* Parse "10,20-29,100" into map (and also, if given). */
int
VlanSwitch::parse_vid_list(const String &s, uint64_t *map, uint64_t *also) const
{
    int start = 0;
    while (start < s.length()) {
        int comma = s.find_left(',', start);
        if (comma < 0)
            comma = s.length();
        String item = s.substring(start, comma - start);
        int dash = item.find_left('-');
        int lo, hi;
        if (dash < 0) {
            if (!cp_integer(item, &lo))
                return -1;
            hi = lo;
        } else if (!cp_integer(item.substring(0, dash), &lo)
                   || !cp_integer(item.substring(dash + 1), &hi))
            return -1;
        if (lo < 1 || hi > NVLAN - 2 || lo > hi)
            return -1;
        for (int v = lo; v <= hi; ++v) {
            set_bit(map, (uint16_t) v);
            if (also)
                set_bit(also, (uint16_t) v);
        }
        start = comma + 1;
    }
    return 0;
}

int
VlanSwitch::parse_port(const String &s, ErrorHandler *errh)
{
    Vector<String> w;
    cp_spacevec(s, w);
    int port, pvid;
    if (w.size() < 3 || !cp_integer(w[0], &port) || port < 0 || port >= MAX_PORTS
        || port >= ninputs())
        return errh->error("PORT \"%s\": bad port number", s.c_str());
    if (!cp_integer(w[2], &pvid) || pvid < 0 || pvid > NVLAN - 2)
        return errh->error("PORT \"%s\": bad VLAN ID", s.c_str());
    _pvid[port] = (uint16_t) pvid;

    if (w[1] == "access" && w.size() == 3) {
        if (pvid == 0)
            return errh->error("PORT \"%s\": an access port needs a VLAN", s.c_str());
        _mode[port] = M_ACCESS;
        set_bit(_member[port], (uint16_t) pvid);
        set_bit(_untagged[port], (uint16_t) pvid);
    } else if (w[1] == "trunk" && w.size() == 4) {
        _mode[port] = M_TRUNK;
        if (parse_vid_list(w[3], _member[port], 0) < 0)
            return errh->error("PORT \"%s\": bad VLAN list", s.c_str());
        if (pvid) {
            set_bit(_member[port], (uint16_t) pvid);
            set_bit(_untagged[port], (uint16_t) pvid);
        }
    } else if (w[1] == "hybrid" && w.size() == 5) {
        _mode[port] = M_HYBRID;
        if (parse_vid_list(w[3], _member[port], 0) < 0
            || parse_vid_list(w[4], _member[port], _untagged[port]) < 0)
            return errh->error("PORT \"%s\": bad VLAN list", s.c_str());
        if (pvid)
            set_bit(_member[port], (uint16_t) pvid);
    } else
        return errh->error("PORT \"%s\": expected access, trunk or hybrid", s.c_str());
    return 0;
}

int
VlanSwitch::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> ports;
    if (Args(conf, this, errh)
        .read_all("PORT", ports)
        .read("DROP_PRIORITY_TAGGED", _drop_priority_tagged)
        .complete() < 0)
        return -1;
    for (int i = 0; i < ports.size(); ++i)
        if (parse_port(ports[i], errh) < 0)
            return -1;
    return 0;
}

void
VlanSwitch::drop(Packet *p, Drop why)
{
    _drops[why]++;
    p->kill();
}

/* The frame with an 802.1Q tag carrying tci (inserted or rewritten). */
Packet *
VlanSwitch::make_tagged(Packet *p, bool was_tagged, uint16_t tci)
{
    WritablePacket *q;
    if (was_tagged) {
        if (rd16(p->data() + 14) == tci)
            return p;
        q = p->uniqueify();
        if (!q)
            return 0;
    } else {
        q = p->push(TAG_LEN);
        if (!q)
            return 0;
        memmove(q->data(), q->data() + TAG_LEN, 12);
        wr16(q->data() + 12, ETHERTYPE_8021Q);
    }
    wr16(q->data() + 14, tci);
    return q;
}

/* The frame without its 802.1Q tag. */
Packet *
VlanSwitch::make_untagged(Packet *p, bool was_tagged)
{
    if (!was_tagged)
        return p;
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    memmove(q->data() + TAG_LEN, q->data(), 12);
    q->pull(TAG_LEN);
    return q;
}

void
VlanSwitch::fan_out(Packet *p, uint8_t mask)
{
    while (mask) {
        int out = __builtin_ctz(mask);
        mask &= (uint8_t) (mask - 1);
        Packet *c = mask ? p->clone() : p;
        if (!c) {
            drop(p, D_NOMEM);
            return;
        }
        _egress[out]++;
        output(out).push(c);
    }
}

void
VlanSwitch::push(int in, Packet *p)
{
    const unsigned char *d = p->data();
    if (p->length() < sizeof(click_ether)) {
        drop(p, D_RUNT);
        return;
    }
    _ingress[in]++;

    uint16_t etype = rd16(d + 12);
    bool tagged = false;
    uint16_t tci = 0;
    switch (etype) {
    case ETHERTYPE_8021Q:
        if (p->length() < sizeof(click_ether_vlan)) {
            drop(p, D_RUNT);
            return;
        }
        tagged = true;
        tci = rd16(d + 14);
        break;
    case ETHERTYPE_8021AD:
        drop(p, D_QINQ);
        return;
    default:
        break;
    }
    uint16_t vid = tci & 0x0FFF;
    bool priority_tagged = tagged && vid == 0;
    if (priority_tagged && _drop_priority_tagged) {
        drop(p, D_TAGGED_ON_ACCESS);
        return;
    }

    switch (_mode[in]) {
    case M_ACCESS:
        if (tagged && !priority_tagged) {
            drop(p, D_TAGGED_ON_ACCESS);
            return;
        }
        vid = _pvid[in];
        break;
    case M_TRUNK:
    case M_HYBRID:
        if (!tagged || priority_tagged) {
            if (_pvid[in] == 0) {
                drop(p, D_UNTAGGED_ON_TRUNK);
                return;
            }
            vid = _pvid[in];
        }
        break;
    default:
        drop(p, D_DISABLED);
        return;
    }
    if (vid == 0 || vid == NVLAN - 1) {
        drop(p, D_RESERVED_VID);
        return;
    }
    if (!is_member(in, vid)) {
        drop(p, D_NOT_MEMBER);
        return;
    }

    // egress sets: every other member port, split by tagging
    uint8_t tag_mask = 0, untag_mask = 0;
    int nout = noutputs() < MAX_PORTS ? noutputs() : MAX_PORTS;
    for (int o = 0; o < nout; ++o) {
        if (o == in || _mode[o] == M_DISABLED || !is_member(o, vid))
            continue;
        if (egress_untagged(o, vid))
            untag_mask |= (uint8_t) (1U << o);
        else
            tag_mask |= (uint8_t) (1U << o);
    }
    if (!(tag_mask | untag_mask)) {
        drop(p, D_NO_EGRESS);
        return;
    }
    _vlan_frames[vid]++;

    // keep the priority bits; the VID is the classified VLAN
    uint16_t out_tci = (uint16_t) ((tci & 0xF000) | vid);
    Packet *for_tagged = 0, *for_untagged = 0;
    if (tag_mask && untag_mask) {
        Packet *c = p->clone();
        if (!c) {
            drop(p, D_NOMEM);
            return;
        }
        for_tagged = make_tagged(p, tagged, out_tci);
        for_untagged = make_untagged(c, tagged);
    } else if (tag_mask)
        for_tagged = make_tagged(p, tagged, out_tci);
    else
        for_untagged = make_untagged(p, tagged);

    if (for_tagged)
        fan_out(for_tagged, tag_mask);
    else if (tag_mask)
        _drops[D_NOMEM]++;
    if (for_untagged)
        fan_out(for_untagged, untag_mask);
    else if (untag_mask)
        _drops[D_NOMEM]++;
}

enum { h_ports, h_drops };

String
VlanSwitch::read_handler(Element *e, void *thunk)
{
    VlanSwitch *v = static_cast<VlanSwitch *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_ports) {
        static const char * const modes[] = { "disabled", "access", "trunk", "hybrid" };
        for (int i = 0; i < v->ninputs() && i < MAX_PORTS; ++i) {
            int nvlans = 0;
            for (int w = 0; w < VLAN_WORDS; ++w)
                nvlans += __builtin_popcountll(v->_member[i][w]);
            sa << i << ' ' << modes[v->_mode[i] & 3] << " pvid " << v->_pvid[i]
               << " vlans " << nvlans << " in " << v->_ingress[i]
               << " out " << v->_egress[i] << '\n';
        }
    } else {
        static const char * const names[] = {
            "runt", "disabled", "tagged_on_access", "untagged_on_trunk",
            "not_member", "reserved_vid", "qinq", "no_egress", "nomem"
        };
        for (int r = 0; r < D_NREASONS; ++r)
            sa << names[r] << ' ' << v->_drops[r] << '\n';
    }
    return sa.take_string();
}

int
VlanSwitch::vlan_handler(int, String &s, Element *e, const Handler *, ErrorHandler *errh)
{
    VlanSwitch *v = static_cast<VlanSwitch *>(e);
    int vid;
    if (!cp_integer(s.trim_space(), &vid) || vid < 0 || vid >= NVLAN)
        return errh->error("expected a VLAN ID");
    StringAccum sa;
    sa << v->_vlan_frames[vid];
    s = sa.take_string();
    return 0;
}

void
VlanSwitch::add_handlers()
{
    add_read_handler("ports", read_handler, h_ports);
    add_read_handler("drops", read_handler, h_drops);
    set_handler("vlan", Handler::f_read | Handler::f_read_param, vlan_handler);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(VlanSwitch)
