// -*- c-basic-offset: 4 -*-
/*
 * dpi_matcher.{cc,hh} -- multi-pattern payload DPI (Aho-Corasick)
 *
 * Models the content-matching engine of an IDS/IPS or DPI classifier:
 * patterns are compiled at configure time into a DFA over byte classes,
 * the TCP/UDP payload is scanned with one table lookup per byte, and
 * matching packets leave on output 1.  See dpi_matcher.hh.
 */

#include <click/config.h>
#include "dpi_matcher.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/packet_anno.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

namespace {
inline uint8_t
ascii_lower(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}
}

DPIMatcher::DPIMatcher()
    : _nstates(0), _nclasses(0), _nocase(false), _protos(PROTO_TCP | PROTO_UDP),
      _offset(0), _depth(1460), _all(false), _count(0), _scanned(0),
      _scanned_bytes(0), _matches(0)
{
    memset(_delta, 0, sizeof(_delta));
    memset(_out, 0, sizeof(_out));
    memset(_byte_class, 0, sizeof(_byte_class));
    memset(_pattern_hits, 0, sizeof(_pattern_hits));
}

DPIMatcher::~DPIMatcher()
{
}

int
DPIMatcher::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> patterns;
    bool nocase = false, all = false;
    String proto = "both";
    uint32_t offset = 0, depth = 1460;

    if (Args(conf, this, errh)
        .read_all("PATTERN", patterns)
        .read("NOCASE", nocase)
        .read("PROTO", proto)
        .read("OFFSET", offset)
        .read("DEPTH", depth)
        .read("ALL", all)
        .complete() < 0)
        return -1;

    if (patterns.size() == 0)
        return errh->error("no PATTERN given");
    if (patterns.size() > MAX_PATTERNS)
        return errh->error("too many patterns (at most %d)", (int) MAX_PATTERNS);
    for (int i = 0; i < patterns.size(); i++)
        if (patterns[i].length() == 0 || patterns[i].length() > MAX_PATTERN_LEN)
            return errh->error("pattern %d: length must be 1 to %d", i + 1,
                               (int) MAX_PATTERN_LEN);

    if (proto == "tcp" || proto == "TCP")
        _protos = PROTO_TCP;
    else if (proto == "udp" || proto == "UDP")
        _protos = PROTO_UDP;
    else if (proto == "both" || proto == "BOTH")
        _protos = PROTO_TCP | PROTO_UDP;
    else
        return errh->error("PROTO must be tcp, udp or both");

    if (depth == 0 || depth > 65535)
        return errh->error("DEPTH must be between 1 and 65535");

    _patterns = patterns;
    _nocase = nocase;
    _offset = offset;
    _depth = depth;
    _all = all;
    return build_automaton(errh);
}

// Returns the class of byte c, allocating a new class on first sight.
int
DPIMatcher::byte_class_for(uint8_t c, ErrorHandler *errh)
{
    uint8_t key = _nocase ? ascii_lower(c) : c;
    if (_byte_class[key] != 0)
        return _byte_class[key];
    if (_nclasses == MAX_CLASSES)
        return errh->error("patterns use more than %d distinct bytes",
                           (int) MAX_CLASSES - 1);
    int cls = _nclasses++;
    _byte_class[key] = cls;
    if (_nocase && key >= 'a' && key <= 'z')
        _byte_class[key - ('a' - 'A')] = cls;
    return cls;
}

int
DPIMatcher::build_automaton(ErrorHandler *errh)
{
    memset(_byte_class, 0, sizeof(_byte_class));
    memset(_out, 0, sizeof(_out));
    _nclasses = 1;              // class 0: bytes in no pattern
    _nstates = 1;               // state 0: root
    for (int s = 0; s < MAX_STATES; s++)
        for (int c = 0; c < MAX_CLASSES; c++)
            _delta[s][c] = NO_STATE;

    // 1. Trie of the patterns (goto function).
    for (int k = 0; k < _patterns.size(); k++) {
        const unsigned char *pat =
            reinterpret_cast<const unsigned char *>(_patterns[k].data());
        int len = _patterns[k].length();
        int s = 0;
        for (int i = 0; i < len; i++) {
            int cls = byte_class_for(pat[i], errh);
            if (cls < 0)
                return -1;
            if (_delta[s][cls] == NO_STATE) {
                if (_nstates == MAX_STATES)
                    return errh->error("patterns need more than %d automaton states",
                                       (int) MAX_STATES);
                _delta[s][cls] = _nstates++;
            }
            s = _delta[s][cls];
        }
        _out[s] |= 1u << k;
    }

    // 2. Breadth-first: failure links, folded into a complete DFA.
    uint16_t fail[MAX_STATES];
    uint16_t queue[MAX_STATES];
    int head = 0, tail = 0;
    fail[0] = 0;
    for (int c = 0; c < _nclasses; c++) {
        uint16_t t = _delta[0][c];
        if (t == NO_STATE)
            _delta[0][c] = 0;
        else {
            fail[t] = 0;
            queue[tail++] = t;
        }
    }
    while (head < tail) {
        uint16_t s = queue[head++];
        _out[s] |= _out[fail[s]];
        for (int c = 0; c < _nclasses; c++) {
            uint16_t t = _delta[s][c];
            if (t == NO_STATE)
                _delta[s][c] = _delta[fail[s]][c];
            else {
                fail[t] = _delta[fail[s]][c];
                queue[tail++] = t;
            }
        }
    }
    return 0;
}

// Runs the automaton over len bytes; returns the patterns seen (bitmask).
uint32_t
DPIMatcher::scan(const unsigned char *payload, uint32_t len) const
{
    uint32_t found = 0;
    uint16_t state = 0;
    for (uint32_t i = 0; i < len; i++) {
        state = _delta[state][_byte_class[payload[i]]];
        uint32_t out = _out[state];
        if (out) {
            found |= out;
            if (!_all)
                break;
        }
    }
    return found;
}

void
DPIMatcher::push(int, Packet *p)
{
    _count++;
    if (!p->has_network_header()
        || p->network_header() + sizeof(click_ip) > p->end_data()) {
        output(0).push(p);
        return;
    }

    const click_ip *iph = p->ip_header();
    // Non-first fragments have no transport header to find a payload by.
    if (iph->ip_v != 4 || (ntohs(iph->ip_off) & IP_OFFMASK) != 0) {
        output(0).push(p);
        return;
    }

    const unsigned char *l4 = p->transport_header();
    const unsigned char *end = p->network_header() + ntohs(iph->ip_len);
    if (end > p->end_data())
        end = p->end_data();        // truncated capture

    const unsigned char *payload;
    if (iph->ip_p == IP_PROTO_TCP && (_protos & PROTO_TCP)) {
        if (l4 + sizeof(click_tcp) > end) {
            output(0).push(p);
            return;
        }
        const click_tcp *th = reinterpret_cast<const click_tcp *>(l4);
        payload = l4 + (th->th_off << 2);
    } else if (iph->ip_p == IP_PROTO_UDP && (_protos & PROTO_UDP)) {
        if (l4 + sizeof(click_udp) > end) {
            output(0).push(p);
            return;
        }
        payload = l4 + sizeof(click_udp);
    } else {
        output(0).push(p);
        return;
    }

    payload += _offset;
    if (payload >= end) {
        output(0).push(p);
        return;
    }
    uint32_t len = end - payload;
    if (len > _depth)
        len = _depth;

    _scanned++;
    _scanned_bytes += len;
    uint32_t found = scan(payload, len);
    if (!found) {
        output(0).push(p);
        return;
    }

    // Count every pattern found; paint the packet with the lowest one so a
    // downstream PaintSwitch can dispatch per rule.
    _matches++;
    int first = -1;
    for (int k = 0; k < MAX_PATTERNS; k++)
        if (found & (1u << k)) {
            _pattern_hits[k]++;
            if (first < 0)
                first = k;
        }
    SET_PAINT_ANNO(p, first);
    output(1).push(p);
}

String
DPIMatcher::read_handler(Element *e, void *thunk)
{
    DPIMatcher *m = static_cast<DPIMatcher *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_count:
        return String(m->_count);
    case h_scanned:
        return String(m->_scanned);
    case h_scanned_bytes:
        return String(m->_scanned_bytes);
    case h_matches:
        return String(m->_matches);
    case h_states:
        return String(m->_nstates);
    case h_patterns: {
        StringAccum sa;
        for (int k = 0; k < m->_patterns.size(); k++)
            sa << m->_patterns[k] << ' ' << m->_pattern_hits[k] << '\n';
        return sa.take_string();
    }
    default:
        return String();
    }
}

int
DPIMatcher::write_handler(const String &, Element *e, void *thunk, ErrorHandler *)
{
    DPIMatcher *m = static_cast<DPIMatcher *>(e);
    if (reinterpret_cast<uintptr_t>(thunk) == h_reset) {
        m->_count = m->_scanned = m->_scanned_bytes = m->_matches = 0;
        for (int k = 0; k < MAX_PATTERNS; k++)
            m->_pattern_hits[k] = 0;
    }
    return 0;
}

void
DPIMatcher::add_handlers()
{
    add_read_handler("count", read_handler, h_count);
    add_read_handler("scanned", read_handler, h_scanned);
    add_read_handler("scanned_bytes", read_handler, h_scanned_bytes);
    add_read_handler("matches", read_handler, h_matches);
    add_read_handler("patterns", read_handler, h_patterns);
    add_read_handler("states", read_handler, h_states);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DPIMatcher)
