// -*- c-basic-offset: 4 -*-
/*
 * synack_responder.{cc,hh} -- TCP SYN-ACK responder, replies built in place
 *
 * Models the SYN fast path of a SYN proxy / SYN-flood protector: pure SYNs
 * become SYN-ACKs (addresses and ports swapped, RFC 6528-style ISN, MSS
 * option, fresh IP and TCP checksums) without allocating a new packet.
 * See synack_responder.hh for the interface.
 */

#include <click/config.h>
#include "synack_responder.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/ipaddress.hh>
#include <click/straccum.hh>
#include <clicknet/ether.h>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

namespace {
const uint32_t ISN_STEP = 64013;        // per-SYN advance of the ISN clock
const uint8_t TCPOPT_MSS_KIND = 2;
const uint8_t TCPOPT_MSS_LEN = 4;
}

SynAckResponder::SynAckResponder()
    : _mss(1460), _window(65535), _ttl(64), _secret(0x5eed1234), _nports(0),
      _isn_counter(0), _ip_id(1), _syns(0), _replies(0), _passed(0)
{
    for (int i = 0; i < MAX_PORTS; i++)
        _ports[i] = 0;
}

SynAckResponder::~SynAckResponder()
{
}

int
SynAckResponder::configure(Vector<String> &conf, ErrorHandler *errh)
{
    int mss = 1460, window = 65535, ttl = 64;
    uint32_t secret = 0x5eed1234;
    String ports;

    if (Args(conf, this, errh)
        .read("MSS", mss)
        .read("WINDOW", window)
        .read("TTL", ttl)
        .read("SECRET", secret)
        .read("PORTS", ports)
        .complete() < 0)
        return -1;

    if (mss < 64 || mss > 65535)
        return errh->error("MSS out of range");
    if (window < 0 || window > 65535)
        return errh->error("WINDOW out of range");
    if (ttl < 1 || ttl > 255)
        return errh->error("TTL out of range");

    // PORTS: decimal numbers separated by spaces or commas.
    _nports = 0;
    const char *s = ports.data();
    int len = ports.length();
    uint32_t cur = 0;
    bool in_number = false;
    for (int i = 0; i <= len; i++) {
        char c = (i < len ? s[i] : ' ');
        if (c >= '0' && c <= '9') {
            cur = cur * 10 + (c - '0');
            if (cur > 65535)
                return errh->error("PORTS: port number too large");
            in_number = true;
        } else if (c == ' ' || c == ',' || c == '\t') {
            if (in_number) {
                if (_nports == MAX_PORTS)
                    return errh->error("PORTS: at most %d ports", (int) MAX_PORTS);
                _ports[_nports++] = cur;
            }
            cur = 0;
            in_number = false;
        } else
            return errh->error("PORTS: bad character '%c'", c);
    }

    _mss = mss;
    _window = window;
    _ttl = ttl;
    _secret = secret;
    return 0;
}

bool
SynAckResponder::port_listening(uint16_t dport) const
{
    if (_nports == 0)
        return true;
    for (int i = 0; i < _nports; i++)
        if (_ports[i] == dport)
            return true;
    return false;
}

// RFC 6528: ISN = M + F(4-tuple, secret).  F is a keyed multiply-xorshift
// mix over the three tuple words; M advances on every SYN answered.
uint32_t
SynAckResponder::next_isn(uint32_t saddr, uint32_t daddr, uint16_t sport, uint16_t dport)
{
    static const uint32_t mult[3] = { 0x9E3779B1u, 0x85EBCA77u, 0xC2B2AE3Du };
    uint32_t words[3] = { saddr, daddr, ((uint32_t) sport << 16) | dport };
    uint32_t h = _secret;
    for (int i = 0; i < 3; i++) {
        h ^= words[i];
        h *= mult[i];
        h ^= h >> 15;
        h = (h << 7) | (h >> 25);
    }
    h ^= h >> 16;
    _isn_counter += ISN_STEP;
    return h + _isn_counter;
}

WritablePacket *
SynAckResponder::make_synack(Packet *p)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;

    click_ip *ip = q->ip_header();
    click_tcp *th = q->tcp_header();
    unsigned char *tcp_bytes = reinterpret_cast<unsigned char *>(th);

    // Reply TCP header: 20 bytes plus MSS if the SYN's header has room for
    // it (every real stack's SYN does); the rest of the SYN is trimmed.
    unsigned syn_hlen = th->th_off << 2;
    unsigned tcp_len = sizeof(click_tcp);
    if (syn_hlen >= sizeof(click_tcp) + TCPOPT_MSS_LEN
        && tcp_bytes + sizeof(click_tcp) + TCPOPT_MSS_LEN <= q->end_data())
        tcp_len += TCPOPT_MSS_LEN;
    unsigned char *new_end = tcp_bytes + tcp_len;
    if (new_end < q->end_data())
        q->take(q->end_data() - new_end);

    // Ethernet: swap addresses if a MAC header precedes the IP header.
    if (q->has_mac_header()
        && q->mac_header() + sizeof(click_ether) <= q->network_header()) {
        click_ether *eth = reinterpret_cast<click_ether *>(q->mac_header());
        for (int i = 0; i < 6; i++) {
            uint8_t t = eth->ether_dhost[i];
            eth->ether_dhost[i] = eth->ether_shost[i];
            eth->ether_shost[i] = t;
        }
    }

    // IP: swap addresses.  32-bit fields go through memcpy so a
    // strict-alignment target never sees an unaligned word access.
    uint32_t saddr, daddr;
    memcpy(&saddr, &ip->ip_src, 4);
    memcpy(&daddr, &ip->ip_dst, 4);
    memcpy(&ip->ip_src, &daddr, 4);
    memcpy(&ip->ip_dst, &saddr, 4);

    // TCP: swap ports, ack = peer ISN + 1, seq = our ISN.
    uint16_t sport = th->th_sport;
    uint16_t dport = th->th_dport;
    th->th_sport = dport;
    th->th_dport = sport;

    uint32_t peer_seq;
    memcpy(&peer_seq, &th->th_seq, 4);
    uint32_t ack = htonl(ntohl(peer_seq) + 1);
    uint32_t isn = htonl(next_isn(ntohl(saddr), ntohl(daddr), ntohs(sport), ntohs(dport)));
    memcpy(&th->th_seq, &isn, 4);
    memcpy(&th->th_ack, &ack, 4);

    th->th_off = tcp_len >> 2;
    th->th_flags = TH_SYN | TH_ACK;
    th->th_win = htons(_window);
    th->th_urp = 0;
    if (tcp_len > sizeof(click_tcp)) {
        unsigned char *opt = tcp_bytes + sizeof(click_tcp);
        opt[0] = TCPOPT_MSS_KIND;
        opt[1] = TCPOPT_MSS_LEN;
        opt[2] = _mss >> 8;
        opt[3] = _mss & 0xFF;
    }

    // IP header fields of the reply
    ip->ip_tos = 0;
    ip->ip_len = htons(sizeof(click_ip) + tcp_len);
    ip->ip_id = htons(_ip_id);
    _ip_id++;
    ip->ip_off = htons(IP_DF);
    ip->ip_ttl = _ttl;

    // Checksums: IP header, then TCP over header + pseudo-header.
    ip->ip_sum = 0;
    ip->ip_sum = click_in_cksum(reinterpret_cast<unsigned char *>(ip), sizeof(click_ip));
    th->th_sum = 0;
    unsigned csum = click_in_cksum(tcp_bytes, tcp_len);
    th->th_sum = click_in_cksum_pseudohdr(csum, ip, tcp_len);

    q->set_dst_ip_anno(IPAddress(saddr));
    return q;
}

void
SynAckResponder::push(int, Packet *p)
{
    if (!p->has_network_header()) {
        _passed++;
        output(1).push(p);
        return;
    }

    const click_ip *iph = p->ip_header();
    // Plain 20-byte IPv4 headers only, no fragments, TCP only.
    if (iph->ip_v != 4 || iph->ip_hl != (sizeof(click_ip) >> 2)
        || iph->ip_p != IP_PROTO_TCP
        || (ntohs(iph->ip_off) & (IP_MF | IP_OFFMASK)) != 0
        || p->transport_header() + sizeof(click_tcp) > p->end_data()) {
        _passed++;
        output(1).push(p);
        return;
    }

    const click_tcp *th = p->tcp_header();
    uint8_t flags = th->th_flags;
    if ((flags & (TH_SYN | TH_ACK | TH_RST | TH_FIN)) != TH_SYN
        || (th->th_off << 2) < (int) sizeof(click_tcp)) {
        _passed++;
        output(1).push(p);
        return;
    }
    _syns++;

    if (!port_listening(ntohs(th->th_dport))) {
        _passed++;
        output(1).push(p);
        return;
    }

    if (WritablePacket *q = make_synack(p)) {
        _replies++;
        output(0).push(q);
    }
}

String
SynAckResponder::read_handler(Element *e, void *thunk)
{
    SynAckResponder *r = static_cast<SynAckResponder *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_syns:
        return String(r->_syns);
    case h_replies:
        return String(r->_replies);
    case h_passed:
        return String(r->_passed);
    case h_ports: {
        if (r->_nports == 0)
            return String("all");
        StringAccum sa;
        for (int i = 0; i < r->_nports; i++) {
            if (i)
                sa << ' ';
            sa << r->_ports[i];
        }
        return sa.take_string();
    }
    default:
        return String();
    }
}

int
SynAckResponder::write_handler(const String &, Element *e, void *thunk, ErrorHandler *)
{
    SynAckResponder *r = static_cast<SynAckResponder *>(e);
    if (reinterpret_cast<uintptr_t>(thunk) == h_reset)
        r->_syns = r->_replies = r->_passed = 0;
    return 0;
}

void
SynAckResponder::add_handlers()
{
    add_read_handler("syns", read_handler, h_syns);
    add_read_handler("replies", read_handler, h_replies);
    add_read_handler("passed", read_handler, h_passed);
    add_read_handler("ports", read_handler, h_ports);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SynAckResponder)
