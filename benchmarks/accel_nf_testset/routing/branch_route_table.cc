/*
 * branch_route_table.cc -- BranchRouteTable.  With a few dozen routes a
 * straight pass over the list is cheap enough and keeps run-time adds
 * trivial (append, no rebuild).
 */
#include <click/config.h>
#include "branch_route_table.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

// source ranges that never appear on a routed interface (host order)
static const struct { uint32_t net, mask; } martians[] = {
    { 0x00000000, 0xFF000000 },     // 0/8
    { 0x7F000000, 0xFF000000 },     // 127/8
    { 0xA9FE0000, 0xFFFF0000 },     // 169.254/16
    { 0xE0000000, 0xF0000000 },     // 224/4
    { 0xF0000000, 0xF0000000 },     // 240/4
};

BranchRouteTable::BranchRouteTable()
    : _drop_bogons(true), _no_route(0), _bogons(0)
{
}

BranchRouteTable::~BranchRouteTable()
{
}

int
BranchRouteTable::parse_route(const String &spec, Entry &e, ErrorHandler *errh) const
{
    Vector<String> w;
    cp_spacevec(spec, w);
    IPAddress a, m;
    unsigned port, metric = 1;
    if (w.size() < 3 || w.size() > 4 || !cp_ip_prefix(w[0], &a, &m, false, this)
        || !cp_ip_address(w[1], &e.gw, this) || !cp_integer(w[2], &port)
        || (w.size() == 4 && !cp_integer(w[3], &metric)))
        return errh->error("expected \"ADDR/MASK GW PORT [METRIC]\"");
    if (port + 1 >= (unsigned) noutputs())
        return errh->error("port %u out of range (last output is for misses)", port);
    e.net = (a & m).addr();
    e.mask = m.addr();
    e.port = (int) port;
    e.metric = metric;
    e.packets = 0;
    return 0;
}

int
BranchRouteTable::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> specs;
    if (Args(conf, this, errh)
        .read_all("ROUTE", specs)
        .read("DROP_BOGONS", _drop_bogons)
        .complete() < 0)
        return -1;
    for (int i = 0; i < specs.size(); ++i) {
        Entry e;
        if (parse_route(specs[i], e, errh) < 0)
            return -1;
        _rt.push_back(e);
    }
    return 0;
}

void
BranchRouteTable::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (_drop_bogons) {
        uint32_t src = ntohl(iph->ip_src.s_addr);
        for (unsigned i = 0; i < sizeof(martians) / sizeof(martians[0]); ++i)
            if ((src & martians[i].mask) == martians[i].net) {
                _bogons++;
                p->kill();
                return;
            }
    }

    uint32_t dst = iph->ip_dst.s_addr;
    Entry *best = 0;
    uint32_t best_mask = 0;
    for (Entry *e = _rt.begin(); e != _rt.end(); ++e) {
        if ((dst & e->mask) != e->net)
            continue;
        uint32_t m = ntohl(e->mask);
        if (!best || m > best_mask || (m == best_mask && e->metric < best->metric)) {
            best = e;
            best_mask = m;
        }
    }

    if (!best) {
        _no_route++;
        output(noutputs() - 1).push(p);
        return;
    }
    best->packets++;
    p->set_dst_ip_anno(best->gw ? best->gw : IPAddress(dst));
    output(best->port).push(p);
}

String
BranchRouteTable::table_handler(Element *e, void *)
{
    BranchRouteTable *t = static_cast<BranchRouteTable *>(e);
    StringAccum sa;
    for (int i = 0; i < t->_rt.size(); ++i) {
        const Entry &r = t->_rt[i];
        sa << IPAddress(r.net) << '/' << IPAddress(r.mask) << ' ' << r.gw << ' '
           << r.port << " metric " << r.metric << " packets " << r.packets << '\n';
    }
    sa << "no_route " << t->_no_route << "\nbogons " << t->_bogons << '\n';
    return sa.take_string();
}

int
BranchRouteTable::add_handler(const String &s, Element *e, void *, ErrorHandler *errh)
{
    BranchRouteTable *t = static_cast<BranchRouteTable *>(e);
    Entry r;
    if (t->parse_route(s, r, errh) < 0)
        return -1;
    t->_rt.push_back(r);
    return 0;
}

void
BranchRouteTable::add_handlers()
{
    add_read_handler("table", table_handler, 0);
    add_write_handler("add", add_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(BranchRouteTable)
