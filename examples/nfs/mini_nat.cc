/*
 * mini_nat.cc -- MiniNAT: the simplified Click NAT element of the Clara
 * paper's Figure 4, completed so that it runs.
 *
 * What it models: the canonical stateful NF shape Clara analyses -- per-packet
 * header parsing through framework accessors (ip_header, tcp_header), one
 * HashMap lookup keyed by addresses and ports (int_map.findp), an in-place
 * header rewrite of the destination address and port on a hit, incremental
 * checksum updates, and a push to an output port.  The outbound path adds
 * the table insertions that fill int_map.
 */
#include <click/config.h>
#include "mini_nat.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

MiniNAT::MiniNAT()
    : _port_lo(10000), _port_hi(60000), _next_port(10000), _translated(0), _misses(0)
{
}

MiniNAT::~MiniNAT()
{
}

int
MiniNAT::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint16_t port_lo = 10000, port_hi = 60000;
    if (Args(conf, this, errh)
        .read_mp("PUBLIC_IP", _public_ip)
        .read_p("PORT_LO", port_lo)
        .read_p("PORT_HI", port_hi)
        .complete() < 0)
        return -1;
    if (port_lo == 0 || port_lo > port_hi)
        return errh->error("bad public port range %u-%u", port_lo, port_hi);
    _port_lo = port_lo;
    _port_hi = port_hi;
    _next_port = port_lo;
    return 0;
}

/* Replace a 32-bit word covered by *sum (network order values). */
static inline void
update_cksum32(uint16_t *sum, uint32_t old_w, uint32_t new_w)
{
    click_update_in_cksum(sum, (uint16_t) (old_w >> 16), (uint16_t) (new_w >> 16));
    click_update_in_cksum(sum, (uint16_t) old_w, (uint16_t) new_w);
}

uint16_t
MiniNAT::allocate_port()
{
    uint16_t port = _next_port;
    _next_port = (_next_port == _port_hi ? _port_lo : _next_port + 1);
    return port;
}

/* Figure 4: a packet from the outside is translated back to the inside. */
void
MiniNAT::inbound(Packet *pkt)
{
    WritablePacket *p = pkt->uniqueify();
    if (!p)
        return;
    click_ip *ip = p->ip_header();
    click_tcp *tcp = p->tcp_header();
    uint16_t hdr_size = (ip->ip_hl + tcp->th_off) << 2;

    if (ip->ip_p == IP_PROTO_TCP && hdr_size <= ntohs(ip->ip_len)) {
        int_key key;
        key.src_ip = ip->ip_dst.s_addr;
        key.dst_ip = ip->ip_src.s_addr;
        key.src_port = tcp->th_dport;
        key.dst_port = tcp->th_sport;
        flow *f = int_map.findp(key);
        if (f) {
            update_cksum32(&ip->ip_sum, ip->ip_dst.s_addr, f->int_ip);
            update_cksum32(&tcp->th_sum, ip->ip_dst.s_addr, f->int_ip);
            click_update_in_cksum(&tcp->th_sum, tcp->th_dport, f->int_port);
            ip->ip_dst.s_addr = f->int_ip;
            tcp->th_dport = f->int_port;
            _translated++;
            output(0).push(p);
            return;
        }
    }
    // else if flow does not exist
    _misses++;
    p->kill();
}

/* A packet from the inside: find or create its public port, rewrite the
   source, and remember the way back in int_map. */
void
MiniNAT::outbound(Packet *pkt)
{
    WritablePacket *p = pkt->uniqueify();
    if (!p)
        return;
    click_ip *ip = p->ip_header();
    click_tcp *tcp = p->tcp_header();
    if (ip->ip_p != IP_PROTO_TCP) {
        p->kill();
        return;
    }

    ext_key ek;
    ek.int_ip = ip->ip_src.s_addr;
    ek.peer_ip = ip->ip_dst.s_addr;
    ek.int_port = tcp->th_sport;
    ek.peer_port = tcp->th_dport;

    uint16_t public_port;
    uint16_t *known = ext_map.findp(ek);
    if (known)
        public_port = *known;
    else {
        // a new flow: only a SYN may open it
        if ((tcp->th_flags & (TH_SYN | TH_ACK)) != TH_SYN) {
            p->kill();
            return;
        }
        public_port = htons(allocate_port());
        ext_map.insert(ek, public_port);
        int_key ik;
        ik.src_ip = _public_ip.addr();
        ik.dst_ip = ek.peer_ip;
        ik.src_port = public_port;
        ik.dst_port = ek.peer_port;
        flow f;
        f.int_ip = ek.int_ip;
        f.int_port = ek.int_port;
        int_map.insert(ik, f);
    }

    uint32_t public_ip = _public_ip.addr();
    update_cksum32(&ip->ip_sum, ip->ip_src.s_addr, public_ip);
    update_cksum32(&tcp->th_sum, ip->ip_src.s_addr, public_ip);
    click_update_in_cksum(&tcp->th_sum, tcp->th_sport, public_port);
    ip->ip_src.s_addr = public_ip;
    tcp->th_sport = public_port;
    _translated++;
    output(1).push(p);
}

void
MiniNAT::push(int port, Packet *p)
{
    if (port == 0)
        inbound(p);
    else
        outbound(p);
}

enum { h_translated, h_misses, h_mappings };

String
MiniNAT::read_handler(Element *e, void *thunk)
{
    MiniNAT *nat = static_cast<MiniNAT *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_translated:
        sa << nat->_translated;
        break;
    case h_misses:
        sa << nat->_misses;
        break;
    case h_mappings:
        sa << (unsigned long) nat->int_map.size();
        break;
    }
    return sa.take_string();
}

void
MiniNAT::add_handlers()
{
    add_read_handler("translated", read_handler, h_translated);
    add_read_handler("misses", read_handler, h_misses);
    add_read_handler("mappings", read_handler, h_mappings);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(MiniNAT)
