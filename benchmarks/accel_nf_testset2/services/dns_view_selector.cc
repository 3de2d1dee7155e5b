/*
 * dns_view_selector.cc -- DnsViewSelector: a one-bit-per-level prefix tree
 * of client networks in member arrays, and an EDNS(0) walk that finds the
 * Client Subnet option in the additional section.
 */
#include <click/config.h>
#include "dns_view_selector.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

DnsViewSelector::DnsViewSelector()
    : _nnodes(1), _default_port(0), _use_ecs(true), _ecs_used(0), _malformed(0)
{
    memset(_kid, 0, sizeof(_kid));
    memset(_out, -1, sizeof(_out));
    memset(_by_port, 0, sizeof(_by_port));
}

DnsViewSelector::~DnsViewSelector()
{
}

int
DnsViewSelector::add_view(uint32_t addr, int len, int port)
{
    unsigned n = 0;
    for (int i = 0; i < len; ++i) {
        int b = (addr >> (31 - i)) & 1;
        if (!_kid[n][b]) {
            if (_nnodes >= MAX_NODES)
                return -1;
            _kid[n][b] = (uint16_t) _nnodes;
            _out[_nnodes] = -1;
            _nnodes++;
        }
        n = _kid[n][b];
    }
    _out[n] = (int8_t) port;
    return 0;
}

int
DnsViewSelector::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> views;
    if (Args(conf, this, errh)
        .read_all("VIEW", views)
        .read("DEFAULT", _default_port)
        .read("USE_ECS", _use_ecs)
        .complete() < 0)
        return -1;
    if (_default_port < 0 || _default_port >= noutputs())
        return errh->error("DEFAULT must name an output");
    for (int i = 0; i < views.size(); ++i) {
        Vector<String> w;
        cp_spacevec(views[i], w);
        IPAddress a, m;
        int port;
        if (w.size() != 2 || !cp_ip_prefix(w[0], &a, &m, true, this)
            || !cp_integer(w[1], &port))
            return errh->error("VIEW %d: expected \"ADDR/LEN PORT\"", i + 1);
        int len = m.mask_to_prefix_len();
        if (len < 0)
            return errh->error("VIEW %d: not a prefix mask", i + 1);
        if (port < 0 || port >= noutputs() || port >= MAX_PORTS)
            return errh->error("VIEW %d: no output %d", i + 1, port);
        if (add_view(ntohl(a.addr()), len, port) < 0)
            return errh->error("too many views");
    }
    return 0;
}

int
DnsViewSelector::select(uint32_t addr, int known_bits) const
{
    int best = _out[0] >= 0 ? _out[0] : _default_port;
    unsigned n = 0;
    for (int depth = 0; depth < known_bits; ++depth) {
        n = _kid[n][(addr >> (31 - depth)) & 1];
        if (n == 0)
            break;
        if (_out[n] >= 0)
            best = _out[n];
    }
    return best;
}

static bool
skip_dname(const uint8_t *m, unsigned mlen, unsigned &pos)
{
    while (pos < mlen) {
        uint8_t l = m[pos];
        if ((l & 0xC0) == 0xC0) {
            pos += 2;
            return pos <= mlen;
        }
        if (l & 0xC0)
            return false;
        pos += l + 1;
        if (l == 0)
            return pos <= mlen;
    }
    return false;
}

bool
DnsViewSelector::find_ecs(const uint8_t *m, unsigned mlen, uint32_t *addr, int *bits) const
{
    unsigned qd = (m[4] << 8) | m[5], an = (m[6] << 8) | m[7];
    unsigned ns = (m[8] << 8) | m[9], ar = (m[10] << 8) | m[11];
    if (ar == 0)
        return false;
    unsigned pos = 12;
    for (unsigned i = 0; i < qd; ++i)
        if (!skip_dname(m, mlen, pos) || (pos += 4) > mlen)
            return false;
    for (unsigned i = 0; i < an + ns; ++i) {
        if (!skip_dname(m, mlen, pos) || pos + 10 > mlen)
            return false;
        pos += 10 + ((m[pos + 8] << 8) | m[pos + 9]);
    }
    for (unsigned i = 0; i < ar; ++i) {
        if (!skip_dname(m, mlen, pos) || pos + 10 > mlen)
            return false;
        unsigned type = (m[pos] << 8) | m[pos + 1];
        unsigned rdlen = (m[pos + 8] << 8) | m[pos + 9];
        unsigned rd = pos + 10, end = rd + rdlen;
        if (end > mlen)
            return false;
        pos = end;
        if (type != T_OPT)
            continue;
        while (rd + 4 <= end) {
            unsigned code = (m[rd] << 8) | m[rd + 1];
            unsigned olen = (m[rd + 2] << 8) | m[rd + 3];
            const uint8_t *o = m + rd + 4;
            if (rd + 4 + olen > end)
                return false;
            rd += 4 + olen;
            if (code != O_ECS || olen < 4 || o[0] != 0 || o[1] != 1)
                continue;
            unsigned src_len = o[2];
            unsigned nbytes = (src_len + 7) >> 3;
            if (src_len > 32 || olen != 4 + nbytes)
                return false;
            uint32_t a = 0;
            for (unsigned j = 0; j < 4; ++j)
                a = (a << 8) | (j < nbytes ? o[4 + j] : 0);
            *addr = src_len ? a & (0xFFFFFFFFU << (32 - src_len)) : 0;
            *bits = (int) src_len;
            return true;
        }
        return false;
    }
    return false;
}

void
DnsViewSelector::push(int, Packet *p)
{
    const click_ip *iph = reinterpret_cast<const click_ip *>(p->data());
    unsigned len = p->length();
    unsigned hl = len >= sizeof(click_ip) ? (unsigned) iph->ip_hl << 2 : 0;
    unsigned iplen = hl ? ntohs(iph->ip_len) : 0;
    if (hl < sizeof(click_ip) || iph->ip_p != IP_PROTO_UDP || iplen > len
        || iplen < hl + sizeof(click_udp) + 12) {
        _malformed++;
        _by_port[_default_port]++;
        checked_output_push(_default_port, p);
        return;
    }
    uint32_t client = ntohl(iph->ip_src.s_addr);
    int bits = 32;
    if (_use_ecs) {
        const uint8_t *m = p->data() + hl + sizeof(click_udp);
        uint32_t a;
        int b;
        if (find_ecs(m, iplen - hl - sizeof(click_udp), &a, &b)) {
            client = a;
            bits = b;
            _ecs_used++;
        }
    }
    int port = select(client, bits);
    _by_port[port]++;
    checked_output_push(port, p);
}

String
DnsViewSelector::read_stats(Element *e, void *)
{
    DnsViewSelector *v = static_cast<DnsViewSelector *>(e);
    StringAccum sa;
    sa << "nodes " << v->_nnodes << "\necs_used " << v->_ecs_used
       << "\nmalformed " << v->_malformed << '\n';
    for (int i = 0; i < v->noutputs() && i < MAX_PORTS; ++i)
        sa << "port" << i << ' ' << v->_by_port[i] << '\n';
    return sa.take_string();
}

void
DnsViewSelector::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DnsViewSelector)
