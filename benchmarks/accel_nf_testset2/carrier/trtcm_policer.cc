/*
 * trtcm_policer.cc -- TrTcmPolicer: RFC 2698 token buckets in fixed point,
 * refilled from the elapsed time at each packet.
 */
#include <click/config.h>
#include "trtcm_policer.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

TrTcmPolicer::TrTcmPolicer()
    : _n(1), _cir(0), _cbs(0), _pir(0), _pbs(0), _cir_ns(0), _pir_ns(0), _by_session(false),
      _color_aware(false), _red_dropped(0)
{
    memset(_b, 0, sizeof(_b));
}

TrTcmPolicer::~TrTcmPolicer()
{
}

int
TrTcmPolicer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned long long cir, cbs, pir, pbs;
    if (Args(conf, this, errh)
        .read_mp("CIR", cir)
        .read_mp("CBS", cbs)
        .read_mp("PIR", pir)
        .read_mp("PBS", pbs)
        .read("INSTANCES", _n)
        .read("BY_SESSION", _by_session)
        .read("COLOR_AWARE", _color_aware)
        .complete() < 0)
        return -1;
    if (pir < cir)
        return errh->error("PIR must be at least CIR");
    if (pir > (1ULL << 38))
        return errh->error("rate too high");
    if (cbs == 0 || pbs == 0 || cbs > (1ULL << 40) || pbs > (1ULL << 40))
        return errh->error("bad burst size");
    if (_n < 1 || _n > MAX_INSTANCES)
        return errh->error("INSTANCES must be 1..%d", (int) MAX_INSTANCES);
    _cir = cir;
    _cbs = cbs;
    _pir = pir;
    _pbs = pbs;
    _cir_ns = (cir << 24) / 1000000000ULL;
    _pir_ns = (pir << 24) / 1000000000ULL;
    // buckets start full (RFC 2698, section 3)
    for (int i = 0; i < _n; ++i) {
        _b[i].tc = _cbs << SCALE;
        _b[i].tp = _pbs << SCALE;
        _b[i].last_ns = 0;
    }
    return 0;
}

void
TrTcmPolicer::refill(Buckets &b, int64_t now_ns)
{
    if (b.last_ns == 0 || now_ns <= b.last_ns) {
        b.last_ns = now_ns;
        return;
    }
    uint64_t dt = (uint64_t) (now_ns - b.last_ns);
    if (dt > 10000000000ULL)            // 10 s idle refills everything
        dt = 10000000000ULL;
    b.last_ns = now_ns;
    // per-ns rates carry 24 fraction bits; tokens carry SCALE
    uint64_t add_c = (_cir_ns * dt) >> (24 - SCALE);
    uint64_t add_p = (_pir_ns * dt) >> (24 - SCALE);
    uint64_t cap_c = _cbs << SCALE, cap_p = _pbs << SCALE;
    b.tc = (b.tc + add_c > cap_c) ? cap_c : b.tc + add_c;
    b.tp = (b.tp + add_p > cap_p) ? cap_p : b.tp + add_p;
}

TrTcmPolicer::Color
TrTcmPolicer::precolor(const Packet *p) const
{
    if (!_color_aware || !p->has_network_header())
        return GREEN;
    const click_ip *iph = p->ip_header();
    uint8_t dscp = iph->ip_tos >> 2;
    // AF classes: class in bits 5..3, drop precedence in bits 2..1
    if ((dscp & 0x07) == 0 || (dscp & 0x01) || (dscp >> 3) < 1 || (dscp >> 3) > 4)
        return GREEN;
    switch ((dscp >> 1) & 0x03) {
    case 2:
        return YELLOW;
    case 3:
        return RED;
    default:
        return GREEN;
    }
}

void
TrTcmPolicer::push(int, Packet *p)
{
    uint32_t sel = _by_session ? AGGREGATE_ANNO(p) : p->paint_anno();
    Buckets &b = _b[sel % (uint32_t) _n];
    refill(b, Timestamp::recent_steady().nsecval());

    uint64_t need = (uint64_t) p->length() << SCALE;
    Color pre = precolor(p);
    Color c;
    // RFC 2698 section 3: the peak bucket is checked first
    if (pre == RED || b.tp < need)
        c = RED;
    else if (pre == YELLOW || b.tc < need) {
        c = YELLOW;
        b.tp -= need;
    } else {
        c = GREEN;
        b.tp -= need;
        b.tc -= need;
    }
    b.colored[c]++;

    if (c == RED && noutputs() < 3) {
        _red_dropped++;
        p->kill();
        return;
    }
    output(c).push(p);
}

String
TrTcmPolicer::read_stats(Element *e, void *)
{
    TrTcmPolicer *t = static_cast<TrTcmPolicer *>(e);
    StringAccum sa;
    for (int i = 0; i < t->_n; ++i) {
        const Buckets &b = t->_b[i];
        if (b.colored[0] | b.colored[1] | b.colored[2])
            sa << i << " green " << b.colored[0] << " yellow " << b.colored[1]
               << " red " << b.colored[2] << '\n';
    }
    sa << "red_dropped " << t->_red_dropped << '\n';
    return sa.take_string();
}

void
TrTcmPolicer::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TrTcmPolicer)
