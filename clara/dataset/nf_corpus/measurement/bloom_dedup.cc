/*
 * bloom_dedup.cc -- BloomDedup: a 64-bit digest of each IPv4 packet's
 * invariant fields indexes K bits of one of two alternating 32 KiB Bloom
 * filters (uint64_t[2][4096] inside the element); packets found in either
 * filter are duplicates.
 *
 * Training code for Clara's compute model (nf_corpus/measurement): a
 * realistic duplicate filter written for the corpus, not an evaluation NF.
 * Per packet: IP header checks, a byte loop over header fields and payload
 * to build the digest, two K-step probe loops, a K-step insert loop, an
 * occasional 4096-word clearing loop, and a HashMap update per duplicate.
 */
#include <click/config.h>
#include "bloom_dedup.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

BloomDedup::BloomDedup()
    : _cur(0), _window(Timestamp::make_msec(100)), _capacity(FILTER_BITS / 12),
      _max_sources(4096), _k(4), _payload(16), _ignore_ttl(true),
      _passed(0), _duplicates(0), _rotations(0), _short(0)
{
    memset(_filter, 0, sizeof(_filter));
    _inserted[0] = _inserted[1] = 0;
}

BloomDedup::~BloomDedup()
{
}

int
BloomDedup::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned k = 4, payload = 16;
    if (Args(conf, this, errh)
        .read_p("K", k)
        .read_p("WINDOW", _window)
        .read("CAPACITY", _capacity)
        .read("PAYLOAD", payload)
        .read("IGNORE_TTL", _ignore_ttl)
        .read("MAX_SOURCES", _max_sources)
        .complete() < 0)
        return -1;
    if (k < 1 || k > MAX_K)
        return errh->error("K must be between 1 and %d", (int) MAX_K);
    if (payload > MAX_PAYLOAD)
        return errh->error("PAYLOAD must be at most %d bytes", (int) MAX_PAYLOAD);
    if (!_window.is_set() || _window < Timestamp::make_msec(1))
        return errh->error("WINDOW must be at least 1 ms");
    if (_capacity == 0 || _capacity > FILTER_BITS / 2)
        return errh->error("CAPACITY must be between 1 and %d", (int) (FILTER_BITS / 2));
    _k = (uint8_t) k;
    _payload = (uint8_t) payload;
    return 0;
}

/* Digest of the fields that do not change hop by hop. */
uint64_t
BloomDedup::digest(const Packet *p, const click_ip *iph) const
{
    uint64_t h = 0xCBF29CE484222325ULL;
    const uint8_t *ip = reinterpret_cast<const uint8_t *>(iph);

    // version/IHL, TOS, total length, ID, flags/fragment offset: bytes 0-7
    for (int i = 0; i < 8; ++i)
        h = (h ^ ip[i]) * 0x100000001B3ULL;
    if (!_ignore_ttl)
        h = (h ^ iph->ip_ttl) * 0x100000001B3ULL;
    h = (h ^ iph->ip_p) * 0x100000001B3ULL;
    // both addresses as two 32-bit words
    h ^= mix64(((uint64_t) iph->ip_src.s_addr << 32) | iph->ip_dst.s_addr);

    const uint8_t *th = p->transport_header();
    const uint8_t *end = p->end_data();
    if (!th || th >= end)
        return mix64(h);

    // first 8 transport bytes (ports and sequence number, or the UDP header),
    // then up to _payload bytes after the transport header proper
    int avail = end - th;
    int nfixed = avail < 8 ? avail : 8;
    for (int i = 0; i < nfixed; ++i)
        h = (h ^ th[i]) * 0x100000001B3ULL;

    int hlen;
    switch (iph->ip_p) {
    case IP_PROTO_TCP:
        hlen = avail >= (int) sizeof(click_tcp) ? (p->tcp_header()->th_off << 2) : avail;
        break;
    case IP_PROTO_UDP:
        hlen = sizeof(click_udp);
        break;
    case IP_PROTO_ICMP:
        hlen = 8;
        break;
    default:
        hlen = 0;
        break;
    }
    if (!IP_FIRSTFRAG(iph))
        hlen = 0;                       // a later fragment is all payload
    if (hlen < avail) {
        const uint8_t *pl = th + hlen;
        int n = avail - hlen;
        if (n > _payload)
            n = _payload;
        uint32_t acc = 0;
        for (int i = 0; i < n; ++i) {
            acc = (acc << 8) | pl[i];
            if ((i & 3) == 3) {
                h = mix64(h ^ acc);
                acc = 0;
            }
        }
        if (n & 3)
            h = mix64(h ^ acc ^ ((uint64_t) n << 40));
    }
    return mix64(h);
}

void
BloomDedup::clear_filter(int which)
{
    uint64_t *f = _filter[which];
    for (int i = 0; i < FILTER_WORDS; i += 4) {
        f[i] = 0;
        f[i + 1] = 0;
        f[i + 2] = 0;
        f[i + 3] = 0;
    }
    _inserted[which] = 0;
}

void
BloomDedup::rotate(const Timestamp &now)
{
    // the previous filter has aged out: wipe it and make it current; the
    // filter we were filling stays readable as "previous" for one window
    int old = _cur ^ 1;
    clear_filter(old);
    _cur = old;
    _window_start = now;
    _rotations++;
}

void
BloomDedup::note_duplicate(const click_ip *iph, uint32_t len)
{
    IPAddress src(iph->ip_src);
    DupStats *ds = _sources.findp(src);
    if (!ds) {
        if (_sources.size() >= _max_sources)
            return;
        DupStats n;
        n.last_ttl = iph->ip_ttl;
        _sources.insert(src, n);
        ds = _sources.findp(src);
        if (!ds)
            return;
    }
    ds->dups++;
    ds->bytes += len;
    // a TTL that differs between copies points at a forwarding loop
    if (ds->last_ttl != iph->ip_ttl && ds->ttl_changed < 255)
        ds->ttl_changed++;
    ds->last_ttl = iph->ip_ttl;
}

void
BloomDedup::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || p->network_length() < (int) sizeof(click_ip)
        || iph->ip_v != 4) {
        _short++;
        output(0).push(p);
        return;
    }

    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();
    if (!_window_start)
        _window_start = now;
    if (now - _window_start >= _window || _inserted[_cur] >= _capacity)
        rotate(now);

    uint64_t d = digest(p, iph);
    uint32_t h1 = (uint32_t) d;
    uint32_t h2 = (uint32_t) (d >> 32) | 1;     // odd step visits distinct bits

    if (test_bits(_filter[_cur], h1, h2) || test_bits(_filter[_cur ^ 1], h1, h2)) {
        _duplicates++;
        note_duplicate(iph, ntohs(iph->ip_len));
        SET_AGGREGATE_ANNO(p, h1);
        checked_output_push(1, p);
        return;
    }

    uint64_t *f = _filter[_cur];
    for (int i = 0; i < _k; ++i) {
        uint32_t bit = (h1 + i * h2) & (FILTER_BITS - 1);
        f[bit >> 6] |= (uint64_t) 1 << (bit & 63);
    }
    _inserted[_cur]++;
    _passed++;
    output(0).push(p);
}

enum { h_passed, h_dups, h_rot, h_fill, h_sources };

String
BloomDedup::read_handler(Element *e, void *thunk)
{
    BloomDedup *b = static_cast<BloomDedup *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_passed:
        sa << b->_passed;
        break;
    case h_dups:
        sa << b->_duplicates;
        break;
    case h_rot:
        sa << b->_rotations;
        break;
    case h_fill: {
        // set bits per filter, in per mille
        for (int w = 0; w < 2; ++w) {
            uint32_t ones = 0;
            for (int i = 0; i < FILTER_WORDS; ++i)
                ones += __builtin_popcountll(b->_filter[w][i]);
            sa << (w == b->_cur ? "current " : "previous ")
               << (ones * 1000U / FILTER_BITS) << ' ' << b->_inserted[w] << '\n';
        }
        break;
    }
    case h_sources:
        for (HashMap<IPAddress, DupStats>::iterator it = b->_sources.begin(); it.live(); ++it)
            sa << it.key() << ' ' << it.value().dups << ' ' << it.value().bytes
               << ' ' << (int) it.value().ttl_changed << '\n';
        break;
    }
    return sa.take_string();
}

int
BloomDedup::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    BloomDedup *b = static_cast<BloomDedup *>(e);
    b->clear_filter(0);
    b->clear_filter(1);
    b->_sources.clear();
    b->_window_start = Timestamp();
    return 0;
}

void
BloomDedup::add_handlers()
{
    add_read_handler("passed", read_handler, h_passed);
    add_read_handler("duplicates", read_handler, h_dups);
    add_read_handler("rotations", read_handler, h_rot);
    add_read_handler("fill", read_handler, h_fill);
    add_read_handler("sources", read_handler, h_sources);
    add_write_handler("reset", write_handler, 0, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(BloomDedup)
