// ecs_geo_steer.{cc,hh} -- steer DNS queries to regional resolvers by client subnet
#include <click/config.h>
#include "ecs_geo_steer.hh"
#include <click/confparse.hh>
#include <click/args.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

EcsGeoSteer::EcsGeoSteer()
    : _use_ecs(true), _min_ecs_len(16), _n_ecs(0), _n_src(0), _n_unknown(0), _n_notdns(0)
{
}

int
EcsGeoSteer::new_node()
{
    Node n;
    for (int i = 0; i < 16; i++) {
        n.child[i] = -1;
        n.region[i] = 0;
        n.plen[i] = 0;
    }
    _trie.push_back(n);
    return _trie.size() - 1;
}

/* Controlled prefix expansion: a prefix ending inside a level fills every
   slot it covers, unless a longer prefix already owns the slot. */
void
EcsGeoSteer::insert(uint32_t addr, int len, int region)
{
    int node = 0, shift = 28;
    while (len > 32 - shift) {
        int slot = (addr >> shift) & 0xF;
        if (_trie[node].child[slot] < 0) {
            int c = new_node();
            _trie[node].child[slot] = c;
        }
        node = _trie[node].child[slot];
        shift -= 4;
    }
    int bits = len - (28 - shift);          /* prefix bits inside this level */
    int first = bits ? ((addr >> shift) & 0xF) & (0xF0 >> bits) : 0;
    int count = 1 << (4 - bits);
    for (int s = first; s < first + count; s++)
        if (_trie[node].plen[s] <= len) {
            _trie[node].plen[s] = (uint8_t) (len + 1);
            _trie[node].region[s] = (uint16_t) region;
        }
}

int
EcsGeoSteer::lookup(uint32_t addr) const
{
    int best = -1;
    int node = 0;
    for (int shift = 28; shift >= 0 && node >= 0; shift -= 4) {
        const Node &n = _trie[node];
        unsigned slot = (addr >> shift) & 0xF;
        if (n.plen[slot])
            best = n.region[slot];
        node = n.child[slot];
    }
    return best;
}

int
EcsGeoSteer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    _trie.clear();
    new_node();
    Vector<String> routes;
    for (int i = 0; i < conf.size(); i++) {
        String first = cp_shift_spacevec(conf[i]);
        int region;
        if (first && cp_integer(first, &region)) {
            IPAddress a, m;
            if (region < 0 || region >= noutputs() - 1)
                return errh->error("region %d out of range", region);
            if (!cp_ip_prefix(conf[i], &a, &m, false, this) || m.mask_to_prefix_len() < 0)
                return errh->error("bad prefix for region %d", region);
            insert(ntohl((a & m).addr()), m.mask_to_prefix_len(), region);
        } else
            routes.push_back(first + " " + conf[i]);
    }
    return Args(routes, this, errh)
        .read("USE_ECS", _use_ecs)
        .read("MIN_ECS_LEN", _min_ecs_len)
        .complete();
}

/* Walks the query to the OPT record and its ECS option, if any. */
bool
EcsGeoSteer::client_address(const Packet *p, uint32_t *addr)
{
    const click_ip *iph = p->ip_header();
    const uint8_t *dns = reinterpret_cast<const uint8_t *>(iph) + (iph->ip_hl << 2) + 8;
    const uint8_t *end = p->end_data();
    if (dns + 12 > end || (dns[2] & 0xF8) != 0)        /* query, opcode 0 */
        return false;
    *addr = ntohl(iph->ip_src.s_addr);
    if (!_use_ecs || dns[4] != 0 || dns[5] != 1 || (dns[6] | dns[7] | dns[8] | dns[9]) != 0
        || (dns[10] | dns[11]) == 0)
        return true;

    const uint8_t *q = dns + 12;
    while (q < end && *q != 0)                          /* QNAME labels */
        q += (*q & 0xC0) ? end - q : *q + 1;
    q += 1 + 4;                                         /* root, QTYPE, QCLASS */
    if (q + 11 > end || q[0] != 0 || q[1] != 0 || q[2] != 41)
        return true;                                    /* no OPT right after */
    const uint8_t *opt = q + 11, *opt_end = opt + ((q[9] << 8) | q[10]);
    if (opt_end > end)
        return true;
    while (opt + 4 <= opt_end) {
        unsigned code = (opt[0] << 8) | opt[1], olen = (opt[2] << 8) | opt[3];
        const uint8_t *v = opt + 4;
        if (v + olen > opt_end)
            break;
        if (code == 8 && olen >= 4 && v[0] == 0 && v[1] == 1) {   /* ECS, IPv4 */
            unsigned srclen = v[2], nbytes = (srclen + 7) / 8;
            if (srclen < _min_ecs_len || srclen > 32 || olen != 4 + nbytes)
                break;
            uint32_t a = 0;
            for (unsigned i = 0; i < 4; i++)
                a = (a << 8) | (i < nbytes ? v[4 + i] : 0);
            *addr = a;
            _n_ecs++;
            return true;
        }
        opt = v + olen;
    }
    return true;
}

void
EcsGeoSteer::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    const click_udp *udph = reinterpret_cast<const click_udp *>(p->transport_header());
    uint32_t client;
    int unknown_port = noutputs() - 1;
    if (!iph || iph->ip_p != IP_PROTO_UDP || !udph || ntohs(udph->uh_dport) != 53
        || !client_address(p, &client)) {
        _n_notdns++;
        output(unknown_port).push(p);
        return;
    }

    int region = lookup(client);
    if (region < 0) {
        _n_unknown++;
        output(unknown_port).push(p);
        return;
    }
    _n_src++;
    SET_PAINT_ANNO(p, (uint8_t) region);
    output(region).push(p);
}

void
EcsGeoSteer::add_handlers()
{
    add_data_handlers("ecs_used", Handler::f_read, &_n_ecs);
    add_data_handlers("steered", Handler::f_read, &_n_src);
    add_data_handlers("unknown", Handler::f_read, &_n_unknown);
    add_data_handlers("not_dns", Handler::f_read, &_n_notdns);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EcsGeoSteer)
