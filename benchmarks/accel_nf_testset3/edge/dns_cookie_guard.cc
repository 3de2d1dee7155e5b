// dns_cookie_guard.{cc,hh} -- DNS server cookie check at the resolver edge
#include <click/config.h>
#include "dns_cookie_guard.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

DnsCookieGuard::DnsCookieGuard()
    : _have_prev(false), _enforce(false), _max_age(3600), _max_skew(300), _stale(0)
{
    memset(_secret, 0, sizeof(_secret));
    memset(_prev_secret, 0, sizeof(_prev_secret));
    _stats[0] = _stats[1] = _stats[2] = 0;
}

bool
DnsCookieGuard::unhex16(const String &s, uint8_t *out)
{
    if (s.length() != 32)
        return false;
    for (int i = 0; i < 32; i++) {
        char c = s[i];
        int v = (c >= '0' && c <= '9') ? c - '0'
            : (c >= 'a' && c <= 'f') ? c - 'a' + 10
            : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
        if (v < 0)
            return false;
        if (i & 1)
            out[i >> 1] |= (uint8_t) v;
        else
            out[i >> 1] = (uint8_t) (v << 4);
    }
    return true;
}

int
DnsCookieGuard::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String secret, prev;
    if (Args(conf, this, errh)
        .read_mp("SECRET", secret)
        .read_p("PREVIOUS_SECRET", prev)
        .read("ENFORCE", _enforce)
        .read("MAX_AGE", _max_age)
        .read("MAX_SKEW", _max_skew)
        .complete() < 0)
        return -1;
    if (!unhex16(secret, _secret))
        return errh->error("SECRET must be 32 hex digits");
    _have_prev = prev.length() > 0;
    if (_have_prev && !unhex16(prev, _prev_secret))
        return errh->error("PREVIOUS_SECRET must be 32 hex digits");
    return 0;
}

/* Returns the offset just past a domain name, or -1. */
int
DnsCookieGuard::skip_name(const uint8_t *msg, int off, int len)
{
    for (int hops = 0; hops < 128; hops++) {
        if (off >= len)
            return -1;
        uint8_t l = msg[off];
        if (l == 0)
            return off + 1;
        if ((l & 0xC0) == 0xC0)
            return off + 2 <= len ? off + 2 : -1;
        if (l & 0xC0)
            return -1;
        off += 1 + l;
    }
    return -1;
}

int
DnsCookieGuard::classify(const Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_UDP)
        return OUT_BAD;
    const click_udp *udph = reinterpret_cast<const click_udp *>(
        reinterpret_cast<const uint8_t *>(iph) + (iph->ip_hl << 2));
    const uint8_t *msg = reinterpret_cast<const uint8_t *>(udph + 1);
    int len = (int) (p->end_data() - msg);
    if (len < DNS_HDR || ntohs(udph->uh_dport) != 53)
        return OUT_BAD;
    if (msg[2] & 0x80)                          /* QR: a response */
        return OUT_BAD;

    int qd = (msg[4] << 8) | msg[5];
    int rr = ((msg[6] << 8) | msg[7]) + ((msg[8] << 8) | msg[9]);
    int ar = (msg[10] << 8) | msg[11];
    int off = DNS_HDR;
    for (int i = 0; i < qd; i++) {
        if ((off = skip_name(msg, off, len)) < 0 || off + 4 > len)
            return OUT_BAD;
        off += 4;
    }
    for (int i = 0; i < rr; i++) {
        if ((off = skip_name(msg, off, len)) < 0 || off + 10 > len)
            return OUT_BAD;
        off += 10 + ((msg[off + 8] << 8) | msg[off + 9]);
    }

    const uint8_t *cookie = 0;
    int cookie_len = 0;
    for (int i = 0; i < ar && off < len; i++) {
        int name_end = skip_name(msg, off, len);
        if (name_end < 0 || name_end + 10 > len)
            return OUT_BAD;
        int type = (msg[name_end] << 8) | msg[name_end + 1];
        int rdlen = (msg[name_end + 8] << 8) | msg[name_end + 9];
        int rd = name_end + 10;
        if (rd + rdlen > len)
            return OUT_BAD;
        if (type == OPT_TYPE) {
            for (int o = rd; o + 4 <= rd + rdlen; ) {
                int code = (msg[o] << 8) | msg[o + 1];
                int olen = (msg[o + 2] << 8) | msg[o + 3];
                if (o + 4 + olen > rd + rdlen)
                    return OUT_BAD;
                if (code == EDNS_COOKIE) {
                    cookie = msg + o + 4;
                    cookie_len = olen;
                }
                o += 4 + olen;
            }
        }
        off = rd + rdlen;
    }

    if (!cookie || cookie_len == 8)             /* none, or client cookie only */
        return _enforce ? OUT_NOCOOKIE : OUT_OK;
    if (cookie_len != 24 || cookie[8] != 1)     /* only the RFC 9018 format */
        return OUT_BAD;

    uint32_t ts = ((uint32_t) cookie[12] << 24) | ((uint32_t) cookie[13] << 16)
        | ((uint32_t) cookie[14] << 8) | cookie[15];
    uint32_t now = (uint32_t) Timestamp::recent().sec();
    int32_t age = (int32_t) (now - ts);
    if (age > (int32_t) _max_age || age < -(int32_t) _max_skew) {
        _stale++;
        return OUT_BAD;
    }

    /* hash input: client cookie | version | reserved | timestamp | client IP */
    uint8_t in[8 + 8 + 4];
    memcpy(in, cookie, 16);
    memcpy(in + 16, &iph->ip_src, 4);
    uint64_t want = dcg_load64_le(cookie + 16);
    if (dcg_siphash24(_secret, in, sizeof(in)) == want)
        return OUT_OK;
    if (_have_prev && dcg_siphash24(_prev_secret, in, sizeof(in)) == want)
        return OUT_OK;
    return OUT_BAD;
}

void
DnsCookieGuard::push(int, Packet *p)
{
    int out = classify(p);
    _stats[out]++;
    if (out == OUT_BAD) {
        checked_output_push(OUT_BAD, p);
        return;
    }
    SET_PAINT_ANNO(p, (uint8_t) out);
    output(out).push(p);
}

void
DnsCookieGuard::add_handlers()
{
    add_data_handlers("accepted", Handler::f_read, &_stats[OUT_OK]);
    add_data_handlers("no_cookie", Handler::f_read, &_stats[OUT_NOCOOKIE]);
    add_data_handlers("bad", Handler::f_read, &_stats[OUT_BAD]);
    add_data_handlers("stale", Handler::f_read, &_stale);
    add_data_handlers("enforce", Handler::f_read | Handler::f_write, &_enforce);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DnsCookieGuard)
