/*
 * maglev_selector.cc -- MaglevSelector: a prime-sized uint16_t lookup
 * table (up to 65537 entries, 128 KiB inside the element) built from
 * per-backend offset/skip permutations, plus a HashMap<IPFlowID, Conn>
 * connection table for affinity across table rebuilds.
 *
 * Training code for Clara's compute model (nf_corpus/balancing): a
 * realistic Maglev-style selector written for the corpus, not an
 * evaluation NF (it chooses an output port; no address or port is
 * rewritten).  Per packet: IPv4/L4 parsing, an inline multiply-xorshift
 * flow hash, a 32-bit modulo into the table, a HashMap lookup or insert,
 * FIN/RST removal, per-backend counters and annotations; every
 * SWEEP_EVERY packets a walk over the connection table.
 */
#include <click/config.h>
#include "maglev_selector.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

MaglevSelector::MaglevSelector()
    : _nbackends(0), _live(0), _table_size(65537), _seed(0x5EED1234U),
      _timeout_s(120), _max_conns(65536), _sweep_every(8192),
      _sweep_countdown(8192), _hits(0), _misses(0), _rescued(0), _closed(0),
      _dropped(0), _rebuilds(0)
{
    memset(_lookup, 0xFF, sizeof(_lookup));
    memset(_offset, 0, sizeof(_offset));
    memset(_skip, 0, sizeof(_skip));
    memset(_next, 0, sizeof(_next));
    memset(_bk_packets, 0, sizeof(_bk_packets));
    memset(_bk_bytes, 0, sizeof(_bk_bytes));
    memset(_bk_conns, 0, sizeof(_bk_conns));
    memset(_bk_entries, 0, sizeof(_bk_entries));
}

MaglevSelector::~MaglevSelector()
{
}

bool
MaglevSelector::is_prime(uint32_t n)
{
    if (n < 2)
        return false;
    if (n % 2 == 0)
        return n == 2;
    for (uint32_t d = 3; d * d <= n; d += 2)
        if (n % d == 0)
            return false;
    return true;
}

int
MaglevSelector::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<IPAddress> backends;
    if (Args(conf, this, errh)
        .read_all("BACKEND", backends)
        .read("TABLE_SIZE", _table_size)
        .read("SEED", _seed)
        .read("TIMEOUT", _timeout_s)
        .read("MAX_CONNS", _max_conns)
        .read("SWEEP_EVERY", _sweep_every)
        .complete() < 0)
        return -1;
    if (backends.size() == 0 || backends.size() > MAX_BACKENDS)
        return errh->error("need between 1 and %d BACKENDs", (int) MAX_BACKENDS);
    if (_table_size > MAX_TABLE || !is_prime(_table_size))
        return errh->error("TABLE_SIZE must be a prime no larger than %d", (int) MAX_TABLE);
    if (_table_size < (uint32_t) backends.size() * 7)
        return errh->error("TABLE_SIZE too small for %d backends", backends.size());
    if (_timeout_s == 0)
        return errh->error("TIMEOUT must be positive");
    if (_sweep_every == 0)
        _sweep_every = 1;

    _nbackends = backends.size();
    for (int i = 0; i < _nbackends; ++i) {
        for (int j = 0; j < i; ++j)
            if (backends[j] == backends[i])
                return errh->error("BACKEND %d duplicates BACKEND %d", i, j);
        _backends[i] = backends[i];
        uint32_t a = ntohl(backends[i].addr());
        _offset[i] = mix32(a ^ _seed) % _table_size;
        _skip[i] = mix32(a * 0x9E3779B1U + (_seed ^ 0x5BD1E995U)) % (_table_size - 1) + 1;
    }
    _live = (_nbackends == 64 ? ~(uint64_t) 0 : (((uint64_t) 1 << _nbackends) - 1));
    _sweep_countdown = _sweep_every;
    populate();
    return 0;
}

/* Fill the lookup table: live backends take turns, each claiming the next
   free entry of its own permutation (offset, offset+skip, ...) mod M. */
int
MaglevSelector::populate()
{
    const uint32_t m = _table_size;
    int nlive = 0;
    for (uint32_t i = 0; i < m; ++i)
        _lookup[i] = NO_BACKEND;
    for (int b = 0; b < _nbackends; ++b) {
        _next[b] = _offset[b];
        _bk_entries[b] = 0;
        if (live(b))
            nlive++;
    }
    _rebuilds++;
    if (nlive == 0)
        return 0;

    uint32_t filled = 0;
    for (;;) {
        for (int b = 0; b < _nbackends; ++b) {
            if (!live(b))
                continue;
            uint32_t c = _next[b];
            while (_lookup[c] != NO_BACKEND) {
                c += _skip[b];
                if (c >= m)
                    c -= m;
            }
            _lookup[c] = (uint16_t) b;
            c += _skip[b];
            _next[b] = (c >= m ? c - m : c);
            _bk_entries[b]++;
            if (++filled == m)
                return nlive;
        }
    }
}

void
MaglevSelector::sweep(const Timestamp &now)
{
    _stale.clear();
    for (HashMap<IPFlowID, Conn>::iterator it = _conns.begin(); it.live(); ++it) {
        const Conn &c = it.value();
        if (c.closing || (now - c.last_seen).sec() >= (Timestamp::seconds_type) _timeout_s)
            _stale.push_back(it.key());
    }
    for (int i = 0; i < _stale.size(); ++i) {
        Conn *c = _conns.findp(_stale[i]);
        if (c && c->backend < MAX_BACKENDS && _bk_conns[c->backend])
            _bk_conns[c->backend]--;
        _conns.erase(_stale[i]);
    }
}

void
MaglevSelector::push(int, Packet *p)
{
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)) {
        _dropped++;
        p->kill();
        return;
    }
    const click_ip *iph = p->ip_header();
    if (iph->ip_v != 4) {
        _dropped++;
        p->kill();
        return;
    }

    uint16_t sport = 0, dport = 0;
    uint8_t flags = 0;
    bool trackable = false;
    if (IP_FIRSTFRAG(iph)) {
        switch (iph->ip_p) {
        case IP_PROTO_TCP:
            if (p->transport_length() >= (int) sizeof(click_tcp)) {
                const click_tcp *th = p->tcp_header();
                sport = th->th_sport;
                dport = th->th_dport;
                flags = th->th_flags;
                trackable = true;
            }
            break;
        case IP_PROTO_UDP:
        case IP_PROTO_UDPLITE:
            if (p->transport_length() >= (int) sizeof(click_udp)) {
                const click_udp *uh = p->udp_header();
                sport = uh->uh_sport;
                dport = uh->uh_dport;
                trackable = true;
            }
            break;
        default:
            break;
        }
    }
    // later fragments carry no ports: they hash on addresses only and are
    // never looked up in the connection table

    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();

    uint32_t h = flow_hash(iph->ip_src.s_addr, iph->ip_dst.s_addr, sport, dport, iph->ip_p);
    unsigned b = NO_BACKEND;

    if (trackable) {
        IPFlowID id(IPAddress(iph->ip_src), sport, IPAddress(iph->ip_dst), dport);
        Conn *c = _conns.findp(id);
        if (c && (now - c->last_seen).sec() < (Timestamp::seconds_type) _timeout_s
            && live(c->backend)) {
            b = c->backend;
            _hits++;
            if (_lookup[h % _table_size] != b)
                _rescued++;             // table moved, the connection did not
        } else {
            b = _lookup[h % _table_size];
            if (b == NO_BACKEND)
                goto drop;
            _misses++;
            bool opening = iph->ip_p != IP_PROTO_TCP
                || (flags & (TH_SYN | TH_ACK)) == TH_SYN;
            if (c) {
                // stale or orphaned entry: move it to the new backend
                if (c->backend < MAX_BACKENDS && _bk_conns[c->backend])
                    _bk_conns[c->backend]--;
                c->backend = (uint16_t) b;
                c->packets = 0;
                c->closing = 0;
                _bk_conns[b]++;
            } else if (opening && _conns.size() < _max_conns) {
                Conn nc;
                nc.backend = (uint16_t) b;
                nc.proto = iph->ip_p;
                nc.last_seen = now;
                _conns.insert(id, nc);
                c = _conns.findp(id);
                _bk_conns[b]++;
            }
        }
        if (c) {
            c->packets++;
            c->last_seen = now;
            if (flags & (TH_FIN | TH_RST)) {
                if (flags & TH_RST) {
                    // reset: forget the connection right away
                    if (_bk_conns[b])
                        _bk_conns[b]--;
                    _conns.erase(id);
                    _closed++;
                } else if (!c->closing) {
                    c->closing = 1;     // removed by the next sweep
                    _closed++;
                }
            }
        }
    } else {
        b = _lookup[h % _table_size];
        if (b == NO_BACKEND)
            goto drop;
        _misses++;
    }

    if (--_sweep_countdown == 0) {
        _sweep_countdown = _sweep_every;
        sweep(now);
    }

    _bk_packets[b]++;
    _bk_bytes[b] += p->length();
    p->set_dst_ip_anno(_backends[b]);
    p->set_paint_anno((uint8_t) b);
    output(b % noutputs()).push(p);
    return;

  drop:
    _dropped++;
    p->kill();
}

enum { h_backends, h_conns, h_stats, h_down, h_up };

String
MaglevSelector::read_handler(Element *e, void *thunk)
{
    MaglevSelector *m = static_cast<MaglevSelector *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_backends:
        for (int i = 0; i < m->_nbackends; ++i)
            sa << i << ' ' << m->_backends[i] << (m->live(i) ? " up" : " down")
               << " entries " << m->_bk_entries[i] << " conns " << m->_bk_conns[i]
               << " packets " << m->_bk_packets[i] << " bytes " << m->_bk_bytes[i] << '\n';
        break;
    case h_conns:
        sa << (unsigned long) m->_conns.size();
        break;
    case h_stats:
        sa << "hits " << m->_hits << "\nmisses " << m->_misses << "\nrescued "
           << m->_rescued << "\nclosed " << m->_closed << "\ndropped " << m->_dropped
           << "\nrebuilds " << m->_rebuilds << '\n';
        break;
    }
    return sa.take_string();
}

int
MaglevSelector::write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh)
{
    MaglevSelector *m = static_cast<MaglevSelector *>(e);
    int n;
    if (!cp_integer(s.trim_space(), &n) || n < 0 || n >= m->_nbackends)
        return errh->error("expected a backend index below %d", m->_nbackends);
    uint64_t bit = (uint64_t) 1 << n;
    if ((intptr_t) thunk == h_down) {
        if ((m->_live & ~bit) == 0)
            return errh->error("cannot take the last backend down");
        m->_live &= ~bit;
    } else
        m->_live |= bit;
    m->populate();
    return 0;
}

void
MaglevSelector::add_handlers()
{
    add_read_handler("backends", read_handler, h_backends);
    add_read_handler("conns", read_handler, h_conns);
    add_read_handler("stats", read_handler, h_stats);
    add_write_handler("down", write_handler, h_down);
    add_write_handler("up", write_handler, h_up);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(MaglevSelector)
