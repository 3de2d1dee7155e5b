/*
 * mac_mobility_monitor.cc -- MacMobilityMonitor: a HashMap<EtherAddress,
 * MacRecord> of where each station sits, move counting per port pair
 * (64x64 matrix) and per VLAN (4096 counters), per-address flap windows, a
 * Vector ring of recent moves scanned backwards for loop signatures, and
 * pinned (static) addresses whose moves are spoofs.
 *
 * Training code for Clara's compute model (nf_corpus/session): a realistic
 * L2 mobility monitor written for the corpus, not an evaluation NF.  Per
 * frame: length and group-bit checks, a VLAN tag read, a HashMap lookup
 * with an insert or an in-place update; on a move, 2-D and 1-D counter
 * updates, a masked ring write and a backward while-loop over the ring
 * with an early exit on age; every SWEEP_EVERY frames an ageing sweep.
 */
#include <click/config.h>
#include "mac_mobility_monitor.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

MacMobilityMonitor::MacMobilityMonitor()
    : _ring_mask(1023), _ring_head(0), _ring_fill(0), _loop_ports(0),
      _flap_threshold(5), _flap_window_s(10), _hold_s(60), _loop_ms(1000),
      _loop_threshold(16), _age_s(300), _max_entries(16384), _sweep_every(4096),
      _sweep_countdown(4096), _color(13), _suppress(false),
      _moves(0), _flap_events(0), _spoofs(0), _loop_alarms(0)
{
    memset(_pair_moves, 0, sizeof(_pair_moves));
    memset(_vlan_moves, 0, sizeof(_vlan_moves));
}

MacMobilityMonitor::~MacMobilityMonitor()
{
}

int
MacMobilityMonitor::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned ring = 1024, color = 13;
    if (Args(conf, this, errh)
        .read("RING", ring)
        .read("FLAP_THRESHOLD", _flap_threshold)
        .read("FLAP_WINDOW", _flap_window_s)
        .read("HOLD", _hold_s)
        .read("LOOP_MS", _loop_ms)
        .read("LOOP_THRESHOLD", _loop_threshold)
        .read("AGE", _age_s)
        .read("MAX_ENTRIES", _max_entries)
        .read("SWEEP_EVERY", _sweep_every)
        .read("COLOR", color)
        .read("SUPPRESS", _suppress)
        .read_all("STATIC_MAC", _static_mac)
        .read_all("STATIC_PORT", _static_port)
        .complete() < 0)
        return -1;
    if (ring < 16 || ring > 65536 || (ring & (ring - 1)) != 0)
        return errh->error("RING must be a power of two between 16 and 65536");
    if (_flap_threshold < 2 || _flap_threshold > 255)
        return errh->error("FLAP_THRESHOLD must be between 2 and 255");
    if (_flap_window_s == 0 || _age_s == 0 || _loop_ms == 0)
        return errh->error("FLAP_WINDOW, AGE and LOOP_MS must be positive");
    if (_loop_threshold < 2)
        return errh->error("LOOP_THRESHOLD must be at least 2");
    if (_static_mac.size() != _static_port.size())
        return errh->error("STATIC_MAC and STATIC_PORT must pair up");
    for (int i = 0; i < _static_port.size(); ++i)
        if (_static_port[i] >= MAX_PORTS)
            return errh->error("STATIC_PORT %u out of range", _static_port[i]);
    if (color > 255)
        return errh->error("COLOR must be a byte");
    _color = (uint8_t) color;
    _ring_mask = ring - 1;
    if (_sweep_every == 0)
        _sweep_every = 1;
    _sweep_countdown = _sweep_every;
    return 0;
}

int
MacMobilityMonitor::initialize(ErrorHandler *errh)
{
    _ring.resize(_ring_mask + 1);
    if (_ring.size() != (int) (_ring_mask + 1))
        return errh->error("out of memory");
    for (int i = 0; i < _static_mac.size(); ++i) {
        MacRecord r;
        r.port = r.prev_port = (uint8_t) _static_port[i];
        r.port_mask = (uint64_t) 1 << r.port;
        r.flags = R_STATIC;
        _table.insert(_static_mac[i], r);
    }
    return 0;
}

/* Moves between ports a and b (either way) in the last _loop_ms. */
uint32_t
MacMobilityMonitor::scan_ring(uint8_t a, uint8_t b, const Timestamp &now) const
{
    Timestamp horizon = now - Timestamp::make_msec((int64_t) _loop_ms);
    uint32_t idx = _ring_head, left = _ring_fill, n = 0;
    while (left-- > 0) {
        idx = (idx - 1) & _ring_mask;
        const MoveEvent &ev = _ring[idx];
        if (ev.when < horizon)
            break;                          // the ring is in time order
        if ((ev.from == a && ev.to == b) || (ev.from == b && ev.to == a))
            n++;
    }
    return n;
}

void
MacMobilityMonitor::record_move(const EtherAddress &mac, MacRecord &r, uint8_t to,
                                uint16_t vlan, const Timestamp &now)
{
    uint8_t from = r.port;
    _moves++;
    r.moves++;
    r.prev_port = from;
    _pair_moves[from][to]++;
    _vlan_moves[vlan]++;

    if ((now - r.window_start).sec() >= (Timestamp::seconds_type) _flap_window_s) {
        r.window_start = now;
        r.window_moves = 0;
    }
    if (r.window_moves < 255)
        r.window_moves++;
    if (r.window_moves >= _flap_threshold && !(r.flags & R_FLAPPING)) {
        r.flags |= R_FLAPPING;
        _flap_events++;
    }

    MoveEvent &ev = _ring[_ring_head];
    ev.mac = mac;
    ev.vlan = vlan;
    ev.from = from;
    ev.to = to;
    ev.when = now;
    _ring_head = (_ring_head + 1) & _ring_mask;
    if (_ring_fill <= _ring_mask)
        _ring_fill++;

    if (scan_ring(from, to, now) >= _loop_threshold) {
        uint64_t bits = ((uint64_t) 1 << from) | ((uint64_t) 1 << to);
        if ((_loop_ports & bits) != bits) {
            _loop_ports |= bits;
            _loop_alarms++;
        }
    }
    r.port = to;
    r.last_move = now;
}

void
MacMobilityMonitor::sweep(const Timestamp &now)
{
    _aged.clear();
    for (HashMap<EtherAddress, MacRecord>::iterator it = _table.begin(); it.live(); ++it) {
        const MacRecord &r = it.value();
        if (!(r.flags & R_STATIC)
            && (now - r.last_seen).sec() >= (Timestamp::seconds_type) _age_s)
            _aged.push_back(it.key());
    }
    for (int i = 0; i < _aged.size(); ++i)
        _table.erase(_aged[i]);
}

void
MacMobilityMonitor::push(int port, Packet *p)
{
    int sw_port = ninputs() > 1 ? port : PAINT_ANNO(p);
    if (p->length() < sizeof(click_ether) || sw_port >= MAX_PORTS) {
        p->kill();
        return;
    }
    const click_ether *eh = reinterpret_cast<const click_ether *>(p->data());
    EtherAddress src(eh->ether_shost);
    if (src.is_group() || src.empty()) {
        output(0).push(p);                  // not a station address
        return;
    }

    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();
    if (--_sweep_countdown == 0) {
        _sweep_countdown = _sweep_every;
        sweep(now);
    }

    uint16_t vlan = frame_vlan(p);
    uint64_t port_bit = (uint64_t) 1 << sw_port;
    bool suspect = false;
    MacRecord *r = _table.findp(src);
    if (!r) {
        if (_table.size() < _max_entries) {
            MacRecord nr;
            nr.last_seen = nr.last_move = nr.window_start = now;
            nr.port_mask = port_bit;
            nr.frames = 1;
            nr.vlan = vlan;
            nr.port = nr.prev_port = (uint8_t) sw_port;
            _table.insert(src, nr);
        }
    } else {
        if (r->port != sw_port) {
            if (r->flags & R_STATIC) {
                _spoofs++;                  // a pinned address stays put
                suspect = true;
            } else
                record_move(src, *r, (uint8_t) sw_port, vlan, now);
        } else if ((r->flags & R_FLAPPING)
                   && (now - r->last_move).sec() >= (Timestamp::seconds_type) _hold_s)
            r->flags &= ~R_FLAPPING;        // settled down again
        r->frames++;
        r->last_seen = now;
        r->vlan = vlan;
        r->port_mask |= port_bit;
        if (r->flags & R_FLAPPING)
            suspect = true;
    }

    if (suspect) {
        p->set_paint_anno(_color);
        if (_suppress) {
            checked_output_push(1, p);
            return;
        }
    }
    output(0).push(p);
}

enum { h_entries, h_moves, h_flapping, h_spoofs, h_loop_alarms, h_recent, h_pairs };

String
MacMobilityMonitor::read_handler(Element *e, void *thunk)
{
    MacMobilityMonitor *m = static_cast<MacMobilityMonitor *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_entries:     sa << (unsigned long) m->_table.size(); break;
    case h_moves:       sa << m->_moves; break;
    case h_flapping:    sa << m->_flap_events; break;
    case h_spoofs:      sa << m->_spoofs; break;
    case h_loop_alarms: sa << m->_loop_alarms; break;
    case h_recent: {
        uint32_t idx = m->_ring_head;
        for (uint32_t n = 0; n < m->_ring_fill; ++n) {
            idx = (idx - 1) & m->_ring_mask;
            const MoveEvent &ev = m->_ring[idx];
            sa << ev.when << ' ' << ev.mac << ' ' << (int) ev.from << "->"
               << (int) ev.to << " vlan " << ev.vlan << '\n';
        }
        break;
    }
    case h_pairs:
        for (int a = 0; a < MAX_PORTS; ++a)
            for (int b = 0; b < MAX_PORTS; ++b)
                if (m->_pair_moves[a][b])
                    sa << a << ' ' << b << ' ' << m->_pair_moves[a][b] << '\n';
        break;
    }
    return sa.take_string();
}

void
MacMobilityMonitor::add_handlers()
{
    add_read_handler("entries", read_handler, h_entries);
    add_read_handler("moves", read_handler, h_moves);
    add_read_handler("flapping", read_handler, h_flapping);
    add_read_handler("spoofs", read_handler, h_spoofs);
    add_read_handler("loop_alarms", read_handler, h_loop_alarms);
    add_read_handler("recent", read_handler, h_recent);
    add_read_handler("pairs", read_handler, h_pairs);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(MacMobilityMonitor)
