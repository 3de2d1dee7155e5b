/*
 * ipip_tunnel_encap.cc -- IpipTunnelEncap: builds the outer IPv4 header in
 * the packet's headroom and finishes it with its checksum.
 */
#include <click/config.h>
#include "ipip_tunnel_encap.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

IpipTunnelEncap::IpipTunnelEncap()
    : _ttl(64), _ecn_compat(false), _copy_dscp(true), _df(DF_COPY), _mtu(1500),
      _next_id(1), _encapsulated(0), _too_big(0), _oversize_sent(0), _not_ip(0),
      _ce_seen(0)
{
}

IpipTunnelEncap::~IpipTunnelEncap()
{
}

int
IpipTunnelEncap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned ttl = 64;
    String df = "copy", ecn = "normal";
    if (Args(conf, this, errh)
        .read_mp("SRC", _src)
        .read_mp("DST", _dst)
        .read("TTL", ttl)
        .read("MTU", _mtu)
        .read("DF", df)
        .read("ECN", ecn)
        .read("DSCP", _copy_dscp)
        .complete() < 0)
        return -1;
    if (ttl == 0 || ttl > 255)
        return errh->error("TTL must be 1..255");
    if (_mtu < 68 + sizeof(click_ip) || _mtu > 65535)
        return errh->error("MTU out of range");
    _ttl = (uint8_t) ttl;

    if (df == "copy")
        _df = DF_COPY;
    else if (df == "set")
        _df = DF_SET;
    else if (df == "clear")
        _df = DF_CLEAR;
    else
        return errh->error("DF must be copy, set or clear");

    if (ecn == "normal")
        _ecn_compat = false;
    else if (ecn == "compat")
        _ecn_compat = true;
    else
        return errh->error("ECN must be normal or compat");
    return 0;
}

Packet *
IpipTunnelEncap::simple_action(Packet *p)
{
    const click_ip *in = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    if (p->length() < sizeof(click_ip) || in->ip_v != 4) {
        _not_ip++;
        p->kill();
        return 0;
    }
    uint32_t inner_len = ntohs(in->ip_len);
    bool inner_df = (in->ip_off & htons(IP_DF)) != 0;
    uint8_t tos = in->ip_tos;

    if (inner_len + sizeof(click_ip) > _mtu) {
        if (inner_df) {
            _too_big++;
            SET_EXTRA_LENGTH_ANNO(p, _mtu - sizeof(click_ip));
            checked_output_push(1, p);
            return 0;
        }
        _oversize_sent++;
    }

    WritablePacket *q = p->push(sizeof(click_ip));
    if (!q)
        return 0;
    click_ip *o = reinterpret_cast<click_ip *>(q->data());
    o->ip_v = 4;
    o->ip_hl = sizeof(click_ip) >> 2;

    uint8_t ecn = tos & IP_ECNMASK;
    if (ecn == IP_ECN_CE)
        _ce_seen++;
    o->ip_tos = (_copy_dscp ? (tos & IP_DSCPMASK) : 0) | (_ecn_compat ? 0 : ecn);
    o->ip_len = htons((uint16_t) (inner_len + sizeof(click_ip)));
    o->ip_id = htons(_next_id);
    _next_id++;
    bool df = _df == DF_SET || (_df == DF_COPY && inner_df);
    o->ip_off = df ? htons(IP_DF) : 0;
    o->ip_ttl = _ttl;
    o->ip_p = IP_PROTO_IPIP;
    o->ip_sum = 0;
    o->ip_src = _src.in_addr();
    o->ip_dst = _dst.in_addr();

    const uint16_t *hw = reinterpret_cast<const uint16_t *>(o);
    uint32_t acc = (uint32_t) hw[0] + hw[1] + hw[2] + hw[3] + hw[4]
        + hw[5] + hw[6] + hw[7] + hw[8] + hw[9];
    acc = (acc & 0xFFFF) + (acc >> 16);
    acc += acc >> 16;
    o->ip_sum = (uint16_t) ~acc;

    q->set_ip_header(o, sizeof(click_ip));
    q->set_dst_ip_anno(_dst);
    _encapsulated++;
    return q;
}

String
IpipTunnelEncap::read_stats(Element *e, void *)
{
    IpipTunnelEncap *t = static_cast<IpipTunnelEncap *>(e);
    StringAccum sa;
    sa << "encapsulated " << t->_encapsulated << "\ntoo_big " << t->_too_big
       << "\noversize_sent " << t->_oversize_sent << "\nnot_ip " << t->_not_ip
       << "\nce_seen " << t->_ce_seen << '\n';
    return sa.take_string();
}

void
IpipTunnelEncap::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
    add_data_handlers("mtu", Handler::f_read | Handler::f_write, &_mtu);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(IpipTunnelEncap)
