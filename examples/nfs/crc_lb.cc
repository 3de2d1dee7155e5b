/*
 * crc_lb.cc -- CRCLoadBalancer: hash the 5-tuple with a hand-written CRC32,
 * pick a backend through an indirection table, rewrite the destination.
 *
 * What it models: the data path of a stateless L4 load balancer (ECMP /
 * Maglev-style front end).  The per-packet work is a byte-at-a-time,
 * table-driven CRC32 over 13 bytes of flow key -- a hashing accelerator
 * candidate on a SmartNIC -- one indirection-table load, per-backend
 * counter updates in element state, and an in-place destination rewrite
 * with incremental checksum fixes for the IP header and the TCP or UDP
 * pseudo-header.
 */
#include <click/config.h>
#include "crc_lb.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

static const uint32_t CRC32_POLY_REFLECTED = 0xEDB88320U;

CRCLoadBalancer::CRCLoadBalancer()
    : _nbackends(0), _nslots(256), _seed(0xFFFFFFFFU), _unbalanced(0)
{
}

CRCLoadBalancer::~CRCLoadBalancer()
{
}

int
CRCLoadBalancer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint32_t seed = 0xFFFFFFFFU, nslots = 256;
    if (Args(conf, this, errh)
        .read("SEED", seed)
        .read("SLOTS", nslots)
        .consume() < 0)
        return -1;
    if (nslots == 0 || nslots > MAX_SLOTS || (nslots & (nslots - 1)) != 0)
        return errh->error("SLOTS must be a power of two at most %d", (int) MAX_SLOTS);
    if (conf.size() == 0 || conf.size() > MAX_BACKENDS)
        return errh->error("need 1 to %d backend addresses", (int) MAX_BACKENDS);

    for (int i = 0; i < conf.size(); ++i) {
        IPAddress a;
        if (!cp_ip_address(conf[i], &a, this))
            return errh->error("backend %d: expected IP address", i + 1);
        _backends[i].addr = a.addr();
        _backends[i].packets = _backends[i].bytes = 0;
    }
    _nbackends = conf.size();
    _nslots = nslots;
    _seed = seed;
    return 0;
}

int
CRCLoadBalancer::initialize(ErrorHandler *)
{
    // CRC32 lookup table: the remainder of each byte value
    for (uint32_t b = 0; b < 256; ++b) {
        uint32_t r = b;
        for (int k = 0; k < 8; ++k)
            r = (r & 1) ? (r >> 1) ^ CRC32_POLY_REFLECTED : r >> 1;
        _crc_table[b] = r;
    }
    // indirection table: slot i -> backend i mod N
    for (uint32_t i = 0; i < _nslots; ++i)
        _slot_backend[i] = i % _nbackends;
    return 0;
}

/* CRC32 of the flow key (src, dst, sport, dport, proto) in wire order. */
uint32_t
CRCLoadBalancer::crc32_tuple(const click_ip *iph, uint16_t sport, uint16_t dport) const
{
    unsigned char key[13];
    memcpy(key, &iph->ip_src, 4);
    memcpy(key + 4, &iph->ip_dst, 4);
    memcpy(key + 8, &sport, 2);
    memcpy(key + 10, &dport, 2);
    key[12] = iph->ip_p;

    uint32_t crc = _seed;
    for (int i = 0; i < 13; ++i)
        crc = _crc_table[(crc ^ key[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

void
CRCLoadBalancer::push(int, Packet *p_in)
{
    const click_ip *iph = p_in->ip_header();
    if ((iph->ip_p != IP_PROTO_TCP && iph->ip_p != IP_PROTO_UDP) || !IP_FIRSTFRAG(iph)) {
        _unbalanced++;
        checked_output_push(1, p_in);
        return;
    }

    WritablePacket *p = p_in->uniqueify();
    if (!p)
        return;
    click_ip *ip = p->ip_header();
    uint16_t *transport_sum;
    uint16_t sport, dport;
    if (ip->ip_p == IP_PROTO_TCP) {
        click_tcp *th = p->tcp_header();
        sport = th->th_sport;
        dport = th->th_dport;
        transport_sum = &th->th_sum;
    } else {
        click_udp *uh = p->udp_header();
        sport = uh->uh_sport;
        dport = uh->uh_dport;
        transport_sum = (uh->uh_sum ? &uh->uh_sum : 0);
    }

    uint32_t h = crc32_tuple(ip, sport, dport);
    Backend &be = _backends[_slot_backend[h & (_nslots - 1)]];
    be.packets++;
    be.bytes += p->length();

    // rewrite ip_dst; the address is in the IP header checksum and in the
    // transport checksum's pseudo-header
    uint32_t old_dst = ip->ip_dst.s_addr, new_dst = be.addr;
    uint16_t old_hi = (uint16_t) (old_dst >> 16), old_lo = (uint16_t) old_dst;
    uint16_t new_hi = (uint16_t) (new_dst >> 16), new_lo = (uint16_t) new_dst;
    click_update_in_cksum(&ip->ip_sum, old_hi, new_hi);
    click_update_in_cksum(&ip->ip_sum, old_lo, new_lo);
    if (transport_sum) {
        click_update_in_cksum(transport_sum, old_hi, new_hi);
        click_update_in_cksum(transport_sum, old_lo, new_lo);
        if (ip->ip_p == IP_PROTO_UDP && *transport_sum == 0)
            *transport_sum = 0xFFFF;
    }
    ip->ip_dst.s_addr = new_dst;
    p->set_dst_ip_anno(IPAddress(new_dst));
    output(0).push(p);
}

enum { h_backends, h_unbalanced };

String
CRCLoadBalancer::read_handler(Element *e, void *thunk)
{
    CRCLoadBalancer *lb = static_cast<CRCLoadBalancer *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_backends) {
        for (int i = 0; i < lb->_nbackends; ++i) {
            const Backend &b = lb->_backends[i];
            sa << IPAddress(b.addr) << ' ' << b.packets << ' ' << b.bytes << '\n';
        }
    } else
        sa << lb->_unbalanced;
    return sa.take_string();
}

void
CRCLoadBalancer::add_handlers()
{
    add_read_handler("backends", read_handler, h_backends);
    add_read_handler("unbalanced", read_handler, h_unbalanced);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CRCLoadBalancer)
