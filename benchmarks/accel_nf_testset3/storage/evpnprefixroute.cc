/*
 * evpnprefixroute.{cc,hh} -- EVPN type-5 route lookup for VXLAN encapsulation
 */

#include <click/config.h>
#include "evpnprefixroute.hh"
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

EVPNPrefixRoute::EVPNPrefixRoute()
    : _nodes(0), _nnodes(0), _nnexthops(0), _default_nh(0),
      _cache_dst(0), _cache_nh(0), _lookups(0), _cache_hits(0), _no_route(0)
{
}

EVPNPrefixRoute::~EVPNPrefixRoute()
{
    delete[] _nodes;
}

int
EVPNPrefixRoute::new_node()
{
    if (_nnodes == MAX_NODES)
	return -1;
    TrieNode &n = _nodes[_nnodes];
    for (int i = 0; i < FANOUT; i++) {
	n.child[i] = -1;
	n.nh[i] = 0;
	n.plen[i] = 0;
    }
    return _nnodes++;
}

// prefix in host byte order, 1 <= len <= 32
int
EVPNPrefixRoute::add_route(uint32_t prefix, int len, uint16_t nh)
{
    int node = 0, level = 0;
    while (len > STRIDE * (level + 1)) {
	unsigned idx = (prefix >> (32 - STRIDE * (level + 1))) & (FANOUT - 1);
	if (_nodes[node].child[idx] < 0) {
	    int c = new_node();
	    if (c < 0)
		return -1;
	    _nodes[node].child[idx] = c;
	}
	node = _nodes[node].child[idx];
	level++;
    }

    int rest = len - STRIDE * level;		// 1..STRIDE bits in this node
    unsigned span = 1U << (STRIDE - rest);
    unsigned first = (prefix >> (32 - STRIDE * (level + 1))) & (FANOUT - 1) & ~(span - 1);
    for (unsigned i = first; i < first + span; i++)
	if (_nodes[node].plen[i] <= len) {
	    _nodes[node].nh[i] = nh;
	    _nodes[node].plen[i] = len;
	}
    return 0;
}

uint16_t
EVPNPrefixRoute::lookup(uint32_t addr) const
{
    uint16_t best = _default_nh;
    int node = 0;
    for (int shift = 32 - STRIDE; node >= 0 && shift >= 0; shift -= STRIDE) {
	const TrieNode &n = _nodes[node];
	unsigned idx = (addr >> shift) & (FANOUT - 1);
	if (n.nh[idx])
	    best = n.nh[idx];
	node = n.child[idx];
    }
    return best;
}

int
EVPNPrefixRoute::configure(Vector<String> &conf, ErrorHandler *errh)
{
    delete[] _nodes;
    _nodes = new TrieNode[MAX_NODES];
    _nnodes = 0;
    _nnexthops = 0;
    _default_nh = 0;
    new_node();				// root

    for (int i = 0; i < conf.size(); i++) {
	Vector<String> words;
	cp_spacevec(conf[i], words);
	IPAddress addr, mask, vtep;
	unsigned vni;
	if (words.size() != 3
	    || !cp_ip_prefix(words[0], &addr, &mask, false, this)
	    || !cp_ip_address(words[1], &vtep, this)
	    || !cp_integer(words[2], &vni) || vni > 0xFFFFFF)
	    return errh->error("route %d: expected PREFIX VTEP VNI", i + 1);
	int len = mask.mask_to_prefix_len();
	if (len < 0)
	    return errh->error("route %d: non-contiguous mask", i + 1);

	// routes to the same VTEP and VNI share a next hop
	int j;
	for (j = 0; j < _nnexthops; j++)
	    if (_nexthops[j].vtep == vtep && _nexthops[j].vni == vni)
		break;
	if (j == _nnexthops) {
	    if (_nnexthops == MAX_NEXTHOPS)
		return errh->error("too many next hops");
	    _nexthops[j].vtep = vtep;
	    _nexthops[j].vni = vni;
	    _nexthops[j].hits = 0;
	    _nnexthops++;
	}

	if (len == 0)
	    _default_nh = j + 1;
	else if (add_route(ntohl((addr & mask).addr()), len, j + 1) < 0)
	    return errh->error("route table full");
    }
    return 0;
}

Packet *
EVPNPrefixRoute::simple_action(Packet *p)
{
    IPAddress dst = p->dst_ip_anno();
    if (!dst) {
	if (!p->has_network_header()) {
	    p->kill();
	    return 0;
	}
	dst = p->ip_header()->ip_dst;
    }

    uint32_t a = ntohl(dst.addr());
    uint16_t nh;
    _lookups++;
    if (a == _cache_dst && _cache_nh) {
	nh = _cache_nh;
	_cache_hits++;
    } else {
	nh = lookup(a);
	_cache_dst = a;
	_cache_nh = nh;
    }

    if (!nh) {
	_no_route++;
	p->kill();
	return 0;
    }
    NextHop &n = _nexthops[nh - 1];
    n.hits++;
    p->set_dst_ip_anno(n.vtep);
    SET_AGGREGATE_ANNO(p, n.vni);
    return p;
}

String
EVPNPrefixRoute::read_routes(Element *e, void *)
{
    EVPNPrefixRoute *r = static_cast<EVPNPrefixRoute *>(e);
    StringAccum sa;
    for (int i = 0; i < r->_nnexthops; i++)
	sa << r->_nexthops[i].vtep << ' ' << r->_nexthops[i].vni << ' '
	   << r->_nexthops[i].hits << '\n';
    return sa.take_string();
}

void
EVPNPrefixRoute::add_handlers()
{
    add_read_handler("nexthops", read_routes, 0);
    add_data_handlers("lookups", Handler::f_read, &_lookups);
    add_data_handlers("cache_hits", Handler::f_read, &_cache_hits);
    add_data_handlers("no_route", Handler::f_read, &_no_route);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EVPNPrefixRoute)
