// -*- c-basic-offset: 4 -*-
/*
 * packet_sampler.{cc,hh} -- sFlow-like packet sampling into a record ring
 *
 * Training code for Clara's compute model (an NF-like Click element written
 * for the dataset); not one of the evaluation NFs.
 *
 * Per packet: per-interface counters, a countdown or an xorshift draw, and
 * for a sampled packet the header fields copied into a 1024-entry ring of
 * 32-byte records (32 KiB in the element) plus an optional truncated clone.
 */

#include <click/config.h>
#include "packet_sampler.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/ipaddress.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

PacketSampler::PacketSampler()
    : _head(0), _n(64), _threshold(0), _rng(0x9E3779B97F4A7C15ULL), _snap(128),
      _clone_failures(0)
{
    memset(_ring, 0, sizeof(_ring));
    for (int i = 0; i < MAX_IFACES; i++) {
        _countdown[i] = 0;
        _since_sample[i] = 0;
        _if_seen[i] = _if_sampled[i] = _if_bytes[i] = 0;
    }
}

PacketSampler::~PacketSampler()
{
}

int
PacketSampler::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned n = 64, seed = 1, snap = 128;
    double prob = 0;

    if (Args(conf, this, errh)
        .read_p("N", n)
        .read("PROB", prob)
        .read("SEED", seed)
        .read("SNAP", snap)
        .complete() < 0)
        return -1;

    if (prob < 0 || prob > 1)
        return errh->error("PROB must be between 0 and 1");
    if (n == 0 && prob == 0)
        return errh->error("give N > 0 or PROB > 0");
    if (snap < 20)
        return errh->error("SNAP must be at least 20");

    _n = n;
    _threshold = prob >= 1 ? 0xFFFFFFFFU : (uint32_t) (prob * 4294967296.0);
    // seed must not be zero for xorshift; spread the configured bits
    _rng = ((uint64_t) seed << 32 | (seed ^ 0xA5A5A5A5U)) | 1;
    _snap = snap;
    for (int i = 0; i < MAX_IFACES; i++)
        _countdown[i] = _n;
    return 0;
}

bool
PacketSampler::should_sample(int iface)
{
    if (_n > 0) {
        if (_countdown[iface] <= 1) {
            _countdown[iface] = _n;
            return true;
        }
        _countdown[iface]--;
        return false;
    }
    return next_random() < _threshold;
}

void
PacketSampler::record(const Packet *p, int iface)
{
    Record &r = _ring[_head & (RING_SIZE - 1)];
    _head++;

    Timestamp ts = p->timestamp_anno();
    if (!ts.is_set())
        ts = Timestamp::recent();
    r.ts_nsec = ts.nsecval();
    r.iface = (uint8_t) iface;
    r.skipped = _since_sample[iface];
    r.length = (uint16_t) (p->length() > 0xFFFF ? 0xFFFF : p->length());
    r.saddr = r.daddr = 0;
    r.sport = r.dport = 0;
    r.proto = r.tos = r.tcp_flags = 0;
    r.ttl_hops = 0;

    if (!p->has_network_header()
        || p->network_header() + sizeof(click_ip) > p->end_data())
        return;
    const click_ip *iph = p->ip_header();
    memcpy(&r.saddr, &iph->ip_src, 4);
    memcpy(&r.daddr, &iph->ip_dst, 4);
    r.proto = iph->ip_p;
    r.tos = iph->ip_tos;
    // hops already travelled, assuming the usual initial TTLs
    uint8_t ttl = iph->ip_ttl;
    r.ttl_hops = ttl <= 64 ? 64 - ttl : ttl <= 128 ? 128 - ttl : 255 - ttl;

    const unsigned char *th = p->transport_header();
    if (!th || !IP_FIRSTFRAG(iph))
        return;
    if (iph->ip_p == IP_PROTO_TCP && th + sizeof(click_tcp) <= p->end_data()) {
        const click_tcp *tcph = p->tcp_header();
        r.sport = ntohs(tcph->th_sport);
        r.dport = ntohs(tcph->th_dport);
        r.tcp_flags = tcph->th_flags;
    } else if (iph->ip_p == IP_PROTO_UDP && th + sizeof(click_udp) <= p->end_data()) {
        const click_udp *udph = p->udp_header();
        r.sport = ntohs(udph->uh_sport);
        r.dport = ntohs(udph->uh_dport);
    } else if (iph->ip_p == IP_PROTO_ICMP && th + 2 <= p->end_data()) {
        // ICMP type and code take the port fields, as NetFlow does
        r.dport = (uint16_t) ((th[0] << 8) | th[1]);
    }
}

void
PacketSampler::push(int port, Packet *p)
{
    int iface = port & (MAX_IFACES - 1);
    _if_seen[iface]++;
    _if_bytes[iface] += p->length();

    if (!should_sample(iface)) {
        _since_sample[iface]++;
        output(0).push(p);
        return;
    }

    record(p, iface);
    _since_sample[iface] = 0;
    _if_sampled[iface]++;

    if (noutputs() > 1) {
        Packet *c = p->clone();
        if (c) {
            if (c->length() > _snap)
                c->take(c->length() - _snap);
            output(1).push(c);
        } else
            _clone_failures++;
    }
    output(0).push(p);
}

String
PacketSampler::read_handler(Element *e, void *thunk)
{
    PacketSampler *s = static_cast<PacketSampler *>(e);
    StringAccum sa;
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_seen:
        for (int i = 0; i < s->ninputs() && i < MAX_IFACES; i++)
            sa << i << ' ' << (unsigned long long) s->_if_seen[i] << ' '
               << (unsigned long long) s->_if_sampled[i] << '\n';
        return sa.take_string();
    case h_records: {
        uint32_t n = s->_head < RING_SIZE ? s->_head : (uint32_t) RING_SIZE;
        for (uint32_t k = s->_head - n; k != s->_head; k++) {
            const Record &r = s->_ring[k & (RING_SIZE - 1)];
            sa << (long long) r.ts_nsec << ' ' << (int) r.iface << ' '
               << IPAddress(r.saddr) << ':' << (unsigned) r.sport << " > "
               << IPAddress(r.daddr) << ':' << (unsigned) r.dport << ' '
               << (int) r.proto << ' ' << (unsigned) r.length << ' '
               << r.skipped << '\n';
        }
        return sa.take_string();
    }
    case h_head:
        return String(s->_head);
    default:
        return String();
    }
}

void
PacketSampler::add_handlers()
{
    add_read_handler("seen", read_handler, h_seen);
    add_read_handler("records", read_handler, h_records);
    add_read_handler("head", read_handler, h_head);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PacketSampler)
