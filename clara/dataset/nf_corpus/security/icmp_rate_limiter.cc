/*
 * icmp_rate_limiter.cc -- IcmpRateLimiter: an array of 256 token buckets
 * indexed by ICMP type (milli-token arithmetic, refilled from the elapsed
 * Timestamp), a second shared bucket for error messages, optional ICMP
 * checksum verification, and per-type / per-unreachable-code counters.
 *
 * Training code for Clara's compute model (nf_corpus/security): a realistic
 * control-plane protection element written for the corpus, not an
 * evaluation NF.  Per packet: length checks, an optional full checksum over
 * the ICMP message, 64-bit multiply/divide refill arithmetic, and counters.
 */
#include <click/config.h>
#include "icmp_rate_limiter.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/icmp.h>
CLICK_DECLS

IcmpRateLimiter::IcmpRateLimiter()
    : _verify(false), _passed(0), _dropped(0), _bad(0)
{
    for (int i = 0; i < NTYPES; ++i)
        init_bucket(_buckets[i], 100, 50);
    init_bucket(_error_bucket, 20, 10);
    memset(_unreach_drops, 0, sizeof(_unreach_drops));
}

IcmpRateLimiter::~IcmpRateLimiter()
{
}

void
IcmpRateLimiter::init_bucket(Bucket &b, uint32_t rate, uint32_t burst)
{
    b.rate = rate;
    b.capacity = (uint64_t) burst * MILLI;
    b.tokens = b.capacity;
    b.dropped = 0;
    b.passed = 0;
    b.last = Timestamp();
}

int
IcmpRateLimiter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint32_t rate = 100, burst = 50, error_rate = 20, error_burst = 10;
    Vector<String> types;
    if (Args(conf, this, errh)
        .read("RATE", rate)
        .read("BURST", burst)
        .read("ERROR_RATE", error_rate)
        .read("ERROR_BURST", error_burst)
        .read_all("TYPE", types)
        .read("VERIFY", _verify)
        .complete() < 0)
        return -1;
    if (burst == 0 || error_burst == 0)
        return errh->error("bursts must be positive");

    for (int i = 0; i < NTYPES; ++i)
        init_bucket(_buckets[i], rate, burst);
    init_bucket(_error_bucket, error_rate, error_burst);

    // "T RATE R BURST B" overrides, RATE/BURST optional
    for (int i = 0; i < types.size(); ++i) {
        Vector<String> words;
        cp_spacevec(types[i], words);
        unsigned t, r = rate, b = burst;
        if (words.empty() || !cp_integer(words[0], &t) || t >= NTYPES)
            return errh->error("TYPE %s: bad ICMP type", types[i].c_str());
        for (int j = 1; j + 1 < words.size(); j += 2) {
            unsigned *dst;
            if (words[j] == "RATE")
                dst = &r;
            else if (words[j] == "BURST")
                dst = &b;
            else
                return errh->error("TYPE %s: unknown word %s", types[i].c_str(), words[j].c_str());
            if (!cp_integer(words[j + 1], dst))
                return errh->error("TYPE %s: bad number", types[i].c_str());
        }
        if ((words.size() & 1) == 0 || b == 0)
            return errh->error("TYPE %s: malformed", types[i].c_str());
        init_bucket(_buckets[t], r, b);
    }
    return 0;
}

void
IcmpRateLimiter::refill(Bucket &b, const Timestamp &now)
{
    if (!b.last.is_set()) {
        b.last = now;
        return;
    }
    int64_t elapsed = (now - b.last).nsecval();
    if (elapsed <= 0)
        return;                     // reordered timestamps: no refill
    b.last = now;
    if (b.tokens >= b.capacity)
        return;
    // cap the interval so the product below cannot overflow
    if (elapsed >= (int64_t) 60 * Timestamp::nsec_per_sec) {
        b.tokens = b.capacity;
        return;
    }
    // rate tokens/s == rate * MILLI milli-tokens per 10^9 ns
    uint64_t add = ((uint64_t) elapsed * b.rate) / (Timestamp::nsec_per_sec / MILLI);
    b.tokens += add;
    if (b.tokens > b.capacity)
        b.tokens = b.capacity;
}

bool
IcmpRateLimiter::take(Bucket &b, const Timestamp &now)
{
    refill(b, now);
    if (b.tokens < MILLI)
        return false;
    b.tokens -= MILLI;
    return true;
}

Packet *
IcmpRateLimiter::simple_action(Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (iph->ip_p != IP_PROTO_ICMP || !IP_FIRSTFRAG(iph))
        return p;

    int icmp_len = p->transport_length();
    if (icmp_len < (int) sizeof(click_icmp)) {
        _bad++;
        goto drop;
    }

    {
        const click_icmp *icmph = p->icmp_header();
        uint8_t type = icmph->icmp_type;
        uint8_t code = icmph->icmp_code;

        if (_verify && !IP_ISFRAG(iph)) {
            // a correct checksum sums, with itself included, to zero
            if (click_in_cksum(p->transport_header(), icmp_len) != 0) {
                _bad++;
                goto drop;
            }
        }

        Timestamp now = p->timestamp_anno();
        if (!now)
            now = Timestamp::now();

        Bucket &b = _buckets[type];
        bool ok = take(b, now);
        if (ok && is_error_type(type)) {
            // error messages also share one bucket; give the type's token
            // back if the shared bucket refuses
            if (!take(_error_bucket, now)) {
                b.tokens += MILLI;
                ok = false;
            }
        }
        if (!ok) {
            b.dropped++;
            if (type == ICMP_UNREACH && code < NUNREACH_CODES)
                _unreach_drops[code]++;
            goto drop;
        }
        b.passed++;
        _passed++;
        return p;
    }

  drop:
    _dropped++;
    checked_output_push(1, p);
    return 0;
}

enum { h_stats, h_passed, h_dropped, h_bad };

String
IcmpRateLimiter::read_handler(Element *e, void *thunk)
{
    IcmpRateLimiter *r = static_cast<IcmpRateLimiter *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_stats:
        for (int t = 0; t < NTYPES; ++t) {
            const Bucket &b = r->_buckets[t];
            if (b.passed || b.dropped)
                sa << "type " << t << ' ' << b.passed << ' ' << b.dropped << '\n';
        }
        for (int c = 0; c < NUNREACH_CODES; ++c)
            if (r->_unreach_drops[c])
                sa << "unreach code " << c << " dropped " << r->_unreach_drops[c] << '\n';
        break;
    case h_passed:
        sa << r->_passed;
        break;
    case h_dropped:
        sa << r->_dropped;
        break;
    case h_bad:
        sa << r->_bad;
        break;
    }
    return sa.take_string();
}

void
IcmpRateLimiter::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("passed", read_handler, h_passed);
    add_read_handler("dropped", read_handler, h_dropped);
    add_read_handler("bad", read_handler, h_bad);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(IcmpRateLimiter)
