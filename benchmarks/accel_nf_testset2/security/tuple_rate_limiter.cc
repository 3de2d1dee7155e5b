/*
 * tuple_rate_limiter.cc -- TupleRateLimiter: per-flow token buckets in a
 * set-associative member table.  Per packet: parse IPv4 (+ ports), digest
 * the 13-byte key, probe the 4 ways of one set, refill and charge the
 * bucket.
 */
#include <click/config.h>
#include "tuple_rate_limiter.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

TupleRateLimiter::TupleRateLimiter()
    : _rate(125000), _burst(16384), _seed(0x5bd1e995U), _idle_ms(30000),
      _count_headers(true), _conform(0), _exceed(0), _malformed(0),
      _evictions(0), _new_flows(0)
{
    memset(_table, 0, sizeof(_table));
}

TupleRateLimiter::~TupleRateLimiter()
{
}

int
TupleRateLimiter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint32_t rate = 0, burst = 0;
    if (Args(conf, this, errh)
        .read_mp("RATE", rate)
        .read_mp("BURST", burst)
        .read("SEED", _seed)
        .read("IDLE_MS", _idle_ms)
        .read("COUNT_HEADERS", _count_headers)
        .complete() < 0)
        return -1;
    if (rate == 0)
        return errh->error("RATE must be positive");
    if (burst < 64)
        return errh->error("BURST must be at least 64 bytes");
    _rate = rate;
    _burst = burst;
    return 0;
}

/* The bucket for key in set: the matching way, else a free or idle way,
   else the least recently refilled one. */
TupleRateLimiter::Bucket *
TupleRateLimiter::claim(Bucket *set, const uint8_t *key, int64_t now_ms)
{
    Bucket *victim = 0;
    for (int w = 0; w < WAYS; ++w) {
        Bucket *b = &set[w];
        if (b->used && memcmp(b->key, key, KEY_LEN) == 0)
            return b;
        if (!b->used || now_ms - b->last_ms > (int64_t) _idle_ms) {
            if (!victim || victim->used)
                victim = b;
        } else if (!victim || (victim->used && b->last_ms < victim->last_ms))
            victim = b;
    }
    if (victim->used)
        _evictions++;
    memcpy(victim->key, key, KEY_LEN);
    victim->used = 1;
    victim->tokens = _burst;
    victim->last_ms = now_ms;
    victim->passed = victim->dropped = 0;
    _new_flows++;
    return victim;
}

void
TupleRateLimiter::push(int, Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    const unsigned char *end = p->end_data();
    const unsigned char *ipb = reinterpret_cast<const unsigned char *>(iph);
    if (ipb + sizeof(click_ip) > end || iph->ip_v != 4 || iph->ip_hl < 5
        || ipb + (iph->ip_hl << 2) > end) {
        _malformed++;
        checked_output_push(2, p);
        return;
    }

    uint8_t key[16];
    memcpy(key, &iph->ip_src, 4);
    memcpy(key + 4, &iph->ip_dst, 4);
    memset(key + 8, 0, 4);
    key[12] = iph->ip_p;
    const unsigned char *th = ipb + (iph->ip_hl << 2);
    if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
        && IP_FIRSTFRAG(iph) && th + 4 <= end)
        memcpy(key + 8, th, 4);             // source and destination port

    uint32_t h = flow_digest(key, _seed);
    Bucket *set = &_table[(h % NSETS) * WAYS];
    int64_t now_ms = Timestamp::recent().msecval();
    Bucket *b = claim(set, key, now_ms);

    int64_t dt = now_ms - b->last_ms;
    if (dt > 0) {
        uint64_t t = (uint64_t) b->tokens + (uint64_t) dt * _rate / 1000;
        b->tokens = t > _burst ? _burst : (uint32_t) t;
        b->last_ms = now_ms;
    }

    uint32_t cost = ntohs(iph->ip_len);
    if (!_count_headers) {
        uint32_t hl = iph->ip_hl << 2;
        cost = cost > hl ? cost - hl : 0;
    }
    if (b->tokens >= cost) {
        b->tokens -= cost;
        b->passed++;
        _conform++;
        output(0).push(p);
    } else {
        b->dropped++;
        _exceed++;
        checked_output_push(1, p);
    }
}

String
TupleRateLimiter::read_stats(Element *e, void *)
{
    TupleRateLimiter *t = static_cast<TupleRateLimiter *>(e);
    int live = 0;
    for (int i = 0; i < NSETS * WAYS; ++i)
        if (t->_table[i].used)
            live++;
    StringAccum sa;
    sa << "conform " << t->_conform << "\nexceed " << t->_exceed
       << "\nmalformed " << t->_malformed << "\nnew_flows " << t->_new_flows
       << "\nevictions " << t->_evictions << "\nlive " << live << '\n';
    return sa.take_string();
}

void
TupleRateLimiter::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
    add_data_handlers("rate", Handler::f_read | Handler::f_write, &_rate);
    add_data_handlers("burst", Handler::f_read | Handler::f_write, &_burst);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TupleRateLimiter)
