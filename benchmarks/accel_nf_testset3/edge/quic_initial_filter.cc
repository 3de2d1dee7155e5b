// quic_initial_filter.{cc,hh} -- QUIC long-header sanity and handshake flood filter
#include <click/config.h>
#include "quic_initial_filter.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

QuicInitialFilter::QuicInitialFilter()
    : _sources(SourceState()), _port(443), _min_initial(1200), _retry_threshold(64),
      _sample_retry(0), _epoch(1), _epoch_start(0),
      _bad_version(0), _short_initial(0), _bad_varint(0)
{
    _counts[0] = _counts[1] = _counts[2] = 0;
}

QuicInitialFilter::~QuicInitialFilter()
{
}

int
QuicInitialFilter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> ranges;
    if (Args(conf, this, errh)
        .read_all("VERSION", ranges)
        .read("PORT", _port)
        .read("MIN_INITIAL", _min_initial)
        .read("RETRY_THRESHOLD", _retry_threshold)
        .read("SAMPLE_RETRY", _sample_retry)
        .complete() < 0)
        return -1;
    if (_sample_retry > 1000)
        return errh->error("SAMPLE_RETRY is per mille");

    _versions.clear();
    for (int i = 0; i < ranges.size(); i++) {
        VersionRange r;
        int dash = ranges[i].find_left('-');
        String lo = dash < 0 ? ranges[i] : ranges[i].substring(0, dash);
        String hi = dash < 0 ? ranges[i] : ranges[i].substring(dash + 1);
        if (!cp_integer(lo, 0, &r.lo) || !cp_integer(hi, 0, &r.hi) || r.lo > r.hi)
            return errh->error("bad VERSION range %d", i + 1);
        _versions.push_back(r);
    }
    if (_versions.empty()) {
        VersionRange v1 = { 0x00000001, 0x00000001 };       /* QUIC v1 */
        VersionRange v2 = { 0x6b3343cf, 0x6b3343cf };       /* QUIC v2 */
        _versions.push_back(v1);
        _versions.push_back(v2);
    }
    return 0;
}

/* RFC 9000 16: the two top bits of the first byte give the length. */
const uint8_t *
QuicInitialFilter::read_varint(const uint8_t *p, const uint8_t *end, uint64_t *v)
{
    if (p >= end)
        return 0;
    unsigned n = 1u << (p[0] >> 6);
    if (p + n > end)
        return 0;
    uint64_t x = p[0] & 0x3F;
    for (unsigned i = 1; i < n; i++)
        x = (x << 8) | p[i];
    *v = x;
    return p + n;
}

bool
QuicInitialFilter::version_allowed(uint32_t v) const
{
    for (const VersionRange *r = _versions.begin(); r != _versions.end(); ++r)
        if (v >= r->lo && v <= r->hi)
            return true;
    return false;
}

int
QuicInitialFilter::check_long_header(Packet *p, const uint8_t *q, const uint8_t *end)
{
    if (q + 7 > end)
        return OUT_DROP;
    uint32_t version = ((uint32_t) q[1] << 24) | ((uint32_t) q[2] << 16)
        | ((uint32_t) q[3] << 8) | q[4];
    if (version == 0 || !version_allowed(version)) {
        _bad_version++;
        return OUT_DROP;
    }
    const uint8_t *c = q + 5;
    unsigned dcid_len = *c++;
    if (dcid_len > 20 || c + dcid_len + 1 > end)
        return OUT_DROP;
    c += dcid_len;
    unsigned scid_len = *c++;
    if (scid_len > 20 || c + scid_len > end)
        return OUT_DROP;
    c += scid_len;

    unsigned type = (q[0] >> 4) & 3;
    if (version == 0x6b3343cf)                  /* v2 rotates the type codes */
        type = (type + 3) & 3;
    if (type == PKT_RETRY)
        return OUT_DROP;                        /* servers never receive Retry */

    uint64_t token_len = 0, length;
    if (type == PKT_INITIAL) {
        if ((unsigned) (end - q) < _min_initial) {
            _short_initial++;
            return OUT_DROP;
        }
        if (!(c = read_varint(c, end, &token_len)) || token_len > (uint64_t) (end - c)) {
            _bad_varint++;
            return OUT_DROP;
        }
        c += token_len;
    }
    if (!(c = read_varint(c, end, &length)) || length > (uint64_t) (end - c) || length < 1) {
        _bad_varint++;
        return OUT_DROP;
    }
    if (type != PKT_INITIAL || token_len > 0)
        return OUT_PASS;

    /* tokenless Initial: count handshakes per source, decaying every 10 s */
    click_jiffies_t now = click_jiffies();
    if (now - _epoch_start >= 10 * CLICK_HZ) {
        _epoch++;
        _epoch_start = now;
    }
    IPAddress src(p->ip_header()->ip_src);
    SourceState &st = _sources.find_force(src);
    if (st.epoch != _epoch) {
        st.handshakes >>= (_epoch - st.epoch > 31 ? 31 : _epoch - st.epoch);
        st.epoch = _epoch;
    }
    if (st.handshakes < 0xFFFFFFFFU)
        st.handshakes++;
    if (st.handshakes > _retry_threshold)
        return OUT_RETRY;
    if (_sample_retry && click_random(0, 999) < _sample_retry)
        return OUT_RETRY;
    return OUT_PASS;
}

void
QuicInitialFilter::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    int out = OUT_DROP;
    if (iph && iph->ip_p == IP_PROTO_UDP && IP_FIRSTFRAG(iph)) {
        const click_udp *uh = reinterpret_cast<const click_udp *>(
            reinterpret_cast<const uint8_t *>(iph) + (iph->ip_hl << 2));
        const uint8_t *q = reinterpret_cast<const uint8_t *>(uh + 1);
        const uint8_t *end = p->end_data();
        if (ntohs(uh->uh_dport) != _port || q >= end)
            out = OUT_PASS;                     /* not ours to judge */
        else if (!(q[0] & 0x40))
            out = OUT_DROP;                     /* fixed bit clear */
        else if (q[0] & 0x80)
            out = check_long_header(p, q, end);
        else
            out = OUT_PASS;
    }
    _counts[out]++;
    output(out).push(p);
}

void
QuicInitialFilter::add_handlers()
{
    add_data_handlers("passed", Handler::f_read, &_counts[OUT_PASS]);
    add_data_handlers("retried", Handler::f_read, &_counts[OUT_RETRY]);
    add_data_handlers("dropped", Handler::f_read, &_counts[OUT_DROP]);
    add_data_handlers("bad_version", Handler::f_read, &_bad_version);
    add_data_handlers("short_initial", Handler::f_read, &_short_initial);
    add_data_handlers("bad_varint", Handler::f_read, &_bad_varint);
    add_data_handlers("retry_threshold", Handler::f_read | Handler::f_write, &_retry_threshold);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(QuicInitialFilter)
