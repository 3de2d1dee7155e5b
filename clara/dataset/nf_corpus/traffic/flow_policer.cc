// -*- c-basic-offset: 4 -*-
/*
 * flow_policer.{cc,hh} -- per-flow token-bucket policer
 *
 * Training code for Clara's compute model (an NF-like Click element written
 * for the dataset); not one of the evaluation NFs.
 *
 * Per packet: parse the IPv4 and TCP/UDP headers into an IPFlowID, find
 * (or create, evicting the oldest flow when the table is full) the flow's
 * bucket in a HashMap, refill it from the Timestamp difference to the last
 * packet, and send the packet to output 0 (conform) or 1 (exceed).
 */

#include <click/config.h>
#include "flow_policer.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

FlowPolicer::FlowPolicer()
    : _order_head(0), _order_count(0), _rate(125000), _burst_milli(0),
      _capacity(4096), _idle(10), _ip_bytes(true), _conform(0), _exceed(0),
      _evictions(0), _non_ip(0)
{
}

FlowPolicer::~FlowPolicer()
{
}

int
FlowPolicer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned rate = 0, burst = 0, capacity = 4096;
    Timestamp idle(10);
    bool ip_bytes = true;

    if (Args(conf, this, errh)
        .read_mp("RATE", rate)
        .read_mp("BURST", burst)
        .read_p("CAPACITY", capacity)
        .read("IDLE", idle)
        .read("IP_BYTES", ip_bytes)
        .complete() < 0)
        return -1;

    if (rate == 0)
        return errh->error("RATE must be positive");
    if (burst < 64)
        return errh->error("BURST must be at least 64 bytes");
    if (capacity == 0 || capacity > 65535)
        return errh->error("CAPACITY must be 1..65535");

    _rate = rate;
    _burst_milli = (uint64_t) burst * 1000;
    _capacity = capacity;
    _idle = idle;
    _ip_bytes = ip_bytes;
    return 0;
}

int
FlowPolicer::initialize(ErrorHandler *)
{
    _order.resize(_capacity, IPFlowID());
    _order_head = 0;
    _order_count = 0;
    return 0;
}

// Fill key with the packet's flow; false if it is not IPv4.
bool
FlowPolicer::flow_key(Packet *p, IPFlowID &key, uint16_t &proto) const
{
    if (!p->has_network_header()
        || p->network_header() + sizeof(click_ip) > p->end_data())
        return false;
    const click_ip *iph = p->ip_header();
    if (iph->ip_v != 4)
        return false;

    proto = iph->ip_p;
    uint16_t sport = 0, dport = 0;
    bool first_frag = IP_FIRSTFRAG(iph);
    const unsigned char *th = p->transport_header();

    switch (iph->ip_p) {
    case IP_PROTO_TCP:
        if (first_frag && th && th + sizeof(click_tcp) <= p->end_data()) {
            const click_tcp *tcph = p->tcp_header();
            sport = tcph->th_sport;
            dport = tcph->th_dport;
        }
        break;
    case IP_PROTO_UDP:
    case IP_PROTO_UDPLITE:
        if (first_frag && th && th + sizeof(click_udp) <= p->end_data()) {
            const click_udp *udph = p->udp_header();
            sport = udph->uh_sport;
            dport = udph->uh_dport;
        }
        break;
    default:
        // portless protocols: one bucket per address pair and protocol
        dport = htons(iph->ip_p);
        break;
    }

    key.assign(IPAddress(iph->ip_src), sport, IPAddress(iph->ip_dst), dport);
    return true;
}

void
FlowPolicer::evict_one(const Timestamp &now)
{
    if (_order_count == 0)
        return;

    // Prefer an idle flow among the first few in insertion order; move it
    // to the head of the ring so that the ring stays dense.
    uint32_t look = _order_count < (uint32_t) EVICT_LOOKAHEAD
        ? _order_count : (uint32_t) EVICT_LOOKAHEAD;
    for (uint32_t k = 1; k < look; k++) {
        uint32_t slot = (_order_head + k) % _capacity;
        Bucket *b = _flows.findp(_order[slot]);
        if (b && now - b->last > _idle) {
            IPFlowID head_key = _order[_order_head];
            _order[_order_head] = _order[slot];
            _order[slot] = head_key;
            b->slot = (uint16_t) _order_head;
            if (Bucket *hb = _flows.findp(head_key))
                hb->slot = (uint16_t) slot;
            break;
        }
    }

    _flows.erase(_order[_order_head]);
    _order_head = (_order_head + 1) % _capacity;
    _order_count--;
    _evictions++;
}

FlowPolicer::Bucket *
FlowPolicer::lookup_or_create(const IPFlowID &key, uint16_t proto,
                              const Timestamp &now)
{
    Bucket *b = _flows.findp(key);
    if (b)
        return b;

    if (_order_count >= _capacity)
        evict_one(now);

    Bucket nb;
    nb.tokens = _burst_milli;   // a new flow starts with a full bucket
    nb.last = now;
    nb.proto = proto;
    uint32_t slot = (_order_head + _order_count) % _capacity;
    nb.slot = (uint16_t) slot;
    _order[slot] = key;
    _order_count++;
    _flows.insert(key, nb);
    return _flows.findp(key);
}

void
FlowPolicer::refill(Bucket *b, const Timestamp &now) const
{
    Timestamp delta = now - b->last;
    if (delta.sec() >= 1 && (uint64_t) delta.sec() * _rate * 1000 >= _burst_milli)
        b->tokens = _burst_milli;           // long idle: bucket is full
    else {
        uint64_t t = b->tokens + earned(delta);
        b->tokens = t > _burst_milli ? _burst_milli : t;
    }
    if (delta.nsecval() > 0)
        b->last = now;
}

void
FlowPolicer::push(int, Packet *p)
{
    IPFlowID key;
    uint16_t proto = 0;
    if (!flow_key(p, key, proto)) {
        _non_ip++;
        output(0).push(p);
        return;
    }

    Timestamp now = p->timestamp_anno();
    if (!now.is_set())
        now = Timestamp::now();

    Bucket *b = lookup_or_create(key, proto, now);
    uint32_t len = _ip_bytes ? ntohs(p->ip_header()->ip_len) : p->length();
    uint64_t need = (uint64_t) len * 1000;

    refill(b, now);
    if (b->tokens >= need) {
        b->tokens -= need;
        b->conform_pkts++;
        b->conform_bytes += len;
        _conform++;
        output(0).push(p);
    } else {
        b->exceed_pkts++;
        _exceed++;
        checked_output_push(1, p);
    }
}

void
FlowPolicer::reset()
{
    _flows.clear();
    _order_head = 0;
    _order_count = 0;
    _conform = _exceed = _evictions = _non_ip = 0;
}

String
FlowPolicer::read_handler(Element *e, void *thunk)
{
    FlowPolicer *fp = static_cast<FlowPolicer *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_flows:
        return String((unsigned long) fp->_flows.size());
    case h_conform:
        return String((unsigned long long) fp->_conform);
    case h_exceed:
        return String((unsigned long long) fp->_exceed);
    case h_evictions:
        return String((unsigned long long) fp->_evictions);
    case h_rate:
        return String((unsigned long long) fp->_rate);
    default:
        return String();
    }
}

int
FlowPolicer::write_handler(const String &s, Element *e, void *thunk,
                           ErrorHandler *errh)
{
    FlowPolicer *fp = static_cast<FlowPolicer *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_rate: {
        unsigned rate = 0;
        if (Args(errh).push_back_args(s).read_mp("RATE", rate).complete() < 0
            || rate == 0)
            return errh->error("rate: expected positive integer");
        fp->_rate = rate;
        return 0;
    }
    case h_reset:
        fp->reset();
        return 0;
    default:
        return 0;
    }
}

void
FlowPolicer::add_handlers()
{
    add_read_handler("flows", read_handler, h_flows);
    add_read_handler("conform", read_handler, h_conform);
    add_read_handler("exceed", read_handler, h_exceed);
    add_read_handler("evictions", read_handler, h_evictions);
    add_read_handler("rate", read_handler, h_rate);
    add_write_handler("rate", write_handler, h_rate);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(FlowPolicer)
