/*
 * vip_nat.cc -- VipNat: destination NAT load balancing for one VIP.
 */
#include <click/config.h>
#include "vip_nat.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

/* Header checksum over ip_hl 32-bit words; ip_sum must be zero. */
static uint16_t
ip_header_sum(const click_ip *iph)
{
    const uint16_t *w = reinterpret_cast<const uint16_t *>(iph);
    int n = iph->ip_hl * 2;
    uint32_t acc = 0;
    for (int i = 0; i < n; ++i)
        acc += w[i];
    acc = (acc >> 16) + (acc & 0xFFFF);
    acc += acc >> 16;
    return (uint16_t) ~acc;
}

/* Patch a TCP/UDP checksum for a new address and a new port. */
static void
l4_fix(uint16_t *sum, uint32_t oa, uint32_t na, uint16_t op, uint16_t np)
{
    uint32_t s = (uint16_t) ~*sum;
    s += (~oa >> 16) & 0xFFFF;
    s += ~oa & 0xFFFF;
    s += (na >> 16) + (na & 0xFFFF);
    s += (uint16_t) ~op;
    s += np;
    s = (s & 0xFFFF) + (s >> 16);
    s = (s & 0xFFFF) + (s >> 16);
    *sum = (uint16_t) ~s;
}

VipNat::VipNat()
    : _nreals(0), _next_real(0), _vport(0), _timeout_j(300 * CLICK_HZ),
      _fwd(0), _rev(0), _new(0), _full(0), _other(0)
{
    memset(_conn, 0, sizeof(_conn));
    memset(_real_conns, 0, sizeof(_real_conns));
}

VipNat::~VipNat()
{
}

int
VipNat::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned port, timeout = 300;
    Vector<String> reals;
    if (Args(conf, this, errh)
        .read_mp("VIP", _vip)
        .read_mp("PORT", port)
        .read_all("REAL", reals)
        .read("TIMEOUT", timeout)
        .complete() < 0)
        return -1;
    if (port == 0 || port > 65535)
        return errh->error("bad PORT");
    if (reals.size() == 0 || reals.size() > MAX_REALS)
        return errh->error("need 1 to %d REALs", (int) MAX_REALS);
    for (int i = 0; i < reals.size(); ++i) {
        Vector<String> w;
        cp_spacevec(reals[i], w);
        IPAddress a;
        unsigned rp;
        if (w.size() != 2 || !cp_ip_address(w[0], &a, this) || !cp_integer(w[1], &rp)
            || rp == 0 || rp > 65535)
            return errh->error("REAL %d: expected \"ADDR PORT\"", i + 1);
        _real_addr[i] = a.addr();
        _real_port[i] = htons((uint16_t) rp);
    }
    _nreals = reals.size();
    _vport = htons((uint16_t) port);
    _timeout_j = timeout * CLICK_HZ;
    return 0;
}

VipNat::Conn *
VipNat::find(uint32_t client, uint16_t cport, bool create)
{
    Conn *set = _conn[bucket_of(client, cport)];
    uint32_t now = (uint32_t) click_jiffies();
    Conn *victim = 0;
    for (int w = 0; w < WAYS; ++w) {
        Conn &c = set[w];
        if (c.live && c.client == client && c.cport == cport) {
            c.seen = now;
            return &c;
        }
        if (!c.live || now - c.seen > _timeout_j)
            victim = &c;
    }
    if (!create)
        return 0;
    if (!victim) {
        _full++;
        return 0;
    }
    victim->client = client;
    victim->cport = cport;
    victim->real = (uint8_t) _next_real;
    victim->live = 1;
    victim->seen = now;
    _real_conns[_next_real]++;
    _next_real = (_next_real + 1) % _nreals;
    _new++;
    return victim;
}

void
VipNat::to_real(Packet *p)
{
    const click_ip *iph = p->ip_header();
    const uint16_t *ports = reinterpret_cast<const uint16_t *>(p->transport_header());
    if (iph->ip_dst.s_addr != _vip.addr() || ports[1] != _vport) {
        _other++;
        checked_output_push(2, p);
        return;
    }
    Conn *c = find(iph->ip_src.s_addr, ports[0], true);
    WritablePacket *q = c ? p->uniqueify() : 0;
    if (!q) {
        if (!c)
            checked_output_push(2, p);
        return;
    }
    click_ip *ip = q->ip_header();
    uint16_t *l4 = reinterpret_cast<uint16_t *>(q->transport_header());
    uint32_t old_a = ip->ip_dst.s_addr, new_a = _real_addr[c->real];
    uint16_t old_p = l4[1], new_p = _real_port[c->real];
    ip->ip_dst.s_addr = new_a;
    l4[1] = new_p;
    ip->ip_sum = 0;
    ip->ip_sum = ip_header_sum(ip);
    if (ip->ip_p == IP_PROTO_TCP)
        l4_fix(&q->tcp_header()->th_sum, old_a, new_a, old_p, new_p);
    else if (q->udp_header()->uh_sum)
        l4_fix(&q->udp_header()->uh_sum, old_a, new_a, old_p, new_p);
    _fwd++;
    output(0).push(q);
}

void
VipNat::from_real(Packet *p)
{
    const click_ip *iph = p->ip_header();
    const uint16_t *ports = reinterpret_cast<const uint16_t *>(p->transport_header());
    Conn *c = find(iph->ip_dst.s_addr, ports[1], false);
    if (!c || _real_addr[c->real] != iph->ip_src.s_addr || _real_port[c->real] != ports[0]) {
        _other++;
        checked_output_push(2, p);
        return;
    }
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    click_ip *ip = q->ip_header();
    uint16_t *l4 = reinterpret_cast<uint16_t *>(q->transport_header());
    uint32_t old_a = ip->ip_src.s_addr;
    uint16_t old_p = l4[0];
    ip->ip_src.s_addr = _vip.addr();
    l4[0] = _vport;
    ip->ip_sum = 0;
    ip->ip_sum = ip_header_sum(ip);
    if (ip->ip_p == IP_PROTO_TCP)
        l4_fix(&q->tcp_header()->th_sum, old_a, _vip.addr(), old_p, _vport);
    else if (q->udp_header()->uh_sum)
        l4_fix(&q->udp_header()->uh_sum, old_a, _vip.addr(), old_p, _vport);
    _rev++;
    output(1).push(q);
}

void
VipNat::push(int port, Packet *p)
{
    if (!p->has_network_header()
        || (p->ip_header()->ip_p != IP_PROTO_TCP && p->ip_header()->ip_p != IP_PROTO_UDP)
        || !IP_FIRSTFRAG(p->ip_header())
        || p->transport_length() < (p->ip_header()->ip_p == IP_PROTO_TCP
                                    ? (int) sizeof(click_tcp) : (int) sizeof(click_udp))) {
        _other++;
        checked_output_push(2, p);
        return;
    }
    if (port == 0)
        to_real(p);
    else
        from_real(p);
}

String
VipNat::read_stats(Element *e, void *)
{
    VipNat *v = static_cast<VipNat *>(e);
    StringAccum sa;
    sa << "forward " << v->_fwd << "\nreverse " << v->_rev << "\nnew " << v->_new
       << "\nfull " << v->_full << "\nother " << v->_other << '\n';
    for (int i = 0; i < v->_nreals; ++i)
        sa << IPAddress(v->_real_addr[i]) << ':' << ntohs(v->_real_port[i])
           << " conns " << v->_real_conns[i] << '\n';
    return sa.take_string();
}

void
VipNat::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(VipNat)
