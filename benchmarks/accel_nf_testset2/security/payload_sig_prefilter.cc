/*
 * payload_sig_prefilter.cc -- PayloadSigPrefilter: signatures and their
 * 256-entry shift tables are built in configure() into member arrays;
 * per packet each signature is searched with a Horspool loop over the
 * payload bytes (compare from the window's end, then shift by the table
 * entry of the window's last byte).
 */
#include <click/config.h>
#include "payload_sig_prefilter.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

PayloadSigPrefilter::PayloadSigPrefilter()
    : _nsigs(0), _depth(1460), _min_payload(1), _scanned(0), _scanned_bytes(0)
{
    for (int i = 0; i < 256; ++i)
        _fold[i] = (uint8_t) i;
    memset(_hits, 0, sizeof(_hits));
    memset(_siglen, 0, sizeof(_siglen));
}

PayloadSigPrefilter::~PayloadSigPrefilter()
{
}

/* Copy s into out, decoding \xHH and \\; the length, or -1. */
int
PayloadSigPrefilter::unescape(const String &s, uint8_t *out, int cap)
{
    int n = 0;
    for (int i = 0; i < s.length(); ++i) {
        int c = (unsigned char) s[i];
        if (c == '\\' && i + 1 < s.length() && s[i + 1] == '\\')
            i++;
        else if (c == '\\' && i + 3 < s.length() && s[i + 1] == 'x') {
            c = 0;
            for (int j = 2; j <= 3; ++j) {
                char d = s[i + j];
                int v = (d >= '0' && d <= '9') ? d - '0'
                    : (d >= 'a' && d <= 'f') ? d - 'a' + 10
                    : (d >= 'A' && d <= 'F') ? d - 'A' + 10 : -1;
                if (v < 0)
                    return -1;
                c = (c << 4) | v;
            }
            i += 3;
        }
        if (n == cap)
            return -1;
        out[n++] = (uint8_t) c;
    }
    return n;
}

int
PayloadSigPrefilter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> sigs;
    bool nocase = false;
    if (Args(conf, this, errh)
        .read_all("SIG", sigs)
        .read("NOCASE", nocase)
        .read("DEPTH", _depth)
        .read("MIN_PAYLOAD", _min_payload)
        .complete() < 0)
        return -1;
    if (sigs.size() == 0 || sigs.size() > MAX_SIGS)
        return errh->error("need 1 to %d SIG arguments", (int) MAX_SIGS);

    for (int i = 0; i < 256; ++i)
        _fold[i] = (uint8_t) ((nocase && i >= 'A' && i <= 'Z') ? i + ('a' - 'A') : i);

    _nsigs = sigs.size();
    for (int s = 0; s < _nsigs; ++s) {
        uint8_t raw[MAX_LEN];
        int m = unescape(sigs[s], raw, MAX_LEN);
        if (m < 2)
            return errh->error("SIG %d: bad or too short (2-%d bytes)", s + 1, (int) MAX_LEN);
        _siglen[s] = m;
        for (int i = 0; i < m; ++i)
            _sig[s][i] = _fold[raw[i]];
        // a byte that is not in sig[0..m-2] lets the window jump by m
        for (int c = 0; c < 256; ++c)
            _skip[s][c] = (uint8_t) m;
        for (int i = 0; i < m - 1; ++i)
            _skip[s][_sig[s][i]] = (uint8_t) (m - 1 - i);
        if (nocase)
            for (int c = 'A'; c <= 'Z'; ++c)
                _skip[s][c] = _skip[s][c + ('a' - 'A')];
    }
    return 0;
}

void
PayloadSigPrefilter::push(int, Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    const unsigned char *ipb = reinterpret_cast<const unsigned char *>(iph);
    const unsigned char *end = p->end_data();
    if (ipb + sizeof(click_ip) > end || iph->ip_v != 4 || !IP_FIRSTFRAG(iph)) {
        output(0).push(p);
        return;
    }
    const unsigned char *th = ipb + (iph->ip_hl << 2);
    const unsigned char *pay;
    if (iph->ip_p == IP_PROTO_TCP && th + sizeof(click_tcp) <= end)
        pay = th + (reinterpret_cast<const click_tcp *>(th)->th_off << 2);
    else if (iph->ip_p == IP_PROTO_UDP && th + sizeof(click_udp) <= end)
        pay = th + sizeof(click_udp);
    else {
        output(0).push(p);
        return;
    }
    const unsigned char *ip_end = ipb + ntohs(iph->ip_len);
    if (ip_end < end)
        end = ip_end;                       // ignore link-layer padding
    int n = pay < end ? (int) (end - pay) : 0;
    if (n < (int) _min_payload) {
        output(0).push(p);
        return;
    }
    if (n > (int) _depth)
        n = (int) _depth;
    _scanned++;
    _scanned_bytes += n;

    for (int s = 0; s < _nsigs; ++s) {
        const uint8_t *sig = _sig[s];
        const uint8_t *skip = _skip[s];
        int m = _siglen[s];
        int pos = 0;
        while (pos <= n - m) {
            int j = m - 1;
            while (j >= 0 && _fold[pay[pos + j]] == sig[j])
                j--;
            if (j < 0) {
                _hits[s]++;
                SET_PAINT_ANNO(p, (uint8_t) (s + 1));
                output(1).push(p);
                return;
            }
            pos += skip[pay[pos + m - 1]];
        }
    }
    output(0).push(p);
}

String
PayloadSigPrefilter::read_hits(Element *e, void *)
{
    PayloadSigPrefilter *f = static_cast<PayloadSigPrefilter *>(e);
    StringAccum sa;
    for (int s = 0; s < f->_nsigs; ++s)
        sa << "sig" << (s + 1) << ' ' << f->_siglen[s] << "B " << f->_hits[s] << '\n';
    sa << "scanned " << f->_scanned << " packets " << f->_scanned_bytes << " bytes\n";
    return sa.take_string();
}

void
PayloadSigPrefilter::add_handlers()
{
    add_read_handler("hits", read_hits, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PayloadSigPrefilter)
