// -*- c-basic-offset: 4 -*-
/*
 * aggregate_counter.{cc,hh} -- per-aggregate packet and byte counters
 *
 * Models the accounting stage of a traffic monitor, like Click's
 * AggregateCounter, over a fixed-size open-addressing table.  See
 * aggregate_counter.hh for the interface.
 */

#include <click/config.h>
#include "aggregate_counter.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/ipaddress.hh>
#include <click/packet_anno.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
CLICK_DECLS

FlowAggregateCounter::FlowAggregateCounter()
    : _generation(1), _nkeys(0), _key_kind(KEY_AGGREGATE), _ip_bytes(false),
      _active(true), _count(0), _byte_count(0), _overflow(0), _no_key(0)
{
    memset(_table, 0, sizeof(_table));  // generation 0: all buckets free
}

FlowAggregateCounter::~FlowAggregateCounter()
{
}

int
FlowAggregateCounter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String key = "AGGREGATE";
    bool ip_bytes = false, active = true;

    if (Args(conf, this, errh)
        .read_p("KEY", key)
        .read("IP_BYTES", ip_bytes)
        .read("ACTIVE", active)
        .complete() < 0)
        return -1;

    if (key == "AGGREGATE" || key == "aggregate")
        _key_kind = KEY_AGGREGATE;
    else if (key == "SRC" || key == "src")
        _key_kind = KEY_SRC;
    else if (key == "DST" || key == "dst")
        _key_kind = KEY_DST;
    else
        return errh->error("KEY must be AGGREGATE, SRC or DST");

    _ip_bytes = ip_bytes;
    _active = active;
    return 0;
}

// Multiplicative (Fibonacci) hashing; the table size is a power of two.
uint32_t
FlowAggregateCounter::hash_key(uint32_t key)
{
    uint32_t h = key * 0x9E3779B1u;
    h ^= h >> 16;
    return h & (TABLE_SIZE - 1);
}

FlowAggregateCounter::Bucket *
FlowAggregateCounter::find_bucket(uint32_t key)
{
    uint32_t idx = hash_key(key);
    for (int probe = 0; probe < MAX_PROBE; probe++) {
        Bucket *b = &_table[idx];
        if (b->generation != _generation) {
            // free bucket: claim it for this key
            b->key = key;
            b->generation = _generation;
            b->packets = 0;
            b->bytes = 0;
            _nkeys++;
            return b;
        }
        if (b->key == key)
            return b;
        idx = (idx + 1) & (TABLE_SIZE - 1);
    }
    return 0;
}

Packet *
FlowAggregateCounter::simple_action(Packet *p)
{
    if (!_active)
        return p;

    uint32_t key;
    const click_ip *iph = 0;
    if (_key_kind == KEY_AGGREGATE)
        key = AGGREGATE_ANNO(p);
    else {
        if (!p->has_network_header()
            || p->network_header() + sizeof(click_ip) > p->end_data()) {
            _no_key++;
            return p;
        }
        iph = p->ip_header();
        // The address is copied bytewise: the IP header may be unaligned.
        uint32_t addr_net;
        if (_key_kind == KEY_SRC)
            memcpy(&addr_net, &iph->ip_src, 4);
        else
            memcpy(&addr_net, &iph->ip_dst, 4);
        key = ntohl(addr_net);
    }

    uint32_t len;
    if (_ip_bytes && p->has_network_header()) {
        if (!iph)
            iph = p->ip_header();
        len = ntohs(iph->ip_len);
    } else
        len = p->length();

    if (Bucket *b = find_bucket(key)) {
        b->packets++;
        b->bytes += len;
    } else
        _overflow++;

    _count++;
    _byte_count += len;
    return p;
}

void
FlowAggregateCounter::reset()
{
    _generation++;
    if (_generation == 0) {
        // wrapped: old stamps could look valid again, so clear for real
        memset(_table, 0, sizeof(_table));
        _generation = 1;
    }
    _nkeys = 0;
    _count = 0;
    _byte_count = 0;
    _overflow = 0;
    _no_key = 0;
}

String
FlowAggregateCounter::dump() const
{
    StringAccum sa;
    for (int i = 0; i < TABLE_SIZE; i++) {
        const Bucket &b = _table[i];
        if (b.generation != _generation)
            continue;
        if (_key_kind == KEY_AGGREGATE)
            sa << b.key;
        else
            sa << IPAddress(htonl(b.key)).unparse();
        sa << ' ' << b.packets << ' ' << b.bytes << '\n';
    }
    return sa.take_string();
}

String
FlowAggregateCounter::read_handler(Element *e, void *thunk)
{
    FlowAggregateCounter *c = static_cast<FlowAggregateCounter *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_count:
        return String(c->_count);
    case h_bytes:
        return String(c->_byte_count);
    case h_nkeys:
        return String(c->_nkeys);
    case h_overflow:
        return String(c->_overflow);
    case h_dump:
        return c->dump();
    case h_dump_reset: {
        String s = c->dump();
        c->reset();
        return s;
    }
    case h_active:
        return String(c->_active ? "true" : "false");
    default:
        return String();
    }
}

int
FlowAggregateCounter::write_handler(const String &s, Element *e, void *thunk,
                                    ErrorHandler *errh)
{
    FlowAggregateCounter *c = static_cast<FlowAggregateCounter *>(e);
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_reset:
        c->reset();
        return 0;
    case h_active:
        if (s == "true" || s == "1")
            c->_active = true;
        else if (s == "false" || s == "0")
            c->_active = false;
        else
            return errh->error("active: expected boolean");
        return 0;
    default:
        return 0;
    }
}

void
FlowAggregateCounter::add_handlers()
{
    add_read_handler("count", read_handler, h_count);
    add_read_handler("byte_count", read_handler, h_bytes);
    add_read_handler("nkeys", read_handler, h_nkeys);
    add_read_handler("overflow", read_handler, h_overflow);
    add_read_handler("dump", read_handler, h_dump);
    add_read_handler("dump_and_reset", read_handler, h_dump_reset);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
    add_read_handler("active", read_handler, h_active);
    add_write_handler("active", write_handler, h_active);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(FlowAggregateCounter)
