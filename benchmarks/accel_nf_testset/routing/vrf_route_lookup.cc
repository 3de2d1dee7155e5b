/*
 * vrf_route_lookup.cc -- VrfRouteLookup: VLAN -> VRF map, then a bit-by-bit
 * walk of the VRF's routing tree, remembering the last node that carried a
 * route.
 */
#include <click/config.h>
#include "vrf_route_lookup.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

VrfRouteLookup::VrfRouteLookup()
    : _nnodes(1), _nroutes(0), _forwarded(0), _no_route(0), _no_vrf(0), _runts(0)
{
    memset(_nodes, 0, sizeof(_nodes));
    memset(_root, 0, sizeof(_root));
    memset(_vrf_of_vlan, NO_VRF, sizeof(_vrf_of_vlan));
}

VrfRouteLookup::~VrfRouteLookup()
{
}

uint16_t
VrfRouteLookup::new_node()
{
    if (_nnodes >= MAX_NODES)
        return 0;
    uint16_t n = _nnodes++;
    _nodes[n].next[0] = _nodes[n].next[1] = 0;
    _nodes[n].route = 0;
    return n;
}

int
VrfRouteLookup::add_route(unsigned vrf, uint32_t prefix, int len, IPAddress gw, unsigned port)
{
    if (vrf >= MAX_VRF || len < 0 || len > 32 || _nroutes >= MAX_ROUTES)
        return -1;
    if (!_root[vrf] && !(_root[vrf] = new_node()))
        return -1;
    uint16_t cur = _root[vrf];
    for (int depth = 0; depth < len; ++depth) {
        int b = (prefix >> (31 - depth)) & 1;
        if (!_nodes[cur].next[b]) {
            uint16_t n = new_node();
            if (!n)
                return -1;
            _nodes[cur].next[b] = n;
        }
        cur = _nodes[cur].next[b];
    }
    Route *r;
    if (_nodes[cur].route)
        r = &_routes[_nodes[cur].route - 1];        // replace
    else {
        r = &_routes[_nroutes++];
        _nodes[cur].route = _nroutes;
    }
    r->gw = gw;
    r->port = (uint8_t) port;
    r->len = (uint8_t) len;
    r->vrf = (uint8_t) vrf;
    r->hits = 0;
    return 0;
}

int
VrfRouteLookup::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> vlans, routes;
    if (Args(conf, this, errh)
        .read_all("VLAN", vlans)
        .read_all("ROUTE", routes)
        .complete() < 0)
        return -1;

    for (int i = 0; i < vlans.size(); ++i) {
        Vector<String> w;
        cp_spacevec(vlans[i], w);
        unsigned vid, vrf;
        if (w.size() != 2 || !cp_integer(w[0], &vid) || !cp_integer(w[1], &vrf)
            || vid >= 4096 || vrf >= MAX_VRF)
            return errh->error("VLAN %d: expected \"VID VRF\"", i + 1);
        _vrf_of_vlan[vid] = (uint8_t) vrf;
    }

    for (int i = 0; i < routes.size(); ++i) {
        Vector<String> w;
        cp_spacevec(routes[i], w);
        unsigned vrf, port;
        IPAddress addr, mask, gw;
        if (w.size() != 4 || !cp_integer(w[0], &vrf)
            || !cp_ip_prefix(w[1], &addr, &mask, false, this)
            || !cp_ip_address(w[2], &gw, this) || !cp_integer(w[3], &port))
            return errh->error("ROUTE %d: expected \"VRF ADDR/LEN GW PORT\"", i + 1);
        int len = mask.mask_to_prefix_len();
        if (len < 0)
            return errh->error("ROUTE %d: bad netmask", i + 1);
        if (port > 255)
            return errh->error("ROUTE %d: bad port", i + 1);
        if (add_route(vrf, ntohl(addr.addr()) & ntohl(mask.addr()), len, gw, port) < 0)
            return errh->error("ROUTE %d: table full or bad VRF", i + 1);
    }
    return 0;
}

/* Index of the most specific route in vrf covering dst (host order), or -1. */
int
VrfRouteLookup::find_route(unsigned vrf, uint32_t dst) const
{
    int best = -1;
    uint16_t n = _root[vrf];
    uint32_t rest = dst;
    for (int depth = 0; n; ++depth) {
        const Node &x = _nodes[n];
        if (x.route)
            best = x.route - 1;
        if (depth == 32)
            break;
        n = x.next[rest >> 31];
        rest <<= 1;
    }
    return best;
}

void
VrfRouteLookup::push(int, Packet *p)
{
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)) {
        _runts++;
        p->kill();
        return;
    }
    uint16_t tci = ntohs(VLAN_TCI_ANNO(p));
    uint8_t vrf = _vrf_of_vlan[tci & 0x0FFF];
    if (vrf == NO_VRF) {
        _no_vrf++;
        checked_output_push(2, p);
        return;
    }

    const click_ip *iph = p->ip_header();
    uint32_t dst = ntohl(iph->ip_dst.s_addr);
    int r = find_route(vrf, dst);
    if (r < 0) {
        _no_route++;
        output(1).push(p);
        return;
    }

    Route &rt = _routes[r];
    rt.hits++;
    if (rt.gw)
        p->set_dst_ip_anno(rt.gw);
    else
        p->set_dst_ip_anno(IPAddress(iph->ip_dst));
    p->set_paint_anno(rt.port);
    _forwarded++;
    output(0).push(p);
}

enum { h_routes, h_stats };

String
VrfRouteLookup::read_handler(Element *e, void *thunk)
{
    VrfRouteLookup *v = static_cast<VrfRouteLookup *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_routes) {
        sa << "routes " << (int) v->_nroutes << " nodes " << (int) v->_nnodes << '\n';
        for (int i = 0; i < v->_nroutes; ++i)
            sa << "vrf " << (int) v->_routes[i].vrf << " /" << (int) v->_routes[i].len
               << " gw " << v->_routes[i].gw << " port " << (int) v->_routes[i].port
               << " hits " << v->_routes[i].hits << '\n';
    } else
        sa << "forwarded " << v->_forwarded << "\nno_route " << v->_no_route
           << "\nno_vrf " << v->_no_vrf << "\nrunts " << v->_runts << '\n';
    return sa.take_string();
}

void
VrfRouteLookup::add_handlers()
{
    add_read_handler("routes", read_handler, h_routes);
    add_read_handler("stats", read_handler, h_stats);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(VrfRouteLookup)
