/*
 * ordered_rule_acl.cc -- OrderedRuleAcl: rules parsed from text into a
 * Vector<Rule> of masks and port ranges; per packet the list is walked in
 * order and the walk stops at the first rule that matches.
 */
#include <click/config.h>
#include "ordered_rule_acl.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

OrderedRuleAcl::OrderedRuleAcl()
    : _default(V_DENY), _default_hits(0), _short(0)
{
}

OrderedRuleAcl::~OrderedRuleAcl()
{
}

bool
OrderedRuleAcl::parse_range(const String &s, uint16_t &lo, uint16_t &hi)
{
    if (s == "any") {
        lo = 0;
        hi = 65535;
        return true;
    }
    int dash = s.find_left('-');
    int a, b;
    if (dash < 0) {
        if (!cp_integer(s, &a))
            return false;
        b = a;
    } else if (!cp_integer(s.substring(0, dash), &a) || !cp_integer(s.substring(dash + 1), &b))
        return false;
    if (a < 0 || b > 65535 || a > b)
        return false;
    lo = (uint16_t) a;
    hi = (uint16_t) b;
    return true;
}

int
OrderedRuleAcl::parse_rule(const String &text, Rule &r, ErrorHandler *errh)
{
    Vector<String> w;
    cp_spacevec(text, w);
    if (w.size() < 4 || w.size() > 6)
        return errh->error("rule \"%s\": wrong number of words", text.c_str());

    if (w[0] == "permit")
        r.verdict = V_PERMIT;
    else if (w[0] == "deny")
        r.verdict = V_DENY;
    else if (w[0] == "reject")
        r.verdict = V_REJECT;
    else
        return errh->error("rule \"%s\": bad action", text.c_str());

    int proto;
    if (w[1] == "any")
        r.proto = -1;
    else if (w[1] == "tcp")
        r.proto = IP_PROTO_TCP;
    else if (w[1] == "udp")
        r.proto = IP_PROTO_UDP;
    else if (w[1] == "icmp")
        r.proto = IP_PROTO_ICMP;
    else if (cp_integer(w[1], &proto) && proto >= 0 && proto < 256)
        r.proto = (int16_t) proto;
    else
        return errh->error("rule \"%s\": bad protocol", text.c_str());

    IPAddress a, m;
    for (int i = 0; i < 2; ++i) {
        if (w[2 + i] == "any")
            a = m = IPAddress();
        else if (!cp_ip_prefix(w[2 + i], &a, &m, true, this))
            return errh->error("rule \"%s\": bad address", text.c_str());
        (i ? r.dst : r.src) = (a & m).addr();
        (i ? r.dst_mask : r.src_mask) = m.addr();
    }

    r.sport_lo = r.dport_lo = 0;
    r.sport_hi = r.dport_hi = 65535;
    if ((w.size() > 4 && !parse_range(w[4], r.sport_lo, r.sport_hi))
        || (w.size() > 5 && !parse_range(w[5], r.dport_lo, r.dport_hi)))
        return errh->error("rule \"%s\": bad port range", text.c_str());
    r.has_ports = r.sport_lo != 0 || r.sport_hi != 65535 || r.dport_lo != 0
        || r.dport_hi != 65535;
    if (r.has_ports && r.proto != IP_PROTO_TCP && r.proto != IP_PROTO_UDP)
        return errh->error("rule \"%s\": ports need tcp or udp", text.c_str());
    r.hits = 0;
    r.text = text;
    return 0;
}

int
OrderedRuleAcl::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> rules;
    String def = String("deny");
    if (Args(conf, this, errh)
        .read_all("RULE", rules)
        .read("DEFAULT", def)
        .complete() < 0)
        return -1;
    if (def == "permit")
        _default = V_PERMIT;
    else if (def == "deny")
        _default = V_DENY;
    else if (def == "reject")
        _default = V_REJECT;
    else
        return errh->error("bad DEFAULT");

    _rules.clear();
    for (int i = 0; i < rules.size(); ++i) {
        Rule r;
        if (parse_rule(rules[i], r, errh) < 0)
            return -1;
        _rules.push_back(r);
    }
    return 0;
}

void
OrderedRuleAcl::push(int, Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    const unsigned char *ipb = reinterpret_cast<const unsigned char *>(iph);
    const unsigned char *end = p->end_data();
    if (ipb + sizeof(click_ip) > end || iph->ip_v != 4) {
        _short++;
        output(1).push(p);
        return;
    }

    uint32_t src = iph->ip_src.s_addr, dst = iph->ip_dst.s_addr;
    bool have_ports = false;
    uint16_t sport = 0, dport = 0;
    const unsigned char *th = ipb + (iph->ip_hl << 2);
    if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP) && IP_FIRSTFRAG(iph)
        && th + 4 <= end) {
        sport = (th[0] << 8) | th[1];
        dport = (th[2] << 8) | th[3];
        have_ports = true;
    }

    uint8_t verdict = _default;
    int i;
    for (i = 0; i < _rules.size(); ++i) {
        Rule &r = _rules[i];
        if ((src & r.src_mask) != r.src || (dst & r.dst_mask) != r.dst)
            continue;
        if (r.proto >= 0 && r.proto != iph->ip_p)
            continue;
        if (r.has_ports) {
            if (!have_ports || sport < r.sport_lo || sport > r.sport_hi
                || dport < r.dport_lo || dport > r.dport_hi)
                continue;
        }
        r.hits++;
        verdict = r.verdict;
        break;
    }
    if (i == _rules.size())
        _default_hits++;

    if (verdict == V_PERMIT)
        output(0).push(p);
    else if (verdict == V_REJECT && noutputs() > 2)
        output(2).push(p);
    else
        output(1).push(p);
}

String
OrderedRuleAcl::read_rules(Element *e, void *)
{
    OrderedRuleAcl *acl = static_cast<OrderedRuleAcl *>(e);
    StringAccum sa;
    for (int i = 0; i < acl->_rules.size(); ++i)
        sa << i << ": " << acl->_rules[i].text << "  [" << acl->_rules[i].hits << "]\n";
    sa << "default [" << acl->_default_hits << "]\nshort " << acl->_short << '\n';
    return sa.take_string();
}

void
OrderedRuleAcl::add_handlers()
{
    add_read_handler("rules", read_rules, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(OrderedRuleAcl)
