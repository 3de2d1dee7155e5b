/*
 * weighted_round_robin.cc -- WeightedRoundRobin: smooth weighted round
 * robin (int32_t current/effective weight arrays, one pass over up to 32
 * backends per packet), health flags in a bitmask with timed revival,
 * failure feedback on a second input, and per-second rate caps.
 *
 * Training code for Clara's compute model (nf_corpus/balancing): a
 * realistic upstream scheduler written for the corpus, not an evaluation
 * NF.  Per packet: a per-second counter reset loop, a revival loop over
 * down backends, the scheduling loop with skip branches and signed
 * arithmetic, a ratio comparison in 64 bits for the fallback, and VLAN
 * TCI / paint annotations; on the feedback input a protocol switch over
 * TCP flags and ICMP types.
 */
#include <click/config.h>
#include "weighted_round_robin.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/icmp.h>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

WeightedRoundRobin::WeightedRoundRobin()
    : _n(0), _healthy(0), _max_fails(3), _fail_timeout(10), _rate_cap(0),
      _vlan_base(100), _cap_second(0), _skipped(0), _forced(0), _no_backend(0),
      _feedback(0)
{
    memset(_weight, 0, sizeof(_weight));
    memset(_effective, 0, sizeof(_effective));
    memset(_current, 0, sizeof(_current));
    memset(_fails, 0, sizeof(_fails));
    memset(_sec_count, 0, sizeof(_sec_count));
    memset(_picks, 0, sizeof(_picks));
    memset(_bytes, 0, sizeof(_bytes));
    memset(_failures, 0, sizeof(_failures));
    memset(_outages, 0, sizeof(_outages));
}

WeightedRoundRobin::~WeightedRoundRobin()
{
}

/* Parse "5 3, 1 1" into out[]; the count, or -1 on a syntax error. */
int
WeightedRoundRobin::parse_weights(const String &s, int32_t *out, int max)
{
    const char *x = s.begin(), *end = s.end();
    int n = 0;
    while (x < end) {
        if (*x == ' ' || *x == '\t' || *x == ',' || *x == '\n') {
            ++x;
            continue;
        }
        if (*x < '0' || *x > '9' || n == max)
            return -1;
        int32_t v = 0;
        while (x < end && *x >= '0' && *x <= '9') {
            v = v * 10 + (*x - '0');
            if (v > MAX_WEIGHT)
                return -1;
            ++x;
        }
        if (v == 0)
            return -1;
        out[n++] = v;
    }
    return n;
}

int
WeightedRoundRobin::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String weights;
    unsigned vlan_base = 100;
    if (Args(conf, this, errh)
        .read_mp("WEIGHTS", weights)
        .read("MAX_FAILS", _max_fails)
        .read("FAIL_TIMEOUT", _fail_timeout)
        .read("RATE_CAP", _rate_cap)
        .read("VLAN_BASE", vlan_base)
        .complete() < 0)
        return -1;
    _n = parse_weights(weights, _weight, MAX_BACKENDS);
    if (_n <= 0)
        return errh->error("WEIGHTS must list 1 to %d weights between 1 and %d",
                           (int) MAX_BACKENDS, (int) MAX_WEIGHT);
    if (_max_fails == 0 || _max_fails > 255)
        return errh->error("MAX_FAILS must be between 1 and 255");
    if (_fail_timeout <= Timestamp())
        return errh->error("FAIL_TIMEOUT must be positive");
    if (vlan_base == 0 || vlan_base + _n > 4095)
        return errh->error("VLAN_BASE leaves no room for %d VLANs", _n);
    _vlan_base = (uint16_t) vlan_base;
    for (int i = 0; i < _n; ++i) {
        _effective[i] = _weight[i];
        _current[i] = 0;
    }
    _healthy = (_n == 32 ? 0xFFFFFFFFU : ((1U << _n) - 1));
    return 0;
}

/* Put backends whose outage is over back in rotation, at weight 1. */
void
WeightedRoundRobin::revive(const Timestamp &now)
{
    uint32_t down = ~_healthy & (_n == 32 ? 0xFFFFFFFFU : ((1U << _n) - 1));
    while (down) {
        int i = __builtin_ctz(down);
        down &= down - 1;
        if (now >= _down_until[i]) {
            _healthy |= 1U << i;
            _effective[i] = 1;
            _current[i] = 0;
            _fails[i] = 0;
        }
    }
}

int
WeightedRoundRobin::pick()
{
    int32_t total = 0;
    int best = -1, least = -1;
    for (int i = 0; i < _n; ++i) {
        if (!(_healthy & (1U << i)))
            continue;
        if (_rate_cap && _sec_count[i] >= _rate_cap) {
            _skipped++;
            if (least < 0
                || (uint64_t) _sec_count[i] * _weight[least]
                   < (uint64_t) _sec_count[least] * _weight[i])
                least = i;
            continue;
        }
        _current[i] += _effective[i];
        total += _effective[i];
        if (_effective[i] < _weight[i])
            _effective[i]++;            // slow recovery after failures
        if (best < 0 || _current[i] > _current[best])
            best = i;
    }
    if (best >= 0) {
        _current[best] -= total;
        return best;
    }
    if (least >= 0)
        _forced++;
    return least;
}

void
WeightedRoundRobin::report(int b, bool failed, const Timestamp &now)
{
    if (!failed) {
        _fails[b] = 0;
        return;
    }
    _failures[b]++;
    int32_t step = _weight[b] / (int32_t) _max_fails;
    _effective[b] -= (step > 0 ? step : 1);
    if (_effective[b] < 1)
        _effective[b] = 1;
    if (++_fails[b] >= _max_fails && (_healthy & (1U << b))) {
        _healthy &= ~(1U << b);
        _down_until[b] = now + _fail_timeout;
        _current[b] = 0;
        _outages[b]++;
    }
}

void
WeightedRoundRobin::handle_feedback(Packet *p)
{
    _feedback++;
    int b = p->paint_anno();
    if (b >= _n || !p->has_network_header()
        || p->network_length() < (int) sizeof(click_ip)) {
        p->kill();
        return;
    }
    const click_ip *iph = p->ip_header();
    bool failed = false;
    switch (iph->ip_p) {
    case IP_PROTO_TCP:
        if (p->transport_length() >= (int) sizeof(click_tcp))
            failed = (p->tcp_header()->th_flags & TH_RST) != 0;
        break;
    case IP_PROTO_ICMP:
        if (p->transport_length() >= 8) {
            const click_icmp *ic = p->icmp_header();
            // port/host/net unreachable from the backend's side
            failed = ic->icmp_type == ICMP_UNREACH
                && (ic->icmp_code == ICMP_UNREACH_PORT
                    || ic->icmp_code == ICMP_UNREACH_HOST
                    || ic->icmp_code == ICMP_UNREACH_NET);
        }
        break;
    default:
        break;
    }
    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();
    report(b, failed, now);
    p->kill();
}

void
WeightedRoundRobin::push(int port, Packet *p)
{
    if (port == 1) {
        handle_feedback(p);
        return;
    }

    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();
    if (_rate_cap) {
        int64_t sec = now.sec();
        if (sec != _cap_second) {
            _cap_second = sec;
            for (int i = 0; i < _n; ++i)
                _sec_count[i] = 0;
        }
    }
    if (_healthy != (_n == 32 ? 0xFFFFFFFFU : ((1U << _n) - 1)))
        revive(now);

    int b = pick();
    if (b < 0) {
        _no_backend++;
        p->kill();
        return;
    }
    _sec_count[b]++;
    _picks[b]++;
    _bytes[b] += p->length();

    uint16_t pcp = 0;
    if (p->has_network_header() && p->network_length() >= (int) sizeof(click_ip)
        && p->ip_header()->ip_v == 4)
        pcp = p->ip_header()->ip_tos >> 5;
    SET_VLAN_TCI_ANNO(p, htons((uint16_t) (pcp << 13 | (_vlan_base + b))));
    p->set_paint_anno((uint8_t) b);
    output(b % noutputs()).push(p);
}

String
WeightedRoundRobin::read_handler(Element *e, void *)
{
    WeightedRoundRobin *w = static_cast<WeightedRoundRobin *>(e);
    StringAccum sa;
    for (int i = 0; i < w->_n; ++i)
        sa << i << " weight " << w->_weight[i] << " effective " << w->_effective[i]
           << " current " << w->_current[i] << ((w->_healthy >> i) & 1 ? " up" : " down")
           << " picks " << w->_picks[i] << " bytes " << w->_bytes[i] << " failures "
           << w->_failures[i] << " outages " << w->_outages[i] << '\n';
    sa << "skipped " << w->_skipped << " forced " << w->_forced << " no_backend "
       << w->_no_backend << " feedback " << w->_feedback << '\n';
    return sa.take_string();
}

void
WeightedRoundRobin::add_handlers()
{
    add_read_handler("backends", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(WeightedRoundRobin)
