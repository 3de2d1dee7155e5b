/*
 * dns_rate_limiter.cc -- DnsRateLimiter: token-bucket RRL for DNS
 * responses, accounts in a fixed member array indexed by a keyed hash of
 * the response's account key.
 */
#include <click/config.h>
#include "dns_rate_limiter.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

DnsRateLimiter::DnsRateLimiter()
    : _rate(5), _burst(10), _slip(2), _prefix_mask(0xFFFFFF00U),
      _seed(0x243F6A8885A308D3ULL), _passed(0), _slipped(0), _dropped(0),
      _ignored(0), _collisions(0)
{
    memset(_tab, 0, sizeof(_tab));
    memset(_acct, 0, sizeof(_acct));
}

DnsRateLimiter::~DnsRateLimiter()
{
}

int
DnsRateLimiter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned prefix = 24;
    unsigned long long seed = _seed;
    if (Args(conf, this, errh)
        .read_p("RATE", _rate)
        .read_p("BURST", _burst)
        .read("SLIP", _slip)
        .read("PREFIX", prefix)
        .read("SEED", seed)
        .complete() < 0)
        return -1;
    if (_rate == 0 || _rate > 100000)
        return errh->error("RATE must be 1..100000 responses per second");
    if (_burst < 1 || _burst > 1000000)
        return errh->error("BURST must be 1..1000000");
    if (prefix > 32)
        return errh->error("PREFIX must be 0..32");
    _prefix_mask = prefix ? 0xFFFFFFFFU << (32 - prefix) : 0;
    _seed = seed ? seed : 1;

    // random per-position tables for the account index (xorshift64*)
    uint64_t x = _seed;
    for (int i = 0; i < KEYLEN; ++i)
        for (int j = 0; j < 256; ++j) {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            _tab[i][j] = (uint32_t) ((x * 0x2545F4914F6CDD1DULL) >> 32);
        }
    return 0;
}

/* Cut the response after its question and set TC, so the client retries
 * over TCP. */
Packet *
DnsRateLimiter::truncate(Packet *p, unsigned hl, unsigned question_end)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    unsigned keep = hl + sizeof(click_udp) + question_end;
    if (q->length() > keep)
        q->take(q->length() - keep);
    click_ip *iph = reinterpret_cast<click_ip *>(q->data());
    click_udp *udph = reinterpret_cast<click_udp *>(q->data() + hl);
    uint8_t *dns = q->data() + hl + sizeof(click_udp);
    dns[2] |= 0x02;
    memset(dns + 6, 0, 6);
    udph->uh_ulen = htons((uint16_t) (sizeof(click_udp) + question_end));
    udph->uh_sum = 0;
    iph->ip_len = htons((uint16_t) keep);
    iph->ip_sum = 0;
    iph->ip_sum = click_in_cksum(q->data(), (int) hl);
    return q;
}

void
DnsRateLimiter::push(int, Packet *p)
{
    const uint8_t *d = p->data();
    unsigned len = p->length();
    const click_ip *iph = reinterpret_cast<const click_ip *>(d);
    unsigned hl = len >= sizeof(click_ip) ? (unsigned) iph->ip_hl << 2 : 0;
    if (hl < sizeof(click_ip) || iph->ip_p != IP_PROTO_UDP || IP_ISFRAG(iph)
        || len < hl + sizeof(click_udp) + 12) {
        _ignored++;
        output(0).push(p);
        return;
    }
    const uint8_t *dns = d + hl + sizeof(click_udp);
    unsigned dlen = len - hl - sizeof(click_udp);
    if (!(dns[2] & 0x80) || dns[4] != 0 || dns[5] != 1) {
        _ignored++;                         // not a response with one question
        output(0).push(p);
        return;
    }

    unsigned pos = 12, nlen = 0;
    while (pos < dlen && dns[pos] != 0 && !(dns[pos] & 0xC0)) {
        nlen += dns[pos] + 1;
        pos += dns[pos] + 1;
    }
    if (pos + 5 > dlen || dns[pos] != 0) {
        _ignored++;
        output(0).push(p);
        return;
    }
    pos++;
    uint16_t qtype = (uint16_t) ((dns[pos] << 8) | dns[pos + 1]);
    unsigned question_end = pos + 4;
    unsigned rcode = dns[3] & 0x0F;
    unsigned ancount = (dns[6] << 8) | dns[7];
    uint8_t kind = rcode == 0 ? (ancount ? K_ANSWER : K_NODATA)
        : rcode == 3 ? K_NXDOMAIN : K_ERROR;

    uint32_t client = ntohl(iph->ip_dst.s_addr) & _prefix_mask;
    uint8_t key[KEYLEN] = {
        (uint8_t) (client >> 24), (uint8_t) (client >> 16),
        (uint8_t) (client >> 8), (uint8_t) client,
        (uint8_t) (qtype >> 8), (uint8_t) qtype, kind, (uint8_t) nlen
    };
    uint32_t h = rrl_key_index(_tab, key);
    Account &a = _acct[h & (NACCOUNTS - 1)];
    uint32_t check = h >> 12;
    int64_t now = (p->timestamp_anno() ? p->timestamp_anno() : Timestamp::recent()).msecval();

    if (a.check != check || a.last_ms == 0) {
        if (a.last_ms != 0 && now - a.last_ms < 1000)
            _collisions++;
        a.check = check;
        a.tokens = (int32_t) (_burst * 1000);
        a.last_ms = now;
        a.slip_count = 0;
    } else if (now > a.last_ms) {
        int64_t t = a.tokens + (now - a.last_ms) * (int64_t) _rate;
        if (t > (int64_t) _burst * 1000)
            t = (int64_t) _burst * 1000;
        a.tokens = (int32_t) t;
        a.last_ms = now;
    }

    if (a.tokens >= 1000) {
        a.tokens -= 1000;
        _passed++;
        output(0).push(p);
    } else if (_slip && ++a.slip_count >= _slip) {
        a.slip_count = 0;
        if (Packet *q = truncate(p, hl, question_end)) {
            _slipped++;
            output(1).push(q);
        }
    } else {
        _dropped++;
        checked_output_push(2, p);
    }
}

String
DnsRateLimiter::read_stats(Element *e, void *)
{
    DnsRateLimiter *r = static_cast<DnsRateLimiter *>(e);
    StringAccum sa;
    sa << "passed " << r->_passed << "\nslipped " << r->_slipped
       << "\ndropped " << r->_dropped << "\nignored " << r->_ignored
       << "\ncollisions " << r->_collisions << '\n';
    return sa.take_string();
}

void
DnsRateLimiter::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
    add_data_handlers("rate", Handler::f_read | Handler::f_write, &_rate);
    add_data_handlers("slip", Handler::f_read | Handler::f_write, &_slip);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DnsRateLimiter)
