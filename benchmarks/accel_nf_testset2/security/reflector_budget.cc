/*
 * reflector_budget.cc -- ReflectorBudget: a direct-mapped table of UDP
 * reflectors keyed by (source address, source port), with a per-window
 * byte count in each slot.  A port bitmap built from PORTS decides which
 * packets are looked at.
 */
#include <click/config.h>
#include "reflector_budget.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

static const uint16_t default_ports[] = { 19, 53, 123, 161, 389, 1900, 11211 };

ReflectorBudget::ReflectorBudget()
    : _budget(1 << 20), _window_ms(1000), _min_size(512), _drop_frags(true),
      _udp_seen(0), _from_reflectors(0), _over_budget(0), _fragments(0), _collisions(0)
{
    memset(_slots, 0, sizeof(_slots));
    memset(_port_bits, 0, sizeof(_port_bits));
}

ReflectorBudget::~ReflectorBudget()
{
}

int
ReflectorBudget::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String ports;
    if (Args(conf, this, errh)
        .read_mp("BUDGET", _budget)
        .read("WINDOW_MS", _window_ms)
        .read("MIN_SIZE", _min_size)
        .read("PORTS", ports)
        .read("DROP_FRAGMENTS", _drop_frags)
        .complete() < 0)
        return -1;
    if (_window_ms == 0)
        return errh->error("WINDOW_MS must be positive");

    memset(_port_bits, 0, sizeof(_port_bits));
    if (!ports) {
        for (size_t i = 0; i < sizeof(default_ports) / sizeof(default_ports[0]); ++i)
            _port_bits[default_ports[i] >> 5] |= 1U << (default_ports[i] & 31);
        return 0;
    }
    Vector<String> words;
    cp_spacevec(ports, words);
    for (int i = 0; i < words.size(); ++i) {
        unsigned port;
        if (!cp_integer(words[i], &port) || port == 0 || port > 65535)
            return errh->error("PORTS: bad port %s", words[i].c_str());
        _port_bits[port >> 5] |= 1U << (port & 31);
    }
    return 0;
}

Packet *
ReflectorBudget::simple_action(Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    const unsigned char *ipb = reinterpret_cast<const unsigned char *>(iph);
    const unsigned char *end = p->end_data();
    if (ipb + sizeof(click_ip) > end || iph->ip_v != 4 || iph->ip_p != IP_PROTO_UDP)
        return p;
    _udp_seen++;
    if (!IP_FIRSTFRAG(iph)) {
        _fragments++;
        if (!_drop_frags)
            return p;
        checked_output_push(1, p);
        return 0;
    }
    const click_udp *udph = reinterpret_cast<const click_udp *>(ipb + (iph->ip_hl << 2));
    if (reinterpret_cast<const unsigned char *>(udph) + sizeof(click_udp) > end
        || !reflector_port(ntohs(udph->uh_sport)))
        return p;
    _from_reflectors++;
    uint32_t len = ntohs(iph->ip_len);
    if (len < _min_size)
        return p;

    // slot index: 64-bit FNV-1 of the address and port bytes, xor-folded
    uint8_t k[6];
    memcpy(k, &iph->ip_src, 4);
    memcpy(k + 4, &udph->uh_sport, 2);
    uint64_t h = 14695981039346656037ULL;
    for (int i = 0; i < 6; ++i) {
        h *= 1099511628211ULL;
        h ^= k[i];
    }
    uint32_t idx = (uint32_t) (h ^ (h >> 32)) & (NSLOTS - 1);

    Slot &s = _slots[idx];
    int64_t now_ms = Timestamp::recent().msecval();
    if (s.addr != iph->ip_src.s_addr || s.port != udph->uh_sport) {
        if (s.addr)
            _collisions++;
        s.addr = iph->ip_src.s_addr;
        s.port = udph->uh_sport;
        s.bytes = 0;
        s.over = 0;
        s.window_start = now_ms;
    } else if (now_ms - s.window_start >= (int64_t) _window_ms) {
        s.bytes = 0;
        s.window_start = now_ms;
    }

    if (s.bytes + len > _budget) {
        s.over++;
        _over_budget++;
        checked_output_push(1, p);
        return 0;
    }
    s.bytes += len;
    return p;
}

enum { h_stats, h_top };

String
ReflectorBudget::read_handler(Element *e, void *thunk)
{
    ReflectorBudget *rb = static_cast<ReflectorBudget *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_stats) {
        sa << "udp " << rb->_udp_seen << "\nfrom_reflectors " << rb->_from_reflectors
           << "\nover_budget " << rb->_over_budget << "\nfragments " << rb->_fragments
           << "\ncollisions " << rb->_collisions << '\n';
        return sa.take_string();
    }
    // ten heaviest slots, by repeated selection
    uint32_t floor = 0xFFFFFFFFU;
    for (int n = 0; n < 10; ++n) {
        int best = -1;
        for (int i = 0; i < NSLOTS; ++i) {
            const Slot &s = rb->_slots[i];
            if (s.addr && s.bytes < floor && (best < 0 || s.bytes > rb->_slots[best].bytes))
                best = i;
        }
        if (best < 0)
            break;
        const Slot &s = rb->_slots[best];
        sa << IPAddress(s.addr) << ':' << ntohs(s.port) << ' ' << s.bytes
           << " over " << s.over << '\n';
        floor = s.bytes;
    }
    return sa.take_string();
}

void
ReflectorBudget::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("top", read_handler, h_top);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(ReflectorBudget)
