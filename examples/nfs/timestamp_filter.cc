// -*- c-basic-offset: 4 -*-
/*
 * timestamp_filter.{cc,hh} -- timestamp age/window filter with per-flow times
 *
 * Models the freshness stage in front of a latency-sensitive consumer:
 * stale or out-of-window packets are diverted, per-flow last-seen times are
 * kept in a HashMap to spot reordering, and packet/bit rates are averaged.
 * See timestamp_filter.hh for the interface.
 */

#include <click/config.h>
#include "timestamp_filter.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <click/vector.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

TimestampFilter::TimestampFilter()
    : _have_start(false), _have_end(false), _flow_timeout(30, 0),
      _max_flows(65536), _trace_time(false), _drop_reordered(false),
      _since_gc(0), _interval_packets(0), _interval_bytes(0), _ewma_pps(0),
      _ewma_bps(0), _passed(0), _too_old(0), _out_of_window(0), _reordered(0),
      _no_timestamp(0), _flow_overflow(0)
{
}

TimestampFilter::~TimestampFilter()
{
}

int
TimestampFilter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Timestamp maxage, start, end, flow_timeout(30, 0);
    uint32_t max_flows = 65536;
    bool trace_time = false, drop_reordered = false;

    if (Args(conf, this, errh)
        .read_p("MAXAGE", maxage)
        .read("START", start)
        .read("END", end)
        .read("FLOW_TIMEOUT", flow_timeout)
        .read("MAX_FLOWS", max_flows)
        .read("TRACE_TIME", trace_time)
        .read("DROP_REORDERED", drop_reordered)
        .complete() < 0)
        return -1;

    // An unset bound stays the zero timestamp, meaning "open".
    _have_start = (bool) start;
    _have_end = (bool) end;
    if (_have_start && _have_end && end < start)
        return errh->error("END before START");
    if (!flow_timeout)
        return errh->error("FLOW_TIMEOUT must be positive");
    if (max_flows == 0)
        return errh->error("MAX_FLOWS must be positive");

    _maxage = maxage;
    _start = start;
    _end = end;
    _flow_timeout = flow_timeout;
    _max_flows = max_flows;
    _trace_time = trace_time;
    _drop_reordered = drop_reordered;
    return 0;
}

Packet *
TimestampFilter::reject(Packet *p, uint64_t &counter)
{
    counter++;
    checked_output_push(1, p);      // kills p when there is no output 1
    return 0;
}

// Records ts as the flow's last-seen time.  Returns false if ts is older than
// the flow's previous packet (reordered).
bool
TimestampFilter::track_flow(Packet *p, const Timestamp &ts)
{
    const click_ip *iph = p->ip_header();
    IPFlowID flow;
    bool has_ports = (iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
        && (ntohs(iph->ip_off) & IP_OFFMASK) == 0
        && p->transport_header() + 4 <= p->end_data();
    if (has_ports)
        flow = IPFlowID(p);
    else {
        uint32_t s, d;
        memcpy(&s, &iph->ip_src, 4);
        memcpy(&d, &iph->ip_dst, 4);
        flow = IPFlowID(IPAddress(s), 0, IPAddress(d), 0);
    }

    FlowInfo *fi = _flows.findp(flow);
    if (!fi) {
        if (_flows.size() >= _max_flows) {
            _flow_overflow++;
            return true;
        }
        FlowInfo nfi;
        nfi.first_seen = ts;
        nfi.last_seen = ts;
        nfi.packets = 1;
        nfi.reordered = 0;
        _flows.insert(flow, nfi);
        return true;
    }

    fi->packets++;
    if (ts < fi->last_seen) {
        fi->reordered++;
        return false;
    }
    fi->last_seen = ts;
    return true;
}

// One-second intervals; EWMA with weight 1/2^EWMA_SHIFT, kept scaled by
// 2^EWMA_SHIFT so the integer average does not lose its fraction.
void
TimestampFilter::update_rate(const Timestamp &now, uint32_t len)
{
    if (!_interval_start)
        _interval_start = now;
    _interval_packets++;
    _interval_bytes += len;

    Timestamp elapsed = now - _interval_start;
    if (elapsed.sec() < 1)
        return;
    uint64_t usec = elapsed.usecval();
    uint64_t pps = (uint64_t) _interval_packets * 1000000 / usec;
    uint64_t bps = _interval_bytes * 8 * 1000000 / usec;
    _ewma_pps += pps - (_ewma_pps >> EWMA_SHIFT);
    _ewma_bps += bps - (_ewma_bps >> EWMA_SHIFT);
    _interval_start = now;
    _interval_packets = 0;
    _interval_bytes = 0;
}

// Removes up to GC_MAX_REMOVE flows idle for longer than FLOW_TIMEOUT.
void
TimestampFilter::expire_flows(const Timestamp &now)
{
    Vector<IPFlowID> dead;
    for (HashMap<IPFlowID, FlowInfo>::iterator it = _flows.begin(); it.live(); ++it) {
        if (now - it.value().last_seen > _flow_timeout) {
            dead.push_back(it.key());
            if (dead.size() == GC_MAX_REMOVE)
                break;
        }
    }
    for (int i = 0; i < dead.size(); i++)
        _flows.erase(dead[i]);
}

Packet *
TimestampFilter::simple_action(Packet *p)
{
    const Timestamp &ts = p->timestamp_anno();
    if (!ts)
        return reject(p, _no_timestamp);

    // Window first, so that an out-of-window timestamp never advances the
    // trace clock.
    if ((_have_start && ts < _start) || (_have_end && ts > _end))
        return reject(p, _out_of_window);

    Timestamp now;
    if (_trace_time) {
        if (ts > _latest)
            _latest = ts;
        now = _latest;
    } else
        now = Timestamp::now();

    if (_maxage && now - ts > _maxage)
        return reject(p, _too_old);

    if (p->has_network_header()
        && p->network_header() + sizeof(click_ip) <= p->end_data()) {
        if (!track_flow(p, ts)) {
            if (_drop_reordered)
                return reject(p, _reordered);
            _reordered++;
        }
    }

    update_rate(now, p->length());
    if (++_since_gc >= GC_EVERY) {
        _since_gc = 0;
        expire_flows(now);
    }

    _passed++;
    return p;
}

String
TimestampFilter::read_handler(Element *e, void *thunk)
{
    TimestampFilter *f = static_cast<TimestampFilter *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_passed:
        return String(f->_passed);
    case h_too_old:
        return String(f->_too_old);
    case h_out_of_window:
        return String(f->_out_of_window);
    case h_reordered:
        return String(f->_reordered);
    case h_no_timestamp:
        return String(f->_no_timestamp);
    case h_flows:
        return String((uint64_t) f->_flows.size());
    case h_rate: {
        StringAccum sa;
        sa << (f->_ewma_pps >> EWMA_SHIFT) << ' ' << (f->_ewma_bps >> EWMA_SHIFT);
        return sa.take_string();
    }
    default:
        return String();
    }
}

int
TimestampFilter::write_handler(const String &, Element *e, void *thunk, ErrorHandler *)
{
    TimestampFilter *f = static_cast<TimestampFilter *>(e);
    if (reinterpret_cast<uintptr_t>(thunk) == h_reset) {
        f->_passed = f->_too_old = f->_out_of_window = f->_reordered = 0;
        f->_no_timestamp = f->_flow_overflow = 0;
        f->_ewma_pps = f->_ewma_bps = 0;
        f->_interval_start = Timestamp();
        f->_interval_packets = 0;
        f->_interval_bytes = 0;
        f->_flows.clear();
    }
    return 0;
}

void
TimestampFilter::add_handlers()
{
    add_read_handler("passed", read_handler, h_passed);
    add_read_handler("too_old", read_handler, h_too_old);
    add_read_handler("out_of_window", read_handler, h_out_of_window);
    add_read_handler("reordered", read_handler, h_reordered);
    add_read_handler("no_timestamp", read_handler, h_no_timestamp);
    add_read_handler("flows", read_handler, h_flows);
    add_read_handler("rate", read_handler, h_rate);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TimestampFilter)
