/*
 * stateful_firewall.cc -- StatefulFirewall: an ordered 5-tuple rule list
 * plus per-connection TCP state tracking.
 *
 * What it models: a stateful ACL of the kind deployed at a network edge.
 * The per-packet work is a HashMap lookup of the connection (tried in both
 * directions), a small TCP state machine driven by the SYN/ACK/FIN/RST flags,
 * timestamp comparisons for idle expiry, and -- only for connection
 * openers -- a linear scan of the Vector of rules with masked address
 * compares and port range checks.  Verdicts go to two outputs.
 */
#include <click/config.h>
#include "stateful_firewall.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

StatefulFirewall::StatefulFirewall()
    : _default_action(A_DENY), _accepted(0), _dropped(0)
{
}

StatefulFirewall::~StatefulFirewall()
{
}

static int
parse_port_range(const String &word, uint16_t &lo, uint16_t &hi)
{
    if (word == "any") {
        lo = 0;
        hi = 0xFFFF;
        return 0;
    }
    int dash = word.find_left('-');
    unsigned a, b;
    if (dash < 0) {
        if (!cp_integer(word, &a) || a > 0xFFFF)
            return -1;
        b = a;
    } else if (!cp_integer(word.substring(0, dash), &a)
               || !cp_integer(word.substring(dash + 1), &b)
               || a > b || b > 0xFFFF)
        return -1;
    lo = a;
    hi = b;
    return 0;
}

static int
parse_prefix(const String &word, uint32_t &addr, uint32_t &mask)
{
    if (word == "any") {
        addr = mask = 0;
        return 0;
    }
    IPAddress a, m;
    if (!cp_ip_prefix(word, &a, &m, true))
        return -1;
    addr = (a & m).addr();
    mask = m.addr();
    return 0;
}

int
StatefulFirewall::parse_rule(const String &text, Rule &r, ErrorHandler *errh)
{
    Vector<String> words;
    cp_spacevec(text, words);
    if (words.size() != 6)
        return errh->error("rule %s: expected ACTION PROTO SRC SPORT DST DPORT", text.c_str());

    if (words[0] == "allow")
        r.action = A_ALLOW;
    else if (words[0] == "deny")
        r.action = A_DENY;
    else
        return errh->error("rule %s: bad action", text.c_str());

    if (words[1] == "any")
        r.proto = 0;
    else if (words[1] == "tcp")
        r.proto = IP_PROTO_TCP;
    else if (words[1] == "udp")
        r.proto = IP_PROTO_UDP;
    else if (words[1] == "icmp")
        r.proto = IP_PROTO_ICMP;
    else
        return errh->error("rule %s: bad protocol", text.c_str());

    if (parse_prefix(words[2], r.src_addr, r.src_mask) < 0
        || parse_port_range(words[3], r.sport_lo, r.sport_hi) < 0
        || parse_prefix(words[4], r.dst_addr, r.dst_mask) < 0
        || parse_port_range(words[5], r.dport_lo, r.dport_hi) < 0)
        return errh->error("rule %s: bad address or port", text.c_str());
    r.hits = 0;
    return 0;
}

int
StatefulFirewall::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String default_action = "deny";
    uint32_t tcp_timeout = 3600, half_open_timeout = 30, udp_timeout = 60;
    if (Args(conf, this, errh)
        .read("DEFAULT", default_action)
        .read("TCP_TIMEOUT", tcp_timeout)
        .read("HALF_OPEN_TIMEOUT", half_open_timeout)
        .read("UDP_TIMEOUT", udp_timeout)
        .consume() < 0)
        return -1;
    if (default_action == "allow")
        _default_action = A_ALLOW;
    else if (default_action == "deny")
        _default_action = A_DENY;
    else
        return errh->error("DEFAULT must be allow or deny");
    _tcp_timeout = Timestamp::make_sec(tcp_timeout);
    _half_open_timeout = Timestamp::make_sec(half_open_timeout);
    _udp_timeout = Timestamp::make_sec(udp_timeout);

    _rules.clear();
    int errors = 0;
    for (int i = 0; i < conf.size(); ++i) {
        Rule r;
        if (parse_rule(conf[i], r, errh) < 0)
            errors++;
        else
            _rules.push_back(r);
    }
    return errors ? -1 : 0;
}

/* First matching rule's action, or the default. */
int
StatefulFirewall::match_rules(const click_ip *iph, uint16_t sport, uint16_t dport)
{
    uint32_t src = iph->ip_src.s_addr, dst = iph->ip_dst.s_addr;
    int n = _rules.size();
    for (int i = 0; i < n; ++i) {
        Rule &r = _rules[i];
        if (r.proto && r.proto != iph->ip_p)
            continue;
        if ((src & r.src_mask) != r.src_addr || (dst & r.dst_mask) != r.dst_addr)
            continue;
        if (sport < r.sport_lo || sport > r.sport_hi
            || dport < r.dport_lo || dport > r.dport_hi)
            continue;
        r.hits++;
        return r.action;
    }
    return _default_action;
}

/* Advance c's TCP state for a packet with 'flags'; false if the packet is
   not acceptable in the current state. */
bool
StatefulFirewall::track_tcp(Conn &c, bool from_initiator, uint8_t flags)
{
    if (flags & TH_RST) {
        c.state = S_CLOSED;
        return true;
    }
    switch (c.state) {
    case S_SYN_SENT:
        if (!from_initiator && (flags & (TH_SYN | TH_ACK)) == (TH_SYN | TH_ACK))
            c.state = S_SYN_RECEIVED;
        else if (!(from_initiator && (flags & TH_SYN)))    // SYN retransmit is fine
            return false;
        return true;
    case S_SYN_RECEIVED:
        if (from_initiator && (flags & TH_ACK) && !(flags & TH_SYN))
            c.state = S_ESTABLISHED;
        else if (flags & TH_SYN)                            // SYN / SYN-ACK retransmit
            return true;
        else
            return false;
        break;
    case S_ESTABLISHED:
    case S_FIN_WAIT:
    case S_CLOSING:
        if (flags & TH_SYN)
            return false;
        break;
    case S_CLOSED:
        // only late ACKs of the final FIN
        return (flags & (TH_SYN | TH_FIN)) == 0;
    default:
        return false;
    }
    if (flags & TH_FIN) {
        c.fin_from |= from_initiator ? 1 : 2;
        c.state = (c.fin_from == 3 ? S_CLOSING : S_FIN_WAIT);
    } else if (c.state == S_CLOSING && (flags & TH_ACK))
        c.state = S_CLOSED;
    return true;
}

bool
StatefulFirewall::conn_expired(const Conn &c, const Timestamp &now) const
{
    const Timestamp *limit;
    if (c.state == S_UDP)
        limit = &_udp_timeout;
    else if (c.state == S_ESTABLISHED)
        limit = &_tcp_timeout;
    else
        limit = &_half_open_timeout;
    return now - c.last_seen > *limit;
}

void
StatefulFirewall::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    uint8_t proto = iph->ip_p;
    uint16_t sport = 0, dport = 0;
    uint8_t flags = 0;
    bool has_ports = (proto == IP_PROTO_TCP || proto == IP_PROTO_UDP) && IP_FIRSTFRAG(iph);

    if (has_ports) {
        const click_udp *uh = p->udp_header();     // ports at the same offsets in TCP
        sport = uh->uh_sport;
        dport = uh->uh_dport;
        if (proto == IP_PROTO_TCP)
            flags = p->tcp_header()->th_flags;
    } else if (proto == IP_PROTO_TCP || proto == IP_PROTO_UDP) {
        // non-first fragment: no ports to track
        goto drop;
    }

    {
        Timestamp now = p->timestamp_anno();
        if (!now)
            now = Timestamp::recent();

        ConnKey key;
        key.flow = IPFlowID(iph->ip_src, sport, iph->ip_dst, dport);
        key.proto = proto;
        bool from_initiator = true;
        Conn *c = _conns.findp(key);
        if (!c) {
            key.flow = key.flow.reverse();
            c = _conns.findp(key);
            from_initiator = false;
        }

        if (c && conn_expired(*c, now)) {
            _conns.erase(key);
            c = 0;
        }

        if (c) {
            bool ok = (proto == IP_PROTO_TCP ? track_tcp(*c, from_initiator, flags) : true);
            if (!ok)
                goto drop;
            c->last_seen = now;
            c->packets++;
            goto accept;
        }

        // no connection: only an opener may create one
        if (proto == IP_PROTO_TCP && (flags & (TH_SYN | TH_ACK | TH_RST)) != TH_SYN)
            goto drop;
        if (match_rules(iph, ntohs(sport), ntohs(dport)) != A_ALLOW)
            goto drop;

        Conn nc;
        nc.state = (proto == IP_PROTO_TCP ? S_SYN_SENT : S_UDP);
        nc.fin_from = 0;
        nc.last_seen = now;
        nc.packets = 1;
        key.flow = IPFlowID(iph->ip_src, sport, iph->ip_dst, dport);
        _conns.insert(key, nc);
    }

  accept:
    _accepted++;
    output(0).push(p);
    return;

  drop:
    _dropped++;
    checked_output_push(1, p);
}

enum { h_accepted, h_dropped, h_connections, h_rule_hits };

String
StatefulFirewall::read_handler(Element *e, void *thunk)
{
    StatefulFirewall *fw = static_cast<StatefulFirewall *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_accepted:
        sa << fw->_accepted;
        break;
    case h_dropped:
        sa << fw->_dropped;
        break;
    case h_connections:
        sa << (unsigned long) fw->_conns.size();
        break;
    case h_rule_hits:
        for (int i = 0; i < fw->_rules.size(); ++i)
            sa << i << ' ' << fw->_rules[i].hits << '\n';
        break;
    }
    return sa.take_string();
}

void
StatefulFirewall::add_handlers()
{
    add_read_handler("accepted", read_handler, h_accepted);
    add_read_handler("dropped", read_handler, h_dropped);
    add_read_handler("connections", read_handler, h_connections);
    add_read_handler("rule_hits", read_handler, h_rule_hits);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(StatefulFirewall)
