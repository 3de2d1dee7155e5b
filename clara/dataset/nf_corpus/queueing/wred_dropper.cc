/*
 * wred_dropper.cc -- WredDropper: weighted RED.  A simulated backlog drains
 * at the link rate between packets; its EWMA (uint64_t, bytes << 16) is
 * updated per arrival and decayed step by step over idle periods; the
 * packet's drop precedence picks a Profile whose thresholds give a Q16
 * drop probability, corrected by the count since the last drop and
 * compared with click_random().
 *
 * Training code for Clara's compute model (nf_corpus/queueing): a realistic
 * AQM written for the corpus, not an evaluation NF.  Per packet: IPv4
 * checks, 64-bit drain arithmetic, a bounded decay loop, fixed-point
 * division, a random draw, optional ECN CE marking with an incremental
 * checksum, a histogram update and a verdict switch.
 */
#include <click/config.h>
#include "wred_dropper.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
CLICK_DECLS

WredDropper::WredDropper()
    : _nprofiles(0), _prec_source(PREC_DSCP), _rate(0), _limit(262144), _qlen(0),
      _avg(0), _weight(9), _mean_pkt_ns(0), _last_ns(0), _idle_since_ns(0),
      _gentle(true), _ecn(false), _tail_drops(0)
{
    memset(_profiles, 0, sizeof(_profiles));
    memset(_prec_map, 0, sizeof(_prec_map));
    memset(_hist, 0, sizeof(_hist));
}

WredDropper::~WredDropper()
{
}

int
WredDropper::parse_profile(const String &text, Profile &pr, ErrorHandler *errh)
{
    Vector<String> words;
    cp_spacevec(text, words);
    unsigned min_th, max_th, maxp_pct;
    if (words.size() != 3 || !cp_integer(words[0], &min_th)
        || !cp_integer(words[1], &max_th) || !cp_integer(words[2], &maxp_pct))
        return errh->error("PROFILE %s: expected \"MIN MAX MAXP\"", text.c_str());
    if (min_th >= max_th)
        return errh->error("PROFILE %s: MIN must be below MAX", text.c_str());
    if (maxp_pct == 0 || maxp_pct > 100)
        return errh->error("PROFILE %s: MAXP must be 1-100 percent", text.c_str());
    memset(&pr, 0, sizeof(pr));
    pr.min_th = min_th;
    pr.max_th = max_th;
    pr.maxp = (maxp_pct << PROB_BITS) / 100;
    pr.inv_range = (uint32_t) ((1ULL << 32) / (max_th - min_th));
    pr.count = -1;
    return 0;
}

int
WredDropper::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned long long rate = 0;
    unsigned mean_pkt = 500;
    String prec = "dscp";
    Vector<String> profiles;
    if (Args(conf, this, errh)
        .read_mp("RATE", rate)
        .read("LIMIT", _limit)
        .read_all("PROFILE", profiles)
        .read("PREC", prec)
        .read("WEIGHT", _weight)
        .read("MEAN_PKT", mean_pkt)
        .read("GENTLE", _gentle)
        .read("ECN", _ecn)
        .complete() < 0)
        return -1;
    if (rate < 1000 || rate > 12500000000ULL)
        return errh->error("RATE must be 1000 to 12500000000 bytes/s");
    if (_limit < 1500 || _limit > rate)
        return errh->error("LIMIT must be 1500 bytes to one second of RATE");
    if (_weight < 1 || _weight > 16)
        return errh->error("WEIGHT must be 1-16");
    if (mean_pkt < 40 || mean_pkt > 65535)
        return errh->error("MEAN_PKT must be 40-65535 bytes");
    if (profiles.empty() || profiles.size() > MAX_PROFILES)
        return errh->error("need 1 to %d PROFILE arguments", (int) MAX_PROFILES);
    if (prec == "dscp")
        _prec_source = PREC_DSCP;
    else if (prec == "paint")
        _prec_source = PREC_PAINT;
    else if (prec == "ipprec")
        _prec_source = PREC_IPPREC;
    else
        return errh->error("PREC must be dscp, paint or ipprec");

    for (int i = 0; i < profiles.size(); ++i) {
        if (parse_profile(profiles[i], _profiles[i], errh) < 0)
            return -1;
        if (_profiles[i].max_th > _limit)
            return errh->error("PROFILE %d: MAX above LIMIT", i);
    }
    _nprofiles = profiles.size();
    _rate = rate;
    _mean_pkt_ns = (uint32_t) (((uint64_t) mean_pkt * 1000000000ULL) / rate);
    if (_mean_pkt_ns == 0)
        _mean_pkt_ns = 1;
    return 0;
}

int
WredDropper::initialize(ErrorHandler *)
{
    int last = _nprofiles - 1;
    for (int d = 0; d < 64; ++d) {
        int afc = d >> 3, dp = (d >> 1) & 3;
        int prof;
        if (afc >= 1 && afc <= 4 && !(d & 1) && dp != 0)
            prof = dp - 1;                      // AFxy: y-1
        else if (d == 46 || d >= 40)
            prof = 0;                           // EF, CS5-CS7: most protected
        else
            prof = last;                        // best effort and the rest
        _prec_map[d] = (uint8_t) (prof > last ? last : prof);
    }
    _last_ns = Timestamp::now_steady().nsecval();
    _idle_since_ns = _last_ns;
    return 0;
}

void
WredDropper::drain(int64_t now_ns)
{
    int64_t elapsed = now_ns - _last_ns;
    if (elapsed <= 0)
        return;
    _last_ns = now_ns;
    if (_qlen == 0)
        return;
    // one second drains any backlog (LIMIT <= RATE is checked); capping
    // also keeps elapsed * rate inside 64 bits
    uint64_t drained = elapsed >= 1000000000LL
        ? ~0ULL : ((uint64_t) elapsed * _rate) / 1000000000ULL;
    if (drained >= _qlen) {
        // the queue emptied part way: remember when, for the idle decay
        _idle_since_ns = now_ns - elapsed
            + (int64_t) (((uint64_t) _qlen * 1000000000ULL) / _rate);
        _qlen = 0;
    } else
        _qlen -= (uint32_t) drained;
}

void
WredDropper::update_average(int64_t now_ns)
{
    if (_idle_since_ns) {
        // RED: while idle, pretend m small packets arrived to an empty queue
        int64_t idle = now_ns - _idle_since_ns;
        uint64_t m = idle > 0 ? (uint64_t) idle / _mean_pkt_ns : 0;
        if (m >= MAX_DECAY_STEPS) {
            _avg = 0;
            _idle_since_ns = now_ns;
        } else {
            for (uint32_t i = 0; i < (uint32_t) m && _avg; ++i)
                _avg -= _avg >> _weight;
            // keep the remainder: a dropped packet leaves the queue idle
            _idle_since_ns += (int64_t) m * _mean_pkt_ns;
        }
        if (_qlen)
            _idle_since_ns = 0;
    }
    int64_t target = (int64_t) ((uint64_t) _qlen << AVG_SHIFT);
    int64_t diff = target - (int64_t) _avg;
    _avg = (uint64_t) ((int64_t) _avg + (diff >> (int) _weight));
}

uint32_t
WredDropper::drop_probability(const Profile &pr, uint32_t avg) const
{
    const uint32_t one = 1U << PROB_BITS;
    if (avg < pr.min_th)
        return 0;
    if (avg < pr.max_th)
        return (uint32_t) (((uint64_t) pr.maxp * (avg - pr.min_th) * pr.inv_range) >> 32);
    if (_gentle && avg < 2 * pr.max_th) {
        uint64_t extra = ((uint64_t) (one - pr.maxp) * (avg - pr.max_th)) / pr.max_th;
        return pr.maxp + (uint32_t) extra;
    }
    return one;
}

WredDropper::Verdict
WredDropper::decide(Profile &pr, bool ect, uint32_t len)
{
    uint32_t avg = (uint32_t) (_avg >> AVG_SHIFT);
    uint32_t pb = drop_probability(pr, avg);
    Verdict v = V_PASS;

    if (pb == 0)
        pr.count = -1;
    else if (pb >= (1U << PROB_BITS)) {
        pr.count = 0;
        v = V_FORCED;
    } else {
        pr.count++;
        // pa = pb / (1 - count * pb), spreading drops evenly
        int64_t denom = (int64_t) (1 << PROB_BITS) - (int64_t) pr.count * pb;
        uint32_t pa = denom <= (int64_t) pb
            ? (1U << PROB_BITS)
            : (uint32_t) (((uint64_t) pb << PROB_BITS) / (uint64_t) denom);
        uint32_t r = click_random() >> (31 - PROB_BITS);
        if (r < pa) {
            pr.count = 0;
            v = (_ecn && ect) ? V_MARK : V_EARLY;
        }
    }

    if ((v == V_PASS || v == V_MARK) && _qlen + len > _limit)
        v = V_TAIL;
    return v;
}

int
WredDropper::precedence(const Packet *p, const click_ip *iph) const
{
    int prof;
    switch (_prec_source) {
    case PREC_DSCP:
        prof = _prec_map[iph->ip_tos >> 2];
        break;
    case PREC_PAINT:
        prof = p->paint_anno();
        break;
    case PREC_IPPREC:
    default:
        // precedence 7 (network control) is the least droppable
        prof = ((7 - (iph->ip_tos >> 5)) * _nprofiles) >> 3;
        break;
    }
    return prof < _nprofiles ? prof : _nprofiles - 1;
}

Packet *
WredDropper::mark_ce(Packet *p)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    click_ip *iph = q->ip_header();
    uint16_t old_hw = *reinterpret_cast<uint16_t *>(iph);
    iph->ip_tos |= IP_ECN_CE;
    click_update_in_cksum(&iph->ip_sum, old_hw, *reinterpret_cast<uint16_t *>(iph));
    return q;
}

void
WredDropper::push(int, Packet *p)
{
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)) {
        output(0).push(p);
        return;
    }
    const click_ip *iph = p->ip_header();
    uint32_t len = ntohs(iph->ip_len);
    if (len < sizeof(click_ip) || len > (uint32_t) p->network_length())
        len = p->network_length();

    Timestamp ts = p->timestamp_anno();
    int64_t now = ts ? ts.nsecval() : Timestamp::recent_steady().nsecval();
    drain(now);
    update_average(now);

    uint32_t avg = (uint32_t) (_avg >> AVG_SHIFT);
    uint32_t bin = (uint32_t) (((uint64_t) avg * HIST_BINS) / ((uint64_t) _limit + 1));
    _hist[bin < HIST_BINS ? bin : HIST_BINS - 1]++;

    Profile &pr = _profiles[precedence(p, iph)];
    uint8_t ecn = iph->ip_tos & IP_ECNMASK;
    bool ect = ecn == IP_ECN_ECT1 || ecn == IP_ECN_ECT2 || ecn == IP_ECN_CE;

    switch (decide(pr, ect, len)) {
    case V_MARK:
        pr.marked++;
        if (ecn != IP_ECN_CE && !(p = mark_ce(p)))
            return;
        /* fall through */
    case V_PASS:
        pr.passed++;
        _qlen += len;
        _idle_since_ns = 0;
        output(0).push(p);
        return;
    case V_EARLY:
        pr.early++;
        break;
    case V_FORCED:
        pr.forced++;
        break;
    case V_TAIL:
        _tail_drops++;
        break;
    }
    checked_output_push(1, p);
}

enum { h_stats, h_avg, h_hist };

String
WredDropper::read_handler(Element *e, void *thunk)
{
    WredDropper *w = static_cast<WredDropper *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_stats:
        for (int i = 0; i < w->_nprofiles; ++i) {
            const Profile &pr = w->_profiles[i];
            sa << i << ' ' << pr.passed << ' ' << pr.marked << ' ' << pr.early
               << ' ' << pr.forced << '\n';
        }
        sa << "tail " << w->_tail_drops << '\n';
        break;
    case h_avg:
        sa << (unsigned long long) (w->_avg >> AVG_SHIFT) << ' ' << w->_qlen;
        break;
    case h_hist:
        for (int i = 0; i < HIST_BINS; ++i)
            if (w->_hist[i])
                sa << i << ' ' << w->_hist[i] << '\n';
        break;
    }
    return sa.take_string();
}

void
WredDropper::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("avg", read_handler, h_avg);
    add_read_handler("histogram", read_handler, h_hist);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(WredDropper)
