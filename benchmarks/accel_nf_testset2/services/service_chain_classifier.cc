/*
 * service_chain_classifier.cc -- ServiceChainClassifier: ordered rule list
 * (first match wins), NSH MD type 2 encapsulation with an Ethernet header.
 */
#include <click/config.h>
#include "service_chain_classifier.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

ServiceChainClassifier::ServiceChainClassifier()
    : _nrules(0), _nsh_ttl(63), _classified(0), _bypassed(0), _push_failed(0)
{
    memset(_rules, 0, sizeof(_rules));
}

ServiceChainClassifier::~ServiceChainClassifier()
{
}

int
ServiceChainClassifier::parse_rule(const String &s, Rule &r, ErrorHandler *errh, int n)
{
    Vector<String> w;
    cp_spacevec(s, w);
    if (w.size() != 6)
        return errh->error("RULE %d: expected \"SRC DST PROTO PORTS SPI SI\"", n);
    IPAddress a, m;
    if (!cp_ip_prefix(w[0], &a, &m, true, this))
        return errh->error("RULE %d: bad SRC", n);
    r.src_mask = ntohl(m.addr());
    r.src = ntohl(a.addr()) & r.src_mask;
    if (!cp_ip_prefix(w[1], &a, &m, true, this))
        return errh->error("RULE %d: bad DST", n);
    r.dst_mask = ntohl(m.addr());
    r.dst = ntohl(a.addr()) & r.dst_mask;

    int v;
    if (w[2] == "-")
        r.proto = -1;
    else if (cp_integer(w[2], &v) && v >= 0 && v <= 255)
        r.proto = (int16_t) v;
    else
        return errh->error("RULE %d: bad PROTO", n);

    r.port_lo = 0;
    r.port_hi = 65535;
    if (w[3] != "-") {
        int dash = w[3].find_left('-');
        int lo, hi;
        if (dash < 0) {
            if (!cp_integer(w[3], &lo))
                return errh->error("RULE %d: bad PORTS", n);
            hi = lo;
        } else if (!cp_integer(w[3].substring(0, dash), &lo)
                   || !cp_integer(w[3].substring(dash + 1), &hi))
            return errh->error("RULE %d: bad PORTS", n);
        if (lo < 0 || hi > 65535 || lo > hi)
            return errh->error("RULE %d: bad PORTS", n);
        r.port_lo = (uint16_t) lo;
        r.port_hi = (uint16_t) hi;
    }

    unsigned spi;
    int si;
    if (!cp_integer(w[4], &spi) || spi >= (1U << 24))
        return errh->error("RULE %d: SPI must fit in 24 bits", n);
    if (!cp_integer(w[5], &si) || si < 1 || si > 255)
        return errh->error("RULE %d: SI must be 1..255", n);
    r.spi = spi;
    r.si = (uint8_t) si;
    r.hits = 0;
    return 0;
}

int
ServiceChainClassifier::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> rules;
    unsigned ttl = _nsh_ttl;
    if (Args(conf, this, errh)
        .read_mp("SRC_ETH", _src_eth)
        .read_mp("SFF_ETH", _sff_eth)
        .read_all("RULE", rules)
        .read("NSH_TTL", ttl)
        .complete() < 0)
        return -1;
    if (ttl > 63)
        return errh->error("NSH_TTL is a 6-bit field");
    _nsh_ttl = (uint8_t) ttl;
    if (rules.size() > MAX_RULES)
        return errh->error("at most %d rules", (int) MAX_RULES);
    for (int i = 0; i < rules.size(); ++i)
        if (parse_rule(rules[i], _rules[i], errh, i + 1) < 0)
            return -1;
    _nrules = rules.size();
    return 0;
}

void
ServiceChainClassifier::push(int, Packet *p)
{
    const click_ip *iph = reinterpret_cast<const click_ip *>(p->data());
    unsigned len = p->length();
    unsigned hl = len >= sizeof(click_ip) ? (unsigned) iph->ip_hl << 2 : 0;
    if (hl < sizeof(click_ip) || iph->ip_v != 4 || len < hl) {
        _bypassed++;
        output(1).push(p);
        return;
    }
    uint32_t src = ntohl(iph->ip_src.s_addr), dst = ntohl(iph->ip_dst.s_addr);
    int proto = iph->ip_p;
    uint16_t dport = 0;
    if ((proto == IP_PROTO_TCP || proto == IP_PROTO_UDP || proto == IP_PROTO_SCTP)
        && IP_FIRSTFRAG(iph) && len >= hl + 4)
        dport = (uint16_t) ((p->data()[hl + 2] << 8) | p->data()[hl + 3]);

    Rule *hit = 0;
    for (int i = 0; i < _nrules; ++i) {
        Rule &r = _rules[i];
        if ((src & r.src_mask) != r.src || (dst & r.dst_mask) != r.dst)
            continue;
        if (r.proto >= 0 && r.proto != proto)
            continue;
        if (dport < r.port_lo || dport > r.port_hi)
            continue;
        hit = &r;
        break;
    }
    if (!hit) {
        _bypassed++;
        output(1).push(p);
        return;
    }
    hit->hits++;

    WritablePacket *q = p->push_mac_header(sizeof(click_ether) + NSH_LEN);
    if (!q) {
        _push_failed++;
        return;
    }
    click_ether *eh = reinterpret_cast<click_ether *>(q->data());
    memcpy(eh->ether_dhost, _sff_eth.data(), 6);
    memcpy(eh->ether_shost, _src_eth.data(), 6);
    eh->ether_type = htons(ETHERTYPE_NSH);

    // Ver=0 O=0 U=0 | TTL:6 | Length:6 | U:4 | MD type:4 | Next protocol:8
    uint32_t base = ((uint32_t) (_nsh_ttl & 0x3F) << 22)
        | ((uint32_t) (NSH_LEN >> 2) << 16) | (0x2U << 8) | NSH_NP_IPV4;
    uint32_t path = (hit->spi << 8) | hit->si;
    uint8_t *nsh = q->data() + sizeof(click_ether);
    nsh[0] = (uint8_t) (base >> 24);
    nsh[1] = (uint8_t) (base >> 16);
    nsh[2] = (uint8_t) (base >> 8);
    nsh[3] = (uint8_t) base;
    nsh[4] = (uint8_t) (path >> 24);
    nsh[5] = (uint8_t) (path >> 16);
    nsh[6] = (uint8_t) (path >> 8);
    nsh[7] = (uint8_t) path;
    q->set_ip_header(reinterpret_cast<const click_ip *>(nsh + NSH_LEN), hl);
    _classified++;
    output(0).push(q);
}

String
ServiceChainClassifier::read_rules(Element *e, void *)
{
    ServiceChainClassifier *c = static_cast<ServiceChainClassifier *>(e);
    StringAccum sa;
    for (int i = 0; i < c->_nrules; ++i) {
        const Rule &r = c->_rules[i];
        sa << (i + 1) << ": spi " << r.spi << " si " << (int) r.si
           << " hits " << r.hits << '\n';
    }
    sa << "classified " << c->_classified << "\nbypassed " << c->_bypassed
       << "\npush_failed " << c->_push_failed << '\n';
    return sa.take_string();
}

void
ServiceChainClassifier::add_handlers()
{
    add_read_handler("rules", read_rules, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(ServiceChainClassifier)
