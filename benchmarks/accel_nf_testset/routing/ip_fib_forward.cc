/*
 * ip_fib_forward.cc -- IPFibForward.  Routes are expanded into the table
 * levels at configuration; the packet path walks at most four slots, one
 * per destination byte.
 */
#include <click/config.h>
#include "ip_fib_forward.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

IPFibForward::IPFibForward()
    : _nblk(1), _nhop(1), _check_sum(true), _fwd(0), _expired(0), _miss(0), _bad(0)
{
    memset(_blk, 0, sizeof(_blk));
    memset(_hop, 0, sizeof(_hop));
}

IPFibForward::~IPFibForward()
{
}

int
IPFibForward::hop_index(IPAddress gw, unsigned port)
{
    for (int i = 1; i < _nhop; ++i)
        if (_hop[i].gw == gw && _hop[i].port == port)
            return i;
    if (_nhop >= NHOPS)
        return -1;
    _hop[_nhop].gw = gw;
    _hop[_nhop].port = (uint8_t) port;
    _hop[_nhop].uses = 0;
    return _nhop++;
}

/* Write hop into every slot the prefix covers at its last level, unless a
   longer prefix already owns the slot. */
int
IPFibForward::insert(uint32_t prefix, int len, uint16_t hop)
{
    int b = 0;
    int level = 0;
    while (len > 8 * (level + 1)) {
        unsigned byte = (prefix >> (24 - 8 * level)) & 0xFF;
        Slot &s = _blk[b][byte];
        if (!s.child) {
            if (_nblk >= NBLOCKS)
                return -1;
            s.child = _nblk++;
        }
        b = s.child;
        level++;
    }
    int bits = len - 8 * level;                 // 0..8 bits used at this level
    unsigned first = (prefix >> (24 - 8 * level)) & 0xFF;
    first &= bits ? (0xFF00u >> bits) & 0xFF : 0;
    unsigned span = 1u << (8 - bits);
    for (unsigned i = first; i < first + span; ++i) {
        Slot &s = _blk[b][i];
        if (!s.hop || s.plen <= len) {
            s.hop = hop;
            s.plen = (uint8_t) len;
        }
    }
    return 0;
}

int
IPFibForward::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> routes;
    if (Args(conf, this, errh)
        .read_all("ROUTE", routes)
        .read("CHECK_SUM", _check_sum)
        .complete() < 0)
        return -1;
    for (int i = 0; i < routes.size(); ++i) {
        Vector<String> w;
        cp_spacevec(routes[i], w);
        IPAddress a, m, gw;
        unsigned port;
        if (w.size() != 3 || !cp_ip_prefix(w[0], &a, &m, false, this)
            || !cp_ip_address(w[1], &gw, this) || !cp_integer(w[2], &port) || port > 255)
            return errh->error("ROUTE %d: expected \"ADDR/LEN GW PORT\"", i + 1);
        int len = m.mask_to_prefix_len();
        int h = hop_index(gw, port);
        if (len < 0 || h < 0)
            return errh->error("ROUTE %d: bad mask or too many next hops", i + 1);
        if (insert(ntohl((a & m).addr()), len, (uint16_t) h) < 0)
            return errh->error("ROUTE %d: out of table blocks", i + 1);
    }
    return 0;
}

void
IPFibForward::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    unsigned hlen = iph ? iph->ip_hl << 2 : 0;
    if (!iph || p->network_length() < (int) sizeof(click_ip) || iph->ip_v != 4
        || hlen < sizeof(click_ip) || (int) hlen > p->network_length()
        || (_check_sum && ip_header_sum(p->network_header(), hlen) != 0)) {
        _bad++;
        output(2).push(p);
        return;
    }

    // walk the levels, keeping the last next hop seen
    const unsigned char *d = reinterpret_cast<const unsigned char *>(&iph->ip_dst);
    uint16_t hop = 0;
    int b = 0;
    for (int level = 0; level < 4; ++level) {
        const Slot &s = _blk[b][d[level]];
        if (s.hop)
            hop = s.hop;
        if (!s.child)
            break;
        b = s.child;
    }
    if (!hop) {
        _miss++;
        output(2).push(p);
        return;
    }

    if (iph->ip_ttl <= 1) {
        _expired++;
        output(1).push(p);
        return;
    }
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    click_ip *w = q->ip_header();
    w->ip_ttl--;
    w->ip_sum = 0;
    w->ip_sum = htons(ip_header_sum(q->network_header(), hlen));

    Hop &h = _hop[hop];
    h.uses++;
    q->set_dst_ip_anno(h.gw ? h.gw : IPAddress(w->ip_dst));
    q->set_paint_anno(h.port);
    _fwd++;
    output(0).push(q);
}

String
IPFibForward::stats_handler(Element *e, void *)
{
    IPFibForward *f = static_cast<IPFibForward *>(e);
    StringAccum sa;
    sa << "forwarded " << f->_fwd << "\nttl_expired " << f->_expired
       << "\nno_route " << f->_miss << "\nbad_header " << f->_bad
       << "\nblocks " << (int) f->_nblk << '/' << (int) NBLOCKS
       << "\nnext_hops " << (int) f->_nhop - 1 << '\n';
    for (int i = 1; i < f->_nhop; ++i)
        sa << "  " << f->_hop[i].gw << " port " << (int) f->_hop[i].port
           << " uses " << f->_hop[i].uses << '\n';
    return sa.take_string();
}

void
IPFibForward::add_handlers()
{
    add_read_handler("stats", stats_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(IPFibForward)
