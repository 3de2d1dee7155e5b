/*
 * subscriber_usage_meter.cc -- SubscriberUsageMeter: HashMap of subscribers,
 * fixed-point exponentially weighted rate per 100 ms tick, quota check and
 * a shift-register random sampler.
 */
#include <click/config.h>
#include "subscriber_usage_meter.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

SubscriberUsageMeter::SubscriberUsageMeter()
    : _uplink(false), _quota(0), _sample_one_in(1000), _rng(0x9D2C5680U),
      _max_subs(1 << 20), _sampled(0), _redirected(0), _table_full(0)
{
}

SubscriberUsageMeter::~SubscriberUsageMeter()
{
}

int
SubscriberUsageMeter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned long long quota = 0;
    unsigned seed = 0;
    if (Args(conf, this, errh)
        .read("UPLINK", _uplink)
        .read("QUOTA_BYTES", quota)
        .read("SAMPLE_ONE_IN", _sample_one_in)
        .read("SEED", seed)
        .read("MAX_SUBS", _max_subs)
        .complete() < 0)
        return -1;
    if (_sample_one_in == 0)
        return errh->error("SAMPLE_ONE_IN must be positive");
    if (_max_subs < 1)
        return errh->error("bad MAX_SUBS");
    _quota = quota;
    if (seed)
        _rng = seed;
    return 0;
}

/* Fold finished ticks into the smoothed rate: r += (x - r) / 2^EWMA_SHIFT. */
void
SubscriberUsageMeter::close_ticks(Usage &u, int64_t now_ms)
{
    if (u.tick_start_ms == 0) {
        u.tick_start_ms = now_ms;
        return;
    }
    int ticks = 0;
    while (now_ms - u.tick_start_ms >= TICK_MS && ticks < 32) {
        uint64_t sample = (u.window_bytes * (1000 / TICK_MS)) << 8;
        if (sample >= u.rate_fp)
            u.rate_fp += (sample - u.rate_fp) >> EWMA_SHIFT;
        else
            u.rate_fp -= (u.rate_fp - sample) >> EWMA_SHIFT;
        u.window_bytes = 0;
        u.tick_start_ms += TICK_MS;
        ticks++;
    }
    if (ticks == 32) {
        // idle for long: the estimate has decayed, restart the clock
        u.rate_fp = 0;
        u.tick_start_ms = now_ms;
    }
}

void
SubscriberUsageMeter::push(int, Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    if (reinterpret_cast<const uint8_t *>(iph) + sizeof(click_ip) > p->end_data()) {
        output(0).push(p);
        return;
    }
    IPAddress sub(_uplink ? iph->ip_src : iph->ip_dst);
    uint32_t len = ntohs(iph->ip_len);

    Usage *u = _subs.findp(sub);
    if (!u) {
        if ((int) _subs.size() >= _max_subs) {
            _table_full++;
            output(0).push(p);
            return;
        }
        _subs.insert(sub, Usage());
        u = _subs.findp(sub);
        if (!u) {
            output(0).push(p);
            return;
        }
    }

    close_ticks(*u, Timestamp::recent_steady().msecval());
    u->bytes += len;
    u->pkts++;
    u->window_bytes += len;
    if (_quota && u->bytes > _quota)
        u->over_quota = true;

    // shift-register generator decides which packets get sampled
    _rng ^= _rng << 13;
    _rng ^= _rng >> 17;
    _rng ^= _rng << 5;
    if (noutputs() > 2 && _rng % _sample_one_in == 0) {
        if (Packet *c = p->clone()) {
            _sampled++;
            output(2).push(c);
        }
    }

    if (u->over_quota) {
        _redirected++;
        output(1).push(p);
    } else
        output(0).push(p);
}

String
SubscriberUsageMeter::read_usage(Element *e, void *)
{
    SubscriberUsageMeter *m = static_cast<SubscriberUsageMeter *>(e);
    StringAccum sa;
    for (HashMap<IPAddress, Usage>::iterator it = m->_subs.begin(); it.live(); ++it) {
        const Usage &u = it.value();
        sa << it.key() << " bytes " << u.bytes << " pkts " << u.pkts
           << " rate_Bps " << (u.rate_fp >> 8) << (u.over_quota ? " over-quota" : "") << '\n';
    }
    sa << "sampled " << m->_sampled << "\nredirected " << m->_redirected
       << "\ntable_full " << m->_table_full << '\n';
    return sa.take_string();
}

int
SubscriberUsageMeter::write_reset(const String &, Element *e, void *, ErrorHandler *)
{
    SubscriberUsageMeter *m = static_cast<SubscriberUsageMeter *>(e);
    m->_subs.clear();
    m->_sampled = m->_redirected = m->_table_full = 0;
    return 0;
}

void
SubscriberUsageMeter::add_handlers()
{
    add_read_handler("usage", read_usage, 0);
    add_write_handler("reset", write_reset, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SubscriberUsageMeter)
