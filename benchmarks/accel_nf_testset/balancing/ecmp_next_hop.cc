/*
 * ecmp_next_hop.cc -- EcmpNextHop: flow key -> 32-bit CRC -> bucket ->
 * next hop.
 */
#include <click/config.h>
#include "ecmp_next_hop.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
CLICK_DECLS

EcmpNextHop::EcmpNextHop()
    : _nhops(0), _no_l4(0)
{
    memset(_bucket, 0, sizeof(_bucket));
    memset(_hits, 0, sizeof(_hits));
}

EcmpNextHop::~EcmpNextHop()
{
}

/* Byte table for the Castagnoli polynomial, reflected (0x1EDC6F41). */
void
EcmpNextHop::make_table()
{
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? (c >> 1) ^ 0x82F63B78U : (c >> 1);
        _table[i] = c;
    }
}

uint32_t
EcmpNextHop::flow_crc(const uint8_t *p, int n) const
{
    uint32_t c = 0xFFFFFFFFU;
    while (n-- > 0)
        c = _table[(c ^ *p++) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFU;
}

/* Deal buckets to live hops by weight.  With keep_live, buckets whose hop
 * is still up are left alone and only orphaned buckets are dealt. */
void
EcmpNextHop::deal_buckets(bool keep_live)
{
    int seq[BUCKETS];
    int nseq = 0, total = 0;
    for (int h = 0; h < _nhops; ++h)
        if (_up[h])
            total += _weight[h];
    if (total == 0)
        return;
    // spread each hop's share evenly over the sequence
    for (int b = 0; b < BUCKETS; ++b) {
        int pos = (b * total) / BUCKETS, h = 0;
        for (; h < _nhops; ++h) {
            if (!_up[h])
                continue;
            if (pos < _weight[h])
                break;
            pos -= _weight[h];
        }
        seq[nseq++] = h;
    }
    for (int b = 0; b < BUCKETS; ++b) {
        if (keep_live && _up[_bucket[b]])
            continue;
        _bucket[b] = (uint8_t) seq[(b * 7) % nseq];
    }
}

int
EcmpNextHop::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> hops;
    if (Args(conf, this, errh)
        .read_all("HOP", hops)
        .complete() < 0)
        return -1;
    if (hops.size() == 0 || hops.size() > MAX_HOPS)
        return errh->error("need 1 to %d HOPs", (int) MAX_HOPS);
    for (int i = 0; i < hops.size(); ++i) {
        Vector<String> w;
        cp_spacevec(hops[i], w);
        IPAddress gw;
        unsigned weight = 1;
        if (w.size() < 1 || w.size() > 2 || !cp_ip_address(w[0], &gw, this)
            || (w.size() == 2 && (!cp_integer(w[1], &weight) || weight == 0 || weight > 1000)))
            return errh->error("HOP %d: expected \"GW [WEIGHT]\"", i + 1);
        _gw[i] = gw.addr();
        _weight[i] = (uint16_t) weight;
        _up[i] = true;
    }
    _nhops = hops.size();
    make_table();
    deal_buckets(false);
    return 0;
}

Packet *
EcmpNextHop::simple_action(Packet *p)
{
    const click_ip *iph = p->ip_header();
    uint8_t key[13];
    memcpy(key, &iph->ip_src, 4);
    memcpy(key + 4, &iph->ip_dst, 4);
    key[8] = iph->ip_p;
    int n = 9;
    if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP || iph->ip_p == IP_PROTO_SCTP)
        && IP_FIRSTFRAG(iph) && p->transport_length() >= 4) {
        memcpy(key + 9, p->transport_header(), 4);
        n = 13;
    } else
        _no_l4++;

    uint32_t c = flow_crc(key, n);
    int hop = _bucket[c & (BUCKETS - 1)];
    _hits[hop]++;
    p->set_dst_ip_anno(IPAddress(_gw[hop]));
    p->set_paint_anno((uint8_t) hop);
    return p;
}

String
EcmpNextHop::read_hops(Element *e, void *)
{
    EcmpNextHop *en = static_cast<EcmpNextHop *>(e);
    StringAccum sa;
    for (int h = 0; h < en->_nhops; ++h) {
        int nb = 0;
        for (int b = 0; b < BUCKETS; ++b)
            nb += en->_bucket[b] == h;
        sa << IPAddress(en->_gw[h]) << " weight " << en->_weight[h]
           << (en->_up[h] ? " up" : " down") << " buckets " << nb
           << " hits " << en->_hits[h] << '\n';
    }
    sa << "no_l4 " << en->_no_l4 << '\n';
    return sa.take_string();
}

int
EcmpNextHop::write_down(const String &s, Element *e, void *thunk, ErrorHandler *errh)
{
    EcmpNextHop *en = static_cast<EcmpNextHop *>(e);
    IPAddress gw;
    if (!cp_ip_address(s, &gw, e))
        return errh->error("expected a gateway address");
    for (int h = 0; h < en->_nhops; ++h)
        if (en->_gw[h] == gw.addr()) {
            en->_up[h] = thunk == 0;
            en->deal_buckets(thunk != 0);
            return 0;
        }
    return errh->error("no such gateway");
}

void
EcmpNextHop::add_handlers()
{
    add_read_handler("hops", read_hops, 0);
    add_write_handler("down", write_down, (void *) 1);
    add_write_handler("up", write_down, (void *) 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EcmpNextHop)
