// -*- c-basic-offset: 4 -*-
/*
 * port_counters.{cc,hh} -- per-port interface statistics and snapshots
 *
 * Training code for Clara's compute model (nf_corpus/telemetry); written for
 * Clara, not an evaluation NF.
 *
 * Per packet: EtherType / VLAN / IPv4 protocol classification with a
 * switch, 2-D member counter arrays indexed by input port and class, a
 * binary search over the size-histogram edges, and, when the interval has
 * passed, a copy of all port totals into a ring of snapshot structs.
 */

#include <click/config.h>
#include "port_counters.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/ether.h>
#include <clicknet/ip.h>
CLICK_DECLS

static const uint16_t default_edges[] = {
    64, 127, 255, 511, 1023, 1518, 2047, 4095, 9216
};

PortCounters::PortCounters()
    : _nedges(0), _snap_head(0), _snap_count(0),
      _interval_ns(Timestamp::nsec_per_sec), _next_snap_ns(0), _mtu(1500)
{
    memset(_packets, 0, sizeof(_packets));
    memset(_bytes, 0, sizeof(_bytes));
    memset(_errors, 0, sizeof(_errors));
    memset(_size_hist, 0, sizeof(_size_hist));
    memset(_edges, 0, sizeof(_edges));
    memset(_snap, 0, sizeof(_snap));
    memset(_last_packets, 0, sizeof(_last_packets));
    memset(_last_bytes, 0, sizeof(_last_bytes));
}

PortCounters::~PortCounters()
{
}

int
PortCounters::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Timestamp interval(1);
    unsigned mtu = 1500;
    String edges;

    if (Args(conf, this, errh)
        .read_p("INTERVAL", interval)
        .read("MTU", mtu)
        .read("EDGES", edges)
        .complete() < 0)
        return -1;

    if (interval.nsecval() < Timestamp::nsec_per_sec / 1000)
        return errh->error("INTERVAL must be at least 1ms");
    if (mtu < 64 || mtu > 9216)
        return errh->error("MTU out of range");
    _interval_ns = interval.nsecval();
    _mtu = mtu;

    _nedges = 0;
    if (edges) {
        Vector<String> words;
        cp_spacevec(edges, words);
        if (words.size() >= MAX_EDGES)
            return errh->error("EDGES: at most %d values", MAX_EDGES - 1);
        for (int i = 0; i < words.size(); i++) {
            unsigned v;
            if (!cp_integer(words[i], &v) || v == 0 || v >= 0xFFFF)
                return errh->error("EDGES: bad value %d", i);
            if (_nedges > 0 && v <= _edges[_nedges - 1])
                return errh->error("EDGES must increase");
            _edges[_nedges++] = (uint16_t) v;
        }
    } else {
        int n = (int) (sizeof(default_edges) / sizeof(default_edges[0]));
        for (int i = 0; i < n; i++)
            _edges[_nedges++] = default_edges[i];
    }
    // a final catch-all bucket
    _edges[_nedges++] = 0xFFFF;
    return 0;
}

int
PortCounters::initialize(ErrorHandler *)
{
    _next_snap_ns = Timestamp::now().nsecval() + _interval_ns;
    return 0;
}

int
PortCounters::classify(const Packet *p, int port)
{
    const unsigned char *d = p->data();
    uint32_t len = p->length();
    uint16_t etype = (uint16_t) (d[12] << 8 | d[13]);
    uint32_t l3 = ETHER_HEADER_LEN;
    bool tagged = false;

    if (etype == ETHERTYPE_8021Q || etype == ETHERTYPE_8021AD) {
        if (len < ETHER_HEADER_LEN + 4) {
            _errors[port][E_RUNT]++;
            return C_OTHER;
        }
        etype = (uint16_t) (d[16] << 8 | d[17]);
        l3 += 4;
        tagged = true;
    }

    switch (etype) {
    case ETHERTYPE_IP: {
        if (len < l3 + sizeof(click_ip)) {
            _errors[port][E_IP_SHORT]++;
            return C_OTHER_IP;
        }
        const click_ip *iph = reinterpret_cast<const click_ip *>(d + l3);
        if (iph->ip_v != 4) {
            _errors[port][E_IP_VERSION]++;
            return C_OTHER_IP;
        }
        if (!IP_FIRSTFRAG(iph))
            return C_IP_FRAG;
        switch (iph->ip_p) {
        case IP_PROTO_TCP:
            return C_TCP;
        case IP_PROTO_UDP:
        case IP_PROTO_UDPLITE:
            return C_UDP;
        case IP_PROTO_ICMP:
            return C_ICMP;
        default:
            return C_OTHER_IP;
        }
    }
    case ETHERTYPE_ARP:
    case ETHERTYPE_RARP:
        return C_ARP;
    case ETHERTYPE_IP6:
        return C_IP6;
    default:
        if (etype < 0x0600) {
            // 802.3 length field, not an EtherType
            return tagged ? C_VLAN_OTHER : C_OTHER;
        }
        _errors[port][E_UNKNOWN_TYPE]++;
        return tagged ? C_VLAN_OTHER : C_OTHER;
    }
}

void
PortCounters::take_snapshot(int64_t now_ns)
{
    Snapshot &s = _snap[_snap_head];
    int64_t span = now_ns - (_next_snap_ns - _interval_ns);
    if (span <= 0)
        span = _interval_ns;

    uint32_t errs = 0;
    for (int port = 0; port < MAX_PORTS; port++) {
        uint64_t pk = 0, by = 0;
        for (int c = 0; c < NPROTO; c++) {
            pk += _packets[port][c];
            by += _bytes[port][c];
        }
        for (int k = 0; k < NERRORS; k++)
            errs += _errors[port][k];
        s.packets[port] = pk;
        s.bytes[port] = by;
        uint64_t dp = pk - _last_packets[port];
        uint64_t db = by - _last_bytes[port];
        s.pps[port] = (uint32_t) (dp * Timestamp::nsec_per_sec / (uint64_t) span);
        s.mbps[port] = (uint32_t) (db * 8 * 1000 / (uint64_t) span);
        _last_packets[port] = pk;
        _last_bytes[port] = by;
    }
    s.when_ns = now_ns;
    s.errors = errs;
    s.seq = _snap_count;

    _snap_head = (_snap_head + 1) % NSNAP;
    _snap_count++;
    // skip missed intervals instead of catching up one by one
    while (_next_snap_ns <= now_ns)
        _next_snap_ns += _interval_ns;
}

void
PortCounters::push(int port, Packet *p)
{
    uint32_t len = p->length();

    if (len < ETHER_HEADER_LEN) {
        _errors[port][E_RUNT]++;
        p->kill();
        return;
    }
    if (len < ETHER_MIN_LEN)
        _errors[port][E_RUNT]++;
    else if (len > _mtu + ETHER_HEADER_LEN + 4)
        _errors[port][E_GIANT]++;

    int c = classify(p, port);
    _packets[port][c]++;
    _bytes[port][c] += len;
    _size_hist[port][size_bucket(len)]++;

    int64_t now = p->timestamp_anno().is_set() ? p->timestamp_anno().nsecval()
        : Timestamp::recent().nsecval();
    if (unlikely(now >= _next_snap_ns))
        take_snapshot(now);

    output(port).push(p);
}

String
PortCounters::read_handler(Element *e, void *thunk)
{
    PortCounters *pc = static_cast<PortCounters *>(e);
    StringAccum sa;
    int nports = pc->ninputs();
    switch ((int) reinterpret_cast<uintptr_t>(thunk)) {
    case h_counters:
        for (int port = 0; port < nports; port++)
            for (int c = 0; c < NPROTO; c++)
                if (pc->_packets[port][c])
                    sa << port << ' ' << c << ' ' << pc->_packets[port][c] << ' '
                       << pc->_bytes[port][c] << '\n';
        break;
    case h_errors:
        for (int port = 0; port < nports; port++)
            for (int k = 0; k < NERRORS; k++)
                if (pc->_errors[port][k])
                    sa << port << ' ' << k << ' ' << pc->_errors[port][k] << '\n';
        break;
    case h_sizes:
        for (int port = 0; port < nports; port++)
            for (int b = 0; b < pc->_nedges; b++)
                sa << port << ' ' << (unsigned) pc->_edges[b] << ' '
                   << pc->_size_hist[port][b] << '\n';
        break;
    case h_snapshots: {
        uint32_t n = pc->_snap_count < NSNAP ? pc->_snap_count : (uint32_t) NSNAP;
        uint32_t first = (pc->_snap_head + NSNAP - n) % NSNAP;
        for (uint32_t i = 0; i < n; i++) {
            const Snapshot &s = pc->_snap[(first + i) % NSNAP];
            sa << s.seq << ' ' << Timestamp::make_nsec(s.when_ns) << ' ' << s.errors;
            for (int port = 0; port < nports; port++)
                sa << ' ' << s.pps[port] << '/' << s.mbps[port];
            sa << '\n';
        }
        break;
    }
    default:
        break;
    }
    return sa.take_string();
}

int
PortCounters::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    PortCounters *pc = static_cast<PortCounters *>(e);
    memset(pc->_packets, 0, sizeof(pc->_packets));
    memset(pc->_bytes, 0, sizeof(pc->_bytes));
    memset(pc->_errors, 0, sizeof(pc->_errors));
    memset(pc->_size_hist, 0, sizeof(pc->_size_hist));
    memset(pc->_last_packets, 0, sizeof(pc->_last_packets));
    memset(pc->_last_bytes, 0, sizeof(pc->_last_bytes));
    pc->_snap_head = pc->_snap_count = 0;
    return 0;
}

void
PortCounters::add_handlers()
{
    add_read_handler("counters", read_handler, h_counters);
    add_read_handler("errors", read_handler, h_errors);
    add_read_handler("sizes", read_handler, h_sizes);
    add_read_handler("snapshots", read_handler, h_snapshots);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PortCounters)
