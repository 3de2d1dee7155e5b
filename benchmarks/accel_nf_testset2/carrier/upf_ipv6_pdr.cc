/*
 * upf_ipv6_pdr.cc -- UpfIpv6Pdr: the PDR prefixes form a one-bit-per-level
 * trie in member arrays; push() walks it along the UE address.
 */
#include <click/config.h>
#include "upf_ipv6_pdr.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

UpfIpv6Pdr::UpfIpv6Pdr()
    : _nnodes(1), _uplink(false), _no_match(0), _not_v6(0)
{
    _child[0][0] = _child[0][1] = 0;
    _rule[0] = -1;
}

UpfIpv6Pdr::~UpfIpv6Pdr()
{
}

static int
hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* "2001:db8:10::/48" -> 16 bytes + 48.  Handles one "::". */
bool
UpfIpv6Pdr::parse_prefix6(const String &s, uint8_t addr[16], int *len)
{
    int slash = s.find_left('/');
    if (slash < 0)
        return false;
    unsigned l;
    if (!cp_integer(s.substring(slash + 1), &l) || l > 128)
        return false;
    *len = (int) l;

    uint16_t head[8], tail[8];
    int nh = 0, nt = 0;
    bool gap = false;
    const char *p = s.data(), *e = s.data() + slash;
    if (p + 1 < e && p[0] == ':' && p[1] == ':') {
        gap = true;
        p += 2;
    }
    while (p < e) {
        int v = 0, digits = 0;
        while (p < e && hexval(*p) >= 0 && digits < 4) {
            v = (v << 4) | hexval(*p);
            ++p;
            ++digits;
        }
        if (digits == 0)
            return false;
        if (nh + nt >= 8)
            return false;
        if (gap)
            tail[nt++] = (uint16_t) v;
        else
            head[nh++] = (uint16_t) v;
        if (p == e)
            break;
        if (*p != ':')
            return false;
        ++p;
        if (p < e && *p == ':') {
            if (gap)
                return false;
            gap = true;
            ++p;
        }
    }
    if (!gap && nh != 8)
        return false;
    uint16_t w[8];
    for (int i = 0; i < 8; ++i)
        w[i] = 0;
    for (int i = 0; i < nh; ++i)
        w[i] = head[i];
    for (int i = 0; i < nt; ++i)
        w[8 - nt + i] = tail[i];
    for (int i = 0; i < 8; ++i) {
        addr[2 * i] = (uint8_t) (w[i] >> 8);
        addr[2 * i + 1] = (uint8_t) w[i];
    }
    return true;
}

int
UpfIpv6Pdr::insert(const uint8_t addr[16], int len, int rule)
{
    int n = 0;
    for (int d = 0; d < len; ++d) {
        int b = (addr[d >> 3] >> (7 - (d & 7))) & 1;
        if (_child[n][b] == 0) {
            if (_nnodes >= MAX_NODES)
                return -1;
            _child[_nnodes][0] = _child[_nnodes][1] = 0;
            _rule[_nnodes] = -1;
            _child[n][b] = _nnodes++;
        }
        n = _child[n][b];
    }
    _rule[n] = (int16_t) rule;
    return 0;
}

int
UpfIpv6Pdr::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> specs;
    if (Args(conf, this, errh)
        .read_all("PDR", specs)
        .read("UPLINK", _uplink)
        .complete() < 0)
        return -1;
    if (specs.size() > MAX_PDRS)
        return errh->error("too many PDRs");
    for (int i = 0; i < specs.size(); ++i) {
        Vector<String> w;
        cp_spacevec(specs[i], w);
        uint8_t a[16];
        int len;
        unsigned id, port;
        if (w.size() != 3 || !parse_prefix6(w[0], a, &len)
            || !cp_integer(w[1], &id) || !cp_integer(w[2], &port))
            return errh->error("PDR %d: expected \"PREFIX/LEN ID PORT\"", i + 1);
        if ((int) port >= noutputs() - 1)
            return errh->error("PDR %d: bad port", i + 1);
        Pdr r;
        r.id = id;
        r.port = (uint16_t) port;
        r.len = (uint8_t) len;
        r.pkts = r.bytes = 0;
        _pdrs.push_back(r);
        if (insert(a, len, _pdrs.size() - 1) < 0)
            return errh->error("PDR %d: trie full", i + 1);
    }
    return 0;
}

void
UpfIpv6Pdr::push(int, Packet *p)
{
    const uint8_t *ip6 = p->has_network_header() ? p->network_header() : p->data();
    if (ip6 + HDR6_LEN > p->end_data() || (ip6[0] >> 4) != 6) {
        _not_v6++;
        output(noutputs() - 1).push(p);
        return;
    }
    const uint8_t *ue = ip6 + (_uplink ? 8 : 24);

    int node = 0, hit = -1;
    for (int depth = 0; ; ++depth) {
        if (_rule[node] >= 0)
            hit = _rule[node];
        if (depth == 128)
            break;
        int bit = (ue[depth >> 3] >> (7 - (depth & 7))) & 1;
        int next = _child[node][bit];
        if (next == 0)
            break;
        node = next;
    }

    if (hit < 0) {
        _no_match++;
        output(noutputs() - 1).push(p);
        return;
    }
    Pdr &r = _pdrs[hit];
    r.pkts++;
    r.bytes += HDR6_LEN + ((ip6[4] << 8) | ip6[5]);
    SET_AGGREGATE_ANNO(p, r.id);
    output(r.port).push(p);
}

String
UpfIpv6Pdr::read_stats(Element *e, void *)
{
    UpfIpv6Pdr *u = static_cast<UpfIpv6Pdr *>(e);
    StringAccum sa;
    for (int i = 0; i < u->_pdrs.size(); ++i)
        sa << "pdr " << u->_pdrs[i].id << " /" << (int) u->_pdrs[i].len
           << " pkts " << u->_pdrs[i].pkts << " bytes " << u->_pdrs[i].bytes << '\n';
    sa << "nodes " << u->_nnodes << "\nno_match " << u->_no_match
       << "\nnot_v6 " << u->_not_v6 << '\n';
    return sa.take_string();
}

void
UpfIpv6Pdr::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(UpfIpv6Pdr)
