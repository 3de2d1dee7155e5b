// -*- c-basic-offset: 4 -*-
/*
 * nsh_classifier.cc -- NshClassifier: service function chaining with the
 * Network Service Header.  A first-match rule list maps IPv4 packets to a
 * service path; classified packets get an MD type 1 NSH pushed in front;
 * returning NSH packets are looked up in a 4096-entry path table, their
 * service index decremented, and steered to the next hop or decapsulated.
 *
 * Training code for Clara's compute model (nf_corpus/tunnel): a realistic
 * SFC classifier/forwarder written for the corpus, not an evaluation NF.
 * Per packet: a linear rule scan with prefix/proto/port tests, push() and
 * byte-wise header construction with bit-packed TTL/length fields, or
 * header parsing, a direct-indexed table lookup with a tag check,
 * arithmetic on the service index and pull() at the end of the path.
 */
#include <click/config.h>
#include "nsh_classifier.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/timestamp.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

NshClassifier::NshClassifier()
    : _default_spi(0), _ttl(63), _tenant(0), _classified(0), _forwarded(0),
      _terminated(0), _unclassified(0)
{
    memset(_paths, 0, sizeof(_paths));
    memset(_drops, 0, sizeof(_drops));
    memset(_tenant_pkts, 0, sizeof(_tenant_pkts));
}

NshClassifier::~NshClassifier()
{
}

int
NshClassifier::parse_path(const String &s, ErrorHandler *errh)
{
    Vector<String> words;
    cp_spacevec(s, words);
    unsigned spi, si;
    if (words.size() < 3 || !cp_integer(words[0], &spi) || !cp_integer(words[1], &si))
        return errh->error("PATH: expected SPI START_SI PORT...");
    if (spi == 0 || spi > 0xFFFFFF)
        return errh->error("PATH: SPI %u out of range", spi);
    int nhops = words.size() - 2;
    if (nhops > MAX_HOPS || si > 255 || si < (unsigned) nhops)
        return errh->error("PATH %u: too many hops for start index %u", spi, si);
    PathEntry &pe = _paths[spi & (NPATHS - 1)];
    if (pe.valid)
        return errh->error("PATH %u collides with PATH %u", spi, pe.spi);
    for (int h = 0; h < nhops; h++) {
        unsigned port;
        if (!cp_integer(words[h + 2], &port) || port == 0 || port >= (unsigned) noutputs())
            return errh->error("PATH %u: bad hop port %s", spi, words[h + 2].c_str());
        pe.hop_port[h] = port;
    }
    pe.spi = spi;
    pe.start_si = si;
    pe.nhops = nhops;
    pe.valid = 1;
    return 0;
}

int
NshClassifier::parse_rule(const String &s, ErrorHandler *errh)
{
    Vector<String> words;
    cp_spacevec(s, words);
    Rule r;
    unsigned proto, dport, spi;
    if (words.size() != 4 || !cp_ip_prefix(words[0], &r.dst, &r.mask, true, this)
        || !cp_integer(words[1], &proto) || !cp_integer(words[2], &dport)
        || !cp_integer(words[3], &spi))
        return errh->error("RULE: expected PREFIX PROTO DPORT SPI");
    if (proto > 255 || dport > 0xFFFF)
        return errh->error("RULE: PROTO or DPORT out of range");
    if (!lookup_path(spi))
        return errh->error("RULE: no PATH %u", spi);
    r.dst &= r.mask;
    r.proto = proto;
    r.dport = dport;
    r.spi = spi;
    r.hits = 0;
    _rules.push_back(r);
    return 0;
}

int
NshClassifier::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> paths, rules;
    unsigned ttl = 63;
    if (Args(conf, this, errh)
        .read_all("PATH", paths)
        .read_all("RULE", rules)
        .read("TTL", ttl)
        .read("TENANT", _tenant)
        .read("DEFAULT_SPI", _default_spi)
        .complete() < 0)
        return -1;
    if (ttl == 0 || ttl > 63)
        return errh->error("TTL must be between 1 and 63");
    if (_tenant > 0xFFFFFF)
        return errh->error("TENANT must fit in 24 bits");
    _ttl = ttl;
    memset(_paths, 0, sizeof(_paths));
    for (int i = 0; i < paths.size(); i++)
        if (parse_path(paths[i], errh) < 0)
            return -1;
    _rules.clear();
    for (int i = 0; i < rules.size(); i++)
        if (parse_rule(rules[i], errh) < 0)
            return -1;
    if (_default_spi && !lookup_path(_default_spi))
        return errh->error("DEFAULT_SPI names no PATH");
    return 0;
}

const NshClassifier::Rule *
NshClassifier::classify(const click_ip *iph, uint16_t dport)
{
    IPAddress dst(iph->ip_dst);
    for (Rule *r = _rules.begin(); r != _rules.end(); ++r) {
        if (!dst.matches_prefix(r->dst, r->mask))
            continue;
        if (r->proto && r->proto != iph->ip_p)
            continue;
        if (r->dport && r->dport != dport)
            continue;
        r->hits++;
        return r;
    }
    return 0;
}

void
NshClassifier::drop(Packet *p, int why)
{
    _drops[why]++;
    p->kill();
}

/* Input 0: classify and push an MD type 1 NSH. */
void
NshClassifier::encapsulate(Packet *p)
{
    const click_ip *iph = p->ip_header();
    uint32_t ports = 0;
    uint16_t dport = 0;
    if (IP_FIRSTFRAG(iph) && p->transport_length() >= 4
        && (iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)) {
        const unsigned char *th = p->transport_header();
        ports = ((uint32_t) th[0] << 24) | (th[1] << 16) | (th[2] << 8) | th[3];
        dport = (uint16_t) ports;
    }

    const Rule *r = classify(iph, dport);
    uint32_t spi = r ? r->spi : _default_spi;
    PathEntry *pe = spi ? lookup_path(spi) : 0;
    if (!pe) {
        _unclassified++;
        output(0).push(p);
        return;
    }

    uint32_t hash = flow_hash(iph, ports);
    uint32_t src = ntohl(iph->ip_src.s_addr);
    uint32_t ilen = p->length();
    uint8_t ingress = p->paint_anno();
    WritablePacket *q = p->push(NSH_MD1_LEN);
    if (!q) {
        _drops[drop_nomem]++;
        return;
    }
    unsigned char *n = q->data();
    // base header: Ver=0 O=0 U=0 TTL(6) Length(6) U(4) MDType(4) NextProto(8)
    n[0] = (uint8_t) ((_ttl >> 2) & 0x0F);
    n[1] = (uint8_t) (((_ttl & 0x03) << 6) | NSH_MD1_WORDS);
    n[2] = NSH_MDTYPE_1;
    n[3] = NSH_NP_IPV4;
    // service path header
    uint32_t sph = (spi << 8) | pe->start_si;
    uint32_t ctx[4];
    ctx[0] = (_tenant << 8) | ingress;
    ctx[1] = src;
    ctx[2] = hash;
    ctx[3] = (uint32_t) Timestamp::recent().usecval();
    unsigned char *w = n + NSH_BASE_LEN;
    for (int i = -1; i < 4; i++, w += 4) {
        uint32_t v = i < 0 ? sph : ctx[i];
        w[0] = v >> 24;
        w[1] = v >> 16;
        w[2] = v >> 8;
        w[3] = v;
    }
    q->set_mac_header(n, NSH_MD1_LEN);
    _tenant_pkts[_tenant & 0xFF]++;
    pe->packets++;
    pe->bytes += ilen;
    _classified++;
    output(pe->hop_port[0]).push(q);
}

/* Input 1: an NSH packet back from a service function. */
void
NshClassifier::forward(Packet *p)
{
    if (p->length() < NSH_BASE_LEN + NSH_SPH_LEN) {
        drop(p, drop_header);
        return;
    }
    WritablePacket *q = p->uniqueify();
    if (!q) {
        _drops[drop_nomem]++;
        return;
    }
    unsigned char *n = q->data();
    if ((n[0] >> 6) != 0 || (n[0] & NSH_O_BIT)) {
        drop(q, drop_header);
        return;
    }
    uint8_t ttl = (uint8_t) (((n[0] & 0x0F) << 2) | (n[1] >> 6));
    uint32_t words = n[1] & 0x3F;
    uint8_t mdtype = n[2] & 0x0F;
    uint8_t next = n[3];
    uint32_t hlen = words << 2;
    switch (mdtype) {
    case NSH_MDTYPE_1:
        if (words != NSH_MD1_WORDS) {
            drop(q, drop_header);
            return;
        }
        break;
    case NSH_MDTYPE_2:
        if (words < 2) {
            drop(q, drop_header);
            return;
        }
        break;
    default:
        drop(q, drop_header);
        return;
    }
    if (hlen > q->length() || next < NSH_NP_IPV4 || next > NSH_NP_ETHER) {
        drop(q, drop_header);
        return;
    }
    if (ttl <= 1) {
        drop(q, drop_ttl);
        return;
    }
    ttl--;

    uint32_t spi = ((uint32_t) n[4] << 16) | (n[5] << 8) | n[6];
    uint8_t si = n[7];
    PathEntry *pe = lookup_path(spi);
    if (!pe) {
        drop(q, drop_unknown_path);
        return;
    }
    if (si == 0 || si > pe->start_si) {
        drop(q, drop_si);
        return;
    }
    si--;
    unsigned hop = pe->start_si - si;
    if (hop >= pe->nhops) {
        // end of the chain: remove the NSH and hand over the inner packet
        q->pull(hlen);
        q->clear_mac_header();
        if (next == NSH_NP_IPV4 && q->length() >= sizeof(click_ip)) {
            const click_ip *iph = reinterpret_cast<const click_ip *>(q->data());
            q->set_ip_header(iph, iph->ip_hl << 2);
        } else
            q->clear_network_header();
        _terminated++;
        output(0).push(q);
        return;
    }
    int out = pe->hop_port[hop];
    if (out >= noutputs()) {
        drop(q, drop_port);
        return;
    }
    n[0] = (uint8_t) ((n[0] & 0xF0) | (ttl >> 2));
    n[1] = (uint8_t) (((ttl & 0x03) << 6) | words);
    n[7] = si;
    pe->packets++;
    _forwarded++;
    output(out).push(q);
}

void
NshClassifier::push(int port, Packet *p)
{
    if (port == 0)
        encapsulate(p);
    else
        forward(p);
}

enum { h_classified, h_forwarded, h_terminated, h_dropped, h_paths, h_rules };

String
NshClassifier::read_handler(Element *e, void *thunk)
{
    NshClassifier *c = static_cast<NshClassifier *>(e);
    StringAccum sa;
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_classified:
        sa << c->_classified;
        break;
    case h_forwarded:
        sa << c->_forwarded;
        break;
    case h_terminated:
        sa << c->_terminated;
        break;
    case h_dropped: {
        uint64_t total = 0;
        for (int i = 0; i < drop_count; i++)
            total += c->_drops[i];
        sa << total;
        break;
    }
    case h_paths:
        for (int i = 0; i < NPATHS; i++)
            if (c->_paths[i].valid)
                sa << c->_paths[i].spi << ' ' << (unsigned) c->_paths[i].start_si << ' '
                   << (unsigned) c->_paths[i].nhops << ' ' << c->_paths[i].packets << '\n';
        break;
    case h_rules:
        for (int i = 0; i < c->_rules.size(); i++)
            sa << i << ' ' << c->_rules[i].spi << ' ' << c->_rules[i].hits << '\n';
        break;
    }
    return sa.take_string();
}

void
NshClassifier::add_handlers()
{
    add_read_handler("classified", read_handler, h_classified);
    add_read_handler("forwarded", read_handler, h_forwarded);
    add_read_handler("terminated", read_handler, h_terminated);
    add_read_handler("dropped", read_handler, h_dropped);
    add_read_handler("paths", read_handler, h_paths);
    add_read_handler("rules", read_handler, h_rules);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(NshClassifier)
