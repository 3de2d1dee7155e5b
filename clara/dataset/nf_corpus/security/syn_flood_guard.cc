/*
 * syn_flood_guard.cc -- SynFloodGuard: per-source half-open TCP handshake
 * counters kept in a HashMap<IPAddress, ...>, decayed by packet time, with
 * temporary (and, after repeated offences, permanent) blocking of sources
 * that open too many handshakes.
 *
 * Training code for Clara's compute model (nf_corpus/security): a realistic
 * SYN-flood mitigation element written for the corpus, not an evaluation NF.
 * Per packet: TCP flag classification, one or two HashMap lookups/inserts,
 * Timestamp arithmetic for the decay, and a verdict on two outputs.
 */
#include <click/config.h>
#include "syn_flood_guard.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

SynFloodGuard::SynFloodGuard()
    : _threshold(64), _decay_ms(1000), _block_s(10), _max_sources(65536),
      _max_strikes(0), _syns(0), _synacks(0), _completed(0), _dropped(0),
      _flushes(0)
{
}

SynFloodGuard::~SynFloodGuard()
{
}

int
SynFloodGuard::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read("THRESHOLD", _threshold)
        .read("DECAY", _decay_ms)
        .read("BLOCK", _block_s)
        .read("MAX_SOURCES", _max_sources)
        .read("STRIKES", _max_strikes)
        .complete() < 0)
        return -1;
    if (_threshold == 0)
        return errh->error("THRESHOLD must be positive");
    if (_decay_ms == 0)
        return errh->error("DECAY must be positive");
    if (_max_sources < 16)
        _max_sources = 16;
    return 0;
}

/* Halve the half-open estimate once per elapsed DECAY period. */
void
SynFloodGuard::decay(SourceState &s, const Timestamp &now) const
{
    Timestamp elapsed = now - s.last_decay;
    int64_t periods = elapsed.msecval() / (int64_t) _decay_ms;
    if (periods <= 0)
        return;
    if (periods >= 32)
        s.half_open = 0;
    else {
        // halve step by step so rounding matches a periodic timer
        for (int64_t i = 0; i < periods && s.half_open; ++i)
            s.half_open -= (s.half_open + 1) >> 1;
    }
    s.last_decay += Timestamp::make_msec(periods * (int64_t) _decay_ms);
}

bool
SynFloodGuard::is_blocked(SourceState &s, const Timestamp &now)
{
    if (!(s.flags & F_BLOCKED))
        return false;
    if (s.flags & F_PERMANENT)
        return true;
    if (now >= s.blocked_until) {
        s.flags &= ~F_BLOCKED;
        s.half_open = _threshold >> 1;  // come back on probation
        return false;
    }
    return true;
}

SynFloodGuard::SourceState *
SynFloodGuard::lookup_or_create(IPAddress src, const Timestamp &now)
{
    SourceState *s = _sources.findp(src);
    if (s)
        return s;
    if (_sources.size() >= _max_sources) {
        // table full: forget everything rather than grow without bound
        _sources.clear();
        _flushes++;
    }
    SourceState ns;
    ns.half_open = 0;
    ns.syns = 0;
    ns.synacks = 0;
    ns.pending = 0;
    ns.completed = 0;
    ns.strikes = 0;
    ns.flags = 0;
    ns.last_decay = now;
    ns.blocked_until = Timestamp();
    _sources.insert(src, ns);
    return _sources.findp(src);
}

void
SynFloodGuard::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (iph->ip_p != IP_PROTO_TCP || !IP_FIRSTFRAG(iph)
        || p->transport_length() < (int) sizeof(click_tcp)) {
        output(0).push(p);
        return;
    }

    const click_tcp *th = p->tcp_header();
    uint8_t flags = th->th_flags;
    Timestamp now = p->timestamp_anno();
    if (!now.is_set())
        now = Timestamp::now();

    if (is_pure_syn(flags)) {
        _syns++;
        SourceState *s = lookup_or_create(IPAddress(iph->ip_src), now);
        if (!s) {
            output(0).push(p);
            return;
        }
        s->syns++;
        if (is_blocked(*s, now))
            goto drop;
        decay(*s, now);
        s->half_open++;
        if (s->half_open > _threshold) {
            s->flags |= F_BLOCKED;
            s->strikes++;
            s->blocked_until = now + Timestamp::make_sec(_block_s);
            if (_max_strikes && s->strikes >= _max_strikes)
                s->flags |= F_PERMANENT;
            goto drop;
        }
        output(0).push(p);
        return;
    }

    if (is_synack(flags)) {
        // server answering: a handshake of the client (the destination)
        // now waits for its final ACK
        _synacks++;
        SourceState *c = _sources.findp(IPAddress(iph->ip_dst));
        if (c) {
            c->synacks++;
            if (c->pending < c->half_open)
                c->pending++;
        }
        output(0).push(p);
        return;
    }

    if (is_handshake_ack(flags) || (flags & TH_RST)) {
        SourceState *s = _sources.findp(IPAddress(iph->ip_src));
        if (s) {
            bool rst = (flags & TH_RST) != 0;
            if (!rst && is_blocked(*s, now))
                goto drop;
            decay(*s, now);
            if (rst) {
                if (s->half_open > 0)
                    s->half_open--;
                if (s->pending > 0)
                    s->pending--;
            } else if (s->pending > 0) {
                s->pending--;
                if (s->half_open > 0)
                    s->half_open--;
                s->completed++;
                _completed++;
            }
        }
    }
    output(0).push(p);
    return;

  drop:
    _dropped++;
    checked_output_push(1, p);
}

enum { h_syns, h_synacks, h_completed, h_dropped, h_blocked_now, h_sources, h_reset };

String
SynFloodGuard::read_handler(Element *e, void *thunk)
{
    SynFloodGuard *g = static_cast<SynFloodGuard *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_syns:
        sa << g->_syns;
        break;
    case h_synacks:
        sa << g->_synacks;
        break;
    case h_completed:
        sa << g->_completed;
        break;
    case h_dropped:
        sa << g->_dropped;
        break;
    case h_blocked_now: {
        Timestamp now = Timestamp::now();
        for (HashMap<IPAddress, SourceState>::iterator it = g->_sources.begin(); it.live(); ++it)
            if ((it.value().flags & F_BLOCKED)
                && ((it.value().flags & F_PERMANENT) || it.value().blocked_until > now))
                sa << it.key() << ' ' << it.value().strikes << '\n';
        break;
    }
    case h_sources:
        sa << (unsigned long) g->_sources.size();
        break;
    }
    return sa.take_string();
}

int
SynFloodGuard::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    SynFloodGuard *g = static_cast<SynFloodGuard *>(e);
    g->_sources.clear();
    g->_syns = g->_synacks = g->_completed = g->_dropped = 0;
    return 0;
}

void
SynFloodGuard::add_handlers()
{
    add_read_handler("syns", read_handler, h_syns);
    add_read_handler("synacks", read_handler, h_synacks);
    add_read_handler("completed", read_handler, h_completed);
    add_read_handler("dropped", read_handler, h_dropped);
    add_read_handler("blocked_now", read_handler, h_blocked_now);
    add_read_handler("sources", read_handler, h_sources);
    add_write_handler("reset", write_handler, h_reset);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SynFloodGuard)
