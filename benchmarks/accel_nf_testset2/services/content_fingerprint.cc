/*
 * content_fingerprint.cc -- ContentFingerprint: a 32-bit fingerprint of the
 * payload prefix, a direct-mapped table of recently seen fingerprints and a
 * sorted list of known ones.
 */
#include <click/config.h>
#include "content_fingerprint.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/packet_anno.hh>
#include <click/glue.hh>
CLICK_DECLS

ContentFingerprint::ContentFingerprint()
    : _prefix(64), _min_payload(32), _window(60), _fingerprinted(0),
      _repeats(0), _known_hits(0), _short(0), _repeat_bytes(0)
{
    memset(_crc_tab, 0, sizeof(_crc_tab));
    memset(_recent, 0, sizeof(_recent));
}

ContentFingerprint::~ContentFingerprint()
{
}

int
ContentFingerprint::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("PREFIX", _prefix)
        .read("MIN_PAYLOAD", _min_payload)
        .read("WINDOW", _window)
        .read_all("KNOWN", _known)
        .complete() < 0)
        return -1;
    if (_prefix < 8 || _prefix > 1460)
        return errh->error("PREFIX must be 8..1460 bytes");
    if (_min_payload == 0)
        _min_payload = 1;

    // insertion sort: the list is short and configured once
    for (int i = 1; i < _known.size(); ++i) {
        unsigned v = _known[i];
        int j = i - 1;
        while (j >= 0 && _known[j] > v) {
            _known[j + 1] = _known[j];
            j--;
        }
        _known[j + 1] = v;
    }

    // reflected 0x04C11DB7
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t r = i;
        for (int b = 0; b < 8; ++b)
            r = (r >> 1) ^ (0xEDB88320U & (0U - (r & 1)));
        _crc_tab[i] = r;
    }
    return 0;
}

uint32_t
ContentFingerprint::fingerprint(const uint8_t *s, unsigned n) const
{
    uint32_t c = 0xFFFFFFFFU;
    while (n--)
        c = _crc_tab[(c ^ *s++) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFU;
}

bool
ContentFingerprint::is_known(uint32_t fp) const
{
    int lo = 0, hi = _known.size() - 1;
    while (lo <= hi) {
        int mid = (lo + hi) >> 1;
        if (_known[mid] == fp)
            return true;
        if (_known[mid] < fp)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return false;
}

void
ContentFingerprint::push(int, Packet *p)
{
    const uint8_t *d = p->data();
    unsigned len = p->length();
    const click_ip *iph = reinterpret_cast<const click_ip *>(d);
    unsigned hl = len >= sizeof(click_ip) ? (unsigned) iph->ip_hl << 2 : 0;
    unsigned iplen = hl ? ntohs(iph->ip_len) : 0;
    if (hl < sizeof(click_ip) || iplen > len || iplen < hl || !IP_FIRSTFRAG(iph)) {
        _short++;
        checked_output_push(2, p);
        return;
    }

    unsigned off;
    if (iph->ip_p == IP_PROTO_TCP && iplen >= hl + sizeof(click_tcp)) {
        const click_tcp *th = reinterpret_cast<const click_tcp *>(d + hl);
        off = hl + (th->th_off << 2);
    } else if (iph->ip_p == IP_PROTO_UDP && iplen >= hl + sizeof(click_udp))
        off = hl + sizeof(click_udp);
    else
        off = iplen;
    if (off >= iplen || iplen - off < _min_payload) {
        _short++;
        checked_output_push(2, p);
        return;
    }

    unsigned plen = iplen - off;
    uint32_t fp = fingerprint(d + off, plen < _prefix ? plen : _prefix);
    _fingerprinted++;
    SET_AGGREGATE_ANNO(p, fp);

    if (is_known(fp)) {
        _known_hits++;
        SET_PAINT_ANNO(p, 1);
        output(1).push(p);
        return;
    }

    uint32_t now = (uint32_t) Timestamp::recent().sec();
    Recent &r = _recent[fp & (NRECENT - 1)];
    if (r.count && r.fp == fp && now - r.last_sec <= _window) {
        r.count++;
        r.bytes += plen;
        r.last_sec = now;
        _repeats++;
        _repeat_bytes += plen;
        SET_PAINT_ANNO(p, 0);
        output(1).push(p);
        return;
    }
    r.fp = fp;
    r.count = 1;
    r.bytes = plen;
    r.last_sec = now;
    output(0).push(p);
}

String
ContentFingerprint::read_stats(Element *e, void *)
{
    ContentFingerprint *c = static_cast<ContentFingerprint *>(e);
    StringAccum sa;
    sa << "fingerprinted " << c->_fingerprinted << "\nrepeats " << c->_repeats
       << "\nrepeat_bytes " << c->_repeat_bytes << "\nknown " << c->_known_hits
       << "\nshort " << c->_short << '\n';
    return sa.take_string();
}

void
ContentFingerprint::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(ContentFingerprint)
