/*
 * source_cardinality.cc -- SourceCardinality: one HyperLogLog per protected
 * host over the source addresses of its traffic.
 */
#include <click/config.h>
#include "source_cardinality.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <math.h>
CLICK_DECLS

SourceCardinality::SourceCardinality()
    : _nhosts(0), _p(10), _limit(5000), _window_ms(10000), _salt(0x5bd1e995),
      _alpha_mm(0), _packets(0), _diverted(0), _windows(0)
{
}

SourceCardinality::~SourceCardinality()
{
}

int
SourceCardinality::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<IPAddress> hosts;
    if (Args(conf, this, errh)
        .read_all("HOST", hosts)
        .read("PRECISION", _p)
        .read("LIMIT", _limit)
        .read("WINDOW_MS", _window_ms)
        .read("SALT", _salt)
        .complete() < 0)
        return -1;
    if (hosts.size() == 0 || hosts.size() > MAX_HOSTS)
        return errh->error("need between 1 and %d HOST arguments", (int) MAX_HOSTS);
    if (_p < 6 || _p > 14)
        return errh->error("PRECISION must be between 6 and 14");
    _nhosts = hosts.size();
    for (int i = 0; i < _nhosts; ++i) {
        memset(&_hosts[i], 0, sizeof(Host));
        _hosts[i].addr = hosts[i];
    }
    double m = (double) (1U << _p);
    _alpha_mm = 0.7213 / (1.0 + 1.079 / m) * m * m;
    return 0;
}

int
SourceCardinality::initialize(ErrorHandler *)
{
    _regs.resize(_nhosts << _p, 0);
    _window_start = Timestamp::recent();
    return 0;
}

int
SourceCardinality::find_host(IPAddress dst) const
{
    for (int i = 0; i < _nhosts; ++i)
        if (_hosts[i].addr == dst)
            return i;
    return -1;
}

/* Raw estimate with the small-range (linear counting) correction. */
double
SourceCardinality::estimate(int h) const
{
    uint32_t m = 1U << _p;
    const uint8_t *r = &_regs[h << _p];
    double sum = 0;
    uint32_t zeros = 0;
    for (uint32_t j = 0; j < m; ++j) {
        sum += ldexp(1.0, -(int) r[j]);
        if (r[j] == 0)
            zeros++;
    }
    double e = _alpha_mm / sum;
    if (e <= 2.5 * m && zeros)
        e = m * log((double) m / zeros);
    return e;
}

void
SourceCardinality::new_window(const Timestamp &now)
{
    for (int i = 0; i < _regs.size(); ++i)
        _regs[i] = 0;
    for (int i = 0; i < _nhosts; ++i) {
        _hosts[i].since_estimate = 0;
        _hosts[i].estimate = 0;
        _hosts[i].alarm = false;
    }
    _window_start = now;
    _windows++;
}

void
SourceCardinality::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph) {
        output(0).push(p);
        return;
    }
    Timestamp now = Timestamp::recent();
    if ((now - _window_start).msecval() >= (int64_t) _window_ms)
        new_window(now);

    int h = find_host(IPAddress(iph->ip_dst));
    if (h < 0) {
        output(0).push(p);
        return;
    }
    Host &host = _hosts[h];
    host.packets++;
    _packets++;

    // scramble the source so that register index and rank are independent
    uint64_t x = ((uint64_t) _salt << 32) | ntohl(iph->ip_src.s_addr);
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDULL;
    x ^= x >> 33;
    x *= 0xC4CEB9FE1A85EC53ULL;
    x ^= x >> 33;

    uint32_t j = (uint32_t) (x >> (64 - _p));
    uint64_t w = (x << _p) | (1ULL << (_p - 1));
    uint8_t rank = (uint8_t) (__builtin_clzll(w) + 1);
    uint8_t &reg = _regs[(h << _p) + j];
    if (rank > reg)
        reg = rank;

    if (++host.since_estimate >= 256) {
        host.since_estimate = 0;
        host.estimate = estimate(h);
        if (!host.alarm && host.estimate > (double) _limit) {
            host.alarm = true;
            host.alarms++;
        }
    }

    if (host.alarm && noutputs() > 1) {
        _diverted++;
        output(1).push(p);
    } else
        output(0).push(p);
}

String
SourceCardinality::read_handler(Element *e, void *)
{
    SourceCardinality *s = static_cast<SourceCardinality *>(e);
    StringAccum sa;
    for (int i = 0; i < s->_nhosts; ++i) {
        const Host &h = s->_hosts[i];
        sa << h.addr << " packets " << h.packets << " sources ~"
           << (unsigned long long) s->estimate(i) << (h.alarm ? " ALARM" : "")
           << " alarms " << h.alarms << '\n';
    }
    sa << "packets " << s->_packets << "\ndiverted " << s->_diverted
       << "\nwindows " << s->_windows << '\n';
    return sa.take_string();
}

void
SourceCardinality::add_handlers()
{
    add_read_handler("stats", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SourceCardinality)
