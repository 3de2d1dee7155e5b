/*
 * host_route_table.cc -- HostRouteTable: exact-match /32 routes in a
 * HashMap<IPAddress, uint16_t> pointing into a member array of next-hop
 * records, a default route, TTL decrement with click_update_in_cksum, an
 * MTU/DF check, a martian-source filter and per-next-hop counters.
 *
 * Training code for Clara's compute model (nf_corpus/forwarding): a
 * realistic host-route forwarder written for the corpus, not an evaluation
 * NF (there is no prefix matching here).  Per packet: header checks, a
 * switch on the source's first octet, one HashMap lookup, an array-indexed
 * next-hop update, a uniqueify and an incremental checksum update.
 */
#include <click/config.h>
#include "host_route_table.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
#include <clicknet/ip.h>
CLICK_DECLS

HostRouteTable::HostRouteTable()
    : _hosts(NO_HOP), _nhops(0), _default_hop(NO_HOP), _default_mtu(1500),
      _drop_martians(true)
{
    for (int i = 0; i < MAX_HOPS; ++i)
        _hops[i] = NextHop();
    memset(_reason_count, 0, sizeof(_reason_count));
}

HostRouteTable::~HostRouteTable()
{
}

int
HostRouteTable::find_or_add_hop(IPAddress gw, int port, int mtu)
{
    for (int i = 0; i < _nhops; ++i)
        if (_hops[i].gw == gw && _hops[i].port == port) {
            if (mtu < _hops[i].mtu)
                _hops[i].mtu = (uint16_t) mtu;
            return i;
        }
    if (_nhops >= MAX_HOPS)
        return -1;
    NextHop &h = _hops[_nhops];
    h.gw = gw;
    h.port = (uint16_t) port;
    h.mtu = (uint16_t) mtu;
    h.routes = 0;
    h.packets = h.bytes = h.oversize = 0;
    return _nhops++;
}

int
HostRouteTable::parse_route(const String &text, bool *is_default, IPAddress *addr,
                            IPAddress *gw, int *port, int *mtu) const
{
    Vector<String> words;
    cp_spacevec(text, words);
    if (words.size() < 3 || words.size() > 4)
        return -1;
    *is_default = (words[0] == "default");
    if (!*is_default && !cp_ip_address(words[0], addr, this))
        return -1;
    if (!cp_ip_address(words[1], gw, this) || !cp_integer(words[2], port) || *port < 0)
        return -1;
    *mtu = _default_mtu;
    if (words.size() == 4 && (!cp_integer(words[3], mtu) || *mtu < 68 || *mtu > 65535))
        return -1;
    return 0;
}

int
HostRouteTable::add_route(const String &text, ErrorHandler *errh)
{
    bool is_default;
    IPAddress addr, gw;
    int port, mtu;
    if (parse_route(text, &is_default, &addr, &gw, &port, &mtu) < 0)
        return errh->error("bad route \"%s\"", text.c_str());
    if (port >= noutputs() - 1)
        return errh->error("route \"%s\": port %d is not a forwarding output",
                           text.c_str(), port);
    int hop = find_or_add_hop(gw, port, mtu);
    if (hop < 0)
        return errh->error("too many next hops (max %d)", (int) MAX_HOPS);
    _hops[hop].routes++;
    if (is_default)
        _default_hop = (uint16_t) hop;
    else {
        uint16_t *old = _hosts.findp(addr);
        if (old && *old != NO_HOP)
            _hops[*old].routes--;
        _hosts.set(addr, (uint16_t) hop);
    }
    return 0;
}

int
HostRouteTable::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned default_mtu = 1500;
    if (Args(conf, this, errh)
        .read("DROP_MARTIANS", _drop_martians)
        .read("DEFAULT_MTU", default_mtu)
        .consume() < 0)
        return -1;
    if (default_mtu < 68 || default_mtu > 65535)
        return errh->error("DEFAULT_MTU out of range");
    _default_mtu = (uint16_t) default_mtu;
    int before = errh->nerrors();
    for (int i = 0; i < conf.size(); ++i)
        add_route(conf[i], errh);
    return errh->nerrors() == before ? 0 : -1;
}

void
HostRouteTable::reject(Packet *p, Reason r)
{
    _reason_count[r]++;
    p->set_paint_anno((uint8_t) r);
    output(noutputs() - 1).push(p);
}

void
HostRouteTable::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)
        || iph->ip_v != 4 || iph->ip_hl < 5) {
        reject(p, R_BAD_HEADER);
        return;
    }
    if (_drop_martians && martian(iph->ip_src.s_addr)) {
        reject(p, R_MARTIAN);
        return;
    }

    IPAddress dst(iph->ip_dst);
    uint16_t hi = lookup(dst);
    if (hi == NO_HOP) {
        reject(p, R_NO_ROUTE);
        return;
    }
    if (iph->ip_ttl <= 1) {
        reject(p, R_TTL);
        return;
    }

    NextHop &h = _hops[hi];
    uint16_t len = ntohs(iph->ip_len);
    if (len > h.mtu) {
        if (iph->ip_off & htons(IP_DF)) {
            reject(p, R_TOO_BIG);
            return;
        }
        h.oversize++;
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    click_ip *wip = q->ip_header();
    // the TTL shares a 16-bit checksum word with the protocol byte
    uint16_t old_word = htons((uint16_t) (wip->ip_ttl << 8 | wip->ip_p));
    wip->ip_ttl--;
    uint16_t new_word = htons((uint16_t) (wip->ip_ttl << 8 | wip->ip_p));
    click_update_in_cksum(&wip->ip_sum, old_word, new_word);

    uint32_t next = h.gw.addr();
    if (!next)
        next = dst.addr();              // directly attached host
    q->set_dst_ip_anno(IPAddress(next));
    h.packets++;
    h.bytes += len;
    _reason_count[R_OK]++;
    output(h.port).push(q);
}

enum { h_routes, h_nexthops, h_errors };

String
HostRouteTable::read_handler(Element *e, void *thunk)
{
    HostRouteTable *t = static_cast<HostRouteTable *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_routes:
        for (HashMap<IPAddress, uint16_t>::iterator it = t->_hosts.begin(); it.live(); ++it) {
            const NextHop &h = t->_hops[it.value()];
            sa << it.key() << ' ' << h.gw << ' ' << (int) h.port << ' ' << (int) h.mtu << '\n';
        }
        if (t->_default_hop != NO_HOP) {
            const NextHop &h = t->_hops[t->_default_hop];
            sa << "default " << h.gw << ' ' << (int) h.port << ' ' << (int) h.mtu << '\n';
        }
        break;
    case h_nexthops:
        for (int i = 0; i < t->_nhops; ++i) {
            const NextHop &h = t->_hops[i];
            sa << i << ' ' << h.gw << " port " << (int) h.port << " routes " << h.routes
               << " packets " << h.packets << " bytes " << h.bytes
               << " oversize " << h.oversize << '\n';
        }
        break;
    case h_errors: {
        static const char * const names[] = {
            "forwarded", "no_route", "ttl_expired", "too_big", "martian", "bad_header"
        };
        for (int r = 0; r <= R_BAD_HEADER; ++r)
            sa << names[r] << ' ' << t->_reason_count[r] << '\n';
        break;
    }
    }
    return sa.take_string();
}

enum { w_add, w_remove };

int
HostRouteTable::write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh)
{
    HostRouteTable *t = static_cast<HostRouteTable *>(e);
    if ((intptr_t) thunk == w_add)
        return t->add_route(s, errh);
    IPAddress addr;
    if (!cp_ip_address(s.trim_space(), &addr, e))
        return errh->error("expected an IP address");
    uint16_t *hop = t->_hosts.findp(addr);
    if (!hop)
        return errh->error("no route for %s", s.c_str());
    if (*hop != NO_HOP)
        t->_hops[*hop].routes--;
    t->_hosts.erase(addr);
    return 0;
}

void
HostRouteTable::add_handlers()
{
    add_read_handler("routes", read_handler, h_routes);
    add_read_handler("nexthops", read_handler, h_nexthops);
    add_read_handler("errors", read_handler, h_errors);
    add_write_handler("add", write_handler, w_add);
    add_write_handler("remove", write_handler, w_remove);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(HostRouteTable)
