// -*- c-basic-offset: 4 -*-
/*
 * ip6in4_decap.cc -- Ip6in4Decap: protocol 41 tunnel termination.  Finds
 * the tunnel by outer source in a HashMap (configured tunnels) or accepts
 * 6to4 traffic after the embedded-address and relay-prefix checks (a
 * linear scan of a 64-entry prefix table), validates the inner IPv6
 * header, propagates ECN and pulls the outer header off.
 *
 * Training code for Clara's compute model (nf_corpus/tunnel): a realistic
 * 6in4/6to4 decapsulator written for the corpus, not an evaluation NF.
 * Per packet: outer IPv4 checks, a HashMap lookup, byte comparisons over
 * 16-byte addresses, a prefix-table scan with partial-byte masks, traffic
 * class bit surgery across two bytes, per-tunnel counters in a 256-entry
 * member array, annotation writes and pull().
 */
#include <click/config.h>
#include "ip6in4_decap.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
CLICK_DECLS

Ip6in4Decap::Ip6in4Decap()
    : _ntunnels(1), _nprefixes(0), _sixtofour(true), _decapped(0), _refused(0)
{
    memset(_tunnels, 0, sizeof(_tunnels));
    memset(_prefixes, 0, sizeof(_prefixes));
    memset(_global_drops, 0, sizeof(_global_drops));
}

Ip6in4Decap::~Ip6in4Decap()
{
}

/* "ADDR/LEN" with ADDR in colon-hex, "::" allowed once. */
int
Ip6in4Decap::parse_prefix(const String &s, Prefix6 &pf) const
{
    int slash = s.find_left('/');
    unsigned len;
    if (slash < 0 || !cp_integer(s.substring(slash + 1), &len) || len > 128)
        return -1;
    String addr = s.substring(0, slash);
    int gap = addr.find_left(String("::"));
    String parts[2] = { gap < 0 ? addr : addr.substring(0, gap),
                        gap < 0 ? String() : addr.substring(gap + 2) };
    uint16_t g[2][8];
    int n[2] = { 0, 0 };
    for (int side = 0; side < 2; side++) {
        String rest = parts[side];
        while (rest.length()) {
            int colon = rest.find_left(':');
            String grp = colon < 0 ? rest : rest.substring(0, colon);
            unsigned v;
            if (n[side] == 8 || grp.length() == 0 || grp.length() > 4
                || !cp_integer(grp, 16, &v))
                return -1;
            g[side][n[side]++] = v;
            rest = colon < 0 ? String() : rest.substring(colon + 1);
        }
    }
    if ((gap < 0 && n[0] != 8) || n[0] + n[1] > (gap < 0 ? 8 : 7))
        return -1;
    memset(pf.addr, 0, sizeof(pf.addr));
    for (int i = 0; i < n[0]; i++) {
        pf.addr[2 * i] = g[0][i] >> 8;
        pf.addr[2 * i + 1] = g[0][i];
    }
    for (int i = 0; i < n[1]; i++) {
        int k = 8 - n[1] + i;
        pf.addr[2 * k] = g[1][i] >> 8;
        pf.addr[2 * k + 1] = g[1][i];
    }
    pf.len = len;
    pf.hits = 0;
    return 0;
}

int
Ip6in4Decap::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> tunnels, allow;
    if (Args(conf, this, errh)
        .read_all("TUNNEL", tunnels)
        .read_all("ALLOW", allow)
        .read("SIXTOFOUR", _sixtofour)
        .complete() < 0)
        return -1;
    if (tunnels.size() >= MAX_TUNNELS)
        return errh->error("at most %d TUNNELs", MAX_TUNNELS - 1);
    if (allow.size() > MAX_PREFIXES)
        return errh->error("at most %d ALLOW prefixes", (int) MAX_PREFIXES);
    if (tunnels.empty() && !_sixtofour)
        return errh->error("no TUNNEL given and SIXTOFOUR is false");

    _by_remote.clear();
    _tunnels[SIXTOFOUR_INDEX].used = 1;
    _ntunnels = 1;
    for (int i = 0; i < tunnels.size(); i++) {
        Vector<String> w;
        cp_spacevec(tunnels[i], w);
        Tunnel &t = _tunnels[_ntunnels];
        if (w.empty() || w.size() > 2 || !cp_ip_address(w[0], &t.remote, this)
            || (w.size() == 2 && !cp_ip_address(w[1], &t.local, this)))
            return errh->error("TUNNEL %d: expected REMOTE [LOCAL]", i);
        if (!_by_remote.insert(t.remote, _ntunnels))
            return errh->error("TUNNEL %d: duplicate remote", i);
        t.used = 1;
        _ntunnels++;
    }
    for (int i = 0; i < allow.size(); i++)
        if (parse_prefix(allow[i], _prefixes[i]) < 0)
            return errh->error("ALLOW %d: bad IPv6 prefix", i);
    _nprefixes = allow.size();
    return 0;
}

/* Sources no tunnel may carry: ::, ::1, ff00::/8, ::ffff:0:0/96. */
bool
Ip6in4Decap::bad_source(const unsigned char *src) const
{
    if (src[0] == 0xFF)
        return true;
    int zeros = 0;
    while (zeros < 10 && src[zeros] == 0)
        zeros++;
    if (zeros < 10)
        return false;
    if (src[10] == 0xFF && src[11] == 0xFF)
        return true;                        // IPv4-mapped
    for (int i = 10; i < 15; i++)
        if (src[i])
            return false;
    return src[15] <= 1;                    // unspecified or loopback
}

int
Ip6in4Decap::find_prefix(const unsigned char *src)
{
    for (int i = 0; i < _nprefixes; i++)
        if (prefix_match(_prefixes[i], src)) {
            _prefixes[i].hits++;
            return i;
        }
    return -1;
}

void
Ip6in4Decap::refuse(Packet *p, int why, int tunnel)
{
    _global_drops[why]++;
    if (tunnel >= 0)
        _tunnels[tunnel].drops[why]++;
    _refused++;
    checked_output_push(1, p);
}

void
Ip6in4Decap::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_IPV6) {
        refuse(p, d_proto, -1);
        return;
    }
    int ohl = iph->ip_hl << 2;
    int olen = ntohs(iph->ip_len);
    const unsigned char *in6 = reinterpret_cast<const unsigned char *>(iph) + ohl;
    if (IP_ISFRAG(iph) || olen < ohl + IP6_HLEN
        || olen > (int) (p->end_data() - reinterpret_cast<const unsigned char *>(iph))) {
        refuse(p, d_outer, -1);
        return;
    }

    // which tunnel?
    IPAddress osrc(iph->ip_src);
    int tix = SIXTOFOUR_INDEX;
    if (int *ip = _by_remote.findp(osrc)) {
        tix = *ip;
        const Tunnel &t = _tunnels[tix];
        if (t.local && t.local != IPAddress(iph->ip_dst)) {
            refuse(p, d_tunnel, tix);
            return;
        }
    } else if (!_sixtofour) {
        refuse(p, d_tunnel, -1);
        return;
    }

    if ((in6[0] >> 4) != 6) {
        refuse(p, d_version, tix);
        return;
    }
    int plen = be16(in6 + 4);
    if (IP6_HLEN + plen != olen - ohl) {
        refuse(p, d_length, tix);
        return;
    }
    const unsigned char *isrc = in6 + 8;
    if (bad_source(isrc)) {
        refuse(p, d_source, tix);
        return;
    }
    if (in6[7] == 0) {
        refuse(p, d_hlim, tix);
        return;
    }

    if (tix == SIXTOFOUR_INDEX) {
        if (isrc[0] == 0x20 && isrc[1] == 0x02) {
            // 6to4 source: the embedded IPv4 address must be the sender
            if (memcmp(isrc + 2, &iph->ip_src, 4) != 0 || bogon_v4(isrc + 2)) {
                refuse(p, d_spoof, tix);
                return;
            }
        } else if (_nprefixes && find_prefix(isrc) < 0) {
            refuse(p, d_prefix, tix);
            return;
        }
    }

    // RFC 6040 ECN decapsulation
    uint8_t oecn = iph->ip_tos & IP_ECNMASK;
    uint8_t tclass = (uint8_t) (((in6[0] & 0x0F) << 4) | (in6[1] >> 4));
    uint8_t iecn = tclass & IP_ECNMASK;
    bool mark_ce = false;
    if (oecn == IP_ECN_CE) {
        if (iecn == IP_ECN_NOT_ECT) {
            refuse(p, d_ecn, tix);
            return;
        }
        mark_ce = iecn != IP_ECN_CE;
    }

    uint32_t ilen = olen - ohl;
    int strip = (int) (in6 - p->data());
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    q->pull(strip);
    if (q->length() > ilen)
        q->take(q->length() - ilen);
    unsigned char *w6 = q->data();
    if (mark_ce) {
        tclass |= IP_ECN_CE;
        w6[0] = (uint8_t) ((w6[0] & 0xF0) | (tclass >> 4));
        w6[1] = (uint8_t) ((w6[1] & 0x0F) | (tclass << 4));
        _tunnels[tix].ce_marked++;
    }
    q->clear_mac_header();
    q->set_network_header(w6, IP6_HLEN);
    for (int i = 0; i < 16; i += 4) {       // inner destination -> DST_IP6
        uint32_t v;
        memcpy(&v, w6 + 24 + i, 4);
        q->set_anno_u32(DST_IP6_ANNO_OFFSET + i, v);
    }
    q->set_paint_anno((uint8_t) tix);

    Tunnel &t = _tunnels[tix];
    t.packets++;
    t.bytes += ilen;
    _decapped++;
    output(0).push(q);
}

enum { h_decapped, h_refused, h_tunnels, h_prefixes };

String
Ip6in4Decap::read_handler(Element *e, void *thunk)
{
    Ip6in4Decap *d = static_cast<Ip6in4Decap *>(e);
    StringAccum sa;
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_decapped:
        sa << d->_decapped;
        break;
    case h_refused:
        sa << d->_refused;
        break;
    case h_tunnels:
        for (int i = 0; i < d->_ntunnels; i++) {
            const Tunnel &t = d->_tunnels[i];
            uint32_t drops = 0;
            for (int k = 0; k < d_count; k++)
                drops += t.drops[k];
            sa << i << ' ' << t.remote << ' ' << t.packets << ' ' << t.bytes
               << ' ' << drops << '\n';
        }
        break;
    case h_prefixes:
        for (int i = 0; i < d->_nprefixes; i++)
            sa << i << ' ' << (unsigned) d->_prefixes[i].len << ' '
               << d->_prefixes[i].hits << '\n';
        break;
    }
    return sa.take_string();
}

void
Ip6in4Decap::add_handlers()
{
    add_read_handler("decapped", read_handler, h_decapped);
    add_read_handler("refused", read_handler, h_refused);
    add_read_handler("tunnels", read_handler, h_tunnels);
    add_read_handler("prefixes", read_handler, h_prefixes);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(Ip6in4Decap)
