/*
 * ingress_acl.cc -- IngressAcl: masked address compares, protocol and port
 * ranges, first match wins; a cheap generator decides which denied
 * packets get copied to the log output.
 */
#include <click/config.h>
#include "ingress_acl.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

IngressAcl::IngressAcl()
    : _default_permit(false), _log_one_in(0), _rng(0x6A09E667u),
      _default_hits(0), _logged(0)
{
}

IngressAcl::~IngressAcl()
{
}

bool
IngressAcl::parse_ports(const String &s, uint16_t &lo, uint16_t &hi)
{
    unsigned a, b;
    if (s == "any") {
        lo = 0;
        hi = 0xFFFF;
        return true;
    }
    int dash = s.find_left('-');
    if (dash < 0) {
        if (!cp_integer(s, &a) || a > 0xFFFF)
            return false;
        lo = hi = (uint16_t) a;
        return true;
    }
    if (!cp_integer(s.substring(0, dash), &a) || !cp_integer(s.substring(dash + 1), &b)
        || a > b || b > 0xFFFF)
        return false;
    lo = (uint16_t) a;
    hi = (uint16_t) b;
    return true;
}

int
IngressAcl::parse_rule(const String &s, Rule &r) const
{
    Vector<String> w;
    cp_spacevec(s, w);
    if (w.size() != 6)
        return -1;
    if (w[0] == "permit")
        r.permit = true;
    else if (w[0] == "deny")
        r.permit = false;
    else
        return -1;
    IPAddress a, m;
    if (!cp_ip_prefix(w[1], &a, &m, true, this))
        return -1;
    r.src = (a & m).addr();
    r.src_mask = m.addr();
    if (!cp_ip_prefix(w[2], &a, &m, true, this))
        return -1;
    r.dst = (a & m).addr();
    r.dst_mask = m.addr();
    unsigned proto;
    if (w[3] == "any")
        r.proto = -1;
    else if (cp_integer(w[3], &proto) && proto < 256)
        r.proto = (int) proto;
    else
        return -1;
    if (!parse_ports(w[4], r.sport_lo, r.sport_hi) || !parse_ports(w[5], r.dport_lo, r.dport_hi))
        return -1;
    r.matches = 0;
    return 0;
}

int
IngressAcl::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> rules;
    String def = "deny";
    if (Args(conf, this, errh)
        .read_all("RULE", rules)
        .read("DEFAULT", def)
        .read("LOG_ONE_IN", _log_one_in)
        .complete() < 0)
        return -1;
    if (def != "permit" && def != "deny")
        return errh->error("DEFAULT must be permit or deny");
    _default_permit = def == "permit";
    for (int i = 0; i < rules.size(); ++i) {
        Rule r;
        if (parse_rule(rules[i], r) < 0)
            return errh->error("RULE %d: expected \"permit|deny SRC/MASK DST/MASK PROTO SPORTS DPORTS\"", i + 1);
        _rules.push_back(r);
    }
    return 0;
}

void
IngressAcl::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    uint32_t src = iph->ip_src.s_addr, dst = iph->ip_dst.s_addr;
    int proto = iph->ip_p;
    bool has_ports = (proto == IP_PROTO_TCP || proto == IP_PROTO_UDP)
        && IP_FIRSTFRAG(iph) && p->transport_length() >= 4;
    uint16_t sport = 0, dport = 0;
    if (has_ports) {
        const click_udp *uh = p->udp_header();
        sport = ntohs(uh->uh_sport);
        dport = ntohs(uh->uh_dport);
    }

    bool permit = _default_permit;
    Rule *hit = 0;
    for (int i = 0; i < _rules.size(); ++i) {
        Rule &r = _rules[i];
        if ((src & r.src_mask) != r.src || (dst & r.dst_mask) != r.dst)
            continue;
        if (r.proto >= 0 && r.proto != proto)
            continue;
        if (has_ports && (sport < r.sport_lo || sport > r.sport_hi
                          || dport < r.dport_lo || dport > r.dport_hi))
            continue;
        hit = &r;
        break;
    }
    if (hit) {
        hit->matches++;
        permit = hit->permit;
    } else
        _default_hits++;

    if (permit) {
        output(0).push(p);
        return;
    }
    if (_log_one_in && noutputs() > 2 && next_random() % _log_one_in == 0) {
        if (Packet *c = p->clone()) {
            _logged++;
            output(2).push(c);
        }
    }
    output(1).push(p);
}

String
IngressAcl::counters_handler(Element *e, void *)
{
    IngressAcl *acl = static_cast<IngressAcl *>(e);
    StringAccum sa;
    for (int i = 0; i < acl->_rules.size(); ++i)
        sa << "rule " << (i + 1) << (acl->_rules[i].permit ? " permit " : " deny ")
           << acl->_rules[i].matches << '\n';
    sa << "default " << acl->_default_hits << "\nlogged " << acl->_logged << '\n';
    return sa.take_string();
}

void
IngressAcl::add_handlers()
{
    add_read_handler("counters", counters_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(IngressAcl)
