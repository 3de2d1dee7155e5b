// -*- c-basic-offset: 4 -*-
/*
 * drop_reason_monitor.{cc,hh} -- malformed-packet classification and sampling
 *
 * Training code for Clara's compute model (nf_corpus/telemetry); written for
 * Clara, not an evaluation NF.
 *
 * Per packet: a cascade of IPv4 header checks (lengths, version, checksum
 * by click_in_cksum, TTL, an option walk, martian sources, fragments) and
 * transport-header checks with a switch on the protocol; reason counters in
 * a member array, and for sampled drops a 48-byte copy into a 32 KiB ring.
 */

#include <click/config.h>
#include "drop_reason_monitor.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
#include <clicknet/icmp.h>
CLICK_DECLS

static const char * const reason_names[] = {
    "ok", "short", "version", "hlen_small", "hlen_big", "tlen_small",
    "tlen_big", "checksum", "ttl_zero", "bad_option", "martian_src",
    "tiny_fragment", "tcp_trunc", "tcp_offset", "udp_trunc", "udp_length",
    "icmp_trunc"
};

DropReasonMonitor::DropReasonMonitor()
    : _offset(0), _verify_cksum(true), _check_options(true), _martians(true),
      _sample_every(16), _sample_head(0), _nsampled(0), _passed(0)
{
    memset(_count, 0, sizeof(_count));
    memset(_since_sample, 0, sizeof(_since_sample));
    memset(_samples, 0, sizeof(_samples));
}

DropReasonMonitor::~DropReasonMonitor()
{
}

int
DropReasonMonitor::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned offset = 0, every = 16;
    bool verify = true, options = true, martians = true;

    if (Args(conf, this, errh)
        .read_p("OFFSET", offset)
        .read("VERIFY_CHECKSUM", verify)
        .read("CHECK_OPTIONS", options)
        .read("SAMPLE_EVERY", every)
        .read("MARTIANS", martians)
        .complete() < 0)
        return -1;

    if (offset > 256)
        return errh->error("OFFSET too large");
    if (every == 0)
        return errh->error("SAMPLE_EVERY must be positive");

    _offset = offset;
    _verify_cksum = verify;
    _check_options = options;
    _martians = martians;
    _sample_every = every;
    for (int r = 0; r < NREASONS; r++)
        _since_sample[r] = every - 1;   // sample the first drop of each reason
    return 0;
}

DropReasonMonitor::Reason
DropReasonMonitor::check(const Packet *p, const click_ip *&iph_out, int &hlen_out) const
{
    uint32_t plen = p->length();
    if (plen < _offset + sizeof(click_ip))
        return R_SHORT;
    uint32_t avail = plen - _offset;

    const click_ip *iph = reinterpret_cast<const click_ip *>(p->data() + _offset);
    iph_out = iph;
    if (iph->ip_v != IPVERSION)
        return R_VERSION;

    int hlen = iph->ip_hl << 2;
    hlen_out = hlen;
    if (hlen < (int) sizeof(click_ip))
        return R_HLEN_SMALL;
    if ((uint32_t) hlen > avail)
        return R_HLEN_BIG;

    uint32_t tlen = ntohs(iph->ip_len);
    if (tlen < (uint32_t) hlen)
        return R_TLEN_SMALL;
    if (tlen > avail)
        return R_TLEN_BIG;

    if (_verify_cksum
        && click_in_cksum(reinterpret_cast<const unsigned char *>(iph), hlen) != 0)
        return R_CHECKSUM;

    if (iph->ip_ttl == 0)
        return R_TTL_ZERO;

    if (_check_options && hlen > (int) sizeof(click_ip)
        && !options_ok(reinterpret_cast<const unsigned char *>(iph + 1),
                       hlen - (int) sizeof(click_ip)))
        return R_BAD_OPTION;

    if (_martians) {
        uint32_t src = ntohl(iph->ip_src.s_addr);
        uint8_t top = (uint8_t) (src >> 24);
        if (top == 0 || top == 127 || (top & 0xF0) == 0xE0 || src == 0xFFFFFFFFU)
            return R_MARTIAN_SRC;
    }

    uint16_t off = ntohs(iph->ip_off) & IP_OFFMASK;
    if (off == 1 && iph->ip_p == IP_PROTO_TCP)
        return R_TINY_FRAGMENT;
    if (off != 0)
        return R_OK;                    // later fragments carry no L4 header

    uint32_t l4len = tlen - hlen;
    const unsigned char *l4 = reinterpret_cast<const unsigned char *>(iph) + hlen;
    switch (iph->ip_p) {
    case IP_PROTO_TCP: {
        if (l4len < sizeof(click_tcp))
            return R_TCP_TRUNC;
        const click_tcp *th = reinterpret_cast<const click_tcp *>(l4);
        uint32_t thlen = th->th_off << 2;
        if (thlen < sizeof(click_tcp))
            return R_TCP_OFFSET;
        if (thlen > l4len)
            return R_TCP_TRUNC;
        break;
    }
    case IP_PROTO_UDP:
    case IP_PROTO_UDPLITE: {
        if (l4len < sizeof(click_udp))
            return R_UDP_TRUNC;
        const click_udp *uh = reinterpret_cast<const click_udp *>(l4);
        uint32_t ulen = ntohs(uh->uh_ulen);
        // UDP-Lite's field is a checksum coverage, 0 meaning everything
        if (iph->ip_p == IP_PROTO_UDP ? (ulen < sizeof(click_udp) || ulen > l4len)
            : (ulen != 0 && (ulen < sizeof(click_udp) || ulen > l4len)))
            return R_UDP_LENGTH;
        break;
    }
    case IP_PROTO_ICMP:
        if (l4len < sizeof(click_icmp))
            return R_ICMP_TRUNC;
        break;
    default:
        break;
    }
    return R_OK;
}

void
DropReasonMonitor::sample(const Packet *p, Reason r)
{
    if (++_since_sample[r] < _sample_every)
        return;
    _since_sample[r] = 0;

    DropSample &s = _samples[_sample_head];
    uint32_t plen = p->length();
    uint32_t start = plen > _offset ? _offset : plen;
    uint32_t n = plen - start;
    if (n > SAMPLE_BYTES)
        n = SAMPLE_BYTES;
    const unsigned char *src = p->data() + start;
    uint32_t i = 0;
    for (; i < n; i++)
        s.bytes[i] = src[i];
    for (; i < SAMPLE_BYTES; i++)
        s.bytes[i] = 0;
    s.nbytes = (uint8_t) n;
    s.orig_len = plen > 0xFFFF ? 0xFFFF : (uint16_t) plen;
    s.reason = (uint8_t) r;
    s.seq = _nsampled;
    s.when_ns = p->timestamp_anno().is_set() ? p->timestamp_anno().nsecval()
        : Timestamp::recent().nsecval();
    _sample_head = (_sample_head + 1) % NSAMPLES;
    _nsampled++;
}

void
DropReasonMonitor::push(int, Packet *p)
{
    const click_ip *iph = 0;
    int hlen = 0;
    Reason r = check(p, iph, hlen);
    _count[r]++;

    if (likely(r == R_OK)) {
        p->set_ip_header(iph, hlen);
        if (IP_FIRSTFRAG(iph))
            p->set_transport_header(reinterpret_cast<const unsigned char *>(iph) + hlen);
        _passed++;
        output(0).push(p);
        return;
    }

    sample(p, r);
    checked_output_push(1, p);
}

String
DropReasonMonitor::read_handler(Element *e, void *thunk)
{
    DropReasonMonitor *d = static_cast<DropReasonMonitor *>(e);
    StringAccum sa;
    switch ((int) reinterpret_cast<uintptr_t>(thunk)) {
    case h_reasons:
        for (int r = 1; r < NREASONS; r++)
            sa << reason_names[r] << ' ' << d->_count[r] << '\n';
        break;
    case h_samples: {
        static const char hex[] = "0123456789abcdef";
        uint32_t n = d->_nsampled < NSAMPLES ? d->_nsampled : (uint32_t) NSAMPLES;
        uint32_t first = (d->_sample_head + NSAMPLES - n) % NSAMPLES;
        for (uint32_t k = 0; k < n; k++) {
            const DropSample &s = d->_samples[(first + k) % NSAMPLES];
            sa << s.seq << ' ' << reason_names[s.reason] << ' '
               << (unsigned) s.orig_len << ' ';
            for (int i = 0; i < s.nbytes; i++) {
                sa << hex[s.bytes[i] >> 4];
                sa << hex[s.bytes[i] & 15];
            }
            sa << '\n';
        }
        break;
    }
    case h_passed:
        sa << d->_passed;
        break;
    default:
        break;
    }
    return sa.take_string();
}

int
DropReasonMonitor::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    DropReasonMonitor *d = static_cast<DropReasonMonitor *>(e);
    memset(d->_count, 0, sizeof(d->_count));
    memset(d->_samples, 0, sizeof(d->_samples));
    for (int r = 0; r < NREASONS; r++)
        d->_since_sample[r] = d->_sample_every - 1;
    d->_sample_head = d->_nsampled = 0;
    d->_passed = 0;
    return 0;
}

void
DropReasonMonitor::add_handlers()
{
    add_read_handler("reasons", read_handler, h_reasons);
    add_read_handler("samples", read_handler, h_samples);
    add_read_handler("passed", read_handler, h_passed);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DropReasonMonitor)
