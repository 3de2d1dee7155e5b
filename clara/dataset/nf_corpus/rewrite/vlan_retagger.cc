// -*- c-basic-offset: 4 -*-
/*
 * vlan_retagger.cc -- VlanRetagger: 802.1Q VLAN ID and priority translation
 * with a 4096-entry table, tag insertion for untagged frames, tag removal,
 * and per-VLAN frame counters.
 *
 * Training code for Clara's compute model (nf_corpus/rewrite); written for
 * Clara, not an evaluation NF.
 */
#include <click/config.h>
#include "vlan_retagger.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <clicknet/ether.h>
CLICK_DECLS

VlanRetagger::VlanRetagger()
    : _native(0), _untag(NO_VLAN), _drop_unknown(false),
      _retagged(0), _tagged(0), _untagged(0), _dropped(0)
{
    for (int i = 0; i < NVLAN; i++)
        _xlate[i] = NO_VLAN;
    memset(_per_vlan, 0, sizeof(_per_vlan));
    for (int i = 0; i < 8; i++)
        _pcp_map[i] = i;
}

VlanRetagger::~VlanRetagger()
{
}

int
VlanRetagger::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> maps, pcps;
    unsigned native = 0, untag = NO_VLAN;
    if (Args(conf, this, errh)
        .read_all("MAP", maps)
        .read_all("PCP", pcps)
        .read("NATIVE", native)
        .read("UNTAG", untag)
        .read("DROP_UNKNOWN", _drop_unknown)
        .complete() < 0)
        return -1;
    if (native >= NVLAN - 1)
        return errh->error("NATIVE must be 0-4094");
    if (untag != NO_VLAN && untag >= NVLAN)
        return errh->error("UNTAG must be a VLAN ID");
    _native = native;
    _untag = untag;

    for (int i = 0; i < maps.size(); i++) {
        Vector<String> w;
        cp_spacevec(maps[i], w);
        unsigned from, to;
        if (w.size() != 2 || !cp_integer(w[0], &from) || !cp_integer(w[1], &to)
            || from >= NVLAN || to >= NVLAN)
            return errh->error("MAP %d: expected FROM TO (0-4095)", i);
        _xlate[from] = to;
    }
    for (int i = 0; i < pcps.size(); i++) {
        Vector<String> w;
        cp_spacevec(pcps[i], w);
        unsigned from, to;
        if (w.size() != 2 || !cp_integer(w[0], &from) || !cp_integer(w[1], &to)
            || from > 7 || to > 7)
            return errh->error("PCP %d: expected FROM TO (0-7)", i);
        _pcp_map[from] = to;
    }
    return 0;
}

/* Offset of the customer (innermost of at most two) VLAN tag's TPID, or -1
   for an untagged frame. */
int
VlanRetagger::tag_offset(const unsigned char *d, uint32_t len) const
{
    int off = 12;
    int found = -1;
    for (int depth = 0; depth < 2; depth++) {
        if ((uint32_t) off + TAG_LEN + 2 > len)
            break;
        uint16_t tpid = get16(d + off);
        if (tpid == ETHERTYPE_8021AD && depth == 0) {
            found = off;            // service tag: look behind it
            off += TAG_LEN;
            continue;
        }
        if (tpid == ETHERTYPE_8021Q)
            found = off;
        break;
    }
    return found;
}

Packet *
VlanRetagger::drop(Packet *p)
{
    _dropped++;
    checked_output_push(1, p);
    return 0;
}

Packet *
VlanRetagger::insert_tag(Packet *p_in, uint16_t tci)
{
    WritablePacket *p = p_in->push(TAG_LEN);
    if (!p)
        return 0;
    unsigned char *d = p->data();
    // move both MAC addresses down into the new room
    for (int i = 0; i < 12; i++)
        d[i] = d[i + TAG_LEN];
    set16(d + 12, ETHERTYPE_8021Q);
    set16(d + 14, tci);
    p->set_mac_header(d, ETHER_HEADER_LEN + TAG_LEN);
    _tagged++;
    return p;
}

Packet *
VlanRetagger::remove_tag(Packet *p_in, int off)
{
    WritablePacket *p = p_in->uniqueify();
    if (!p)
        return 0;
    unsigned char *d = p->data();
    // shift everything in front of the tag up by one tag
    for (int i = off - 1; i >= 0; i--)
        d[i + TAG_LEN] = d[i];
    p->pull(TAG_LEN);
    p->set_mac_header(p->data(), ETHER_HEADER_LEN);
    _untagged++;
    return p;
}

Packet *
VlanRetagger::simple_action(Packet *p)
{
    uint32_t len = p->length();
    if (len < ETHER_HEADER_LEN)
        return drop(p);
    const unsigned char *d = p->data();
    int off = tag_offset(d, len);

    if (off < 0) {
        // untagged frame: native VLAN, if any
        if (_native == 0) {
            _per_vlan[0]++;
            return p;
        }
        _per_vlan[_native]++;
        return insert_tag(p, _native);
    }

    uint16_t tci = get16(d + off + 2);
    uint16_t vid = tci & VID_MASK;
    uint8_t pcp = tci >> 13;
    uint16_t dei = tci & 0x1000;
    uint16_t new_vid = translate(vid);

    switch (new_vid) {
    case NO_VLAN:
        return drop(p);
    case 0:
    case VID_MASK:
        // reserved IDs cannot be emitted
        return drop(p);
    default:
        break;
    }
    _per_vlan[new_vid]++;
    if (new_vid == _untag)
        return remove_tag(p, off);

    uint16_t new_tci = (uint16_t) (_pcp_map[pcp] << 13) | dei | new_vid;
    if (new_tci == tci)
        return p;
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    set16(q->data() + off + 2, new_tci);
    _retagged++;
    return q;
}

String
VlanRetagger::read_handler(Element *e, void *thunk)
{
    VlanRetagger *v = static_cast<VlanRetagger *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_retagged:
        return String(v->_retagged);
    case h_tagged:
        return String(v->_tagged);
    case h_untagged:
        return String(v->_untagged);
    case h_dropped:
        return String(v->_dropped);
    default:
        return String();
    }
}

int
VlanRetagger::count_handler(int, String &s, Element *e, const Handler *, ErrorHandler *errh)
{
    VlanRetagger *v = static_cast<VlanRetagger *>(e);
    unsigned vid;
    if (!cp_integer(s, &vid) || vid >= NVLAN)
        return errh->error("expected a VLAN ID");
    s = String(v->_per_vlan[vid]);
    return 0;
}

void
VlanRetagger::add_handlers()
{
    add_read_handler("retagged", read_handler, h_retagged);
    add_read_handler("tagged", read_handler, h_tagged);
    add_read_handler("untagged", read_handler, h_untagged);
    add_read_handler("dropped", read_handler, h_dropped);
    set_handler("count", Handler::f_read | Handler::f_read_param, count_handler);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(VlanRetagger)
