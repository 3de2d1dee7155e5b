// session_steer.cc -- SessionSteer: SNAT session table with port steering.
#include <click/config.h>
#include "session_steer.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

SessionSteer::SessionSteer()
    : _port_owner(0), _lo(20000), _hi(59999), _cursor(0), _timeout_j(120 * CLICK_HZ),
      _seed(0x5eed1234U), _out_ok(0), _in_ok(0), _no_session(0), _no_port(0),
      _evicted(0), _bad(0)
{
    memset(_slot, 0, sizeof(_slot));
}

SessionSteer::~SessionSteer()
{
    delete[] _port_owner;
}

int
SessionSteer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned lo = 20000, hi = 59999, timeout_s = 120;
    if (Args(conf, this, errh)
        .read_mp("PUBLIC", _public)
        .read("PORT_LO", lo)
        .read("PORT_HI", hi)
        .read("TIMEOUT", timeout_s)
        .read("SEED", _seed)
        .complete() < 0)
        return -1;
    if (lo == 0 || hi > 65535 || lo > hi)
        return errh->error("bad port range %u-%u", lo, hi);
    _lo = (uint16_t) lo;
    _hi = (uint16_t) hi;
    _timeout_j = timeout_s * CLICK_HZ;
    delete[] _port_owner;
    _port_owner = new uint32_t[hi - lo + 1];
    for (unsigned i = 0; i <= hi - lo; ++i)
        _port_owner[i] = NO_SLOT;
    return 0;
}

uint32_t
SessionSteer::digest(const uint8_t *data, unsigned len) const
{
    const uint32_t m1 = 0xcc9e2d51U, m2 = 0x1b873593U;
    uint32_t h = _seed;
    unsigned nblocks = len / 4;
    for (unsigned i = 0; i < nblocks; ++i) {
        uint32_t k;
        memcpy(&k, data + 4 * i, 4);
        k *= m1;
        k = (k << 15) | (k >> 17);
        k *= m2;
        h ^= k;
        h = (h << 13) | (h >> 19);
        h = h * 5 + 0xe6546b64U;
    }
    const uint8_t *tail = data + 4 * nblocks;
    uint32_t k = 0;
    switch (len & 3) {
    case 3:
        k ^= (uint32_t) tail[2] << 16;
        /* fallthrough */
    case 2:
        k ^= (uint32_t) tail[1] << 8;
        /* fallthrough */
    case 1:
        k ^= tail[0];
        k *= m1;
        k = (k << 15) | (k >> 17);
        k *= m2;
        h ^= k;
    }
    h ^= len;
    h ^= h >> 16;
    h *= 0x85ebca6bU;
    h ^= h >> 13;
    h *= 0xc2b2ae35U;
    h ^= h >> 16;
    return h;
}

/* Patch a checksum after one 16-bit word changed. */
void
SessionSteer::fix16(uint16_t *sum, uint16_t o, uint16_t n) const
{
    uint32_t s = (uint32_t) (uint16_t) ~*sum + (uint16_t) ~o + n;
    s = (s >> 16) + (s & 0xFFFF);
    s += s >> 16;
    *sum = (uint16_t) ~s;
}

int
SessionSteer::grab_port(uint32_t slot, uint32_t now)
{
    unsigned range = (unsigned) (_hi - _lo) + 1;
    for (unsigned tries = 0; tries < range; ++tries) {
        unsigned i = _cursor;
        _cursor = (uint16_t) ((_cursor + 1) % range);
        uint32_t owner = _port_owner[i];
        if (owner != NO_SLOT && _slot[owner].used
            && now - _slot[owner].last < _timeout_j)
            continue;
        if (owner != NO_SLOT && _slot[owner].used) {
            _slot[owner].used = 0;      // idle session loses its port
            _evicted++;
        }
        _port_owner[i] = slot;
        return (int) (i + _lo);
    }
    return -1;
}

uint32_t
SessionSteer::lookup_or_create(const uint8_t *key, uint32_t now)
{
    uint32_t h = digest(key, KEYLEN);
    uint32_t free_slot = NO_SLOT;
    for (unsigned i = 0; i < MAX_PROBE; ++i) {
        uint32_t s = (h + i) & MASK;
        Slot &e = _slot[s];
        if (e.used && memcmp(e.key, key, KEYLEN) == 0)
            return s;
        if (free_slot == NO_SLOT && (!e.used || now - e.last >= _timeout_j))
            free_slot = s;
    }
    if (free_slot == NO_SLOT)
        return NO_SLOT;
    Slot &e = _slot[free_slot];
    if (e.used) {
        _port_owner[e.pub_port - _lo] = NO_SLOT;
        _evicted++;
    }
    e.used = 0;
    int port = grab_port(free_slot, now);
    if (port < 0)
        return NO_SLOT;
    memcpy(e.key, key, KEYLEN);
    e.used = 1;
    e.pub_port = (uint16_t) port;
    e.packets = 0;
    return free_slot;
}

void
SessionSteer::drop(Packet *p)
{
    checked_output_push(2, p);
}

void
SessionSteer::outbound(Packet *p)
{
    const click_ip *iph = p->ip_header();
    uint8_t key[KEYLEN];
    const uint8_t *th = p->transport_header();
    memcpy(key, &iph->ip_src, 4);
    memcpy(key + 4, &iph->ip_dst, 4);
    memcpy(key + 8, th, 4);             // both ports
    key[12] = iph->ip_p;

    uint32_t now = (uint32_t) click_jiffies();
    uint32_t s = lookup_or_create(key, now);
    if (s == NO_SLOT) {
        _no_port++;
        drop(p);
        return;
    }
    Slot &e = _slot[s];
    e.last = now;
    e.packets++;

    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    click_ip *ip = q->ip_header();
    uint16_t *l4sum = ip->ip_p == IP_PROTO_TCP ? &q->tcp_header()->th_sum
                                               : &q->udp_header()->uh_sum;
    bool has_sum = ip->ip_p == IP_PROTO_TCP || *l4sum != 0;
    uint16_t *old_src = reinterpret_cast<uint16_t *>(&ip->ip_src);
    const uint16_t *new_src = reinterpret_cast<const uint16_t *>(_public.data());
    for (int w = 0; w < 2; ++w) {
        fix16(&ip->ip_sum, old_src[w], new_src[w]);
        if (has_sum)
            fix16(l4sum, old_src[w], new_src[w]);
    }
    ip->ip_src.s_addr = _public.addr();
    uint16_t *sport = reinterpret_cast<uint16_t *>(q->transport_header());
    uint16_t np = htons(e.pub_port);
    if (has_sum)
        fix16(l4sum, *sport, np);
    *sport = np;
    _out_ok++;
    output(0).push(q);
}

void
SessionSteer::inbound(Packet *p)
{
    const click_ip *iph = p->ip_header();
    const uint16_t *ports = reinterpret_cast<const uint16_t *>(p->transport_header());
    uint16_t dport = ntohs(ports[1]);
    if (iph->ip_dst.s_addr != _public.addr() || dport < _lo || dport > _hi
        || _port_owner[dport - _lo] == NO_SLOT) {
        _no_session++;
        drop(p);
        return;
    }
    Slot &e = _slot[_port_owner[dport - _lo]];
    if (!e.used || e.key[12] != iph->ip_p || memcmp(e.key + 4, &iph->ip_src, 4) != 0) {
        _no_session++;
        drop(p);
        return;
    }
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    click_ip *ip = q->ip_header();
    uint16_t *l4sum = ip->ip_p == IP_PROTO_TCP ? &q->tcp_header()->th_sum
                                               : &q->udp_header()->uh_sum;
    bool has_sum = ip->ip_p == IP_PROTO_TCP || *l4sum != 0;
    uint16_t *cur = reinterpret_cast<uint16_t *>(&ip->ip_dst);
    uint16_t inside[3];
    memcpy(inside, e.key, 4);           // inside address
    memcpy(inside + 2, e.key + 8, 2);   // inside port
    for (int w = 0; w < 2; ++w) {
        fix16(&ip->ip_sum, cur[w], inside[w]);
        if (has_sum)
            fix16(l4sum, cur[w], inside[w]);
    }
    memcpy(&ip->ip_dst, inside, 4);
    uint16_t *dp = reinterpret_cast<uint16_t *>(q->transport_header()) + 1;
    if (has_sum)
        fix16(l4sum, *dp, inside[2]);
    *dp = inside[2];
    e.last = (uint32_t) click_jiffies();
    _in_ok++;
    output(1).push(q);
}

void
SessionSteer::push(int port, Packet *p)
{
    if (!p->has_network_header() || p->transport_length() < 8
        || (p->ip_header()->ip_p != IP_PROTO_TCP && p->ip_header()->ip_p != IP_PROTO_UDP)
        || (p->ip_header()->ip_p == IP_PROTO_TCP
            && p->transport_length() < (int) sizeof(click_tcp))) {
        _bad++;
        drop(p);
        return;
    }
    if (port == 0)
        outbound(p);
    else
        inbound(p);
}

String
SessionSteer::read_stats(Element *e, void *)
{
    SessionSteer *ss = static_cast<SessionSteer *>(e);
    StringAccum sa;
    sa << "out " << ss->_out_ok << "\nin " << ss->_in_ok << "\nno_session "
       << ss->_no_session << "\nno_port " << ss->_no_port << "\nevicted "
       << ss->_evicted << "\nbad " << ss->_bad << '\n';
    return sa.take_string();
}

void
SessionSteer::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SessionSteer)
