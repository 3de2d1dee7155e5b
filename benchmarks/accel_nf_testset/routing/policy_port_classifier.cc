/*
 * policy_port_classifier.cc -- PolicyPortClassifier: ranges kept sorted at
 * configuration, halved per step on the packet path.
 */
#include <click/config.h>
#include "policy_port_classifier.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

PolicyPortClassifier::PolicyPortClassifier()
    : _nr(0), _default(0), _tcp(true), _udp(true), _defaulted(0)
{
    memset(_hits, 0, sizeof(_hits));
}

PolicyPortClassifier::~PolicyPortClassifier()
{
}

/* Insert keeping _r sorted by lo; -1 if full or overlapping a neighbour. */
int
PolicyPortClassifier::add_range(uint16_t lo, uint16_t hi, uint8_t table)
{
    if (_nr >= MAX_RANGES || lo > hi)
        return -1;
    int at = _nr;
    while (at > 0 && _r[at - 1].lo > lo)
        --at;
    if (at > 0 && _r[at - 1].hi >= lo)
        return -1;
    if (at < _nr && _r[at].lo <= hi)
        return -1;
    for (int i = _nr; i > at; --i)
        _r[i] = _r[i - 1];
    _r[at].lo = lo;
    _r[at].hi = hi;
    _r[at].table = table;
    _nr++;
    return 0;
}

int
PolicyPortClassifier::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> ranges;
    String proto = "both";
    unsigned def = 0;
    if (Args(conf, this, errh)
        .read_all("RANGE", ranges)
        .read("DEFAULT", def)
        .read("PROTO", proto)
        .complete() < 0)
        return -1;
    if (def > 255)
        return errh->error("DEFAULT must fit the paint annotation");
    _default = (uint8_t) def;
    _tcp = proto == "tcp" || proto == "both";
    _udp = proto == "udp" || proto == "both";
    if (!_tcp && !_udp)
        return errh->error("PROTO must be tcp, udp or both");

    for (int i = 0; i < ranges.size(); ++i) {
        Vector<String> w;
        cp_spacevec(ranges[i], w);
        unsigned lo, hi, table;
        int dash = w.size() == 2 ? w[0].find_left('-') : -1;
        bool ok = w.size() == 2 && cp_integer(w[1], &table) && table < 256;
        if (ok && dash < 0) {
            ok = cp_integer(w[0], &lo);
            hi = lo;
        } else if (ok)
            ok = cp_integer(w[0].substring(0, dash), &lo)
                && cp_integer(w[0].substring(dash + 1), &hi);
        if (!ok || hi > 0xFFFF)
            return errh->error("RANGE %d: expected \"LO-HI TABLE\"", i + 1);
        if (add_range((uint16_t) lo, (uint16_t) hi, (uint8_t) table) < 0)
            return errh->error("RANGE %d: overlaps another range, or too many", i + 1);
    }
    return 0;
}

/* Index of the range holding port, or -1. */
int
PolicyPortClassifier::find(uint16_t port) const
{
    int lo = 0, hi = _nr - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (port < _r[mid].lo)
            hi = mid - 1;
        else if (port > _r[mid].hi)
            lo = mid + 1;
        else
            return mid;
    }
    return -1;
}

void
PolicyPortClassifier::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    int r = -1;
    bool l4 = (iph->ip_p == IP_PROTO_TCP && _tcp) || (iph->ip_p == IP_PROTO_UDP && _udp);
    if (l4 && IP_FIRSTFRAG(iph) && p->transport_length() >= 4) {
        const click_udp *uh = p->udp_header();     // ports sit alike in TCP and UDP
        r = find(ntohs(uh->uh_dport));
    }
    if (r >= 0) {
        _hits[r]++;
        p->set_paint_anno(_r[r].table);
        output(0).push(p);
    } else {
        _defaulted++;
        p->set_paint_anno(_default);
        checked_output_push(noutputs() > 1 ? 1 : 0, p);
    }
}

String
PolicyPortClassifier::hits_handler(Element *e, void *)
{
    PolicyPortClassifier *c = static_cast<PolicyPortClassifier *>(e);
    StringAccum sa;
    for (int i = 0; i < c->_nr; ++i)
        sa << c->_r[i].lo << '-' << c->_r[i].hi << " table " << (int) c->_r[i].table
           << " hits " << c->_hits[i] << '\n';
    sa << "default " << c->_defaulted << '\n';
    return sa.take_string();
}

void
PolicyPortClassifier::add_handlers()
{
    add_read_handler("hits", hits_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PolicyPortClassifier)
