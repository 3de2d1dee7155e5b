/*
 * bng_mss_clamp.cc -- BngMssClamp: TCP option walk, MSS rewrite, checksum
 * over pseudo-header and segment.
 */
#include <click/config.h>
#include "bng_mss_clamp.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

BngMssClamp::BngMssClamp()
    : _mss(1452), _verify(true), _all(false), _syns(0), _clamped(0), _no_option(0),
      _bad_sum(0), _truncated(0), _largest_seen(0)
{
}

BngMssClamp::~BngMssClamp()
{
}

int
BngMssClamp::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned mss = 1452;
    if (Args(conf, this, errh)
        .read_p("MSS", mss)
        .read("VERIFY", _verify)
        .read("ALL_SEGMENTS", _all)
        .complete() < 0)
        return -1;
    if (mss < 536 || mss > 65495)
        return errh->error("MSS out of range");
    _mss = (uint16_t) mss;
    return 0;
}

/* One's-complement sum (folded, not complemented) of the IPv4 pseudo-header
   and the len-byte segment at seg. */
uint16_t
BngMssClamp::segment_sum(const click_ip *iph, const uint8_t *seg, unsigned len) const
{
    const uint8_t *sa = reinterpret_cast<const uint8_t *>(&iph->ip_src);
    const uint8_t *da = reinterpret_cast<const uint8_t *>(&iph->ip_dst);
    uint32_t acc = 0;
    acc += (sa[0] << 8) | sa[1];
    acc += (sa[2] << 8) | sa[3];
    acc += (da[0] << 8) | da[1];
    acc += (da[2] << 8) | da[3];
    acc += iph->ip_p;
    acc += len;
    unsigned i = 0;
    for (; i + 1 < len; i += 2)
        acc += (seg[i] << 8) | seg[i + 1];
    if (len & 1)
        acc += seg[len - 1] << 8;
    while (acc >> 16)
        acc = (acc & 0xFFFF) + (acc >> 16);
    return (uint16_t) acc;
}

/* Offset of the MSS option's value within opt, or -1. */
int
BngMssClamp::find_mss(const uint8_t *opt, int optlen) const
{
    int i = 0;
    while (i < optlen) {
        uint8_t kind = opt[i];
        if (kind == TCPOPT_EOL)
            break;
        if (kind == TCPOPT_NOP) {
            ++i;
            continue;
        }
        if (i + 1 >= optlen || opt[i + 1] < 2 || i + opt[i + 1] > optlen)
            break;
        if (kind == TCPOPT_MAXSEG && opt[i + 1] == TCPOLEN_MAXSEG)
            return i + 2;
        i += opt[i + 1];
    }
    return -1;
}

Packet *
BngMssClamp::simple_action(Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    const uint8_t *base = reinterpret_cast<const uint8_t *>(iph);
    if (base + sizeof(click_ip) > p->end_data() || iph->ip_v != 4
        || iph->ip_p != IP_PROTO_TCP || !IP_FIRSTFRAG(iph))
        return p;
    unsigned hl = iph->ip_hl << 2;
    unsigned total = ntohs(iph->ip_len);
    if (total < hl + sizeof(click_tcp) || base + total > p->end_data()) {
        _truncated++;
        return p;
    }
    const click_tcp *th = reinterpret_cast<const click_tcp *>(base + hl);
    bool syn = th->th_flags & TH_SYN;
    if (!syn && !_all)
        return p;
    if (syn)
        _syns++;
    unsigned thl = th->th_off << 2;
    if (thl < sizeof(click_tcp) || hl + thl > total)
        return p;

    int at = find_mss(base + hl + sizeof(click_tcp), (int) (thl - sizeof(click_tcp)));
    if (at < 0) {
        if (syn)
            _no_option++;
        return p;
    }
    at += hl + sizeof(click_tcp);
    uint16_t mss = (uint16_t) ((base[at] << 8) | base[at + 1]);
    if (mss > _largest_seen)
        _largest_seen = mss;
    if (mss <= _mss)
        return p;

    unsigned seglen = total - hl;
    if (_verify && segment_sum(iph, base + hl, seglen) != 0xFFFF) {
        _bad_sum++;
        checked_output_push(1, p);
        return 0;
    }

    int off = (int) (base - p->data());
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    uint8_t *w = q->data() + off;
    click_ip *wip = reinterpret_cast<click_ip *>(w);
    click_tcp *wth = reinterpret_cast<click_tcp *>(w + hl);
    w[at] = (uint8_t) (_mss >> 8);
    w[at + 1] = (uint8_t) _mss;
    wth->th_sum = 0;
    uint16_t sum = segment_sum(wip, w + hl, seglen);
    wth->th_sum = htons((uint16_t) ~sum);
    _clamped++;
    return q;
}

String
BngMssClamp::read_stats(Element *e, void *)
{
    BngMssClamp *c = static_cast<BngMssClamp *>(e);
    StringAccum sa;
    sa << "mss " << (int) c->_mss << "\nsyns " << c->_syns << "\nclamped " << c->_clamped
       << "\nno_option " << c->_no_option << "\nbad_checksum " << c->_bad_sum
       << "\ntruncated " << c->_truncated << "\nlargest_seen " << c->_largest_seen << '\n';
    return sa.take_string();
}

void
BngMssClamp::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(BngMssClamp)
