/*
 * host_route_cache.cc -- HostRouteCache: exact-match slots with linear
 * probing from the address's home slot; removed entries leave a
 * tombstone so later probes keep going.
 */
#include <click/config.h>
#include "host_route_cache.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

HostRouteCache::HostRouteCache()
    : _live(0), _hits(0), _misses(0)
{
    memset(_slot, 0, sizeof(_slot));
}

HostRouteCache::~HostRouteCache()
{
}

int
HostRouteCache::insert(uint32_t addr, IPAddress gw, uint8_t port)
{
    unsigned i = home(addr);
    int free_at = -1;
    for (int n = 0; n < MAX_PROBE; ++n, i = (i + 1) & (SLOTS - 1)) {
        Slot &s = _slot[i];
        if (s.state == LIVE && s.addr == addr) {
            s.gw = gw;
            s.port = port;
            return 0;
        }
        if (s.state != LIVE && free_at < 0)
            free_at = (int) i;
        if (s.state == EMPTY)
            break;
    }
    if (free_at < 0)
        return -1;
    Slot &s = _slot[free_at];
    s.addr = addr;
    s.gw = gw;
    s.port = port;
    s.hits = 0;
    s.state = LIVE;
    _live++;
    return 0;
}

int
HostRouteCache::remove(uint32_t addr)
{
    unsigned i = home(addr);
    for (int n = 0; n < MAX_PROBE; ++n, i = (i + 1) & (SLOTS - 1)) {
        Slot &s = _slot[i];
        if (s.state == EMPTY)
            break;
        if (s.state == LIVE && s.addr == addr) {
            s.state = GONE;
            _live--;
            return 0;
        }
    }
    return -1;
}

int
HostRouteCache::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> hosts;
    if (Args(conf, this, errh).read_all("HOST", hosts).complete() < 0)
        return -1;
    for (int i = 0; i < hosts.size(); ++i) {
        Vector<String> w;
        cp_spacevec(hosts[i], w);
        IPAddress a, gw;
        unsigned port;
        if (w.size() != 3 || !cp_ip_address(w[0], &a, this) || !cp_ip_address(w[1], &gw, this)
            || !cp_integer(w[2], &port) || port > 255)
            return errh->error("HOST %d: expected \"ADDR GW PORT\"", i + 1);
        if (insert(a.addr(), gw, (uint8_t) port) < 0)
            return errh->error("HOST %d: too many collisions near %s", i + 1, a.unparse().c_str());
    }
    return 0;
}

void
HostRouteCache::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    uint32_t dst = iph->ip_dst.s_addr;
    unsigned i = home(dst);
    for (int n = 0; n < MAX_PROBE; ++n) {
        Slot &s = _slot[i];
        if (s.state == EMPTY)
            break;
        if (s.state == LIVE && s.addr == dst) {
            s.hits++;
            _hits++;
            p->set_dst_ip_anno(s.gw ? s.gw : IPAddress(dst));
            p->set_paint_anno(s.port);
            output(0).push(p);
            return;
        }
        i = (i + 1) & (SLOTS - 1);
    }
    _misses++;
    output(1).push(p);
}

String
HostRouteCache::stats_handler(Element *e, void *)
{
    HostRouteCache *c = static_cast<HostRouteCache *>(e);
    StringAccum sa;
    sa << "hits " << c->_hits << "\nmisses " << c->_misses << "\nhosts " << c->_live
       << '/' << (int) SLOTS << '\n';
    return sa.take_string();
}

int
HostRouteCache::write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh)
{
    HostRouteCache *c = static_cast<HostRouteCache *>(e);
    Vector<String> w;
    cp_spacevec(s, w);
    IPAddress a, gw;
    unsigned port;
    if ((intptr_t) thunk == 1) {
        if (w.size() != 1 || !cp_ip_address(w[0], &a, e))
            return errh->error("expected ADDR");
        return c->remove(a.addr()) < 0 ? errh->error("no such host") : 0;
    }
    if (w.size() != 3 || !cp_ip_address(w[0], &a, e) || !cp_ip_address(w[1], &gw, e)
        || !cp_integer(w[2], &port) || port > 255)
        return errh->error("expected \"ADDR GW PORT\"");
    return c->insert(a.addr(), gw, (uint8_t) port) < 0 ? errh->error("table crowded") : 0;
}

void
HostRouteCache::add_handlers()
{
    add_read_handler("stats", stats_handler, 0);
    add_write_handler("add", write_handler, 0);
    add_write_handler("remove", write_handler, 1);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(HostRouteCache)
