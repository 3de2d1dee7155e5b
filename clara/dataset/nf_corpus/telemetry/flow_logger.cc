// -*- c-basic-offset: 4 -*-
/*
 * flow_logger.{cc,hh} -- flow start/end event log
 *
 * Training code for Clara's compute model (nf_corpus/telemetry); written for
 * Clara, not an evaluation NF.
 *
 * Per packet: TCP/UDP port extraction, HashMap lookup in both directions,
 * per-conversation counters and FIN bookkeeping, and on start or end a
 * 32-byte record written into a 128 KiB member ring with overwrite
 * accounting.  A timed sweep walks the table for idle conversations.
 */

#include <click/config.h>
#include "flow_logger.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

FlowLogger::FlowLogger()
    : _head(0), _export_tail(0), _written(0), _exported(0), _lost(0),
      _epoch_ns(0), _idle_ns(60LL * Timestamp::nsec_per_sec),
      _sweep_ns(Timestamp::nsec_per_sec), _next_sweep_ns(0), _max_flows(65536),
      _midstream(false), _overflow(0), _skipped(0)
{
    memset(_ring, 0, sizeof(_ring));
    memset(_events, 0, sizeof(_events));
}

FlowLogger::~FlowLogger()
{
}

int
FlowLogger::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Timestamp idle(60), sweep(1);
    unsigned max_flows = 65536;
    bool midstream = false;

    if (Args(conf, this, errh)
        .read_p("IDLE", idle)
        .read_p("MAX_FLOWS", max_flows)
        .read("MIDSTREAM", midstream)
        .read("SWEEP_INTERVAL", sweep)
        .complete() < 0)
        return -1;

    if (idle.nsecval() <= 0 || sweep.nsecval() <= 0)
        return errh->error("IDLE and SWEEP_INTERVAL must be positive");
    if (sweep > idle)
        return errh->error("SWEEP_INTERVAL must not exceed IDLE");
    if (max_flows == 0)
        return errh->error("MAX_FLOWS must be positive");

    _idle_ns = idle.nsecval();
    _sweep_ns = sweep.nsecval();
    _max_flows = max_flows;
    _midstream = midstream;
    return 0;
}

int
FlowLogger::initialize(ErrorHandler *)
{
    _epoch_ns = Timestamp::now().nsecval();
    _next_sweep_ns = _epoch_ns + _sweep_ns;
    return 0;
}

void
FlowLogger::log(const IPFlowID &key, const Conversation &c, Event ev, int64_t now_ns)
{
    // The writer never waits: an unexported record in the way is lost.
    if (_head - _export_tail >= RING) {
        _export_tail++;
        _lost++;
    }
    FlowRecord &r = _ring[_head & (RING - 1)];
    r.saddr = key.saddr().addr();
    r.daddr = key.daddr().addr();
    r.sport = key.sport();
    r.dport = key.dport();
    r.proto = c.proto;
    r.event = (uint8_t) ev;
    r.tcp_flags = c.flags;
    r.dir_mask = c.dir_mask;
    r.start_ms = ms_between(_epoch_ns, c.first_ns);
    if (ev == EV_START) {
        r.duration_ms = 0;
        r.packets = 0;
        r.bytes = 0;
    } else {
        r.duration_ms = ms_between(c.first_ns, now_ns);
        r.packets = c.packets;
        r.bytes = c.bytes > 0xFFFFFFFFULL ? 0xFFFFFFFFU : (uint32_t) c.bytes;
    }
    _head++;
    _written++;
    _events[ev]++;
}

void
FlowLogger::sweep(int64_t now_ns, bool all)
{
    _doomed.clear();
    for (HashMap<IPFlowID, Conversation>::iterator it = _active.begin(); it.live(); ++it) {
        const Conversation &c = it.value();
        if (all || now_ns - c.last_ns >= _idle_ns) {
            log(it.key(), c, all ? EV_END_FLUSH : EV_END_IDLE, all ? now_ns : c.last_ns);
            _doomed.push_back(it.key());
        }
    }
    for (int i = 0; i < _doomed.size(); i++)
        _active.erase(_doomed[i]);
}

Packet *
FlowLogger::simple_action(Packet *p)
{
    if (!p->has_network_header() || !p->has_transport_header()) {
        _skipped++;
        return p;
    }
    const click_ip *iph = p->ip_header();
    uint8_t proto = iph->ip_p;
    if ((proto != IP_PROTO_TCP && proto != IP_PROTO_UDP) || !IP_FIRSTFRAG(iph)) {
        _skipped++;
        return p;
    }

    uint8_t flags = 0;
    const unsigned char *th = p->transport_header();
    if (proto == IP_PROTO_TCP) {
        if (p->transport_length() < (int) sizeof(click_tcp)) {
            _skipped++;
            return p;
        }
        flags = p->tcp_header()->th_flags;
    } else if (p->transport_length() < (int) sizeof(click_udp)) {
        _skipped++;
        return p;
    }
    // Both TCP and UDP start with the two ports.
    uint16_t sport, dport;
    memcpy(&sport, th, 2);
    memcpy(&dport, th + 2, 2);

    int64_t now = Timestamp::now().nsecval();
    IPFlowID key(IPAddress(iph->ip_src), sport, IPAddress(iph->ip_dst), dport);

    uint8_t dir = 1;
    Conversation *c = _active.findp(key);
    if (!c) {
        IPFlowID rkey = key.reverse();
        c = _active.findp(rkey);
        if (c) {
            dir = 2;
            key = rkey;
        }
    }

    if (!c) {
        bool starts = proto == IP_PROTO_UDP || _midstream
            || (flags & (TH_SYN | TH_ACK | TH_RST)) == TH_SYN;
        if (!starts) {
            _skipped++;
            goto out;
        }
        if (_active.size() >= _max_flows) {
            _overflow++;
            goto out;
        }
        Conversation fresh;
        fresh.first_ns = now;
        fresh.proto = proto;
        c = &_active.find_force(key, fresh);
        log(key, *c, EV_START, now);
    }

    c->last_ns = now;
    c->packets++;
    c->bytes += ntohs(iph->ip_len);
    c->flags |= flags;
    c->dir_mask |= dir;

    if (proto == IP_PROTO_TCP) {
        if (flags & TH_RST) {
            log(key, *c, EV_END_RST, now);
            _active.erase(key);
        } else if (flags & TH_FIN) {
            c->fin_mask |= dir;
            if (c->fin_mask == 3) {
                log(key, *c, EV_END_FIN, now);
                _active.erase(key);
            }
        }
    }

  out:
    if (now >= _next_sweep_ns) {
        sweep(now, false);
        _next_sweep_ns = now + _sweep_ns;
    }
    return p;
}

String
FlowLogger::drain()
{
    StringAccum sa;
    static const char * const names[] = { "start", "fin", "rst", "idle", "flush" };
    while (_export_tail != _head) {
        const FlowRecord &r = _ring[_export_tail & (RING - 1)];
        sa << names[r.event < NEVENTS ? r.event : 0] << ' '
           << IPAddress(r.saddr) << ':' << (unsigned) ntohs(r.sport) << ' '
           << IPAddress(r.daddr) << ':' << (unsigned) ntohs(r.dport) << ' '
           << (unsigned) r.proto << ' ' << r.start_ms << ' ' << r.duration_ms << ' '
           << r.packets << ' ' << r.bytes << '\n';
        _export_tail++;
        _exported++;
    }
    return sa.take_string();
}

String
FlowLogger::read_handler(Element *e, void *thunk)
{
    FlowLogger *fl = static_cast<FlowLogger *>(e);
    StringAccum sa;
    switch ((int) reinterpret_cast<uintptr_t>(thunk)) {
    case h_export:
        return fl->drain();
    case h_active:
        sa << (unsigned long) fl->_active.size();
        break;
    case h_events:
        for (int i = 0; i < NEVENTS; i++) {
            if (i)
                sa << ' ';
            sa << fl->_events[i];
        }
        break;
    case h_lost:
        sa << fl->_lost;
        break;
    default:
        break;
    }
    return sa.take_string();
}

int
FlowLogger::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    FlowLogger *fl = static_cast<FlowLogger *>(e);
    fl->sweep(Timestamp::now().nsecval(), true);
    return 0;
}

void
FlowLogger::add_handlers()
{
    add_read_handler("export", read_handler, h_export);
    add_read_handler("active", read_handler, h_active);
    add_read_handler("events", read_handler, h_events);
    add_read_handler("lost", read_handler, h_lost);
    add_data_handlers("overflow", Handler::f_read, &_overflow);
    add_write_handler("flush", write_handler, h_flush, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(FlowLogger)
