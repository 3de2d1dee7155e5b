/*
 * gap_recorder.cc -- GapRecorder: delta + zigzag + varint + run-length
 * coding of per-flow packet gaps, exported as record packets.
 */
#include <click/config.h>
#include "gap_recorder.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

GapRecorder::GapRecorder()
    : _index(-1), _max_flows(1024), _record_bytes(200), _resolution_us(10),
      _packets(0), _records(0), _untracked(0), _export_fail(0)
{
}

GapRecorder::~GapRecorder()
{
}

int
GapRecorder::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("MAX_FLOWS", _max_flows)
        .read_p("RECORD_BYTES", _record_bytes)
        .read("RESOLUTION_US", _resolution_us)
        .complete() < 0)
        return -1;
    if (_record_bytes < 32 || _record_bytes > MAX_RECORD)
        return errh->error("RECORD_BYTES must be between 32 and %d", (int) MAX_RECORD);
    if (_resolution_us == 0)
        return errh->error("RESOLUTION_US must be positive");
    if (_max_flows == 0 || _max_flows > 65536)
        return errh->error("MAX_FLOWS must be between 1 and 65536");
    return 0;
}

/* Little-endian base-128: 7 bits per byte, high bit set on all but the last. */
unsigned
GapRecorder::put_varint(uint8_t *out, uint32_t v)
{
    unsigned n = 0;
    while (v >= 0x80) {
        out[n++] = (uint8_t) (v | 0x80);
        v >>= 7;
    }
    out[n++] = (uint8_t) v;
    return n;
}

/* A run of unchanged gaps is written as a zero byte and its length. */
void
GapRecorder::flush_run(Trace &t)
{
    if (t.run) {
        t.buf[t.len++] = 0;
        t.buf[t.len++] = t.run;
        t.run = 0;
    }
}

void
GapRecorder::export_trace(Trace &t)
{
    flush_run(t);
    if (noutputs() > 1) {
        WritablePacket *q = Packet::make(Packet::default_headroom, 0, REC_HDR + t.len, 0);
        if (q) {
            uint8_t *d = q->data();
            uint32_t s = t.flow.saddr().addr(), ds = t.flow.daddr().addr();
            uint16_t sp = t.flow.sport(), dp = t.flow.dport();
            uint32_t ms = htonl((uint32_t) t.first.msecval());
            uint16_t np = htons(t.packets), nl = htons(t.len);
            memcpy(d, &s, 4);
            memcpy(d + 4, &ds, 4);
            memcpy(d + 8, &sp, 2);
            memcpy(d + 10, &dp, 2);
            memcpy(d + 12, &ms, 4);
            memcpy(d + 16, &np, 2);
            memcpy(d + 18, &nl, 2);
            memcpy(d + REC_HDR, t.buf, t.len);
            _records++;
            output(1).push(q);
        } else
            _export_fail++;
    }
    t.len = 0;
    t.packets = 0;
    t.first = t.last;
}

void
GapRecorder::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || (iph->ip_p != IP_PROTO_TCP && iph->ip_p != IP_PROTO_UDP)
        || !IP_FIRSTFRAG(iph) || p->transport_length() < 4) {
        output(0).push(p);
        return;
    }
    _packets++;
    IPFlowID flow(p);
    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();

    int *slot = _index.findp(flow);
    if (!slot) {
        if ((unsigned) _traces.size() >= _max_flows) {
            _untracked++;
            output(0).push(p);
            return;
        }
        Trace t;
        memset(&t, 0, sizeof(t));
        t.flow = flow;
        t.first = t.last = now;
        t.packets = 1;
        _traces.push_back(t);
        _index.set(flow, _traces.size() - 1);
        output(0).push(p);
        return;
    }

    Trace &t = _traces[*slot];
    int64_t gap64 = (now - t.last).usecval() / _resolution_us;
    int32_t gap = gap64 > 0x3FFFFFFF ? 0x3FFFFFFF : (int32_t) (gap64 < 0 ? 0 : gap64);
    int32_t delta = gap - t.last_gap;
    t.last_gap = gap;
    t.last = now;
    t.packets++;

    uint32_t zz = ((uint32_t) delta << 1) ^ (uint32_t) (delta >> 31);
    if (zz == 0 && t.packets > 2) {
        if (++t.run == 255)
            flush_run(t);
    } else {
        flush_run(t);
        t.len += put_varint(t.buf + t.len, zz);
    }
    if (t.len + 7 >= _record_bytes)
        export_trace(t);
    output(0).push(p);
}

String
GapRecorder::read_handler(Element *e, void *)
{
    GapRecorder *g = static_cast<GapRecorder *>(e);
    StringAccum sa;
    sa << "packets " << g->_packets << "\nflows " << g->_traces.size()
       << "\nrecords " << g->_records << "\nuntracked " << g->_untracked
       << "\nexport_failures " << g->_export_fail << '\n';
    return sa.take_string();
}

void
GapRecorder::add_handlers()
{
    add_read_handler("stats", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(GapRecorder)
