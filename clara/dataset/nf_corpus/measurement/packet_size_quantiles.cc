/*
 * packet_size_quantiles.cc -- PacketSizeQuantiles: per-class histograms of
 * packet lengths over log-spaced buckets (up to 8 classes x 161 uint32_t
 * buckets, about 5 KiB), a binary search for the bucket, and every N
 * packets a cumulative walk that answers p50/p90/p99.
 *
 * Training code for Clara's compute model (nf_corpus/measurement): a
 * realistic packet-size monitor written for the corpus, not an evaluation
 * NF.  Per packet: a class switch on protocol or DSCP, a binary search over
 * a uint16_t bound table, two increments, a comparison against the last
 * quantiles for the paint annotation; every N packets nested loops over the
 * classes and buckets, a Vector of reports, and an aging loop.
 */
#include <click/config.h>
#include "packet_size_quantiles.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
CLICK_DECLS

PacketSizeQuantiles::PacketSizeQuantiles()
    : _nbuckets(0), _nclasses(4), _sub_shift(3), _class_mode(CLASS_PROTO),
      _aging(AGING_HALVE), _n(4096), _countdown(4096), _seq(0), _max_reports(64),
      _have_quantiles(false)
{
    memset(_counts, 0, sizeof(_counts));
    memset(_total, 0, sizeof(_total));
    memset(_bytes, 0, sizeof(_bytes));
    memset(_lower, 0, sizeof(_lower));
    memset(_quant, 0, sizeof(_quant));
}

PacketSizeQuantiles::~PacketSizeQuantiles()
{
}

int
PacketSizeQuantiles::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned sub = 8;
    String classes = "proto", aging = "halve";
    if (Args(conf, this, errh)
        .read_p("N", _n)
        .read("SUBBUCKETS", sub)
        .read("CLASSES", classes)
        .read("AGING", aging)
        .read("MAX_REPORTS", _max_reports)
        .complete() < 0)
        return -1;
    if (_n < 16)
        return errh->error("N must be at least 16");
    switch (sub) {
    case 2: _sub_shift = 1; break;
    case 4: _sub_shift = 2; break;
    case 8: _sub_shift = 3; break;
    case 16: _sub_shift = 4; break;
    default:
        return errh->error("SUBBUCKETS must be 2, 4, 8 or 16");
    }
    if (classes == "none") {
        _class_mode = CLASS_NONE;
        _nclasses = 1;
    } else if (classes == "proto") {
        _class_mode = CLASS_PROTO;
        _nclasses = 4;
    } else if (classes == "dscp") {
        _class_mode = CLASS_DSCP;
        _nclasses = 8;
    } else
        return errh->error("CLASSES must be none, proto or dscp");
    if (aging == "keep")
        _aging = AGING_KEEP;
    else if (aging == "reset")
        _aging = AGING_RESET;
    else if (aging == "halve")
        _aging = AGING_HALVE;
    else
        return errh->error("AGING must be keep, reset or halve");
    if (_max_reports < 1 || _max_reports > 4096)
        return errh->error("MAX_REPORTS must be between 1 and 4096");

    // bucket 0 holds [0, 64); octave o (64 << o) is cut into 2^sub_shift
    _lower[0] = 0;
    int b = 1;
    for (int o = 0; o < OCTAVES; ++o) {
        uint32_t base = 64U << o;
        uint32_t step = base >> _sub_shift;
        for (int s = 0; s < (1 << _sub_shift); ++s)
            _lower[b++] = (uint16_t) (base + s * step);
    }
    _nbuckets = b;
    _countdown = _n;
    return 0;
}

/* The last bucket whose lower bound is <= len (binary search). */
int
PacketSizeQuantiles::bucket_of(uint32_t len) const
{
    int lo = 0, hi = _nbuckets - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) >> 1;
        if (_lower[mid] <= len)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

int
PacketSizeQuantiles::class_of(const Packet *p) const
{
    const click_ip *iph = p->ip_header();
    if (!iph)
        return _class_mode == CLASS_PROTO ? 3 : 0;
    switch (_class_mode) {
    case CLASS_PROTO:
        switch (iph->ip_p) {
        case IP_PROTO_TCP:
            return 0;
        case IP_PROTO_UDP:
            return 1;
        case IP_PROTO_ICMP:
            return 2;
        default:
            return 3;
        }
    case CLASS_DSCP:
        return (iph->ip_tos >> 5) & 7;      // class selector: top 3 DSCP bits
    case CLASS_NONE:
    default:
        return 0;
    }
}

/* The length at which the cumulative count reaches rank (1-based),
   interpolated linearly inside the bucket. */
uint16_t
PacketSizeQuantiles::walk(int klass, uint32_t rank) const
{
    const uint32_t *c = _counts[klass];
    uint32_t cum = 0;
    for (int b = 0; b < _nbuckets; ++b) {
        if (!c[b])
            continue;
        if (cum + c[b] >= rank) {
            uint32_t lo = _lower[b];
            uint32_t hi = b + 1 < _nbuckets ? _lower[b + 1] : 65536;
            uint32_t into = rank - cum;
            return (uint16_t) (lo + (uint64_t) (hi - lo - 1) * into / c[b]);
        }
        cum += c[b];
    }
    return 0xFFFF;
}

void
PacketSizeQuantiles::report()
{
    static const uint16_t q_pm[NQ] = { 500, 900, 990 };
    for (int k = 0; k < _nclasses; ++k) {
        uint32_t n = _total[k];
        if (n == 0)
            continue;
        Report r;
        r.seq = _seq;
        r.klass = (uint8_t) k;
        r.count = n;
        for (int q = 0; q < NQ; ++q) {
            uint32_t rank = (uint32_t) (((uint64_t) n * q_pm[q] + 999) / 1000);
            if (rank == 0)
                rank = 1;
            r.q[q] = _quant[k][q] = walk(k, rank);
        }
        if (_reports.size() >= _max_reports)
            _reports.pop_front();
        _reports.push_back(r);
    }
    _seq++;
    _have_quantiles = true;

    switch (_aging) {
    case AGING_RESET:
        memset(_counts, 0, sizeof(_counts));
        memset(_total, 0, sizeof(_total));
        break;
    case AGING_HALVE:
        for (int k = 0; k < _nclasses; ++k) {
            uint32_t t = 0;
            for (int b = 0; b < _nbuckets; ++b) {
                _counts[k][b] >>= 1;
                t += _counts[k][b];
            }
            _total[k] = t;
        }
        break;
    case AGING_KEEP:
        break;
    }
}

Packet *
PacketSizeQuantiles::simple_action(Packet *p)
{
    uint32_t len;
    const click_ip *iph = p->ip_header();
    if (iph && p->network_length() >= (int) sizeof(click_ip))
        len = ntohs(iph->ip_len);
    else
        len = p->length();
    if (len > 0xFFFF)
        len = 0xFFFF;

    int k = class_of(p);
    int b = bucket_of(len);
    _counts[k][b]++;
    _total[k]++;
    _bytes[k] += len;

    uint8_t band = 0;
    if (_have_quantiles) {
        const uint16_t *q = _quant[k];
        if (len > q[Q99])
            band = 3;
        else if (len > q[Q90])
            band = 2;
        else if (len > q[Q50])
            band = 1;
    }
    p->set_paint_anno(band);

    if (--_countdown == 0) {
        _countdown = _n;
        report();
    }
    return p;
}

enum { h_quantiles, h_reports, h_buckets };

String
PacketSizeQuantiles::read_handler(Element *e, void *thunk)
{
    PacketSizeQuantiles *s = static_cast<PacketSizeQuantiles *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_quantiles:
        for (int k = 0; k < s->_nclasses; ++k)
            sa << k << ' ' << s->_total[k] << ' ' << s->_quant[k][Q50] << ' '
               << s->_quant[k][Q90] << ' ' << s->_quant[k][Q99] << ' '
               << s->_bytes[k] << '\n';
        break;
    case h_reports:
        for (int i = 0; i < s->_reports.size(); ++i) {
            const Report &r = s->_reports[i];
            sa << r.seq << ' ' << (int) r.klass << ' ' << r.count << ' ' << r.q[Q50]
               << ' ' << r.q[Q90] << ' ' << r.q[Q99] << '\n';
        }
        break;
    case h_buckets:
        for (int b = 0; b < s->_nbuckets; ++b)
            sa << s->_lower[b] << (b + 1 < s->_nbuckets ? ' ' : '\n');
        break;
    }
    return sa.take_string();
}

void
PacketSizeQuantiles::add_handlers()
{
    add_read_handler("quantiles", read_handler, h_quantiles);
    add_read_handler("reports", read_handler, h_reports);
    add_read_handler("buckets", read_handler, h_buckets);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PacketSizeQuantiles)
