/*
 * compact_rib.cc -- CompactRib.  Insertion finds where the new prefix
 * parts ways with the tree and adds at most two nodes: the route's own
 * and, when two prefixes diverge, a routeless fork at their common part.
 */
#include <click/config.h>
#include "compact_rib.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
CLICK_DECLS

CompactRib::CompactRib()
    : _n(1), _root(NIL), _nroutes(0), _table_id(0), _routed(0), _unrouted(0), _foreign(0)
{
    memset(_node, 0, sizeof(_node));
    memset(_count, 0, sizeof(_count));
}

CompactRib::~CompactRib()
{
}

uint16_t
CompactRib::make_node(uint32_t key, int len)
{
    if (_n >= CAPACITY)
        return NIL;
    Node &x = _node[_n];
    x.key = key & netmask(len);
    x.len = (uint8_t) len;
    x.has_route = 0;
    x.kid[0] = x.kid[1] = NIL;
    x.route = 0;
    return _n++;
}

int
CompactRib::add(uint32_t key, int len, uint16_t route)
{
    key &= netmask(len);
    uint16_t *link = &_root;
    while (true) {
        if (*link == NIL) {
            uint16_t m = make_node(key, len);
            if (m == NIL)
                return -1;
            _node[m].has_route = 1;
            _node[m].route = route;
            *link = m;
            return 0;
        }
        uint16_t cur = *link;
        Node &x = _node[cur];
        uint32_t diff = key ^ x.key;
        int common = diff ? __builtin_clz(diff) : 32;
        if (common > len)
            common = len;
        if (common > x.len)
            common = x.len;

        if (common == x.len && x.len == len) {          // same prefix: replace
            x.has_route = 1;
            x.route = route;
            return 0;
        }
        if (common == x.len) {                          // below x
            link = &x.kid[(key >> (31 - x.len)) & 1];
            continue;
        }
        if (common == len) {                            // above x
            uint16_t m = make_node(key, len);
            if (m == NIL)
                return -1;
            _node[m].has_route = 1;
            _node[m].route = route;
            _node[m].kid[(x.key >> (31 - len)) & 1] = cur;
            *link = m;
            return 0;
        }
        uint16_t fork = make_node(key, common);         // diverge after common bits
        uint16_t leaf = fork == NIL ? NIL : make_node(key, len);
        if (leaf == NIL)
            return -1;
        _node[leaf].has_route = 1;
        _node[leaf].route = route;
        _node[fork].kid[(key >> (31 - common)) & 1] = leaf;
        _node[fork].kid[(x.key >> (31 - common)) & 1] = cur;
        *link = fork;
        return 0;
    }
}

int
CompactRib::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> routes;
    unsigned table = 0;
    if (Args(conf, this, errh)
        .read_all("ROUTE", routes)
        .read("TABLE_ID", table)
        .complete() < 0)
        return -1;
    if (table > 255)
        return errh->error("TABLE_ID must fit the paint annotation");
    _table_id = (uint8_t) table;

    for (int i = 0; i < routes.size(); ++i) {
        Vector<String> w;
        cp_spacevec(routes[i], w);
        IPAddress a, m, gw;
        unsigned out;
        if (w.size() != 3 || !cp_ip_prefix(w[0], &a, &m, false, this)
            || !cp_ip_address(w[1], &gw, this) || !cp_integer(w[2], &out))
            return errh->error("ROUTE %d: expected \"ADDR/LEN GW OUTPUT\"", i + 1);
        int len = m.mask_to_prefix_len();
        if (len < 0 || out + 1 >= (unsigned) noutputs())
            return errh->error("ROUTE %d: bad mask or output", i + 1);
        if (_nroutes >= CAPACITY)
            return errh->error("too many routes");
        _gw[_nroutes] = gw;
        _out[_nroutes] = (uint16_t) out;
        if (add(ntohl(a.addr()), len, _nroutes) < 0)
            return errh->error("ROUTE %d: node pool exhausted", i + 1);
        _nroutes++;
    }
    return 0;
}

void
CompactRib::push(int, Packet *p)
{
    int last = noutputs() - 1;
    if (p->paint_anno() != _table_id) {
        _foreign++;
        output(last).push(p);
        return;
    }
    const click_ip *iph = p->ip_header();
    int r = best_route(ntohl(iph->ip_dst.s_addr));
    if (r < 0) {
        _unrouted++;
        SET_AGGREGATE_ANNO(p, 1);
        output(last).push(p);
        return;
    }
    _count[r]++;
    _routed++;
    p->set_dst_ip_anno(_gw[r] ? _gw[r] : IPAddress(iph->ip_dst));
    output(_out[r]).push(p);
}

void
CompactRib::add_handlers()
{
    add_data_handlers("routed", Handler::f_read, &_routed);
    add_data_handlers("unrouted", Handler::f_read, &_unrouted);
    add_data_handlers("other_table", Handler::f_read, &_foreign);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CompactRib)
