/*
 * lpm_router.cc -- LPMRouter: IPv4 forwarding by longest-prefix match over
 * a binary trie, with TTL decrement and incremental checksum update.
 *
 * What it models: the classic router data path (Click's LookupIPRoute +
 * DecIPTTL in one element).  The per-packet work is a walk down a binary
 * trie of up to 32 levels -- one node load and one bit test per level,
 * remembering the last node that carried a route -- followed by the RFC 1624
 * checksum fix for the TTL byte and a push to the chosen output.  The trie
 * lives in a node pool allocated once, as a SmartNIC port would keep it in
 * a fixed memory region; it is an accelerator candidate (LPM engines).
 */
#include <click/config.h>
#include "lpm_router.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <stdlib.h>
CLICK_DECLS

LPMRouter::LPMRouter()
    : _nodes(0), _nnodes(0), _max_nodes(65536), _max_route_port(-1),
      _lookups(0), _misses(0), _ttl_expired(0)
{
}

LPMRouter::~LPMRouter()
{
    free(_nodes);
}

int
LPMRouter::add_route(const Route &r, ErrorHandler *errh)
{
    int plen = r.mask.mask_to_prefix_len();
    if (plen < 0)
        return errh->error("%s: not a CIDR netmask", r.mask.unparse().c_str());
    uint32_t addr = ntohl(r.addr.addr());

    int n = 0;
    for (int depth = 0; depth < plen; ++depth) {
        int bit = (addr >> (31 - depth)) & 1;
        if (_nodes[n].child[bit] == 0) {
            if (_nnodes == _max_nodes)
                return errh->error("routing table needs more than %d trie nodes", _max_nodes);
            Node &fresh = _nodes[_nnodes];
            fresh.child[0] = fresh.child[1] = 0;
            fresh.route = -1;
            _nodes[n].child[bit] = _nnodes++;
        }
        n = _nodes[n].child[bit];
    }
    // a later route for the same prefix replaces the earlier one
    _routes.push_back(r);
    _nodes[n].route = _routes.size() - 1;
    return 0;
}

int
LPMRouter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    int max_nodes = 65536;
    if (Args(conf, this, errh)
        .read("MAX_NODES", max_nodes)
        .consume() < 0)
        return -1;
    if (max_nodes < 33)
        return errh->error("MAX_NODES must be at least 33");

    free(_nodes);
    _max_nodes = max_nodes;
    _nodes = static_cast<Node *>(malloc(sizeof(Node) * _max_nodes));
    if (!_nodes)
        return errh->error("out of memory");
    _nodes[0].child[0] = _nodes[0].child[1] = 0;
    _nodes[0].route = -1;
    _nnodes = 1;
    _routes.clear();
    _max_route_port = -1;

    int before = errh->nerrors();
    for (int i = 0; i < conf.size(); ++i) {
        Vector<String> words;
        cp_spacevec(conf[i], words);
        Route r;
        int port;
        if (words.size() < 2 || words.size() > 3
            || !cp_ip_prefix(words[0], &r.addr, &r.mask, true)
            || (words.size() == 3 && !cp_ip_address(words[1], &r.gw, this))
            || !cp_integer(words.back(), &port) || port < 0) {
            errh->error("route %d: expected ADDR/MASK [GATEWAY] OUTPUT", i + 1);
            continue;
        }
        r.addr &= r.mask;
        r.port = port;
        if (port > _max_route_port)
            _max_route_port = port;
        add_route(r, errh);
    }
    if (_max_route_port >= noutputs())
        errh->error("route output %d, but only %d outputs", _max_route_port, noutputs());
    return errh->nerrors() == before ? 0 : -1;
}

/* The index of the longest matching route, or -1. */
int
LPMRouter::lookup(uint32_t dst) const
{
    int best = _nodes[0].route;
    int n = 0;
    for (int depth = 0; depth < 32; ++depth) {
        n = _nodes[n].child[(dst >> (31 - depth)) & 1];
        if (n == 0)
            break;
        if (_nodes[n].route >= 0)
            best = _nodes[n].route;
    }
    return best;
}

void
LPMRouter::drop_or_error(Packet *p)
{
    // the error output is the last one, if it is not a route output
    if (noutputs() > _max_route_port + 1)
        output(noutputs() - 1).push(p);
    else
        p->kill();
}

void
LPMRouter::push(int, Packet *p_in)
{
    const click_ip *iph = p_in->ip_header();
    IPAddress dst = p_in->dst_ip_anno();
    if (!dst)
        dst = IPAddress(iph->ip_dst);

    _lookups++;
    int ri = lookup(ntohl(dst.addr()));
    if (ri < 0) {
        _misses++;
        drop_or_error(p_in);
        return;
    }
    if (iph->ip_ttl <= 1) {
        _ttl_expired++;
        drop_or_error(p_in);
        return;
    }

    WritablePacket *p = p_in->uniqueify();
    if (!p)
        return;
    click_ip *ip = p->ip_header();
    // The TTL is the high byte of the 16-bit header word (ip_ttl, ip_p).
    // Fix the checksum for that word's change, RFC 1624 eqn. 3:
    // HC' = ~(~HC + ~m + m'), in one's-complement arithmetic.
    uint16_t old_word = (uint16_t) (ip->ip_ttl << 8 | ip->ip_p);
    ip->ip_ttl--;
    uint16_t new_word = (uint16_t) (ip->ip_ttl << 8 | ip->ip_p);
    uint32_t sum = (uint16_t) ~ntohs(ip->ip_sum);
    sum += (uint16_t) ~old_word;
    sum += new_word;
    sum = (sum & 0xFFFF) + (sum >> 16);
    sum = (sum & 0xFFFF) + (sum >> 16);
    ip->ip_sum = htons((uint16_t) ~sum);

    const Route &r = _routes[ri];
    if (r.gw)
        p->set_dst_ip_anno(r.gw);
    else
        p->set_dst_ip_anno(dst);
    output(r.port).push(p);
}

enum { h_lookups, h_misses, h_ttl_expired, h_nodes, h_table };

String
LPMRouter::read_handler(Element *e, void *thunk)
{
    LPMRouter *r = static_cast<LPMRouter *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_lookups:
        sa << r->_lookups;
        break;
    case h_misses:
        sa << r->_misses;
        break;
    case h_ttl_expired:
        sa << r->_ttl_expired;
        break;
    case h_nodes:
        sa << r->_nnodes;
        break;
    case h_table:
        for (int i = 0; i < r->_routes.size(); ++i) {
            const Route &rt = r->_routes[i];
            sa << rt.addr.unparse_with_mask(rt.mask) << '\t';
            if (rt.gw)
                sa << rt.gw << '\t';
            else
                sa << "-\t";
            sa << rt.port << '\n';
        }
        break;
    }
    return sa.take_string();
}

void
LPMRouter::add_handlers()
{
    add_read_handler("lookups", read_handler, h_lookups);
    add_read_handler("misses", read_handler, h_misses);
    add_read_handler("ttl_expired", read_handler, h_ttl_expired);
    add_read_handler("nodes", read_handler, h_nodes);
    add_read_handler("table", read_handler, h_table);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(LPMRouter)
