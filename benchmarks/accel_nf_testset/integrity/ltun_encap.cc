/*
 * ltun_encap.cc -- LtunEncap: LTUN tunnel encapsulation.  Per packet: an
 * exact-match peer lookup, a 32-byte push, the outer IPv4 header with its
 * header checksum, and the tunnel header with its HEC.
 */
#include <click/config.h>
#include "ltun_encap.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

LtunEncap::LtunEncap()
    : _have_default(false), _ttl(64), _mtu(1500), _next_id(1),
      _encapped(0), _too_big(0), _no_peer(0), _not_ip(0)
{
}

LtunEncap::~LtunEncap()
{
}

int
LtunEncap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    IPAddress dst;
    uint32_t key = 0;
    unsigned ttl = 64;
    Vector<String> peers;
    if (Args(conf, this, errh)
        .read_mp("SRC", _src)
        .read_p("DST", dst)
        .read("KEY", key)
        .read("TTL", ttl)
        .read("MTU", _mtu)
        .read_all("PEER", peers)
        .complete() < 0)
        return -1;
    if (ttl == 0 || ttl > 255)
        return errh->error("TTL out of range");
    if (_mtu < OUTER_LEN + sizeof(click_ip))
        return errh->error("MTU too small");
    _ttl = (uint8_t) ttl;
    if (dst) {
        _default.remote = dst;
        _default.key = key;
        _have_default = true;
    }
    for (int i = 0; i < peers.size(); ++i) {
        Vector<String> w;
        cp_spacevec(peers[i], w);
        IPAddress nh, remote;
        unsigned k;
        if (w.size() != 3 || !cp_ip_address(w[0], &nh, this)
            || !cp_ip_address(w[1], &remote, this) || !cp_integer(w[2], &k))
            return errh->error("PEER %d: expected \"NEXTHOP REMOTE KEY\"", i + 1);
        Peer pe;
        pe.remote = remote;
        pe.key = k;
        _peers.set(nh, pe);
    }
    return 0;
}

uint16_t
LtunEncap::header_sum(const unsigned char *h, unsigned hlen) const
{
    const uint16_t *w = reinterpret_cast<const uint16_t *>(h);
    uint32_t acc = 0;
    for (unsigned i = 0; i < hlen / 2; ++i)
        acc += w[i];
    acc = (acc & 0xFFFF) + (acc >> 16);
    acc += acc >> 16;
    return (uint16_t) ~acc;
}

void
LtunEncap::divert(Packet *p, uint64_t &counter)
{
    counter++;
    checked_output_push(1, p);
}

void
LtunEncap::push(int, Packet *p)
{
    const click_ip *inner = p->ip_header();
    if (!inner || inner->ip_v != 4) {
        _not_ip++;
        p->kill();
        return;
    }

    IPAddress nh = p->dst_ip_anno();
    if (!nh)
        nh = IPAddress(inner->ip_dst);
    Peer *peer = _peers.findp(nh);
    if (!peer) {
        if (!_have_default) {
            divert(p, _no_peer);
            return;
        }
        peer = &_default;
    }

    uint32_t inner_len = p->length() - p->ip_header_offset();
    uint32_t total = OUTER_LEN + inner_len;
    if (total > _mtu) {
        divert(p, _too_big);
        return;
    }
    uint16_t inner_off = inner->ip_off & htons(IP_DF);
    uint8_t inner_tos = inner->ip_tos;

    WritablePacket *q = p->push(OUTER_LEN);
    if (!q)
        return;
    unsigned char *base = q->data();
    click_ip *ip = reinterpret_cast<click_ip *>(base);
    ltun_hdr *lt = reinterpret_cast<ltun_hdr *>(base + sizeof(click_ip));

    ip->ip_v = 4;
    ip->ip_hl = sizeof(click_ip) >> 2;
    ip->ip_tos = inner_tos & ~IP_ECNMASK;
    ip->ip_len = htons((uint16_t) total);
    ip->ip_id = htons(_next_id++);
    ip->ip_off = inner_off;
    ip->ip_ttl = _ttl;
    ip->ip_p = LTUN_PROTO;
    ip->ip_src = _src.in_addr();
    ip->ip_dst = peer->remote.in_addr();
    ip->ip_sum = 0;
    ip->ip_sum = header_sum(base, sizeof(click_ip));

    lt->lt_vflags = (LTUN_VERSION << 4) | LTUN_F_KEY | LTUN_F_SEQ;
    lt->lt_proto = IP_PROTO_IPIP;
    lt->lt_rsvd = 0;
    lt->lt_key = htonl(peer->key);
    lt->lt_seq = htons(peer->seq);
    peer->seq++;
    uint16_t hec = ltun_hec(reinterpret_cast<const unsigned char *>(lt), 10);
    lt->lt_hec = htons(hec);

    q->set_ip_header(ip, sizeof(click_ip));
    q->set_dst_ip_anno(peer->remote);
    peer->packets++;
    _encapped++;
    output(0).push(q);
}

String
LtunEncap::read_handler(Element *e, void *)
{
    LtunEncap *t = static_cast<LtunEncap *>(e);
    StringAccum sa;
    sa << "encapsulated " << t->_encapped << "\ntoo_big " << t->_too_big
       << "\nno_peer " << t->_no_peer << "\nnot_ip " << t->_not_ip
       << "\npeers " << (unsigned long) t->_peers.size() << '\n';
    if (t->_have_default)
        sa << "default " << t->_default.remote << ' ' << t->_default.packets << '\n';
    return sa.take_string();
}

void
LtunEncap::add_handlers()
{
    add_read_handler("stats", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(LtunEncap)
