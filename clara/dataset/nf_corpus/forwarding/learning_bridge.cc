/*
 * learning_bridge.cc -- LearningBridge: MAC learning table in a
 * HashMap<MacKey, Station>, per-port counters in a member array, lazy
 * ageing plus a periodic sweep, and flooding by clone() when the
 * destination is a group address or unknown.
 *
 * Training code for Clara's compute model (nf_corpus/forwarding): a
 * realistic L2 bridge written for the corpus, not an evaluation NF.  Per
 * frame: header checks, a HashMap lookup/insert for the source, a lookup
 * for the destination, then either one push or a loop of clones over the
 * active ports; every SWEEP_EVERY frames a walk over the table.
 */
#include <click/config.h>
#include "learning_bridge.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

LearningBridge::LearningBridge()
    : _timeout_s(300), _max_entries(8192), _sweep_every(4096),
      _sweep_countdown(4096), _flood_limit(0), _flood_this_second(0),
      _flood_second(0), _blocked(0), _moves(0), _aged(0), _flood_capped(0)
{
    memset(_ports, 0, sizeof(_ports));
    memset(_pair_frames, 0, sizeof(_pair_frames));
}

LearningBridge::~LearningBridge()
{
}

int
LearningBridge::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned blocked = 0;
    if (Args(conf, this, errh)
        .read_p("TIMEOUT", _timeout_s)
        .read("MAX_ENTRIES", _max_entries)
        .read("SWEEP_EVERY", _sweep_every)
        .read("STP_BLOCKED", blocked)
        .read("FLOOD_LIMIT", _flood_limit)
        .complete() < 0)
        return -1;
    if (_timeout_s == 0)
        return errh->error("TIMEOUT must be positive");
    if (blocked > 0xFFFF)
        return errh->error("STP_BLOCKED must be a 16-bit port mask");
    if (_sweep_every == 0)
        _sweep_every = 1;
    _blocked = (uint16_t) blocked;
    _sweep_countdown = _sweep_every;
    return 0;
}

void
LearningBridge::learn(const MacKey &src, int port, uint16_t vid, const Timestamp &now)
{
    Station *s = _table.findp(src);
    if (!s) {
        if (_table.size() >= _max_entries)
            return;                         // table full: keep flooding
        Station ns;
        ns.port = (uint8_t) port;
        ns.vlan_hint = vid;
        ns.frames = 1;
        ns.last_seen = now;
        _table.insert(src, ns);
        _ports[port].learned++;
        return;
    }
    if (s->port != port) {
        // the station moved (or a loop is forming): re-learn on the new port
        s->port = (uint8_t) port;
        if (s->moves < 255)
            s->moves++;
        _moves++;
    }
    s->vlan_hint = vid;
    s->frames++;
    s->last_seen = now;
}

void
LearningBridge::flood(int in_port, Packet *p, const Timestamp &now)
{
    if (_flood_limit) {
        int64_t sec = now.sec();
        if (sec != _flood_second) {
            _flood_second = sec;
            _flood_this_second = 0;
        }
        if (++_flood_this_second > _flood_limit) {
            _flood_capped++;
            p->kill();
            return;
        }
    }

    uint16_t mask = port_mask(noutputs()) & ~(uint16_t) (1U << in_port);
    if (!mask) {
        _ports[in_port].filtered++;
        p->kill();
        return;
    }
    _ports[in_port].flooded++;

    // send clones to every port but the last one, the original to the last
    int last = 31 - __builtin_clz((unsigned) mask);
    for (int out = 0; out < last; ++out) {
        if (!(mask & (1U << out)))
            continue;
        Packet *q = p->clone();
        if (!q)
            break;
        _ports[out].tx++;
        _pair_frames[in_port][out]++;
        output(out).push(q);
    }
    _ports[last].tx++;
    _pair_frames[in_port][last]++;
    output(last).push(p);
}

void
LearningBridge::sweep(const Timestamp &now)
{
    _stale.clear();
    for (HashMap<MacKey, Station>::iterator it = _table.begin(); it.live(); ++it)
        if (expired(it.value(), now))
            _stale.push_back(it.key());
    for (int i = 0; i < _stale.size(); ++i)
        _table.erase(_stale[i]);
    _aged += _stale.size();
}

void
LearningBridge::push(int port, Packet *p)
{
    const unsigned char *d = p->data();
    uint32_t len = p->length();
    PortStats &ps = _ports[port];

    if (len < sizeof(click_ether)) {
        ps.runts++;
        p->kill();
        return;
    }
    ps.rx++;
    ps.rx_bytes += len;

    if (_blocked & (1U << port)) {
        // a blocked port neither learns nor forwards (BPDUs go elsewhere)
        ps.filtered++;
        p->kill();
        return;
    }

    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();

    const click_ether *eh = reinterpret_cast<const click_ether *>(d);
    MacKey src(eh->ether_shost);
    MacKey dst(eh->ether_dhost);

    if (!src.is_group())
        learn(src, port, frame_vid(d, len), now);

    if (--_sweep_countdown == 0) {
        _sweep_countdown = _sweep_every;
        sweep(now);
    }

    if (dst.is_group()) {
        flood(port, p, now);
        return;
    }

    Station *s = _table.findp(dst);
    if (!s || expired(*s, now) || s->port >= noutputs()) {
        flood(port, p, now);
        return;
    }
    if (s->port == port || (_blocked & (1U << s->port))) {
        ps.filtered++;
        p->kill();
        return;
    }
    _ports[s->port].tx++;
    _pair_frames[port][s->port]++;
    output(s->port).push(p);
}

enum { h_table, h_port_stats, h_moves, h_size, h_aged, h_capped };

String
LearningBridge::read_handler(Element *e, void *thunk)
{
    LearningBridge *b = static_cast<LearningBridge *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_table: {
        Timestamp now = Timestamp::recent();
        for (HashMap<MacKey, Station>::iterator it = b->_table.begin(); it.live(); ++it) {
            const MacKey &k = it.key();
            const Station &s = it.value();
            sa.snprintf(24, "%02x:%02x:%02x:%02x:%02x:%02x", k.a[0], k.a[1],
                        k.a[2], k.a[3], k.a[4], k.a[5]);
            sa << ' ' << (int) s.port << ' ' << s.frames << ' '
               << (now - s.last_seen).sec();
            if (b->expired(s, now))
                sa << " aged";
            sa << '\n';
        }
        break;
    }
    case h_port_stats:
        for (int i = 0; i < b->ninputs() && i < MAX_PORTS; ++i) {
            const PortStats &ps = b->_ports[i];
            sa << i << ": rx " << ps.rx << " tx " << ps.tx << " bytes "
               << ps.rx_bytes << " flood " << ps.flooded << " filter "
               << ps.filtered << " learned " << ps.learned << " runts "
               << ps.runts << '\n';
        }
        break;
    case h_moves:
        sa << b->_moves;
        break;
    case h_size:
        sa << (unsigned long) b->_table.size();
        break;
    case h_aged:
        sa << b->_aged;
        break;
    case h_capped:
        sa << b->_flood_capped;
        break;
    }
    return sa.take_string();
}

int
LearningBridge::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    LearningBridge *b = static_cast<LearningBridge *>(e);
    b->_table.clear();
    for (int i = 0; i < MAX_PORTS; ++i)
        b->_ports[i].learned = 0;
    return 0;
}

void
LearningBridge::add_handlers()
{
    add_read_handler("table", read_handler, h_table);
    add_read_handler("port_stats", read_handler, h_port_stats);
    add_read_handler("moves", read_handler, h_moves);
    add_read_handler("size", read_handler, h_size);
    add_read_handler("aged", read_handler, h_aged);
    add_read_handler("flood_capped", read_handler, h_capped);
    add_write_handler("flush", write_handler, 0, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(LearningBridge)
