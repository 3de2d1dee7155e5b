// -*- c-basic-offset: 4 -*-
/*
 * http_host_classifier.cc -- HttpHostClassifier: parses the HTTP/1.x
 * request line and header lines of TCP payload, extracts the Host: field
 * and looks the host (then its parent domains) up in a 4096-slot
 * open-addressing site table inside the element; paints the site's class.
 *
 * Training code for Clara's compute model (nf_corpus/inspection): a
 * realistic host-based classifier written for the corpus, not an
 * evaluation NF.  Per packet: IP/TCP length checks, a switch on the first
 * payload byte for the method, byte loops scanning for CR/LF with
 * case-insensitive compares, a lower-casing copy loop, an FNV hash and a
 * bounded linear probe over 52-byte slots, counter updates and a paint.
 */
#include <click/config.h>
#include "http_host_classifier.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

namespace {
const char *const method_names[] = {
    "-", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "CONNECT",
    "PATCH", "TRACE"
};
}

HttpHostClassifier::HttpHostClassifier()
    : _nsites(0), _max_scan(1024), _port(0), _default_class(0), _parents(3),
      _requests(0), _classified(0), _no_host(0), _unknown_host(0),
      _non_http(0), _truncated(0)
{
    memset(_sites, 0, sizeof(_sites));
    memset(_class_count, 0, sizeof(_class_count));
    memset(_method_count, 0, sizeof(_method_count));
}

HttpHostClassifier::~HttpHostClassifier()
{
}

int
HttpHostClassifier::add_site(const String &host, int cls, ErrorHandler *errh)
{
    String h = host.lower();
    int len = h.length();
    if (len > 0 && h[len - 1] == '.')
        len--;
    if (len <= 0 || len > MAX_HOST)
        return errh->error("site host %s: length must be 1 to %d", host.c_str(), (int) MAX_HOST);
    if (_nsites >= TABLE_SLOTS * 3 / 4)
        return errh->error("too many sites (at most %d)", (int) (TABLE_SLOTS * 3 / 4));

    uint32_t hv = host_hash(h.data(), len);
    int keep = len < KEY_BYTES ? len : KEY_BYTES;
    for (int probe = 0; probe < MAX_PROBE; ++probe) {
        SiteSlot &s = _sites[(hv + probe) & (TABLE_SLOTS - 1)];
        if (s.hash == 0) {
            s.hash = hv;
            s.len = (uint8_t) len;
            s.cls = (uint8_t) cls;
            s.probe = (uint16_t) probe;
            s.hits = 0;
            memcpy(s.host, h.data(), keep);
            _nsites++;
            return 0;
        }
        if (s.hash == hv && s.len == len && memcmp(s.host, h.data(), keep) == 0)
            return errh->error("site %s given twice", host.c_str());
    }
    return errh->error("site %s: table neighbourhood full", host.c_str());
}

int
HttpHostClassifier::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> sites;
    unsigned port = 0, def = 0, parents = 3;
    if (Args(conf, this, errh)
        .read_all("SITE", sites)
        .read("PORT", port)
        .read("DEFAULT_CLASS", def)
        .read("MAX_SCAN", _max_scan)
        .read("PARENTS", parents)
        .complete() < 0)
        return -1;
    if (port > 65535)
        return errh->error("PORT must be a TCP port");
    if (def > 255)
        return errh->error("DEFAULT_CLASS must be a byte");
    if (_max_scan < 16 || _max_scan > 65535)
        return errh->error("MAX_SCAN must be between 16 and 65535");
    if (parents > 8)
        return errh->error("PARENTS must be at most 8");
    _port = port;
    _default_class = def;
    _parents = parents;

    for (int i = 0; i < sites.size(); ++i) {
        Vector<String> words;
        cp_spacevec(sites[i], words);
        int cls;
        if (words.size() != 2 || !cp_integer(words[1], &cls) || cls < 1 || cls > 255)
            return errh->error("SITE %d: expected \"HOST CLASS\" with CLASS 1-255", i + 1);
        if (add_site(words[0], cls, errh) < 0)
            return -1;
    }
    return 0;
}

HttpHostClassifier::SiteSlot *
HttpHostClassifier::find_site(const char *host, int len)
{
    uint32_t hv = host_hash(host, len);
    int keep = len < KEY_BYTES ? len : KEY_BYTES;
    for (int probe = 0; probe < MAX_PROBE; ++probe) {
        SiteSlot *s = &_sites[(hv + probe) & (TABLE_SLOTS - 1)];
        if (s->hash == 0)
            return 0;
        if (s->hash == hv && s->len == len && memcmp(s->host, host, keep) == 0)
            return s;
    }
    return 0;
}

/* The method token at the start of the payload, and its length. */
int
HttpHostClassifier::parse_method(const unsigned char *d, int len, int *tok_len) const
{
    int m = m_none, n = 0;
    switch (d[0]) {
    case 'G':
        if (d[1] == 'E' && d[2] == 'T')
            m = m_get, n = 3;
        break;
    case 'H':
        if (memcmp(d, "HEAD", 4) == 0)
            m = m_head, n = 4;
        break;
    case 'P':
        if (memcmp(d, "POST", 4) == 0)
            m = m_post, n = 4;
        else if (d[1] == 'U' && d[2] == 'T')
            m = m_put, n = 3;
        else if (memcmp(d, "PATCH", 5) == 0)
            m = m_patch, n = 5;
        break;
    case 'D':
        if (len > 7 && memcmp(d, "DELETE", 6) == 0)
            m = m_delete, n = 6;
        break;
    case 'O':
        if (len > 8 && memcmp(d, "OPTIONS", 7) == 0)
            m = m_options, n = 7;
        break;
    case 'C':
        if (len > 8 && memcmp(d, "CONNECT", 7) == 0)
            m = m_connect, n = 7;
        break;
    case 'T':
        if (memcmp(d, "TRACE", 5) == 0)
            m = m_trace, n = 5;
        break;
    default:
        return m_none;
    }
    if (m == m_none || d[n] != ' ')
        return m_none;
    *tok_len = n;
    return m;
}

/* Index of the LF ending the line that starts at start, or -1. */
int
HttpHostClassifier::find_eol(const unsigned char *d, int start, int end)
{
    for (int i = start; i < end; ++i) {
        unsigned char c = d[i];
        if (c == '\n')
            return i;
        if (c == '\r') {
            if (i + 1 < end && d[i + 1] == '\n')
                return i + 1;
            return -1;                      // a lone CR is malformed
        }
        if (c == 0)
            return -1;
    }
    return -1;
}

/* Copy the host of the Host: line [start, end) into out (lower case, no
   port, no trailing dot).  Returns its length, 0 if empty or bad. */
int
HttpHostClassifier::extract_host(const unsigned char *d, int start, int end, char *out) const
{
    int i = start;
    while (i < end && (d[i] == ' ' || d[i] == '\t'))
        i++;
    int n = 0;
    if (i < end && d[i] == '[') {
        // an IPv6 literal: keep up to and including the bracket
        while (i < end && d[i] != ']' && n < MAX_HOST - 1)
            out[n++] = lower(d[i++]);
        if (i >= end)
            return 0;
        out[n++] = ']';
        return n;
    }
    for (; i < end && n < MAX_HOST; ++i) {
        unsigned char c = d[i];
        if (c == ':' || c == '\r' || c == '\n' || c == ' ' || c == '\t')
            break;
        if (c < 0x21 || c > 0x7E || c == '/' || c == '@')
            return 0;
        out[n++] = lower(c);
    }
    if (n > 0 && out[n - 1] == '.')
        n--;
    return n;
}

void
HttpHostClassifier::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_TCP || !IP_FIRSTFRAG(iph)
        || p->transport_length() < (int) sizeof(click_tcp)) {
        output(0).push(p);
        return;
    }
    const click_tcp *th = p->tcp_header();
    if (_port && ntohs(th->th_dport) != _port) {
        output(0).push(p);
        return;
    }

    // payload bounds: the TCP data offset and the IP total length (the
    // frame may carry link-layer padding past the datagram)
    int thl = th->th_off << 2;
    int ip_end = p->network_header_offset() + ntohs(iph->ip_len);
    int data_end = (int) p->length();
    if (ip_end < data_end)
        data_end = ip_end;
    int off = p->transport_header_offset() + thl;
    if (thl < (int) sizeof(click_tcp) || off + 16 > data_end) {
        output(0).push(p);
        return;
    }
    const unsigned char *d = p->data() + off;
    int len = data_end - off;
    int scan = len < (int) _max_scan ? len : (int) _max_scan;

    int tok = 0;
    int method = parse_method(d, len, &tok);
    if (method == m_none) {
        _non_http++;
        output(0).push(p);
        return;
    }

    // request line: METHOD SP target SP HTTP/1.x CRLF
    int eol = find_eol(d, tok + 1, scan);
    if (eol < 0) {
        _truncated++;
        _non_http++;
        output(0).push(p);
        return;
    }
    int vend = (d[eol - 1] == '\r') ? eol - 1 : eol;
    if (vend - (tok + 1) < 10 || memcmp(d + vend - 8, "HTTP/1.", 7) != 0
        || d[vend - 9] != ' ' || d[tok + 1] == ' ') {
        _non_http++;
        output(0).push(p);
        return;
    }
    _requests++;
    _method_count[method]++;

    // header lines, until the empty line or the scan limit
    char host[MAX_HOST + 1];
    int hlen = -1;
    int pos = eol + 1;
    while (pos < scan) {
        if (d[pos] == '\n' || (d[pos] == '\r' && pos + 1 < scan && d[pos + 1] == '\n'))
            break;                          // end of the header block
        int le = find_eol(d, pos, scan);
        if (le < 0) {
            _truncated++;
            break;
        }
        if (le - pos > 5 && (d[pos] | 0x20) == 'h' && ieq(d + pos + 1, "ost:", 4)) {
            hlen = extract_host(d, pos + 5, le + 1, host);
            break;
        }
        pos = le + 1;
    }

    uint8_t cls = _default_class;
    bool found = false;
    if (hlen <= 0)
        _no_host++;
    else {
        // exact host, then its parent domains
        const char *h = host;
        int n = hlen;
        for (int level = 0; level <= _parents && n > 0; ++level) {
            SiteSlot *s = find_site(h, n);
            if (s) {
                s->hits++;
                cls = s->cls;
                found = true;
                break;
            }
            const char *dot = (const char *) memchr(h, '.', n);
            if (!dot)
                break;
            n -= (int) (dot + 1 - h);
            h = dot + 1;
        }
        if (!found)
            _unknown_host++;
    }

    _class_count[cls]++;
    p->set_paint_anno(cls);
    if (found) {
        _classified++;
        output(0).push(p);
    } else
        checked_output_push(1, p);
}

enum { h_stats, h_methods, h_classes, h_sites, h_reset };

String
HttpHostClassifier::read_handler(Element *e, void *thunk)
{
    HttpHostClassifier *c = static_cast<HttpHostClassifier *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_stats:
        sa << "requests " << c->_requests << "\nclassified " << c->_classified
           << "\nno_host " << c->_no_host << "\nunknown_host " << c->_unknown_host
           << "\nnon_http " << c->_non_http << "\ntruncated " << c->_truncated << '\n';
        break;
    case h_methods:
        for (int m = 1; m < m_count; ++m)
            sa << method_names[m] << ' ' << c->_method_count[m] << '\n';
        break;
    case h_classes:
        for (int k = 0; k < NCLASSES; ++k)
            if (c->_class_count[k])
                sa << k << ' ' << c->_class_count[k] << '\n';
        break;
    case h_sites:
        for (int i = 0; i < TABLE_SLOTS; ++i) {
            const SiteSlot &s = c->_sites[i];
            if (!s.hash)
                continue;
            sa.append(s.host, s.len < KEY_BYTES ? s.len : (int) KEY_BYTES);
            if (s.len > KEY_BYTES)
                sa << "...";
            sa << ' ' << (int) s.cls << ' ' << s.hits << " probe " << s.probe << '\n';
        }
        break;
    }
    return sa.take_string();
}

int
HttpHostClassifier::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    HttpHostClassifier *c = static_cast<HttpHostClassifier *>(e);
    c->_requests = c->_classified = c->_no_host = c->_unknown_host = 0;
    c->_non_http = c->_truncated = 0;
    memset(c->_class_count, 0, sizeof(c->_class_count));
    memset(c->_method_count, 0, sizeof(c->_method_count));
    for (int i = 0; i < TABLE_SLOTS; ++i)
        c->_sites[i].hits = 0;
    return 0;
}

void
HttpHostClassifier::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("methods", read_handler, h_methods);
    add_read_handler("classes", read_handler, h_classes);
    add_read_handler("sites", read_handler, h_sites);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(HttpHostClassifier)
