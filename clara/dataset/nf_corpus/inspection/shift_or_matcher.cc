// -*- c-basic-offset: 4 -*-
/*
 * shift_or_matcher.cc -- ShiftOrMatcher: single-pattern payload search with
 * the shift-or (bitap) algorithm over a 256-entry uint64_t mask table built
 * in configure(); optional per-flow state in a HashMap<IPFlowID, ...> so
 * that a pattern split over TCP segments is still found.
 *
 * Training code for Clara's compute model (nf_corpus/inspection): a
 * realistic single-signature matcher written for the corpus, not an
 * evaluation NF.  Per packet: protocol/port dispatch, payload bounds from
 * the IP and TCP headers, a HashMap lookup/insert/erase for stream state,
 * then one byte loop doing a table load, a 64-bit shift, an OR and a test
 * per byte, with an early exit after MAX_MATCHES; annotations and a
 * divert.
 */
#include <click/config.h>
#include "shift_or_matcher.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

ShiftOrMatcher::ShiftOrMatcher()
    : _accept(0), _plen(0), _nocase(false), _stream(false), _count_only(false),
      _proto(0), _port(0), _offset(0), _depth(0), _max_matches(16),
      _max_flows(16384), _scanned(0), _bytes(0), _matched_packets(0),
      _matches(0), _diverted(0), _spanning(0), _resyncs(0)
{
    memset(_mask, 0xFF, sizeof(_mask));
    memset(_pattern, 0, sizeof(_pattern));
    memset(_offset_hist, 0, sizeof(_offset_hist));
}

ShiftOrMatcher::~ShiftOrMatcher()
{
}

static inline int
hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decode the escapes of a pattern; the decoded length, or -1. */
int
ShiftOrMatcher::unescape(const String &in, unsigned char *out, int cap)
{
    int n = 0;
    for (int i = 0; i < in.length(); ++i) {
        if (n >= cap)
            return -1;
        char c = in[i];
        if (c != '\\') {
            out[n++] = (unsigned char) c;
            continue;
        }
        if (++i >= in.length())
            return -1;
        switch (in[i]) {
        case 'r':
            out[n++] = '\r';
            break;
        case 'n':
            out[n++] = '\n';
            break;
        case 't':
            out[n++] = '\t';
            break;
        case '0':
            out[n++] = 0;
            break;
        case '\\':
            out[n++] = '\\';
            break;
        case 'x': {
            if (i + 2 >= in.length())
                return -1;
            int hi = hex_digit(in[i + 1]), lo = hex_digit(in[i + 2]);
            if (hi < 0 || lo < 0)
                return -1;
            out[n++] = (unsigned char) (hi << 4 | lo);
            i += 2;
            break;
        }
        default:
            return -1;
        }
    }
    return n;
}

void
ShiftOrMatcher::build_masks()
{
    for (int c = 0; c < 256; ++c)
        _mask[c] = ~(uint64_t) 0;
    for (int i = 0; i < _plen; ++i) {
        unsigned char c = _pattern[i];
        uint64_t bit = (uint64_t) 1 << i;
        _mask[c] &= ~bit;
        if (_nocase) {
            if (c >= 'a' && c <= 'z')
                _mask[c - 'a' + 'A'] &= ~bit;
            else if (c >= 'A' && c <= 'Z')
                _mask[c - 'A' + 'a'] &= ~bit;
        }
    }
    _accept = (uint64_t) 1 << (_plen - 1);
}

int
ShiftOrMatcher::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String pattern;
    unsigned proto = 0, port = 0;
    if (Args(conf, this, errh)
        .read_mp("PATTERN", pattern)
        .read("NOCASE", _nocase)
        .read("PROTO", proto)
        .read("PORT", port)
        .read("OFFSET", _offset)
        .read("DEPTH", _depth)
        .read("MAX_MATCHES", _max_matches)
        .read("STREAM", _stream)
        .read("MAX_FLOWS", _max_flows)
        .read("COUNT_ONLY", _count_only)
        .complete() < 0)
        return -1;
    _plen = unescape(pattern, _pattern, MAX_PATTERN);
    if (_plen <= 0)
        return errh->error("PATTERN must decode to 1 to %d bytes", (int) MAX_PATTERN);
    if (proto != 0 && proto != IP_PROTO_TCP && proto != IP_PROTO_UDP)
        return errh->error("PROTO must be 0, 6 or 17");
    if (port > 65535)
        return errh->error("PORT out of range");
    if (_max_matches == 0)
        return errh->error("MAX_MATCHES must be positive");
    if (_stream && proto == IP_PROTO_UDP)
        return errh->error("STREAM needs TCP");
    if (_offset > 65535 || _depth > 65535)
        return errh->error("OFFSET and DEPTH must be below 65536");
    _proto = proto;
    _port = port;
    build_masks();
    return 0;
}

/* Feed n bytes to the automaton.  Counts matches (at most the room left
   below _max_matches) and records the first match end. */
inline uint64_t
ShiftOrMatcher::run(const unsigned char *d, int n, uint64_t state,
                    int *nmatch, int *first_end)
{
    const uint64_t accept = _accept;
    int found = *nmatch;
    for (int i = 0; i < n; ++i) {
        state = (state << 1) | _mask[d[i]];
        if (unlikely(!(state & accept))) {
            if (found == 0)
                *first_end = i;
            if (i < _plen - 1)
                _spanning++;            // began before this buffer
            int bucket = i >> 5;
            _offset_hist[bucket < OFFSET_BUCKETS ? bucket : OFFSET_BUCKETS - 1]++;
            if (++found >= (int) _max_matches)
                break;
        }
    }
    *nmatch = found;
    return state;
}

void
ShiftOrMatcher::forget_flow(const IPFlowID &flow)
{
    _flows.erase(flow);
}

void
ShiftOrMatcher::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || !IP_FIRSTFRAG(iph) || (_proto && iph->ip_p != _proto)) {
        output(0).push(p);
        return;
    }

    int ip_end = p->network_header_offset() + ntohs(iph->ip_len);
    int end = (int) p->length() < ip_end ? (int) p->length() : ip_end;
    int off;
    uint16_t sport, dport;
    const click_tcp *th = 0;
    switch (iph->ip_p) {
    case IP_PROTO_TCP: {
        if (p->transport_length() < (int) sizeof(click_tcp))
            goto pass;
        th = p->tcp_header();
        int thl = th->th_off << 2;
        if (thl < (int) sizeof(click_tcp))
            goto pass;
        off = p->transport_header_offset() + thl;
        sport = th->th_sport;
        dport = th->th_dport;
        break;
    }
    case IP_PROTO_UDP: {
        if (p->transport_length() < (int) sizeof(click_udp))
            goto pass;
        const click_udp *uh = p->udp_header();
        int udp_end = p->transport_header_offset() + ntohs(uh->uh_ulen);
        if (udp_end < end)
            end = udp_end;
        off = p->transport_header_offset() + (int) sizeof(click_udp);
        sport = uh->uh_sport;
        dport = uh->uh_dport;
        break;
    }
    default:
        goto pass;
    }
    if (_port && ntohs(dport) != _port && ntohs(sport) != _port)
        goto pass;

    {
        int plen = end - off;
        bool fin = th && (th->th_flags & (TH_FIN | TH_RST));
        IPFlowID flow(iph->ip_src, sport, iph->ip_dst, dport);
        StreamState *ss = 0;
        uint64_t state = ~(uint64_t) 0;

        if (_stream && th) {
            uint32_t seq = ntohl(th->th_seq);
            ss = _flows.findp(flow);
            if (!ss && plen > 0 && !fin && _flows.size() < _max_flows) {
                StreamState ns;
                ns.state = ~(uint64_t) 0;
                ns.next_seq = seq;
                ns.matches = 0;
                ns.segments = 0;
                _flows.insert(flow, ns);
                ss = _flows.findp(flow);
            }
            if (ss) {
                if (seq != ss->next_seq) {
                    // a gap or a retransmission: the carried state is stale
                    ss->state = ~(uint64_t) 0;
                    _resyncs++;
                }
                state = ss->state;
            }
        }

        // the scanned window: [OFFSET, OFFSET + DEPTH) of the payload
        int start = off + (int) _offset;
        int stop = end;
        if (_depth && start + (int) _depth < stop)
            stop = start + (int) _depth;
        int nmatch = 0, first_end = -1;
        if (start < stop) {
            _scanned++;
            _bytes += stop - start;
            state = run(p->data() + start, stop - start, state, &nmatch, &first_end);
        }

        if (ss) {
            if (fin)
                forget_flow(flow);          // the stream is over
            else {
                ss->state = state;
                ss->next_seq = ntohl(th->th_seq) + (uint32_t) (plen > 0 ? plen : 0);
                ss->matches += nmatch;
                ss->segments++;
            }
        }

        if (nmatch > 0) {
            _matched_packets++;
            _matches += nmatch;
            SET_AGGREGATE_ANNO(p, (uint32_t) nmatch);
            p->set_anno_u16(FIRST_MATCH_ANNO_OFFSET, (uint16_t) (first_end + (int) _offset));
            if (!_count_only && noutputs() > 1) {
                _diverted++;
                output(1).push(p);
                return;
            }
        }
    }

  pass:
    output(0).push(p);
}

enum { h_matches, h_packets, h_spanning, h_offsets, h_flows, h_reset };

String
ShiftOrMatcher::read_handler(Element *e, void *thunk)
{
    ShiftOrMatcher *m = static_cast<ShiftOrMatcher *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_matches:
        sa << m->_matches;
        break;
    case h_packets:
        sa << m->_scanned << ' ' << m->_matched_packets << ' ' << m->_diverted;
        break;
    case h_spanning:
        sa << m->_spanning << " resyncs " << m->_resyncs;
        break;
    case h_offsets:
        for (int b = 0; b < OFFSET_BUCKETS; ++b)
            if (m->_offset_hist[b])
                sa << (b * 32) << ' ' << m->_offset_hist[b] << '\n';
        break;
    case h_flows:
        for (HashMap<IPFlowID, StreamState>::const_iterator it = m->_flows.begin();
             it.live(); ++it)
            sa << it.key().unparse() << ' ' << it.value().segments << ' '
               << it.value().matches << '\n';
        break;
    }
    return sa.take_string();
}

int
ShiftOrMatcher::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    ShiftOrMatcher *m = static_cast<ShiftOrMatcher *>(e);
    m->_scanned = m->_bytes = m->_matched_packets = m->_matches = 0;
    m->_diverted = m->_spanning = m->_resyncs = 0;
    memset(m->_offset_hist, 0, sizeof(m->_offset_hist));
    m->_flows.clear();
    return 0;
}

void
ShiftOrMatcher::add_handlers()
{
    add_read_handler("matches", read_handler, h_matches);
    add_read_handler("packets", read_handler, h_packets);
    add_read_handler("spanning", read_handler, h_spanning);
    add_read_handler("offsets", read_handler, h_offsets);
    add_read_handler("flows", read_handler, h_flows);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(ShiftOrMatcher)
