/*
 * codel_marker.cc -- CoDelMarker: RFC 8289's CoDel over sojourn times from
 * the first-timestamp annotation.  Each CoDelState (one, or up to 64 chosen
 * by a flow hash) runs the first-above / dropping state machine; the next
 * signal time is INTERVAL * 1/sqrt(count), the reciprocal square root kept
 * in Q0.32 and advanced by Newton iterations (a 16-entry table covers small
 * counts).
 *
 * Training code for Clara's compute model (nf_corpus/queueing): a realistic
 * AQM written for the corpus, not an evaluation NF.  Per packet: annotation
 * reads, 64-bit time arithmetic, a log2 histogram via count-leading-zeros,
 * an optional flow hash with a modulo, the state machine, fixed-point
 * multiplies, and CE marking with an incremental IP checksum update.
 */
#include <click/config.h>
#include "codel_marker.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/packet_anno.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

CoDelMarker::CoDelMarker()
    : _target_ns(5000000), _interval_ns(100000000), _ce_threshold_ns(0), _nflows(1),
      _min_bytes(0), _ecn(true), _unstamped(0), _ce_threshold_marks(0)
{
    memset(_state, 0, sizeof(_state));
    memset(_inv_sqrt_table, 0, sizeof(_inv_sqrt_table));
    memset(_hist, 0, sizeof(_hist));
}

CoDelMarker::~CoDelMarker()
{
}

int
CoDelMarker::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Timestamp target = Timestamp::make_msec(5), interval = Timestamp::make_msec(100);
    Timestamp ce_threshold;
    if (Args(conf, this, errh)
        .read_p("TARGET", target)
        .read_p("INTERVAL", interval)
        .read("ECN", _ecn)
        .read("FLOWS", _nflows)
        .read("MIN_BYTES", _min_bytes)
        .read("CE_THRESHOLD", ce_threshold)
        .complete() < 0)
        return -1;
    if (target.nsecval() <= 0 || interval.nsecval() <= 0)
        return errh->error("TARGET and INTERVAL must be positive");
    if (target >= interval)
        return errh->error("TARGET must be below INTERVAL");
    if (interval.nsecval() > 10LL * 1000000000LL)
        return errh->error("INTERVAL must be at most 10s");
    if (_nflows < 1 || _nflows > MAX_FLOWS)
        return errh->error("FLOWS must be 1-%d", (int) MAX_FLOWS);
    if (ce_threshold.nsecval() < 0)
        return errh->error("CE_THRESHOLD must not be negative");
    _target_ns = target.nsecval();
    _interval_ns = interval.nsecval();
    _ce_threshold_ns = ce_threshold.nsecval();
    return 0;
}

/* One Newton iteration of y <- y * (3 - count * y^2) / 2, all in Q0.32. */
uint32_t
CoDelMarker::newton_step(uint32_t y, uint32_t count)
{
    uint64_t y2 = ((uint64_t) y * y) >> 32;
    uint64_t cy2 = (uint64_t) count * y2;
    if (cy2 >= (3ULL << 32))
        return y >> 1;                  // guess far too large: halve it
    uint64_t val = ((3ULL << 32) - cy2) >> 2;
    uint64_t r = ((uint64_t) y * val) >> 31;
    return r > 0xFFFFFFFFULL ? 0xFFFFFFFFU : (uint32_t) r;
}

uint32_t
CoDelMarker::inv_sqrt(uint32_t count) const
{
    if (count < SQRT_TABLE)
        return _inv_sqrt_table[count];
    // start at 2^-ceil(log2(count)/2) or so, below sqrt(3/count), so the
    // iteration converges monotonically
    int l = 31 - __builtin_clz(count);
    uint32_t y = (uint32_t) (0xFFFFFFFFULL >> ((l + 1) / 2));
    for (int i = 0; i < NEWTON_STEPS; ++i)
        y = newton_step(y, count);
    return y;
}

int
CoDelMarker::initialize(ErrorHandler *)
{
    _inv_sqrt_table[0] = _inv_sqrt_table[1] = 0xFFFFFFFFU;
    for (uint32_t c = 2; c < SQRT_TABLE; ++c) {
        int l = 31 - __builtin_clz(c);
        uint32_t y = (uint32_t) (0xFFFFFFFFULL >> ((l + 1) / 2));
        for (int i = 0; i < 2 * NEWTON_STEPS; ++i)
            y = newton_step(y, c);
        _inv_sqrt_table[c] = y;
    }
    for (int i = 0; i < MAX_FLOWS; ++i) {
        _state[i].count = _state[i].lastcount = 0;
        _state[i].rec_inv_sqrt = 0xFFFFFFFFU;
    }
    return 0;
}

bool
CoDelMarker::ok_to_signal(CoDelState &s, int64_t now, int64_t sojourn)
{
    if (sojourn < _target_ns) {
        s.first_above_ns = 0;
        return false;
    }
    if (s.first_above_ns == 0) {
        // above target: wait one interval before acting
        s.first_above_ns = now + _interval_ns;
        return false;
    }
    return now >= s.first_above_ns;
}

CoDelMarker::Action
CoDelMarker::codel(CoDelState &s, int64_t now, int64_t sojourn)
{
    bool ok = ok_to_signal(s, now, sojourn);

    if (s.dropping) {
        if (!ok) {
            s.dropping = false;
            return A_PASS;
        }
        if (now < s.drop_next_ns)
            return A_PASS;
        if (s.count < 0xFFFFF)
            s.count++;
        s.rec_inv_sqrt = s.count < SQRT_TABLE ? _inv_sqrt_table[s.count]
                                              : newton_step(s.rec_inv_sqrt, s.count);
        s.drop_next_ns = control_law(s, s.drop_next_ns);
        return A_SIGNAL;
    }

    if (!ok)
        return A_PASS;

    // enter the dropping state; if we left it recently, resume near the
    // previous rate instead of starting over at count 1
    s.dropping = true;
    uint32_t delta = s.count - s.lastcount;
    if (delta > 1 && now - s.drop_next_ns < 16 * _interval_ns)
        s.count = delta;
    else
        s.count = 1;
    s.rec_inv_sqrt = inv_sqrt(s.count);
    s.drop_next_ns = control_law(s, now);
    s.lastcount = s.count;
    return A_SIGNAL;
}

unsigned
CoDelMarker::flow_index(const Packet *p, const click_ip *iph) const
{
    if (_nflows == 1)
        return 0;
    uint32_t src = ntohl(iph->ip_src.s_addr), dst = ntohl(iph->ip_dst.s_addr);
    uint32_t h = src ^ ((dst << 13) | (dst >> 19)) ^ ((uint32_t) iph->ip_p << 24);
    if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP) && IP_FIRSTFRAG(iph)
        && p->transport_length() >= 4) {
        const click_udp *uh = p->udp_header();     // ports sit alike in TCP
        h ^= ((uint32_t) ntohs(uh->uh_sport) << 16) | ntohs(uh->uh_dport);
    }
    h *= 0x9E3779B1U;
    return (h >> 16) % _nflows;
}

Packet *
CoDelMarker::set_ce(Packet *p)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    click_ip *iph = q->ip_header();
    uint16_t old_hw = reinterpret_cast<const uint16_t *>(iph)[0];
    iph->ip_tos |= IP_ECN_CE;
    uint16_t new_hw = reinterpret_cast<const uint16_t *>(iph)[0];
    click_update_in_cksum(&iph->ip_sum, old_hw, new_hw);
    return q;
}

void
CoDelMarker::push(int, Packet *p)
{
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)) {
        output(0).push(p);
        return;
    }
    int64_t enq = (int64_t) p->anno_u64(FIRST_TIMESTAMP_ANNO_OFFSET);
    if (enq == 0) {
        _unstamped++;
        output(0).push(p);
        return;
    }
    const Timestamp &ts = p->timestamp_anno();
    int64_t now = ts ? ts.nsecval() : Timestamp::now().nsecval();
    int64_t sojourn = now - enq;
    if (sojourn < 0)
        sojourn = 0;

    uint64_t us = (uint64_t) sojourn / 1000;
    unsigned bin = us ? 64 - __builtin_clzll(us) : 0;
    _hist[bin < HIST_BINS ? bin : HIST_BINS - 1]++;

    const click_ip *iph = p->ip_header();
    CoDelState &s = _state[flow_index(p, iph)];
    s.packets++;
    if (sojourn > s.max_sojourn_ns)
        s.max_sojourn_ns = sojourn;
    uint8_t ecn = iph->ip_tos & IP_ECNMASK;
    bool ect = ecn != IP_ECN_NOT_ECT;

    if (_ce_threshold_ns && ect && sojourn > _ce_threshold_ns && ecn != IP_ECN_CE) {
        if (!(p = set_ce(p)))
            return;
        _ce_threshold_marks++;
        ecn = IP_ECN_CE;
        iph = p->ip_header();           // set_ce may have copied the packet
    }

    if (ntohs(iph->ip_len) < _min_bytes || codel(s, now, sojourn) == A_PASS) {
        output(0).push(p);
        return;
    }

    if (_ecn && ect) {
        s.marks++;
        if (ecn != IP_ECN_CE && !(p = set_ce(p)))
            return;
        output(0).push(p);
    } else {
        s.drops++;
        checked_output_push(1, p);
    }
}

enum { h_stats, h_sojourn };

String
CoDelMarker::read_handler(Element *e, void *thunk)
{
    CoDelMarker *c = static_cast<CoDelMarker *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_stats) {
        for (unsigned i = 0; i < c->_nflows; ++i) {
            const CoDelState &s = c->_state[i];
            if (!s.packets)
                continue;
            sa << i << ' ' << s.packets << ' ' << s.count << ' ' << s.marks << ' '
               << s.drops << ' ' << (s.dropping ? "dropping" : "ok") << ' '
               << (long long) (s.max_sojourn_ns / 1000) << "us\n";
        }
        sa << "unstamped " << c->_unstamped << "\nce_threshold " << c->_ce_threshold_marks
           << '\n';
    } else {
        for (int i = 0; i < HIST_BINS; ++i)
            if (c->_hist[i])
                sa << "<" << (i ? (1ULL << i) : 1ULL) << "us " << c->_hist[i] << '\n';
    }
    return sa.take_string();
}

void
CoDelMarker::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("sojourn", read_handler, h_sojourn);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CoDelMarker)
