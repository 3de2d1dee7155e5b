/*
 * dir_route_table.cc -- DirRouteTable.  Routes are installed shortest
 * first, so a longer prefix always lands on top of the shorter ones it
 * refines; a group is created by copying the word it replaces.
 */
#include <click/config.h>
#include "dir_route_table.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

DirRouteTable::DirRouteTable()
    : _top(0), _groups(0), _ngroups(0), _max_groups(1024),
      _hits(0), _misses(0), _ttl_drops(0)
{
}

DirRouteTable::~DirRouteTable()
{
}

int
DirRouteTable::alloc_group(uint32_t fill)
{
    if (_ngroups >= _max_groups)
        return -1;
    uint32_t *g = _groups + ((size_t) _ngroups << 8);
    for (int i = 0; i < 256; ++i)
        g[i] = fill;
    return (int) _ngroups++;
}

int
DirRouteTable::install(const Route &r)
{
    uint32_t a = r.prefix;
    if (r.len <= 16) {
        uint32_t n = 1u << (16 - r.len);
        uint32_t first = (a >> 16) & ~(n - 1);
        for (uint32_t i = first; i < first + n; ++i)
            _top[i] = r.hop;
        return 0;
    }

    uint32_t *w = &_top[a >> 16];
    if (!(*w & DRT_EXT)) {
        int g = alloc_group(*w);
        if (g < 0)
            return -1;
        *w = DRT_EXT | (uint32_t) g;
    }
    uint32_t *grp = _groups + ((size_t) (*w & DRT_IDX) << 8);
    if (r.len <= 24) {
        uint32_t n = 1u << (24 - r.len);
        uint32_t first = ((a >> 8) & 0xFF) & ~(n - 1);
        for (uint32_t i = first; i < first + n; ++i)
            grp[i] = r.hop;
        return 0;
    }

    w = &grp[(a >> 8) & 0xFF];
    if (!(*w & DRT_EXT)) {
        int g = alloc_group(*w);
        if (g < 0)
            return -1;
        *w = DRT_EXT | (uint32_t) g;
    }
    grp = _groups + ((size_t) (*w & DRT_IDX) << 8);
    uint32_t n = 1u << (32 - r.len);
    uint32_t first = (a & 0xFF) & ~(n - 1);
    for (uint32_t i = first; i < first + n; ++i)
        grp[i] = r.hop;
    return 0;
}

int
DirRouteTable::build(Vector<Route> &routes)
{
    // stable insertion sort by prefix length, shortest first
    for (int i = 1; i < routes.size(); ++i) {
        Route r = routes[i];
        int j = i - 1;
        while (j >= 0 && routes[j].len > r.len) {
            routes[j + 1] = routes[j];
            --j;
        }
        routes[j + 1] = r;
    }
    _top = new uint32_t[65536];
    _groups = new uint32_t[(size_t) _max_groups << 8];
    if (!_top || !_groups)
        return -1;
    memset(_top, 0, 65536 * sizeof(uint32_t));
    for (int i = 0; i < routes.size(); ++i)
        if (install(routes[i]) < 0)
            return -1;
    return 0;
}

int
DirRouteTable::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> specs;
    if (Args(conf, this, errh)
        .read_all("ROUTE", specs)
        .read("GROUPS", _max_groups)
        .complete() < 0)
        return -1;
    if (_max_groups < 1 || _max_groups > (DRT_IDX >> 8))
        return errh->error("GROUPS out of range");

    Vector<Route> routes;
    NextHop none;
    none.port = 0;
    _hops.push_back(none);
    for (int i = 0; i < specs.size(); ++i) {
        Vector<String> w;
        cp_spacevec(specs[i], w);
        IPAddress a, m;
        NextHop nh;
        unsigned port;
        if (w.size() != 3 || !cp_ip_prefix(w[0], &a, &m, false, this)
            || !cp_ip_address(w[1], &nh.gw, this) || !cp_integer(w[2], &port) || port > 255)
            return errh->error("ROUTE %d: expected \"ADDR/LEN GW PORT\"", i + 1);
        nh.port = (uint8_t) port;
        Route r;
        r.len = m.mask_to_prefix_len();
        if (r.len < 0)
            return errh->error("ROUTE %d: bad mask", i + 1);
        r.prefix = ntohl((a & m).addr());
        r.hop = _hops.size();
        _hops.push_back(nh);
        routes.push_back(r);
    }
    if (build(routes) < 0)
        return errh->error("route table does not fit in %u groups", _max_groups);
    return 0;
}

void
DirRouteTable::cleanup(CleanupStage)
{
    delete[] _top;
    delete[] _groups;
    _top = _groups = 0;
}

Packet *
DirRouteTable::simple_action(Packet *p)
{
    const click_ip *iph = p->ip_header();
    uint32_t hop = drt_lookup(_top, _groups, ntohl(iph->ip_dst.s_addr));
    if (!hop || iph->ip_ttl <= 1) {
        if (hop)
            _ttl_drops++;
        else
            _misses++;
        checked_output_push(1, p);
        return 0;
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    click_ip *ip = q->ip_header();
    uint16_t before = htons((uint16_t) (ip->ip_ttl << 8 | ip->ip_p));
    ip->ip_ttl--;
    uint16_t after = htons((uint16_t) (ip->ip_ttl << 8 | ip->ip_p));
    uint32_t s = (uint16_t) ~ip->ip_sum;
    s += (uint16_t) ~before;
    s += after;
    s = (s & 0xFFFF) + (s >> 16);
    s += s >> 16;
    ip->ip_sum = (uint16_t) ~s;

    const NextHop &nh = _hops[hop];
    q->set_dst_ip_anno(nh.gw ? nh.gw : IPAddress(ip->ip_dst));
    q->set_paint_anno(nh.port);
    _hits++;
    return q;
}

String
DirRouteTable::read_stats(Element *e, void *)
{
    DirRouteTable *t = static_cast<DirRouteTable *>(e);
    StringAccum sa;
    sa << "hits " << t->_hits << "\nmisses " << t->_misses
       << "\nttl_drops " << t->_ttl_drops << "\ngroups " << t->_ngroups
       << '/' << t->_max_groups << "\nroutes " << (t->_hops.size() - 1) << '\n';
    return sa.take_string();
}

void
DirRouteTable::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DirRouteTable)
