/*
 * space_saving_top_ports.cc -- SpaceSavingTopPorts: Space-Saving top-k of
 * (protocol, port) pairs: an array of up to 512 counters (16 KiB in the
 * element), a HashMap<PortKey, int> from pair to counter slot, and a linear
 * scan for the minimum counter on replacement.
 *
 * Training code for Clara's compute model (nf_corpus/measurement): a
 * realistic top-k port monitor written for the corpus, not an evaluation
 * NF.  Per packet: protocol switch, a mode switch to pick the port, a
 * HashMap lookup, then either an increment or a k-step min search with a
 * HashMap erase and insert; every DECAY packets a halving loop.
 */
#include <click/config.h>
#include "space_saving_top_ports.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

SpaceSavingTopPorts::SpaceSavingTopPorts()
    : _k(64), _used(0), _mode(MODE_DST), _bytes(false),
      _decay_every(0), _decay_countdown(0), _share_pm(10), _total(0),
      _evictions(0), _ignored(0)
{
    memset(_counters, 0, sizeof(_counters));
}

SpaceSavingTopPorts::~SpaceSavingTopPorts()
{
}

int
SpaceSavingTopPorts::configure(Vector<String> &conf, ErrorHandler *errh)
{
    int k = 64;
    String mode = "dst";
    if (Args(conf, this, errh)
        .read_p("K", k)
        .read_p("MODE", mode)
        .read("BYTES", _bytes)
        .read("DECAY", _decay_every)
        .read("SHARE", _share_pm)
        .complete() < 0)
        return -1;
    if (k < 2 || k > MAX_K)
        return errh->error("K must be between 2 and %d", (int) MAX_K);
    if (mode == "dst")
        _mode = MODE_DST;
    else if (mode == "src")
        _mode = MODE_SRC;
    else if (mode == "service")
        _mode = MODE_SERVICE;
    else
        return errh->error("MODE must be dst, src or service");
    if (_share_pm > 1000)
        return errh->error("SHARE is in per mille (0-1000)");
    _k = k;
    _decay_countdown = _decay_every;
    return 0;
}

/* Linear search for the smallest count; ties go to the smallest error
   (the counter whose key has been monitored longest). */
int
SpaceSavingTopPorts::find_min() const
{
    int best = 0;
    uint32_t best_count = _counters[0].count;
    uint32_t best_error = _counters[0].error;
    for (int i = 1; i < _k; ++i) {
        const Counter &c = _counters[i];
        if (c.count < best_count || (c.count == best_count && c.error < best_error)) {
            best = i;
            best_count = c.count;
            best_error = c.error;
            if (best_count == 0)
                break;
        }
    }
    return best;
}

int
SpaceSavingTopPorts::take_slot(const PortKey &key, uint32_t weight, int64_t now_ns)
{
    int slot;
    uint32_t base;
    if (_used < _k) {
        slot = _used++;
        base = 0;
    } else {
        slot = find_min();
        Counter &victim = _counters[slot];
        _slot_of.erase(victim.key);
        base = victim.count;
        _evictions++;
    }
    Counter &c = _counters[slot];
    c.key = key;
    c.error = base;
    c.count = base + weight;
    c.packets = 1;
    c.bytes = 0;
    c.since_ns = now_ns;
    _slot_of.insert(key, slot);
    return slot;
}

void
SpaceSavingTopPorts::decay()
{
    for (int i = 0; i < _used; ++i) {
        _counters[i].count >>= 1;
        _counters[i].error >>= 1;
    }
    _total >>= 1;
}

Packet *
SpaceSavingTopPorts::simple_action(Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || !IP_FIRSTFRAG(iph) || !p->has_transport_header()) {
        _ignored++;
        return p;
    }

    uint16_t sport, dport;
    switch (iph->ip_p) {
    case IP_PROTO_TCP:
        if (p->transport_length() < (int) sizeof(click_tcp)) {
            _ignored++;
            return p;
        }
        sport = ntohs(p->tcp_header()->th_sport);
        dport = ntohs(p->tcp_header()->th_dport);
        break;
    case IP_PROTO_UDP:
        if (p->transport_length() < (int) sizeof(click_udp)) {
            _ignored++;
            return p;
        }
        sport = ntohs(p->udp_header()->uh_sport);
        dport = ntohs(p->udp_header()->uh_dport);
        break;
    default:
        _ignored++;
        return p;
    }

    uint16_t port;
    switch (_mode) {
    case MODE_SRC:
        port = sport;
        break;
    case MODE_SERVICE:
        // ephemeral ports are high; the service is usually the lower one
        port = sport < dport ? sport : dport;
        break;
    case MODE_DST:
    default:
        port = dport;
        break;
    }

    uint32_t iplen = ntohs(iph->ip_len);
    uint32_t weight = _bytes ? iplen : 1;
    PortKey key(iph->ip_p, port);

    int slot;
    int *sp = _slot_of.findp(key);
    if (sp) {
        slot = *sp;
        Counter &c = _counters[slot];
        c.count = (c.count + weight < c.count) ? 0xFFFFFFFFU : c.count + weight;
        c.packets++;
    } else {
        Timestamp now = p->timestamp_anno();
        slot = take_slot(key, weight, now.nsecval());
    }
    Counter &c = _counters[slot];
    c.bytes += iplen;
    _total += weight;

    SET_AGGREGATE_ANNO(p, (uint32_t) slot);
    uint64_t guaranteed = c.count - c.error;
    p->set_paint_anno(guaranteed * 1000 >= _total * _share_pm ? 1 : 0);

    if (_decay_every && --_decay_countdown == 0) {
        _decay_countdown = _decay_every;
        decay();
    }
    return p;
}

enum { h_top, h_total, h_evictions, h_ignored };

String
SpaceSavingTopPorts::read_handler(Element *e, void *thunk)
{
    SpaceSavingTopPorts *s = static_cast<SpaceSavingTopPorts *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_top: {
        // insertion sort of slot numbers by count, largest first
        int order[MAX_K];
        for (int i = 0; i < s->_used; ++i) {
            int j = i;
            while (j > 0 && s->_counters[order[j - 1]].count < s->_counters[i].count) {
                order[j] = order[j - 1];
                --j;
            }
            order[j] = i;
        }
        for (int i = 0; i < s->_used; ++i) {
            const Counter &c = s->_counters[order[i]];
            sa << (c.key.proto == IP_PROTO_TCP ? "tcp " : "udp ") << c.key.port
               << ' ' << c.count << ' ' << c.error << ' ' << c.packets << ' '
               << c.bytes << '\n';
        }
        break;
    }
    case h_total:
        sa << s->_total;
        break;
    case h_evictions:
        sa << s->_evictions;
        break;
    case h_ignored:
        sa << s->_ignored;
        break;
    }
    return sa.take_string();
}

int
SpaceSavingTopPorts::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    SpaceSavingTopPorts *s = static_cast<SpaceSavingTopPorts *>(e);
    s->_slot_of.clear();
    memset(s->_counters, 0, sizeof(s->_counters));
    s->_used = 0;
    s->_total = 0;
    return 0;
}

void
SpaceSavingTopPorts::add_handlers()
{
    add_read_handler("top", read_handler, h_top);
    add_read_handler("total", read_handler, h_total);
    add_read_handler("evictions", read_handler, h_evictions);
    add_read_handler("ignored", read_handler, h_ignored);
    add_write_handler("reset", write_handler, 0, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SpaceSavingTopPorts)
