// -*- c-basic-offset: 4 -*-
/*
 * udp_port_redirect.{cc,hh} -- transparent UDP redirection to a proxy
 *
 * The rewriting core of a DNS-proxy-like NF: destination rewrite of
 * queries, a small direct-mapped flow table with expiry, source rewrite of
 * the proxy's replies, and incremental IP and UDP checksum updates.  See
 * udp_port_redirect.hh for the interface.
 */

#include <click/config.h>
#include "udp_port_redirect.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

UDPPortRedirect::UDPPortRedirect()
    : _capacity(1024), _timeout(30), _port(0), _proxy_ip(0), _proxy_port(0),
      _redirected(0), _restored(0), _unmatched(0), _collisions(0), _passed(0)
{
    memset(_table, 0, sizeof(_table));
}

UDPPortRedirect::~UDPPortRedirect()
{
}

int
UDPPortRedirect::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint16_t port = 0, proxy_port = 0;
    IPAddress proxy;
    uint32_t capacity = 1024;
    Timestamp timeout(30);
    if (Args(conf, this, errh)
        .read_mp("PORT", port)
        .read_mp("PROXY", proxy)
        .read_mp("PROXY_PORT", proxy_port)
        .read("CAPACITY", capacity)
        .read("TIMEOUT", timeout)
        .complete() < 0)
        return -1;
    if (port == 0 || proxy_port == 0)
        return errh->error("PORT and PROXY_PORT must be 1..65535");
    if (capacity == 0 || capacity > MAX_CAPACITY || (capacity & (capacity - 1)) != 0)
        return errh->error("CAPACITY must be a power of two up to %d", (int) MAX_CAPACITY);
    if (proxy.empty())
        return errh->error("PROXY must not be 0.0.0.0");
    _port = htons(port);
    _proxy_ip = proxy.addr();
    _proxy_port = htons(proxy_port);
    _capacity = capacity;
    _timeout = timeout;
    return 0;
}

uint32_t
UDPPortRedirect::slot_of(uint32_t ip, uint16_t port) const
{
    uint32_t h = (ip ^ ((uint32_t) port << 16 | port)) * 0x9E3779B1U;
    return (h ^ (h >> 15)) & (_capacity - 1);
}

/* The UDP header of p if p is an unfragmented-or-first-fragment UDP packet
   with a whole UDP header, else null. */
const click_udp *
UDPPortRedirect::redirectable(const Packet *p) const
{
    const click_ip *ip = p->ip_header();
    if (ip->ip_p != IP_PROTO_UDP || !IP_FIRSTFRAG(ip)
        || p->transport_header() + sizeof(click_udp) > p->end_data())
        return 0;
    return p->udp_header();
}

/* Replace a 32-bit word covered by *sum (network order values). */
static inline void
update_cksum32(uint16_t *sum, uint32_t old_w, uint32_t new_w)
{
    click_update_in_cksum(sum, (uint16_t) (old_w >> 16), (uint16_t) (new_w >> 16));
    click_update_in_cksum(sum, (uint16_t) old_w, (uint16_t) new_w);
}

/* Rewrite the source (src true) or destination endpoint of a UDP/IP packet
   and patch both checksums. */
static void
rewrite(WritablePacket *p, bool src, uint32_t addr, uint16_t port)
{
    click_ip *ip = p->ip_header();
    click_udp *udp = p->udp_header();
    struct in_addr *a = src ? &ip->ip_src : &ip->ip_dst;
    uint16_t *pt = src ? &udp->uh_sport : &udp->uh_dport;
    uint32_t old_addr;
    memcpy(&old_addr, a, 4);
    update_cksum32(&ip->ip_sum, old_addr, addr);
    if (udp->uh_sum != 0) {     // zero: the sender computed no checksum
        update_cksum32(&udp->uh_sum, old_addr, addr);
        click_update_in_cksum(&udp->uh_sum, *pt, port);
        if (udp->uh_sum == 0)
            udp->uh_sum = 0xFFFF;
    }
    memcpy(a, &addr, 4);
    *pt = port;
}

void
UDPPortRedirect::query(Packet *p)
{
    const click_udp *udp = redirectable(p);
    if (!udp || udp->uh_dport != _port) {
        _passed++;
        output(0).push(p);
        return;
    }
    const click_ip *ip = p->ip_header();
    uint32_t client_ip, server_ip;
    memcpy(&client_ip, &ip->ip_src, 4);
    memcpy(&server_ip, &ip->ip_dst, 4);
    uint16_t client_port = udp->uh_sport;

    Timestamp now = Timestamp::recent();
    Flow &f = _table[slot_of(client_ip, client_port)];
    bool same = f.client_ip == client_ip && f.client_port == client_port;
    if (f.client_ip != 0 && !same && now < f.expires) {
        _collisions++;
        p->kill();
        return;
    }
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    f.client_ip = client_ip;
    f.client_port = client_port;
    f.server_ip = server_ip;
    f.server_port = udp->uh_dport;
    f.expires = now + _timeout;
    rewrite(q, false, _proxy_ip, _proxy_port);
    _redirected++;
    output(0).push(q);
}

void
UDPPortRedirect::reply(Packet *p)
{
    const click_udp *udp = redirectable(p);
    const click_ip *ip = p->ip_header();
    uint32_t src_ip;
    memcpy(&src_ip, &ip->ip_src, 4);
    if (!udp || src_ip != _proxy_ip || udp->uh_sport != _proxy_port) {
        _passed++;
        output(1).push(p);
        return;
    }
    uint32_t client_ip;
    memcpy(&client_ip, &ip->ip_dst, 4);
    uint16_t client_port = udp->uh_dport;
    const Flow &f = _table[slot_of(client_ip, client_port)];
    if (f.client_ip != client_ip || f.client_port != client_port
        || !(Timestamp::recent() < f.expires)) {
        _unmatched++;
        p->kill();
        return;
    }
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    rewrite(q, true, f.server_ip, f.server_port);
    _restored++;
    output(1).push(q);
}

void
UDPPortRedirect::push(int port, Packet *p)
{
    if (port == 0)
        query(p);
    else
        reply(p);
}

String
UDPPortRedirect::read_handler(Element *e, void *thunk)
{
    UDPPortRedirect *r = static_cast<UDPPortRedirect *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_redirected:
        return String(r->_redirected);
    case h_restored:
        return String(r->_restored);
    case h_unmatched:
        return String(r->_unmatched);
    case h_collisions:
        return String(r->_collisions);
    case h_passed:
        return String(r->_passed);
    default: {
        Timestamp now = Timestamp::recent();
        unsigned live = 0;
        for (uint32_t i = 0; i < r->_capacity; i++)
            if (r->_table[i].client_ip != 0 && now < r->_table[i].expires)
                live++;
        return String(live);
    }
    }
}

void
UDPPortRedirect::add_handlers()
{
    add_read_handler("redirected", read_handler, h_redirected);
    add_read_handler("restored", read_handler, h_restored);
    add_read_handler("unmatched", read_handler, h_unmatched);
    add_read_handler("collisions", read_handler, h_collisions);
    add_read_handler("passed", read_handler, h_passed);
    add_read_handler("flows", read_handler, h_flows);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(UDPPortRedirect)
