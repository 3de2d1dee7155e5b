/*
 * smooth_wrr.cc -- SmoothWRR: smooth weighted round robin with a rate cap.
 */
#include <click/config.h>
#include "smooth_wrr.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

SmoothWRR::SmoothWRR()
    : _n(0), _total(0), _cap(0), _shift(3), _capped(0)
{
    memset(_weight, 0, sizeof(_weight));
    memset(_credit, 0, sizeof(_credit));
    memset(_avg, 0, sizeof(_avg));
    memset(_sample, 0, sizeof(_sample));
    memset(_sample_tick, 0, sizeof(_sample_tick));
    memset(_sent, 0, sizeof(_sent));
}

SmoothWRR::~SmoothWRR()
{
}

int
SmoothWRR::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String weights;
    unsigned cap_kbps = 0;
    if (Args(conf, this, errh)
        .read_mp("WEIGHTS", weights)
        .read("CAP_KBPS", cap_kbps)
        .read("SHIFT", _shift)
        .complete() < 0)
        return -1;
    Vector<String> w;
    cp_spacevec(weights, w);
    if (w.size() == 0 || w.size() > MAX_OUT)
        return errh->error("need 1 to %d weights", (int) MAX_OUT);
    _total = 0;
    for (int i = 0; i < w.size(); ++i) {
        int v;
        if (!cp_integer(w[i], &v) || v < 0 || v > 10000)
            return errh->error("weight %d out of range", i);
        _weight[i] = v;
        _total += v;
    }
    if (_total == 0)
        return errh->error("all weights are zero");
    if (_shift < 1 || _shift > 10)
        return errh->error("SHIFT must be 1..10");
    _n = w.size();
    // kbit/s -> bytes per jiffy, fixed point
    _cap = ((uint64_t) cap_kbps * 1000 / 8 << FRAC) / CLICK_HZ;
    return 0;
}

int
SmoothWRR::initialize(ErrorHandler *errh)
{
    if (noutputs() != _n)
        return errh->error("%d weights for %d outputs", _n, noutputs());
    return 0;
}

/* Close the samples of output i that ended before 'now'. */
void
SmoothWRR::age(int i, click_jiffies_t now)
{
    click_jiffies_t last = _sample_tick[i];
    if (now == last)
        return;
    uint64_t x = (uint64_t) _sample[i] << FRAC;
    _avg[i] = _avg[i] + ((int64_t) (x - _avg[i]) >> _shift);
    // empty ticks in between pull the average toward zero
    for (click_jiffies_t t = last + 1; t != now && _avg[i]; ++t) {
        if (now - t > 64) {
            _avg[i] = 0;
            break;
        }
        _avg[i] -= _avg[i] >> _shift;
    }
    _sample[i] = 0;
    _sample_tick[i] = now;
}

int
SmoothWRR::pick(click_jiffies_t now)
{
    int best = -1;
    int total = 0;
    for (int i = 0; i < _n; ++i) {
        if (_weight[i] == 0)
            continue;
        age(i, now);
        if (_cap && _avg[i] > _cap) {
            _capped++;
            continue;
        }
        _credit[i] += _weight[i];
        total += _weight[i];
        if (best < 0 || _credit[i] > _credit[best])
            best = i;
    }
    if (best >= 0)
        _credit[best] -= total;
    return best;
}

void
SmoothWRR::push(int, Packet *p)
{
    click_jiffies_t now = click_jiffies();
    int o = pick(now);
    if (o < 0) {
        p->kill();                  // everyone is over the cap
        return;
    }
    _sample[o] += p->length();
    _sent[o]++;
    output(o).push(p);
}

String
SmoothWRR::read_stats(Element *e, void *)
{
    SmoothWRR *s = static_cast<SmoothWRR *>(e);
    StringAccum sa;
    for (int i = 0; i < s->_n; ++i) {
        uint64_t bps = ((s->_avg[i] * CLICK_HZ) >> FRAC) * 8;
        sa << i << " weight " << s->_weight[i] << " sent " << s->_sent[i]
           << " rate_bps " << bps << '\n';
    }
    sa << "capped " << s->_capped << '\n';
    return sa.take_string();
}

void
SmoothWRR::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SmoothWRR)
