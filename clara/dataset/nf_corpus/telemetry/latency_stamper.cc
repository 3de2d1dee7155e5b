// -*- c-basic-offset: 4 -*-
/*
 * latency_stamper.{cc,hh} -- trailer-based latency probe
 *
 * Training code for Clara's compute model (nf_corpus/telemetry); written for
 * Clara, not an evaluation NF.
 *
 * Per packet on input 0: Packet::put of a 16-byte trailer written with byte
 * loops, a sequence-number annotation, and a store into 96 KiB of member
 * arrays indexed by sequence number.  On input 1: trailer parse, slot
 * lookup, latency computation, Packet::take, and a bounded insertion sort
 * into a Vector; full batches are summarized into a ring of structs.
 */

#include <click/config.h>
#include "latency_stamper.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/packet_anno.hh>
#include <click/straccum.hh>
CLICK_DECLS

LatencyStamper::LatencyStamper()
    : _summary_head(0), _nsummaries(0), _batch_max(256), _magic(0x4C415459U),
      _strip(true), _next_seq(1), _highest_returned(0), _any_returned(false),
      _stamped(0), _returned(0), _lost(0), _late(0), _duplicate(0),
      _reordered(0), _no_trailer(0), _no_room(0)
{
    memset(_sent_ns, 0, sizeof(_sent_ns));
    memset(_sent_seq, 0, sizeof(_sent_seq));
    memset(_summary, 0, sizeof(_summary));
}

LatencyStamper::~LatencyStamper()
{
}

int
LatencyStamper::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned batch = 256, magic = 0x4C415459U;
    bool strip = true;

    if (Args(conf, this, errh)
        .read_p("BATCH", batch)
        .read("MAGIC", magic)
        .read("STRIP", strip)
        .complete() < 0)
        return -1;

    if (batch < 10 || batch > MAX_BATCH)
        return errh->error("BATCH must be between 10 and %d", (int) MAX_BATCH);
    if (magic == 0)
        return errh->error("MAGIC must be nonzero");

    _batch_max = batch;
    _magic = magic;
    _strip = strip;
    _batch.reserve(batch);
    return 0;
}

Packet *
LatencyStamper::stamp(Packet *p_in)
{
    WritablePacket *p = p_in->put(TRAILER_LEN);
    if (!p) {
        _no_room++;
        return 0;
    }

    uint32_t seq = _next_seq++;
    if (_next_seq == 0)
        _next_seq = 1;
    uint64_t now = (uint64_t) Timestamp::now().nsecval();

    unsigned char *t = p->end_data() - TRAILER_LEN;
    put32(t, _magic);
    put32(t + 4, seq);
    put64(t + 8, now);
    SET_SEQUENCE_NUMBER_ANNO(p, seq);

    uint32_t slot = seq & (WINDOW - 1);
    if (_sent_ns[slot] != 0)
        _lost++;            // the previous owner never came back
    _sent_ns[slot] = now;
    _sent_seq[slot] = seq;
    _stamped++;
    return p;
}

void
LatencyStamper::close_batch()
{
    int n = _batch.size();
    Summary &s = _summary[_summary_head];
    s.min_ns = _batch[0];
    s.max_ns = _batch[n - 1];
    s.p50_ns = _batch[(n * 50) / 100];
    s.p90_ns = _batch[(n * 90) / 100];
    int i99 = (n * 99) / 100;
    s.p99_ns = _batch[i99 < n ? i99 : n - 1];
    s.count = (uint32_t) n;
    s.closed_ns = Timestamp::recent().nsecval();
    _summary_head = (_summary_head + 1) & (NSUMMARY - 1);
    _nsummaries++;
    _batch.clear();
}

// Keep _batch sorted: append, then shift larger values up one place.
void
LatencyStamper::add_latency(uint32_t ns)
{
    _batch.push_back(ns);
    int i = _batch.size() - 1;
    while (i > 0 && _batch[i - 1] > ns) {
        _batch[i] = _batch[i - 1];
        i--;
    }
    _batch[i] = ns;
    if ((uint32_t) _batch.size() >= _batch_max)
        close_batch();
}

Packet *
LatencyStamper::match(Packet *p)
{
    if (p->length() < TRAILER_LEN) {
        _no_trailer++;
        return p;
    }
    const unsigned char *t = p->end_data() - TRAILER_LEN;
    if (get32(t) != _magic) {
        _no_trailer++;
        return p;
    }
    uint32_t seq = get32(t + 4);
    uint64_t tx = get64(t + 8);
    uint64_t now = (uint64_t) Timestamp::now().nsecval();

    uint32_t slot = seq & (WINDOW - 1);
    uint64_t sent;
    if (_sent_seq[slot] == seq && _sent_ns[slot] != 0) {
        sent = _sent_ns[slot];
        _sent_ns[slot] = 0;
    } else if (_sent_seq[slot] == seq) {
        _duplicate++;
        sent = 0;
    } else {
        // slot reused: trust the trailer's time, count as late
        _late++;
        sent = tx;
    }

    if (_any_returned && SEQ_LT(seq, _highest_returned))
        _reordered++;
    else {
        _highest_returned = seq;
        _any_returned = true;
    }

    if (sent != 0 && now >= sent) {
        uint64_t d = now - sent;
        add_latency(d > 0xFFFFFFFFULL ? 0xFFFFFFFFU : (uint32_t) d);
        _returned++;
    }

    if (_strip)
        p->take(TRAILER_LEN);
    return p;
}

void
LatencyStamper::push(int port, Packet *p)
{
    if (port == 0) {
        if (Packet *q = stamp(p))
            output(0).push(q);
    } else
        output(1).push(match(p));
}

String
LatencyStamper::read_handler(Element *e, void *thunk)
{
    LatencyStamper *ls = static_cast<LatencyStamper *>(e);
    StringAccum sa;
    switch ((int) reinterpret_cast<uintptr_t>(thunk)) {
    case h_stamped:
        sa << ls->_stamped;
        break;
    case h_returned:
        sa << ls->_returned;
        break;
    case h_lost:
        sa << ls->_lost;
        break;
    case h_summaries: {
        uint32_t n = ls->_nsummaries < NSUMMARY ? ls->_nsummaries : (uint32_t) NSUMMARY;
        uint32_t first = (ls->_summary_head + NSUMMARY - n) & (NSUMMARY - 1);
        for (uint32_t i = 0; i < n; i++) {
            const Summary &s = ls->_summary[(first + i) & (NSUMMARY - 1)];
            sa << s.min_ns << ' ' << s.p50_ns << ' ' << s.p90_ns << ' '
               << s.p99_ns << ' ' << s.max_ns << '\n';
        }
        break;
    }
    default:
        break;
    }
    return sa.take_string();
}

int
LatencyStamper::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    LatencyStamper *ls = static_cast<LatencyStamper *>(e);
    memset(ls->_sent_ns, 0, sizeof(ls->_sent_ns));
    memset(ls->_sent_seq, 0, sizeof(ls->_sent_seq));
    ls->_batch.clear();
    ls->_summary_head = ls->_nsummaries = 0;
    ls->_stamped = ls->_returned = ls->_lost = ls->_late = 0;
    ls->_duplicate = ls->_reordered = ls->_no_trailer = ls->_no_room = 0;
    ls->_any_returned = false;
    return 0;
}

void
LatencyStamper::add_handlers()
{
    add_read_handler("stamped", read_handler, h_stamped);
    add_read_handler("returned", read_handler, h_returned);
    add_read_handler("lost", read_handler, h_lost);
    add_read_handler("summaries", read_handler, h_summaries);
    add_data_handlers("late", Handler::f_read, &_late);
    add_data_handlers("reordered", Handler::f_read, &_reordered);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(LatencyStamper)
