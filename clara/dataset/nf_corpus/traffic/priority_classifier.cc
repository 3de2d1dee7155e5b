// -*- c-basic-offset: 4 -*-
/*
 * priority_classifier.{cc,hh} -- protocol/port based priority classes
 *
 * Training code for Clara's compute model (an NF-like Click element written
 * for the dataset); not one of the evaluation NFs.
 *
 * Per packet: a switch on the IP protocol, lookups in two 64 KiB in-object
 * port-to-class tables (TCP, UDP), a payload-length test for bare TCP
 * segments, an optional DSCP table lookup, per-class packet and byte
 * counters, and a push to the class's output.
 */

#include <click/config.h>
#include "priority_classifier.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

PriorityClassifier::PriorityClassifier()
    : _nclasses(1), _default(0), _ack_prio(false), _non_ip(0)
{
    memset(_tcp_class, NO_CLASS, sizeof(_tcp_class));
    memset(_udp_class, NO_CLASS, sizeof(_udp_class));
    memset(_proto_class, NO_CLASS, sizeof(_proto_class));
    memset(_dscp_class, NO_CLASS, sizeof(_dscp_class));
    memset(_class_pkts, 0, sizeof(_class_pkts));
    memset(_class_bytes, 0, sizeof(_class_bytes));
}

PriorityClassifier::~PriorityClassifier()
{
}

int
PriorityClassifier::parse_rule(const String &rule, ErrorHandler *errh)
{
    Vector<String> w;
    cp_spacevec(rule, w);
    if (w.size() != 3)
        return errh->error("RULE '%s': expected 'KIND VALUE CLASS'", rule.c_str());

    unsigned cls;
    if (!cp_integer(w[2], &cls) || (int) cls >= _nclasses)
        return errh->error("RULE '%s': class must be 0..%d", rule.c_str(), _nclasses - 1);

    if (w[0] == "proto") {
        unsigned proto;
        if (!cp_integer(w[1], &proto) || proto > 255)
            return errh->error("RULE '%s': bad protocol", rule.c_str());
        _proto_class[proto] = (uint8_t) cls;
        return 0;
    }

    uint8_t *table;
    if (w[0] == "tcp")
        table = _tcp_class;
    else if (w[0] == "udp")
        table = _udp_class;
    else
        return errh->error("RULE '%s': kind must be tcp, udp or proto", rule.c_str());

    unsigned lo, hi;
    int dash = w[1].find_left('-');
    if (dash < 0) {
        if (!cp_integer(w[1], &lo))
            return errh->error("RULE '%s': bad port", rule.c_str());
        hi = lo;
    } else if (!cp_integer(w[1].substring(0, dash), &lo)
               || !cp_integer(w[1].substring(dash + 1), &hi))
        return errh->error("RULE '%s': bad port range", rule.c_str());
    if (lo > hi || hi > 65535)
        return errh->error("RULE '%s': bad port range", rule.c_str());

    for (unsigned port = lo; port <= hi; port++)
        table[port] = more_urgent(table[port], (uint8_t) cls);
    return 0;
}

int
PriorityClassifier::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> rules;
    int dflt = -1;
    bool ack_prio = false, dscp_prio = false;

    if (Args(conf, this, errh)
        .read_all("RULE", rules)
        .read("DEFAULT", dflt)
        .read("ACK_PRIO", ack_prio)
        .read("DSCP_PRIO", dscp_prio)
        .complete() < 0)
        return -1;

    _nclasses = noutputs() > 0 ? noutputs() : 1;
    if (_nclasses > MAX_CLASSES)
        _nclasses = MAX_CLASSES;
    if (dflt < 0)
        dflt = _nclasses - 1;
    if (dflt >= _nclasses)
        return errh->error("DEFAULT must be 0..%d", _nclasses - 1);
    _default = (uint8_t) dflt;

    for (int i = 0; i < rules.size(); i++)
        if (parse_rule(rules[i], errh) < 0)
            return -1;

    if (dscp_prio) {
        _dscp_class[46] = 0;    // EF
        _dscp_class[48] = 0;    // CS6, network control
        _dscp_class[56] = 0;    // CS7
    }
    _ack_prio = ack_prio;
    return 0;
}

uint8_t
PriorityClassifier::classify_tcp(const Packet *p, const click_ip *iph) const
{
    const click_tcp *tcph = p->tcp_header();
    uint8_t c = more_urgent(_tcp_class[ntohs(tcph->th_dport)],
                            _tcp_class[ntohs(tcph->th_sport)]);
    if (_ack_prio) {
        // segments that carry no payload keep the ACK clock going
        unsigned hl = iph->ip_hl << 2;
        unsigned thl = tcph->th_off << 2;
        unsigned ip_len = ntohs(iph->ip_len);
        if (ip_len <= hl + thl
            || (tcph->th_flags & (TH_SYN | TH_FIN | TH_RST)) != 0)
            c = 0;
    }
    return c;
}

uint8_t
PriorityClassifier::classify(const Packet *p) const
{
    if (!p->has_network_header()
        || p->network_header() + sizeof(click_ip) > p->end_data())
        return NO_CLASS;
    const click_ip *iph = p->ip_header();
    if (iph->ip_v != 4)
        return NO_CLASS;

    uint8_t c = _dscp_class[iph->ip_tos >> 2];
    if (c == 0)
        return 0;

    const unsigned char *th = p->transport_header();
    bool have_ports = IP_FIRSTFRAG(iph) && th != 0;

    switch (iph->ip_p) {
    case IP_PROTO_TCP:
        if (have_ports && th + sizeof(click_tcp) <= p->end_data())
            c = more_urgent(c, classify_tcp(p, iph));
        break;
    case IP_PROTO_UDP:
        if (have_ports && th + sizeof(click_udp) <= p->end_data()) {
            const click_udp *udph = p->udp_header();
            c = more_urgent(c, more_urgent(_udp_class[ntohs(udph->uh_dport)],
                                           _udp_class[ntohs(udph->uh_sport)]));
        }
        break;
    default:
        break;
    }
    return more_urgent(c, _proto_class[iph->ip_p]);
}

void
PriorityClassifier::push(int, Packet *p)
{
    uint8_t c = classify(p);
    if (c == NO_CLASS || c >= _nclasses) {
        if (!p->has_network_header())
            _non_ip++;
        c = _default;
    }
    _class_pkts[c]++;
    _class_bytes[c] += p->length();
    checked_output_push(c, p);
}

String
PriorityClassifier::read_handler(Element *e, void *thunk)
{
    PriorityClassifier *pc = static_cast<PriorityClassifier *>(e);
    if (reinterpret_cast<uintptr_t>(thunk) != h_classes)
        return String();
    StringAccum sa;
    for (int i = 0; i < pc->_nclasses; i++)
        sa << i << ' ' << (unsigned long long) pc->_class_pkts[i] << ' '
           << (unsigned long long) pc->_class_bytes[i] << '\n';
    return sa.take_string();
}

int
PriorityClassifier::write_handler(const String &, Element *e, void *thunk,
                                  ErrorHandler *)
{
    PriorityClassifier *pc = static_cast<PriorityClassifier *>(e);
    if (reinterpret_cast<uintptr_t>(thunk) == h_reset) {
        memset(pc->_class_pkts, 0, sizeof(pc->_class_pkts));
        memset(pc->_class_bytes, 0, sizeof(pc->_class_bytes));
        pc->_non_ip = 0;
    }
    return 0;
}

void
PriorityClassifier::add_handlers()
{
    add_read_handler("classes", read_handler, h_classes);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PriorityClassifier)
