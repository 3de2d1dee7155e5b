/*
 * bng_route_table.cc -- BngRouteTable.  Routes are expanded into the two
 * stages in configure(), shortest first, so a longer route overwrites the
 * slots of the shorter ones it refines.
 */
#include <click/config.h>
#include "bng_route_table.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

BngRouteTable::BngRouteTable()
    : _nblocks(0), _no_route(0), _bad(0), _forwarded(0)
{
    memset(_t1, 0, sizeof(_t1));
}

BngRouteTable::~BngRouteTable()
{
}

int
BngRouteTable::hop_index(IPAddress gw, int port)
{
    for (int i = 0; i < _hops.size(); ++i)
        if (_hops[i].gw == gw && _hops[i].port == port)
            return i;
    if (_hops.size() >= MAX_HOPS)
        return -1;
    Hop h;
    h.gw = gw;
    h.port = (uint16_t) port;
    h.routes = 0;
    h.pkts = 0;
    _hops.push_back(h);
    return _hops.size() - 1;
}

int
BngRouteTable::install(uint32_t dst, int len, uint16_t val, ErrorHandler *errh)
{
    if (len <= 16) {
        uint32_t first = dst >> 16;
        uint32_t count = 1U << (16 - len);
        for (uint32_t i = first; i < first + count; ++i) {
            if (_t1[i] & BNG_T1_BLOCK) {
                // a block exists already (cannot happen when sorted, but
                // keep the table consistent anyway)
                uint16_t *blk = _t2[_t1[i] & 0x7FFF];
                for (int j = 0; j < 256; ++j)
                    blk[j] = val;
            } else
                _t1[i] = val;
        }
        return 0;
    }
    uint32_t top = dst >> 16;
    if (!(_t1[top] & BNG_T1_BLOCK)) {
        if (_nblocks >= MAX_BLOCKS)
            return errh->error("too many /17-/24 regions (max %d)", (int) MAX_BLOCKS);
        uint16_t inherit = _t1[top];
        for (int j = 0; j < 256; ++j)
            _t2[_nblocks][j] = inherit;
        _t1[top] = (uint16_t) (BNG_T1_BLOCK | _nblocks);
        _nblocks++;
    }
    uint16_t *blk = _t2[_t1[top] & 0x7FFF];
    uint32_t first = (dst >> 8) & 0xFF;
    uint32_t count = 1U << (24 - len);
    for (uint32_t j = first; j < first + count; ++j)
        blk[j] = val;
    return 0;
}

int
BngRouteTable::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> specs;
    if (Args(conf, this, errh)
        .read_all("ROUTE", specs)
        .complete() < 0)
        return -1;

    Vector<uint32_t> dsts;
    Vector<int> lens, vals;
    for (int i = 0; i < specs.size(); ++i) {
        Vector<String> w;
        cp_spacevec(specs[i], w);
        IPAddress a, m, gw;
        unsigned port;
        if (w.size() != 3 || !cp_ip_prefix(w[0], &a, &m, true, this)
            || !cp_ip_address(w[1], &gw, this) || !cp_integer(w[2], &port))
            return errh->error("ROUTE %d: expected \"ADDR/LEN GW PORT\"", i + 1);
        int len = m.mask_to_prefix_len();
        if (len < 0 || len > 24)
            return errh->error("ROUTE %d: prefix length must be 0-24", i + 1);
        if ((int) port >= noutputs() - 1)
            return errh->error("ROUTE %d: bad port", i + 1);
        int h = hop_index(gw, port);
        if (h < 0)
            return errh->error("too many next hops");
        _hops[h].routes++;
        dsts.push_back(ntohl((a & m).addr()));
        lens.push_back(len);
        vals.push_back(h + 1);
    }

    for (int len = 0; len <= 24; ++len)
        for (int i = 0; i < dsts.size(); ++i)
            if (lens[i] == len && install(dsts[i], len, (uint16_t) vals[i], errh) < 0)
                return -1;
    return 0;
}

void
BngRouteTable::push(int, Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    if (p->end_data() < reinterpret_cast<const unsigned char *>(iph) + sizeof(click_ip)
        || iph->ip_v != 4 || iph->ip_hl < 5) {
        _bad++;
        p->kill();
        return;
    }

    uint32_t dst = ntohl(iph->ip_dst.s_addr);
    uint16_t v = bng_fib_get(_t1, _t2, dst);
    if (v == 0) {
        _no_route++;
        output(noutputs() - 1).push(p);
        return;
    }

    Hop &h = _hops[v - 1];
    h.pkts++;
    _forwarded++;
    if (h.gw)
        p->set_dst_ip_anno(h.gw);
    else
        p->set_dst_ip_anno(IPAddress(iph->ip_dst));
    output(h.port).push(p);
}

String
BngRouteTable::read_stats(Element *e, void *)
{
    BngRouteTable *t = static_cast<BngRouteTable *>(e);
    StringAccum sa;
    for (int i = 0; i < t->_hops.size(); ++i)
        sa << "hop " << i << ' ' << t->_hops[i].gw << " port " << (int) t->_hops[i].port
           << " routes " << t->_hops[i].routes << " pkts " << t->_hops[i].pkts << '\n';
    sa << "blocks " << t->_nblocks << "\nforwarded " << t->_forwarded
       << "\nno_route " << t->_no_route << "\nbad " << t->_bad << '\n';
    return sa.take_string();
}

void
BngRouteTable::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(BngRouteTable)
