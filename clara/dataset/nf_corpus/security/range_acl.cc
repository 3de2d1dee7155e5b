/*
 * range_acl.cc -- RangeACL: ordered stateless ACL.  Rules are parsed from
 * "field value ... action" strings; the packet path walks the Vector of
 * rules from a per-protocol starting index, testing masked addresses and
 * 16-/8-bit ranges, and applies permit / deny / DSCP remark / count.
 *
 * Training code for Clara's compute model (nf_corpus/security): a realistic
 * ACL element written for the corpus, not an evaluation NF.  It has no
 * connection state; the per-packet cost is a linear scan whose length
 * depends on the configuration, plus an occasional header rewrite with an
 * incremental checksum update.
 */
#include <click/config.h>
#include "range_acl.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

RangeACL::RangeACL()
    : _default_verdict(V_PERMIT), _permitted(0), _denied(0), _remarked(0)
{
    for (int i = 0; i < 256; ++i)
        _first_rule[i] = 0;
}

RangeACL::~RangeACL()
{
}

bool
RangeACL::parse_range(const String &word, uint32_t max, Range16 &r)
{
    int colon = word.find_left(':');
    unsigned lo, hi;
    if (colon < 0) {
        if (!cp_integer(word, &lo))
            return false;
        hi = lo;
    } else if (!cp_integer(word.substring(0, colon), &lo)
               || !cp_integer(word.substring(colon + 1), &hi))
        return false;
    if (lo > hi || hi > max)
        return false;
    r.lo = lo;
    r.hi = hi;
    return true;
}

int
RangeACL::parse_rule(const String &text, AclRule &r, ErrorHandler *errh)
{
    Vector<String> words;
    cp_spacevec(text, words);
    memset(&r, 0, sizeof(r));
    r.sport.hi = r.dport.hi = r.len.hi = 0xFFFF;
    r.dscp_hi = 63;
    r.ttl_hi = 255;

    int i = 0;
    IPPrefixArg prefix_parser(true);
    while (i + 1 < words.size()) {
        const String &field = words[i];
        const String &value = words[i + 1];
        Range16 range;
        if (field == "src" || field == "dst") {
            IPAddress a, m;
            if (!prefix_parser.parse(value, a, m))
                return errh->error("rule %s: bad prefix %s", text.c_str(), value.c_str());
            if (field == "src") {
                r.src = (a & m).addr();
                r.src_mask = m.addr();
                r.match |= M_SRC;
            } else {
                r.dst = (a & m).addr();
                r.dst_mask = m.addr();
                r.match |= M_DST;
            }
        } else if (field == "proto") {
            unsigned n;
            if (value == "tcp")
                n = IP_PROTO_TCP;
            else if (value == "udp")
                n = IP_PROTO_UDP;
            else if (value == "icmp")
                n = IP_PROTO_ICMP;
            else if (!cp_integer(value, &n) || n > 255)
                return errh->error("rule %s: bad protocol", text.c_str());
            r.proto = n;
            r.match |= M_PROTO;
        } else if (field == "sport" || field == "dport" || field == "len") {
            if (!parse_range(value, 0xFFFF, range))
                return errh->error("rule %s: bad range %s", text.c_str(), value.c_str());
            if (field == "sport") {
                r.sport = range;
                r.match |= M_SPORT;
            } else if (field == "dport") {
                r.dport = range;
                r.match |= M_DPORT;
            } else {
                r.len = range;
                r.match |= M_LEN;
            }
        } else if (field == "dscp" || field == "ttl") {
            if (!parse_range(value, field == "dscp" ? 63 : 255, range))
                return errh->error("rule %s: bad range %s", text.c_str(), value.c_str());
            if (field == "dscp") {
                r.dscp_lo = range.lo;
                r.dscp_hi = range.hi;
                r.match |= M_DSCP;
            } else {
                r.ttl_lo = range.lo;
                r.ttl_hi = range.hi;
                r.match |= M_TTL;
            }
        } else if (field == "flags") {
            int slash = value.find_left('/');
            unsigned v, m = 0xFF;
            if (slash < 0 ? !cp_integer(value, 16, &v)
                : (!cp_integer(value.substring(0, slash), 16, &v)
                   || !cp_integer(value.substring(slash + 1), 16, &m)))
                return errh->error("rule %s: bad flags", text.c_str());
            r.flags_value = v & m;
            r.flags_mask = m;
            r.match |= M_FLAGS | M_PROTO;
            r.proto = IP_PROTO_TCP;
        } else if (field == "remark") {
            unsigned d;
            if (!cp_integer(value, &d) || d > 63)
                return errh->error("rule %s: bad DSCP", text.c_str());
            r.verdict = V_REMARK;
            r.remark_dscp = d;
            return i + 2 == words.size() ? 0 : errh->error("rule %s: text after action", text.c_str());
        } else
            return errh->error("rule %s: unknown field %s", text.c_str(), field.c_str());
        i += 2;
    }
    if (i + 1 != words.size())
        return errh->error("rule %s: missing action", text.c_str());
    if (words[i] == "permit")
        r.verdict = V_PERMIT;
    else if (words[i] == "deny")
        r.verdict = V_DENY;
    else if (words[i] == "count")
        r.verdict = V_COUNT;
    else
        return errh->error("rule %s: unknown action %s", text.c_str(), words[i].c_str());
    if ((r.match & (M_SPORT | M_DPORT)) && !(r.match & M_PROTO))
        return errh->error("rule %s: ports need proto tcp or udp", text.c_str());
    return 0;
}

int
RangeACL::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String def = "permit";
    if (Args(conf, this, errh).read("DEFAULT", def).consume() < 0)
        return -1;
    if (def == "permit")
        _default_verdict = V_PERMIT;
    else if (def == "deny")
        _default_verdict = V_DENY;
    else
        return errh->error("DEFAULT must be permit or deny");

    _rules.clear();
    for (int i = 0; i < conf.size(); ++i) {
        AclRule r;
        if (parse_rule(conf[i], r, errh) < 0)
            return -1;
        _rules.push_back(r);
    }
    if (_rules.size() > MAX_RULES)
        return errh->error("too many rules (max %d)", (int) MAX_RULES);

    // skip table: leading rules bound to another protocol never match
    for (int proto = 0; proto < 256; ++proto) {
        int j = 0;
        while (j < _rules.size() && (_rules[j].match & M_PROTO) && _rules[j].proto != proto)
            ++j;
        _first_rule[proto] = j;
    }
    return 0;
}

bool
RangeACL::rule_matches(const AclRule &r, const click_ip *iph, const Packet *p,
                       uint16_t sport, uint16_t dport, uint8_t tcp_flags) const
{
    uint32_t m = r.match;
    if ((m & M_PROTO) && r.proto != iph->ip_p)
        return false;
    if ((m & M_SRC) && (iph->ip_src.s_addr & r.src_mask) != r.src)
        return false;
    if ((m & M_DST) && (iph->ip_dst.s_addr & r.dst_mask) != r.dst)
        return false;
    if (m & (M_SPORT | M_DPORT | M_FLAGS)) {
        // ports and flags exist only in first fragments with a full header
        if (!IP_FIRSTFRAG(iph) || p->transport_length() < 8)
            return false;
        if ((m & M_SPORT) && !r.sport.contains(sport))
            return false;
        if ((m & M_DPORT) && !r.dport.contains(dport))
            return false;
        if ((m & M_FLAGS) && (tcp_flags & r.flags_mask) != r.flags_value)
            return false;
    }
    if (m & M_DSCP) {
        uint8_t dscp = iph->ip_tos >> 2;
        if (dscp < r.dscp_lo || dscp > r.dscp_hi)
            return false;
    }
    if ((m & M_TTL) && (iph->ip_ttl < r.ttl_lo || iph->ip_ttl > r.ttl_hi))
        return false;
    if ((m & M_LEN) && !r.len.contains(ntohs(iph->ip_len)))
        return false;
    return true;
}

/* Rewrite the DSCP bits, keeping ECN, and patch the header checksum. */
Packet *
RangeACL::remark(Packet *p, uint8_t dscp)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    click_ip *iph = q->ip_header();
    uint16_t old_word, new_word;
    memcpy(&old_word, iph, 2);              // version/IHL and TOS
    iph->ip_tos = (uint8_t) ((dscp << 2) | (iph->ip_tos & IP_ECNMASK));
    memcpy(&new_word, iph, 2);
    if (old_word != new_word)
        click_update_in_cksum(&iph->ip_sum, old_word, new_word);
    return q;
}

void
RangeACL::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    uint16_t sport = 0, dport = 0;
    uint8_t tcp_flags = 0;
    if (IP_FIRSTFRAG(iph) && p->transport_length() >= 8) {
        if (iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP) {
            const click_udp *uh = p->udp_header();
            sport = ntohs(uh->uh_sport);
            dport = ntohs(uh->uh_dport);
        }
        if (iph->ip_p == IP_PROTO_TCP && p->transport_length() >= 14)
            tcp_flags = p->tcp_header()->th_flags;
    }

    uint32_t len = p->length();
    uint8_t verdict = _default_verdict;
    uint8_t remark_dscp = 0;
    int n = _rules.size();
    for (int i = _first_rule[iph->ip_p]; i < n; ++i) {
        AclRule &r = _rules[i];
        if (!rule_matches(r, iph, p, sport, dport, tcp_flags))
            continue;
        r.packets++;
        r.bytes += len;
        if (r.verdict == V_COUNT)
            continue;
        verdict = r.verdict;
        remark_dscp = r.remark_dscp;
        break;
    }

    switch (verdict) {
    case V_REMARK:
        if ((iph->ip_tos >> 2) != remark_dscp) {
            p = remark(p, remark_dscp);
            if (!p)
                return;
            _remarked++;
        }
        /* fall through */
    case V_PERMIT:
        _permitted++;
        output(0).push(p);
        break;
    case V_DENY:
    default:
        _denied++;
        checked_output_push(1, p);
        break;
    }
}

enum { h_rules, h_permitted, h_denied, h_remarked };

String
RangeACL::read_handler(Element *e, void *thunk)
{
    RangeACL *acl = static_cast<RangeACL *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_rules:
        for (int i = 0; i < acl->_rules.size(); ++i)
            sa << i << ' ' << acl->_rules[i].packets << ' ' << acl->_rules[i].bytes << '\n';
        break;
    case h_permitted:
        sa << acl->_permitted;
        break;
    case h_denied:
        sa << acl->_denied;
        break;
    case h_remarked:
        sa << acl->_remarked;
        break;
    }
    return sa.take_string();
}

int
RangeACL::clear_handler(const String &, Element *e, void *, ErrorHandler *)
{
    RangeACL *acl = static_cast<RangeACL *>(e);
    for (int i = 0; i < acl->_rules.size(); ++i)
        acl->_rules[i].packets = acl->_rules[i].bytes = 0;
    acl->_permitted = acl->_denied = acl->_remarked = 0;
    return 0;
}

void
RangeACL::add_handlers()
{
    add_read_handler("rules", read_handler, h_rules);
    add_read_handler("permitted", read_handler, h_permitted);
    add_read_handler("denied", read_handler, h_denied);
    add_read_handler("remarked", read_handler, h_remarked);
    add_write_handler("clear", clear_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(RangeACL)
