/*
 * payload_replay_detector.cc -- PayloadReplayDetector: 16-bit payload
 * fingerprints (table-driven, MSB-first, generator 0x1021, preset 0xFFFF)
 * index a direct-mapped table of recent payloads.
 */
#include <click/config.h>
#include "payload_replay_detector.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

PayloadReplayDetector::PayloadReplayDetector()
    : _span(64), _min_payload(8), _window_ms(2000), _repeats(3),
      _checked(0), _repeat_hits(0), _flagged(0), _evictions(0), _skipped(0)
{
    memset(_tab, 0, sizeof(_tab));
}

PayloadReplayDetector::~PayloadReplayDetector()
{
}

int
PayloadReplayDetector::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("SPAN", _span)
        .read_p("MIN_PAYLOAD", _min_payload)
        .read("WINDOW_MS", _window_ms)
        .read("REPEATS", _repeats)
        .complete() < 0)
        return -1;
    if (_span < 8 || _span > 256)
        return errh->error("SPAN must be between 8 and 256");
    if (_min_payload < 1)
        _min_payload = 1;

    for (unsigned b = 0; b < 256; ++b) {
        uint16_t r = (uint16_t) (b << 8);
        for (int k = 0; k < 8; ++k)
            r = (r & 0x8000) ? (uint16_t) ((r << 1) ^ 0x1021) : (uint16_t) (r << 1);
        _tab[b] = r;
    }
    return 0;
}

int
PayloadReplayDetector::initialize(ErrorHandler *)
{
    Slot empty;
    memset(&empty, 0, sizeof(empty));
    _slots.resize(65536, empty);
    return 0;
}

void
PayloadReplayDetector::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || !IP_FIRSTFRAG(iph) || !p->has_transport_header()) {
        _skipped++;
        output(0).push(p);
        return;
    }

    const unsigned char *payload;
    int plen;
    if (iph->ip_p == IP_PROTO_UDP && p->transport_length() >= (int) sizeof(click_udp)) {
        payload = p->transport_header() + sizeof(click_udp);
        plen = p->transport_length() - (int) sizeof(click_udp);
    } else if (iph->ip_p == IP_PROTO_TCP && p->transport_length() >= (int) sizeof(click_tcp)) {
        int off = p->tcp_header()->th_off << 2;
        if (off < (int) sizeof(click_tcp) || off > p->transport_length()) {
            _skipped++;
            output(0).push(p);
            return;
        }
        payload = p->transport_header() + off;
        plen = p->transport_length() - off;
    } else {
        _skipped++;
        output(0).push(p);
        return;
    }
    if (plen < (int) _min_payload) {
        _skipped++;
        output(0).push(p);
        return;
    }

    int n = plen < (int) _span ? plen : (int) _span;
    uint16_t fp = 0xFFFF;
    for (int i = 0; i < n; ++i)
        fp = (uint16_t) ((fp << 8) ^ _tab[(uint8_t) ((fp >> 8) ^ payload[i])]);
    _checked++;

    int64_t now_ms = Timestamp::recent().msecval();
    Slot &s = _slots[fp];
    uint32_t src = iph->ip_src.s_addr;
    uint16_t len16 = (uint16_t) (plen > 0xFFFF ? 0xFFFF : plen);

    if (s.src == src && s.len == len16 && s.last_ms != 0
        && now_ms - s.last_ms <= (int64_t) _window_ms) {
        s.last_ms = now_ms;
        _repeat_hits++;
        if (s.repeats < 0xFFFF)
            s.repeats++;
        if (s.repeats >= _repeats) {
            _flagged++;
            checked_output_push(1, p);
            return;
        }
    } else {
        if (s.last_ms != 0 && s.src != src)
            _evictions++;
        s.src = src;
        s.len = len16;
        s.repeats = 0;
        s.last_ms = now_ms;
    }
    output(0).push(p);
}

String
PayloadReplayDetector::read_handler(Element *e, void *)
{
    PayloadReplayDetector *d = static_cast<PayloadReplayDetector *>(e);
    StringAccum sa;
    sa << "checked " << d->_checked << "\nrepeats " << d->_repeat_hits
       << "\nflagged " << d->_flagged << "\nevictions " << d->_evictions
       << "\nskipped " << d->_skipped << '\n';
    return sa.take_string();
}

void
PayloadReplayDetector::add_handlers()
{
    add_read_handler("stats", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PayloadReplayDetector)
