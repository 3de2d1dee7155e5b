// -*- mode: c++; c-basic-offset: 4 -*-
/*
 * intsink.{cc,hh} -- INT-MD sink: collect hop metadata, strip INT
 */

#include <click/config.h>
#include "intsink.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

namespace {

// 4-byte words each INT-MD instruction bit adds per hop, MSB (bit 0) first
const uint8_t int_instr_words[16] = {
    1,  // 0  node id
    1,  // 1  level-1 ingress/egress interface ids
    1,  // 2  hop latency
    1,  // 3  queue id + occupancy
    2,  // 4  ingress timestamp
    2,  // 5  egress timestamp
    2,  // 6  level-2 ingress/egress interface ids
    1,  // 7  egress interface tx utilization
    1,  // 8  buffer id + occupancy
    1, 1, 1, 1, 1, 1,   // 9-14 reserved
    1   // 15 checksum complement
};

inline uint32_t
be32(const uint8_t *p)
{
    return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) | ((uint32_t) p[2] << 8) | p[3];
}

}

INTSink::INTSink()
    : _dscp(0x20), _dscp_mask(0x20), _report(true), _max_nodes(64), _nnodes(0),
      _int_packets(0), _plain_packets(0), _malformed(0), _node_overflow(0),
      _max_path_len(0)
{
}

int
INTSink::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("DSCP", _dscp)
        .read_p("DSCP_MASK", _dscp_mask)
        .read("MAX_NODES", _max_nodes)
        .read("REPORT", _report)
        .complete() < 0)
        return -1;
    if (_dscp > 63 || _dscp_mask > 63 || (_dscp & ~_dscp_mask))
        return errh->error("bad DSCP / DSCP_MASK");
    if (_max_nodes < 1 || _max_nodes > MAX_NODES_LIMIT)
        return errh->error("MAX_NODES must be in [1, %d]", (int) MAX_NODES_LIMIT);
    return 0;
}

INTSink::NodeStats *
INTSink::node_slot(uint32_t id)
{
    for (int i = 0; i < _nnodes; i++)
        if (_nodes[i].node_id == id)
            return &_nodes[i];
    if (_nnodes >= _max_nodes)
        return 0;
    NodeStats *ns = &_nodes[_nnodes++];
    ns->node_id = id;
    ns->max_latency = 0;
    ns->packets = ns->latency_sum = 0;
    return ns;
}

void
INTSink::bad(Packet *p)
{
    _malformed++;
    checked_output_push(2, p);
}

void
INTSink::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)
        || iph->ip_p != IP_PROTO_UDP || ((iph->ip_tos >> 2) & _dscp_mask) != _dscp) {
        _plain_packets++;
        output(0).push(p);
        return;
    }

    unsigned hl = iph->ip_hl << 2;
    int avail = p->network_length() - (int) hl - (int) sizeof(click_udp);
    if (avail < SHIM_LEN + MD_HDR_LEN)
        return bad(p);
    const uint8_t *shim = p->network_header() + hl + sizeof(click_udp);
    unsigned type = shim[0] >> 4, npt = (shim[0] >> 2) & 3;
    int int_len = shim[1] << 2;
    if (type != 1 || int_len < SHIM_LEN + MD_HDR_LEN || int_len > avail)
        return bad(p);

    const uint8_t *md = shim + SHIM_LEN;
    unsigned hop_ml = md[2] & 0x1F;
    unsigned bitmap = (md[4] << 8) | md[5];
    if ((md[0] >> 4) != 2 || hop_ml == 0)
        return bad(p);

    // the per-hop length must agree with the instruction bitmap
    unsigned words = 0;
    for (unsigned b = 0, m = bitmap; m; b++, m = (m << 1) & 0xFFFF)
        if (m & 0x8000)
            words += int_instr_words[b];
    unsigned stack = int_len - SHIM_LEN - MD_HDR_LEN;
    unsigned hop_bytes = hop_ml * 4;
    if (words != hop_ml || stack % hop_bytes)
        return bad(p);
    unsigned hops = stack / hop_bytes;

    int lat_off = -1;
    if (bitmap & 0x2000)
        lat_off = ((bitmap & 0x8000) ? 4 : 0) + ((bitmap & 0x4000) ? 4 : 0);
    if (bitmap & 0x8000) {
        const uint8_t *hop = md + MD_HDR_LEN;
        for (unsigned i = 0; i < hops; i++, hop += hop_bytes) {
            NodeStats *ns = node_slot(be32(hop));
            if (!ns) {
                _node_overflow++;
                continue;
            }
            ns->packets++;
            if (lat_off >= 0) {
                uint32_t lat = be32(hop + lat_off);
                ns->latency_sum += lat;
                if (lat > ns->max_latency)
                    ns->max_latency = lat;
            }
        }
    }
    if (hops > _max_path_len)
        _max_path_len = hops;
    _int_packets++;

    if (_report)
        if (Packet *c = p->clone())
            output(1).push(c);

    // strip shim + header + stack: slide the outer headers over them
    uint16_t orig_dport = htons((shim[2] << 8) | shim[3]);
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    int mac_off = q->has_mac_header() ? q->mac_header_offset() : -1;
    int nh_off = q->network_header_offset();
    unsigned front = nh_off + hl + sizeof(click_udp);
    memmove(q->data() + int_len, q->data(), front);
    q->pull(int_len);
    if (mac_off >= 0)
        q->set_mac_header(q->data() + mac_off, nh_off - mac_off);
    q->set_ip_header(reinterpret_cast<click_ip *>(q->data() + nh_off), hl);

    click_ip *ip = q->ip_header();
    click_udp *udp = reinterpret_cast<click_udp *>(q->data() + nh_off + hl);
    uint16_t old_len = ip->ip_len, old_w0;
    memcpy(&old_w0, ip, 2);
    ip->ip_len = htons(ntohs(old_len) - int_len);
    ip->ip_tos &= ~(_dscp << 2);
    uint16_t new_w0;
    memcpy(&new_w0, ip, 2);
    click_update_in_cksum(&ip->ip_sum, old_len, ip->ip_len);
    click_update_in_cksum(&ip->ip_sum, old_w0, new_w0);
    udp->uh_ulen = htons(ntohs(udp->uh_ulen) - int_len);
    if (npt == 1)
        udp->uh_dport = orig_dport;
    udp->uh_sum = 0;
    output(0).push(q);
}

String
INTSink::read_nodes(Element *e, void *)
{
    INTSink *s = static_cast<INTSink *>(e);
    StringAccum sa;
    for (int i = 0; i < s->_nnodes; i++) {
        const NodeStats &n = s->_nodes[i];
        sa << n.node_id << '\t' << n.packets << '\t'
           << (n.packets ? n.latency_sum / n.packets : 0) << '\t' << n.max_latency << '\n';
    }
    return sa.take_string();
}

void
INTSink::add_handlers()
{
    add_read_handler("nodes", read_nodes, 0);
    add_data_handlers("int_packets", Handler::f_read, &_int_packets);
    add_data_handlers("plain_packets", Handler::f_read, &_plain_packets);
    add_data_handlers("malformed", Handler::f_read, &_malformed);
    add_data_handlers("node_overflow", Handler::f_read, &_node_overflow);
    add_data_handlers("max_path_len", Handler::f_read, &_max_path_len);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(INTSink)
