// -*- c-basic-offset: 4 -*-
/*
 * horspool_blocker.cc -- HorspoolBlocker: Boyer-Moore-Horspool search for
 * up to four keywords (uint8_t skip tables of 256 entries each, a 256-byte
 * case-folding table, backwards inner compare), and a HashMap of blocked
 * connections keyed by a direction-free ConnKey struct.
 *
 * Training code for Clara's compute model (nf_corpus/inspection): a
 * realistic keyword blocker written for the corpus, not an evaluation NF.
 * Per packet: TCP header and payload bounds, a HashMap lookup (and erase
 * on expiry or FIN/RST), then for each keyword a skip loop with a nested
 * backwards compare loop; on a hit a HashMap insert, a saturating 16-bit
 * counter in a 4 x 256 table, a paint and a divert or drop.
 */
#include <click/config.h>
#include "horspool_blocker.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

HorspoolBlocker::HorspoolBlocker()
    : _nkw(0), _block_time(30), _max_blocked(8192), _port(0), _min_payload(1),
      _color(1), _nocase(true), _alert_only(false), _segments(0),
      _searched_bytes(0), _blocked_segments(0), _blocked_flows(0), _table_full(0)
{
    memset(_kw, 0, sizeof(_kw));
    memset(_skip, 0, sizeof(_skip));
    memset(_port_hits, 0, sizeof(_port_hits));
    memset(_hits, 0, sizeof(_hits));
    memset(_kwlen, 0, sizeof(_kwlen));
    for (int c = 0; c < 256; ++c)
        _fold[c] = c;
}

HorspoolBlocker::~HorspoolBlocker()
{
}

/* Shift for each byte: the distance from its last occurrence in the
   keyword (not counting the final byte) to the keyword's end. */
void
HorspoolBlocker::build_skip(int k)
{
    int m = _kwlen[k];
    uint8_t *skip = _skip[k];
    for (int c = 0; c < 256; ++c)
        skip[c] = (uint8_t) m;
    for (int j = 0; j < m - 1; ++j)
        skip[_kw[k][j]] = (uint8_t) (m - 1 - j);
}

int
HorspoolBlocker::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> keywords;
    unsigned port = 0, min_payload = 1, color = 1;
    if (Args(conf, this, errh)
        .read_all("KEYWORD", keywords)
        .read("NOCASE", _nocase)
        .read("PORT", port)
        .read("MIN_PAYLOAD", min_payload)
        .read("BLOCK_TIME", _block_time)
        .read("MAX_BLOCKED", _max_blocked)
        .read("ALERT_ONLY", _alert_only)
        .read("COLOR", color)
        .complete() < 0)
        return -1;
    if (keywords.size() < 1 || keywords.size() > MAX_KEYWORDS)
        return errh->error("give 1 to %d KEYWORD arguments", (int) MAX_KEYWORDS);
    if (port > 65535)
        return errh->error("PORT out of range");
    if (min_payload > 65535)
        return errh->error("MIN_PAYLOAD out of range");
    if (color > 255)
        return errh->error("COLOR must be a byte");
    _port = port;
    _min_payload = min_payload;
    _color = color;

    if (_nocase)
        for (int c = 'A'; c <= 'Z'; ++c)
            _fold[c] = c - 'A' + 'a';

    _nkw = keywords.size();
    for (int k = 0; k < _nkw; ++k) {
        const String &w = keywords[k];
        if (w.length() < 2 || w.length() > MAX_KEYWORD)
            return errh->error("KEYWORD %d: length must be 2 to %d", k + 1, (int) MAX_KEYWORD);
        for (int j = 0; j < w.length(); ++j)
            _kw[k][j] = _fold[(unsigned char) w[j]];
        _kwlen[k] = (uint8_t) w.length();
        for (int e = 0; e < k; ++e)
            if (_kwlen[e] == _kwlen[k] && memcmp(_kw[e], _kw[k], _kwlen[k]) == 0)
                return errh->error("KEYWORD %d repeats KEYWORD %d", k + 1, e + 1);
        build_skip(k);
    }
    return 0;
}

/* Offset of the first occurrence of keyword k in [d, d + n), or -1. */
int
HorspoolBlocker::search(int k, const unsigned char *d, int n) const
{
    const int m = _kwlen[k];
    if (n < m)
        return -1;
    const unsigned char *kw = _kw[k];
    const uint8_t *skip = _skip[k];
    const unsigned char last = kw[m - 1];
    int i = 0;
    while (i <= n - m) {
        unsigned char c = _fold[d[i + m - 1]];
        if (c == last) {
            int j = m - 2;
            while (j >= 0 && _fold[d[i + j]] == kw[j])
                --j;
            if (j < 0)
                return i;
        }
        i += skip[c];
    }
    return -1;
}

void
HorspoolBlocker::reject(Packet *p)
{
    _blocked_segments++;
    p->set_paint_anno(_color);
    if (_alert_only)
        output(0).push(p);
    else
        checked_output_push(1, p);
}

void
HorspoolBlocker::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_TCP || !IP_FIRSTFRAG(iph)
        || p->transport_length() < (int) sizeof(click_tcp)) {
        output(0).push(p);
        return;
    }
    const click_tcp *th = p->tcp_header();
    uint16_t sport = ntohs(th->th_sport), dport = ntohs(th->th_dport);
    if (_port && sport != _port && dport != _port) {
        output(0).push(p);
        return;
    }
    _segments++;

    ConnKey key(iph->ip_src.s_addr, sport, iph->ip_dst.s_addr, dport);
    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();

    // segments of a connection already caught
    if (!_blocked.empty()) {
        Block *b = _blocked.findp(key);
        if (b) {
            if (now < b->until) {
                b->segments++;
                if (th->th_flags & (TH_FIN | TH_RST))
                    _blocked.erase(key);
                reject(p);
                return;
            }
            _blocked.erase(key);        // the block ran out
        }
    }

    int thl = th->th_off << 2;
    int ip_end = p->network_header_offset() + ntohs(iph->ip_len);
    int end = (int) p->length() < ip_end ? (int) p->length() : ip_end;
    int off = p->transport_header_offset() + thl;
    int n = end - off;
    if (thl < (int) sizeof(click_tcp) || n < (int) _min_payload || n <= 0) {
        output(0).push(p);
        return;
    }
    const unsigned char *d = p->data() + off;
    _searched_bytes += n;

    int hit = -1;
    for (int k = 0; k < _nkw; ++k)
        if (search(k, d, n) >= 0) {
            hit = k;
            break;
        }
    if (hit < 0) {
        output(0).push(p);
        return;
    }

    _hits[hit]++;
    uint16_t &ph = _port_hits[hit][(sport < dport ? sport : dport) & (PORT_BUCKETS - 1)];
    if (ph != 0xFFFF)
        ph++;

    if (_block_time && !(th->th_flags & (TH_FIN | TH_RST))) {
        if (_blocked.size() < _max_blocked) {
            Block nb;
            nb.until = now + Timestamp::make_sec(_block_time);
            nb.segments = 1;
            nb.keyword = (uint8_t) hit;
            if (_blocked.insert(key, nb))
                _blocked_flows++;
        } else
            _table_full++;
    }
    reject(p);
}

enum { h_hits, h_blocked, h_port_hits, h_unblock };

String
HorspoolBlocker::read_handler(Element *e, void *thunk)
{
    HorspoolBlocker *hb = static_cast<HorspoolBlocker *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_hits:
        for (int k = 0; k < hb->_nkw; ++k) {
            sa.append((const char *) hb->_kw[k], hb->_kwlen[k]);
            sa << ' ' << hb->_hits[k] << '\n';
        }
        break;
    case h_blocked:
        sa << hb->_blocked_segments << ' ' << hb->_blocked_flows << ' '
           << (unsigned long) hb->_blocked.size() << " full " << hb->_table_full;
        break;
    case h_port_hits:
        for (int k = 0; k < hb->_nkw; ++k)
            for (int b = 0; b < PORT_BUCKETS; ++b)
                if (hb->_port_hits[k][b])
                    sa << k << ' ' << b << ' ' << hb->_port_hits[k][b] << '\n';
        break;
    }
    return sa.take_string();
}

int
HorspoolBlocker::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    HorspoolBlocker *hb = static_cast<HorspoolBlocker *>(e);
    hb->_blocked.clear();
    return 0;
}

void
HorspoolBlocker::add_handlers()
{
    add_read_handler("hits", read_handler, h_hits);
    add_read_handler("blocked", read_handler, h_blocked);
    add_read_handler("port_hits", read_handler, h_port_hits);
    add_write_handler("unblock", write_handler, h_unblock, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(HorspoolBlocker)
