/*
 * qos_dscp_classifier.cc -- QosDscpClassifier: an ordered rule list scanned
 * from the top for every packet; the first matching rule decides.
 */
#include <click/config.h>
#include "qos_dscp_classifier.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

QosDscpClassifier::QosDscpClassifier()
    : _nrules(0), _default_class(9), _default_port(0), _defaulted(0), _non_ip(0)
{
}

QosDscpClassifier::~QosDscpClassifier()
{
}

bool
QosDscpClassifier::parse_rule(const String &s, Rule &r, ErrorHandler *errh, int idx)
{
    Vector<String> w;
    cp_spacevec(s, w);
    if (w.size() != 8 || w[5] != "->") {
        errh->error("RULE %d: expected \"SRC DST PROTO PORTS DSCP -> CLASS PORT\"", idx);
        return false;
    }
    IPAddress a, m;
    r.src = r.src_mask = r.dst = r.dst_mask = 0;
    if (w[0] != "-") {
        if (!cp_ip_prefix(w[0], &a, &m, true, this))
            return errh->error("RULE %d: bad SRC", idx), false;
        r.src = (a & m).addr();
        r.src_mask = m.addr();
    }
    if (w[1] != "-") {
        if (!cp_ip_prefix(w[1], &a, &m, true, this))
            return errh->error("RULE %d: bad DST", idx), false;
        r.dst = (a & m).addr();
        r.dst_mask = m.addr();
    }
    unsigned v, v2;
    r.proto = ANY_PROTO;
    if (w[2] != "-") {
        if (!cp_integer(w[2], &v) || v > 255)
            return errh->error("RULE %d: bad PROTO", idx), false;
        r.proto = (uint16_t) v;
    }
    r.port_lo = 0;
    r.port_hi = 65535;
    if (w[3] != "-") {
        int dash = w[3].find_left('-');
        if (dash < 0) {
            if (!cp_integer(w[3], &v) || v > 65535)
                return errh->error("RULE %d: bad PORTS", idx), false;
            r.port_lo = r.port_hi = (uint16_t) v;
        } else if (!cp_integer(w[3].substring(0, dash), &v)
                   || !cp_integer(w[3].substring(dash + 1), &v2) || v > v2 || v2 > 65535)
            return errh->error("RULE %d: bad PORTS", idx), false;
        else {
            r.port_lo = (uint16_t) v;
            r.port_hi = (uint16_t) v2;
        }
    }
    r.dscp = ANY_DSCP;
    if (w[4] != "-") {
        if (!cp_integer(w[4], &v) || v > 63)
            return errh->error("RULE %d: bad DSCP", idx), false;
        r.dscp = (uint16_t) v;
    }
    if (!cp_integer(w[6], &v) || v > 255 || !cp_integer(w[7], &v2) || (int) v2 >= noutputs())
        return errh->error("RULE %d: bad CLASS or PORT", idx), false;
    r.cls = (uint8_t) v;
    r.out = (uint8_t) v2;
    r.hits = 0;
    return true;
}

int
QosDscpClassifier::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> specs;
    unsigned dclass = 9;
    if (Args(conf, this, errh)
        .read_all("RULE", specs)
        .read("DEFAULT_CLASS", dclass)
        .read("DEFAULT_PORT", _default_port)
        .complete() < 0)
        return -1;
    if (specs.size() > MAX_RULES)
        return errh->error("too many rules");
    if (_default_port < 0 || _default_port >= noutputs() || dclass > 255)
        return errh->error("bad DEFAULT_CLASS or DEFAULT_PORT");
    _default_class = (uint8_t) dclass;
    for (int i = 0; i < specs.size(); ++i)
        if (!parse_rule(specs[i], _rules[i], errh, i + 1))
            return -1;
    _nrules = specs.size();
    return 0;
}

void
QosDscpClassifier::push(int, Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    const uint8_t *b = reinterpret_cast<const uint8_t *>(iph);
    if (b + sizeof(click_ip) > p->end_data() || iph->ip_v != 4) {
        _non_ip++;
        output(_default_port).push(p);
        return;
    }
    uint32_t src = iph->ip_src.s_addr, dst = iph->ip_dst.s_addr;
    uint8_t proto = iph->ip_p;
    uint8_t dscp = iph->ip_tos >> 2;
    int dport = -1;
    const uint8_t *l4 = b + (iph->ip_hl << 2);
    if ((proto == IP_PROTO_TCP || proto == IP_PROTO_UDP) && IP_FIRSTFRAG(iph)
        && l4 + 4 <= p->end_data())
        dport = (l4[2] << 8) | l4[3];

    for (int i = 0; i < _nrules; ++i) {
        Rule &r = _rules[i];
        if ((src & r.src_mask) != r.src || (dst & r.dst_mask) != r.dst)
            continue;
        if (r.proto != ANY_PROTO && r.proto != proto)
            continue;
        if (r.dscp != ANY_DSCP && r.dscp != dscp)
            continue;
        if (r.port_lo != 0 || r.port_hi != 65535) {
            if (dport < 0 || dport < r.port_lo || dport > r.port_hi)
                continue;
        }
        r.hits++;
        p->set_paint_anno(r.cls);
        output(r.out).push(p);
        return;
    }
    _defaulted++;
    p->set_paint_anno(_default_class);
    output(_default_port).push(p);
}

String
QosDscpClassifier::read_stats(Element *e, void *)
{
    QosDscpClassifier *q = static_cast<QosDscpClassifier *>(e);
    StringAccum sa;
    for (int i = 0; i < q->_nrules; ++i)
        sa << "rule " << (i + 1) << " class " << (int) q->_rules[i].cls
           << " hits " << q->_rules[i].hits << '\n';
    sa << "default " << q->_defaulted << "\nnon_ip " << q->_non_ip << '\n';
    return sa.take_string();
}

void
QosDscpClassifier::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(QosDscpClassifier)
