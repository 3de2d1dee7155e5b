// -*- c-basic-offset: 4 -*-
/*
 * dscp_remarker.{cc,hh} -- DSCP rewriting through a 64-entry map
 *
 * Training code for Clara's compute model (an NF-like Click element written
 * for the dataset); not one of the evaluation NFs.
 *
 * Per packet: read ip_tos, look the code point up in a member table (and
 * scan up to 16 port rules for TCP/UDP), update per-DSCP counters, and if
 * the byte changes, uniqueify the packet and rewrite the TOS byte with an
 * incremental checksum update of the first header word.
 */

#include <click/config.h>
#include "dscp_remarker.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

DscpRemarker::DscpRemarker()
    : _nrules(0), _clear_ecn(false), _remarked(0), _rule_hits(0), _short(0)
{
    for (int i = 0; i < NDSCP; i++)
        _map[i] = (uint8_t) i;
    memset(_rules, 0, sizeof(_rules));
    memset(_seen, 0, sizeof(_seen));
    memset(_sent_pkts, 0, sizeof(_sent_pkts));
    memset(_sent_bytes, 0, sizeof(_sent_bytes));
}

DscpRemarker::~DscpRemarker()
{
}

int
DscpRemarker::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> maps, ports;
    unsigned dflt = 0;
    bool clear_ecn = false, trust = true;

    if (Args(conf, this, errh)
        .read_all("MAP", maps)
        .read_all("PORT", ports)
        .read("DEFAULT", dflt)
        .read("CLEAR_ECN", clear_ecn)
        .read("TRUST", trust)
        .complete() < 0)
        return -1;

    if (dflt >= NDSCP)
        return errh->error("DEFAULT must be a DSCP value 0..63");
    for (int i = 0; i < NDSCP; i++)
        _map[i] = trust ? (uint8_t) i : (uint8_t) dflt;

    for (int i = 0; i < maps.size(); i++) {
        Vector<String> words;
        cp_spacevec(maps[i], words);
        unsigned from, to;
        if (words.size() != 2 || !cp_integer(words[0], &from)
            || !cp_integer(words[1], &to) || from >= NDSCP || to >= NDSCP)
            return errh->error("MAP %d: expected 'FROM TO', DSCP values 0..63", i);
        _map[from] = (uint8_t) to;
    }

    if (ports.size() > MAX_PORT_RULES)
        return errh->error("at most %d PORT rules", (int) MAX_PORT_RULES);
    _nrules = 0;
    for (int i = 0; i < ports.size(); i++) {
        Vector<String> words;
        cp_spacevec(ports[i], words);
        unsigned port, dscp;
        if (words.size() < 2 || !cp_integer(words[0], &port)
            || !cp_integer(words[1], &dscp) || port > 65535 || dscp >= NDSCP)
            return errh->error("PORT %d: expected 'PORT DSCP [tcp|udp]'", i);
        PortRule &r = _rules[_nrules++];
        r.port = htons((uint16_t) port);
        r.dscp = (uint8_t) dscp;
        r.proto_mask = 3;
        if (words.size() > 2) {
            if (words[2] == "tcp")
                r.proto_mask = 1;
            else if (words[2] == "udp")
                r.proto_mask = 2;
            else
                return errh->error("PORT %d: protocol must be tcp or udp", i);
        }
    }

    _clear_ecn = clear_ecn;
    return 0;
}

// The DSCP a port rule assigns to this packet, or -1 if none matches.
int
DscpRemarker::port_rule_dscp(const Packet *p, const click_ip *iph) const
{
    if (_nrules == 0 || !IP_FIRSTFRAG(iph))
        return -1;

    uint8_t mask;
    uint16_t sport, dport;
    const unsigned char *th = p->transport_header();
    if (iph->ip_p == IP_PROTO_TCP) {
        if (!th || th + sizeof(click_tcp) > p->end_data())
            return -1;
        mask = 1;
        sport = p->tcp_header()->th_sport;
        dport = p->tcp_header()->th_dport;
    } else if (iph->ip_p == IP_PROTO_UDP) {
        if (!th || th + sizeof(click_udp) > p->end_data())
            return -1;
        mask = 2;
        sport = p->udp_header()->uh_sport;
        dport = p->udp_header()->uh_dport;
    } else
        return -1;

    // destination port first: it names the service
    for (int i = 0; i < _nrules; i++)
        if ((_rules[i].proto_mask & mask) && _rules[i].port == dport)
            return _rules[i].dscp;
    for (int i = 0; i < _nrules; i++)
        if ((_rules[i].proto_mask & mask) && _rules[i].port == sport)
            return _rules[i].dscp;
    return -1;
}

void
DscpRemarker::rewrite_tos(WritablePacket *q, uint8_t new_tos)
{
    click_ip *iph = q->ip_header();
    // The first 16-bit header word holds version/IHL and TOS.
    uint16_t old_hw, new_hw;
    memcpy(&old_hw, iph, 2);
    iph->ip_tos = new_tos;
    memcpy(&new_hw, iph, 2);
    click_update_in_cksum(&iph->ip_sum, old_hw, new_hw);
}

Packet *
DscpRemarker::simple_action(Packet *p)
{
    if (!p->has_network_header()
        || p->network_header() + sizeof(click_ip) > p->end_data()) {
        _short++;
        return p;
    }
    const click_ip *iph = p->ip_header();
    if (iph->ip_v != 4)
        return p;

    uint8_t tos = iph->ip_tos;
    uint8_t in_dscp = dscp_of(tos);
    _seen[in_dscp]++;

    int rule = port_rule_dscp(p, iph);
    uint8_t out_dscp;
    if (rule >= 0) {
        out_dscp = (uint8_t) rule;
        _rule_hits++;
    } else
        out_dscp = _map[in_dscp];

    uint8_t ecn = _clear_ecn ? 0 : (tos & IP_ECNMASK);
    uint8_t new_tos = make_tos(out_dscp, ecn);

    _sent_pkts[out_dscp]++;
    _sent_bytes[out_dscp] += ntohs(iph->ip_len);

    if (new_tos == tos)
        return p;

    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    rewrite_tos(q, new_tos);
    _remarked++;
    return q;
}

void
DscpRemarker::reset()
{
    memset(_seen, 0, sizeof(_seen));
    memset(_sent_pkts, 0, sizeof(_sent_pkts));
    memset(_sent_bytes, 0, sizeof(_sent_bytes));
    _remarked = _rule_hits = 0;
    _short = 0;
}

String
DscpRemarker::read_handler(Element *e, void *thunk)
{
    DscpRemarker *d = static_cast<DscpRemarker *>(e);
    StringAccum sa;
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_remarked:
        return String((unsigned long long) d->_remarked);
    case h_seen:
        for (int i = 0; i < NDSCP; i++)
            if (d->_seen[i])
                sa << i << ' ' << (unsigned long long) d->_seen[i] << '\n';
        return sa.take_string();
    case h_sent:
        for (int i = 0; i < NDSCP; i++)
            if (d->_sent_pkts[i])
                sa << i << ' ' << (unsigned long long) d->_sent_pkts[i] << ' '
                   << (unsigned long long) d->_sent_bytes[i] << '\n';
        return sa.take_string();
    case h_map:
        for (int i = 0; i < NDSCP; i++)
            if (d->_map[i] != i)
                sa << i << " -> " << (int) d->_map[i] << '\n';
        return sa.take_string();
    default:
        return String();
    }
}

int
DscpRemarker::write_handler(const String &, Element *e, void *thunk,
                            ErrorHandler *)
{
    DscpRemarker *d = static_cast<DscpRemarker *>(e);
    if (reinterpret_cast<uintptr_t>(thunk) == h_reset)
        d->reset();
    return 0;
}

void
DscpRemarker::add_handlers()
{
    add_read_handler("remarked", read_handler, h_remarked);
    add_read_handler("seen", read_handler, h_seen);
    add_read_handler("sent", read_handler, h_sent);
    add_read_handler("map", read_handler, h_map);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DscpRemarker)
