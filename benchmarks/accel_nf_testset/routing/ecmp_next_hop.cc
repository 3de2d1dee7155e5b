/*
 * ecmp_next_hop.cc -- EcmpNextHop.  The flow key is laid out in wire
 * order (src, dst, proto, sport, dport) and mixed a byte at a time; the
 * bucket table spreads members evenly and can be re-weighted later
 * without moving most flows.
 */
#include <click/config.h>
#include "ecmp_next_hop.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

EcmpNextHop::EcmpNextHop()
    : _seed(0), _use_ports(true), _unknown_group(0), _short(0)
{
    memset(_grp, 0, sizeof(_grp));
}

EcmpNextHop::~EcmpNextHop()
{
}

int
EcmpNextHop::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> groups;
    if (Args(conf, this, errh)
        .read_all("GROUP", groups)
        .read("SEED", _seed)
        .read("L4", _use_ports)
        .complete() < 0)
        return -1;

    for (int i = 0; i < groups.size(); ++i) {
        Vector<String> w;
        cp_spacevec(groups[i], w);
        unsigned id;
        if (w.size() < 3 || (w.size() & 1) == 0 || !cp_integer(w[0], &id) || id >= NGROUPS)
            return errh->error("GROUP %d: expected \"ID GW PORT [GW PORT ...]\"", i + 1);
        Group &g = _grp[id];
        if (g.npaths)
            return errh->error("GROUP %d: group %u defined twice", i + 1, id);
        int n = (w.size() - 1) / 2;
        if (n > MAXPATHS)
            return errh->error("GROUP %d: more than %d paths", i + 1, (int) MAXPATHS);
        for (int k = 0; k < n; ++k) {
            unsigned port;
            if (!cp_ip_address(w[1 + 2 * k], &g.path[k].gw, this)
                || !cp_integer(w[2 + 2 * k], &port) || port > 255)
                return errh->error("GROUP %d: bad path %d", i + 1, k + 1);
            g.path[k].port = (uint8_t) port;
            g.path[k].packets = 0;
        }
        g.npaths = (uint8_t) n;
        for (int b = 0; b < NBUCKETS; ++b)
            g.bucket[b] = (uint8_t) (b % n);
    }
    return 0;
}

void
EcmpNextHop::push(int, Packet *p)
{
    Group &g = _grp[p->paint_anno()];
    const click_ip *iph = p->ip_header();
    if (!g.npaths || !iph) {
        _unknown_group++;
        output(1).push(p);
        return;
    }

    unsigned char key[13];
    memcpy(key, &iph->ip_src, 4);
    memcpy(key + 4, &iph->ip_dst, 4);
    key[8] = iph->ip_p;
    memset(key + 9, 0, 4);
    if (_use_ports && (iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
        && !IP_ISFRAG(iph)) {
        if (p->transport_length() >= 4)
            memcpy(key + 9, p->transport_header(), 4);
        else
            _short++;
    }

    uint32_t h = _seed;
    for (int i = 0; i < 13; ++i) {
        h += key[i];
        h += h << 10;
        h ^= h >> 6;
    }
    h += h << 3;
    h ^= h >> 11;
    h += h << 15;

    Member &m = g.path[g.bucket[h % NBUCKETS]];
    m.packets++;
    SET_AGGREGATE_ANNO(p, h);
    p->set_dst_ip_anno(m.gw ? m.gw : IPAddress(iph->ip_dst));
    p->set_paint_anno(m.port);
    output(0).push(p);
}

String
EcmpNextHop::members_handler(Element *e, void *)
{
    EcmpNextHop *x = static_cast<EcmpNextHop *>(e);
    StringAccum sa;
    for (int id = 0; id < NGROUPS; ++id) {
        const Group &g = x->_grp[id];
        for (int k = 0; k < g.npaths; ++k)
            sa << "group " << id << " path " << k << ' ' << g.path[k].gw
               << " port " << (int) g.path[k].port << " packets " << g.path[k].packets << '\n';
    }
    sa << "unknown_group " << x->_unknown_group << "\ntruncated_l4 " << x->_short << '\n';
    return sa.take_string();
}

void
EcmpNextHop::add_handlers()
{
    add_read_handler("members", members_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EcmpNextHop)
