/*
 * affinity_table.cc -- AffinityTable: HashMap<SessionKey, Session> session
 * pinning with insert on miss, lazy and periodic idle-timeout eviction,
 * per-backend active-session counters and a weighted least-connections
 * choice loop; the chosen backend's MAC is written into the frame.
 *
 * Training code for Clara's compute model (nf_corpus/balancing): a
 * realistic persistence table written for the corpus, not an evaluation
 * NF (it rewrites only the Ethernet destination, never an IP address or
 * port).  Per packet: header checks, a struct key built from masked
 * fields, a HashMap lookup (with Timestamp expiry) or a least-connections
 * loop with 64-bit cross-multiplied ratios and an insert, uniqueify and a
 * 6-byte MAC store; every SWEEP_EVERY packets a walk and bulk erase.
 */
#include <click/config.h>
#include "affinity_table.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ether.h>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

AffinityTable::AffinityTable()
    : _nbackends(0), _draining(0), _per_service(false), _set_src(false),
      _mask(0xFFFFFFFFU), _timeout_s(300), _max_sessions(131072),
      _max_per_backend(0xFFFFFFFFU), _sweep_every(16384), _sweep_countdown(16384),
      _rotor(0), _pinned(0), _expired_count(0), _unpinned(0), _refused(0)
{
    memset(_active, 0, sizeof(_active));
    memset(_weight, 0, sizeof(_weight));
    memset(_bk_new, 0, sizeof(_bk_new));
    memset(_bk_packets, 0, sizeof(_bk_packets));
    memset(_bk_bytes, 0, sizeof(_bk_bytes));
}

AffinityTable::~AffinityTable()
{
}

int
AffinityTable::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<EtherAddress> macs;
    Vector<unsigned> weights;
    String persist = "CLIENT";
    unsigned prefix = 32;
    if (Args(conf, this, errh)
        .read_all("BACKEND", macs)
        .read_all("WEIGHT", weights)
        .read("PERSIST", persist)
        .read("PREFIX", prefix)
        .read("TIMEOUT", _timeout_s)
        .read("MAX_SESSIONS", _max_sessions)
        .read("MAX_PER_BACKEND", _max_per_backend)
        .read("SRC_ETH", _src_mac)
        .read("SWEEP_EVERY", _sweep_every)
        .complete() < 0)
        return -1;
    if (macs.size() == 0 || macs.size() > MAX_BACKENDS)
        return errh->error("need between 1 and %d BACKENDs", (int) MAX_BACKENDS);
    if (weights.size() != 0 && weights.size() != macs.size())
        return errh->error("give one WEIGHT per BACKEND, or none");
    if (prefix == 0 || prefix > 32)
        return errh->error("PREFIX must be between 1 and 32");
    if (_timeout_s == 0)
        return errh->error("TIMEOUT must be positive");
    if (_max_per_backend == 0)
        return errh->error("MAX_PER_BACKEND must be positive");

    if (persist == "CLIENT")
        _per_service = false;
    else if (persist == "SERVICE")
        _per_service = true;
    else
        return errh->error("PERSIST must be CLIENT or SERVICE");

    _nbackends = macs.size();
    for (int i = 0; i < _nbackends; ++i) {
        if (macs[i].is_group())
            return errh->error("BACKEND %d is a group address", i);
        _macs[i] = macs[i];
        _weight[i] = weights.size() ? weights[i] : 1;
        if (_weight[i] == 0 || _weight[i] > 1000)
            return errh->error("WEIGHT %d must be between 1 and 1000", i);
    }
    _mask = htonl(prefix == 32 ? 0xFFFFFFFFU : ~(0xFFFFFFFFU >> prefix));
    _set_src = !_src_mac.empty();
    if (_sweep_every == 0)
        _sweep_every = 1;
    _sweep_countdown = _sweep_every;
    return 0;
}

/* Weighted least connections: minimize active[i] / weight[i], comparing
   active[i] * weight[best] against active[best] * weight[i].  The scan
   starts at a rotating index so that ties spread over the backends. */
int
AffinityTable::choose_backend()
{
    int best = -1;
    int n = _nbackends;
    int i = _rotor % n;
    for (int k = 0; k < n; ++k, i = (i + 1 == n ? 0 : i + 1)) {
        if (_draining & (1U << i))
            continue;
        if (_active[i] >= _max_per_backend)
            continue;
        if (best < 0) {
            best = i;
            continue;
        }
        uint64_t lhs = (uint64_t) _active[i] * _weight[best];
        uint64_t rhs = (uint64_t) _active[best] * _weight[i];
        if (lhs < rhs || (lhs == rhs && _weight[i] > _weight[best]))
            best = i;
    }
    _rotor++;
    return best;
}

void
AffinityTable::sweep(const Timestamp &now)
{
    _expired.clear();
    for (HashMap<SessionKey, Session>::iterator it = _sessions.begin(); it.live(); ++it)
        if (expired(it.value(), now)) {
            release(it.value().backend);
            _expired.push_back(it.key());
        }
    for (int i = 0; i < _expired.size(); ++i)
        _sessions.erase(_expired[i]);
    _expired_count += _expired.size();
}

void
AffinityTable::push(int, Packet *p)
{
    if (!p->has_mac_header() || p->mac_header_length() < sizeof(click_ether)
        || !p->has_network_header() || p->network_length() < (int) sizeof(click_ip)
        || p->ip_header()->ip_v != 4) {
        checked_output_push(1, p);
        return;
    }
    const click_ip *iph = p->ip_header();

    SessionKey key;
    key.client = iph->ip_src.s_addr & _mask;
    bool syn = false;
    if (_per_service) {
        key.service = iph->ip_dst.s_addr;
        key.proto = iph->ip_p;
        if (IP_FIRSTFRAG(iph) && p->transport_length() >= 4
            && (iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP))
            key.port = reinterpret_cast<const uint16_t *>(p->transport_header())[1];
    }
    if (iph->ip_p == IP_PROTO_TCP && IP_FIRSTFRAG(iph)
        && p->transport_length() >= (int) sizeof(click_tcp))
        syn = (p->tcp_header()->th_flags & (TH_SYN | TH_ACK)) == TH_SYN;

    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();

    int b;
    Session *s = _sessions.findp(key);
    if (s && !expired(*s, now)) {
        b = s->backend;
    } else {
        if (s) {
            // expired in place: give its slot back before choosing again
            release(s->backend);
            _expired_count++;
        }
        b = choose_backend();
        if (b < 0) {
            _refused++;
            checked_output_push(1, p);
            return;
        }
        _active[b]++;
        _bk_new[b]++;
        if (s) {
            s->reassigned = (s->backend != b);
            s->backend = (uint8_t) b;
            s->packets = 0;
            s->bytes = 0;
            s->flows = 0;
            s->created = now;
            _pinned++;
        } else if (_sessions.size() < _max_sessions) {
            Session ns;
            ns.backend = (uint8_t) b;
            ns.reassigned = 0;
            ns.flows = 0;
            ns.packets = 0;
            ns.bytes = 0;
            ns.created = now;
            ns.last_seen = now;
            _sessions.insert(key, ns);
            s = _sessions.findp(key);
            _pinned++;
        } else {
            // no room: route this packet but do not count it as a session
            _active[b]--;
            _unpinned++;
        }
    }

    if (s) {
        s->packets++;
        s->bytes += p->length();
        s->last_seen = now;
        if (syn && s->flows < 0xFFFF)
            s->flows++;
    }

    if (--_sweep_countdown == 0) {
        _sweep_countdown = _sweep_every;
        sweep(now);
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    click_ether *eh = q->ether_header();
    memcpy(eh->ether_dhost, _macs[b].data(), 6);
    if (_set_src)
        memcpy(eh->ether_shost, _src_mac.data(), 6);
    _bk_packets[b]++;
    _bk_bytes[b] += q->length();
    q->set_paint_anno((uint8_t) b);
    output(0).push(q);
}

enum { h_sessions, h_backends, h_stats, h_drain, h_undrain };

String
AffinityTable::read_handler(Element *e, void *thunk)
{
    AffinityTable *a = static_cast<AffinityTable *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_sessions: {
        Timestamp now = Timestamp::recent();
        for (HashMap<SessionKey, Session>::iterator it = a->_sessions.begin(); it.live(); ++it) {
            const SessionKey &k = it.key();
            const Session &s = it.value();
            sa << IPAddress(k.client);
            if (a->_per_service)
                sa << " -> " << IPAddress(k.service) << ':' << ntohs(k.port)
                   << '/' << (int) k.proto;
            sa << " backend " << (int) s.backend << " packets " << s.packets
               << " bytes " << s.bytes << " idle " << (now - s.last_seen).sec()
               << (a->expired(s, now) ? " expired\n" : "\n");
        }
        break;
    }
    case h_backends:
        for (int i = 0; i < a->_nbackends; ++i)
            sa << i << ' ' << a->_macs[i] << " weight " << a->_weight[i]
               << " active " << a->_active[i] << " new " << a->_bk_new[i]
               << " packets " << a->_bk_packets[i] << " bytes " << a->_bk_bytes[i]
               << ((a->_draining >> i) & 1 ? " draining\n" : "\n");
        break;
    case h_stats:
        sa << "sessions " << (unsigned long) a->_sessions.size() << "\npinned "
           << a->_pinned << "\nexpired " << a->_expired_count << "\nunpinned "
           << a->_unpinned << "\nrefused " << a->_refused << '\n';
        break;
    }
    return sa.take_string();
}

int
AffinityTable::write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh)
{
    AffinityTable *a = static_cast<AffinityTable *>(e);
    int n;
    if (!cp_integer(s.trim_space(), &n) || n < 0 || n >= a->_nbackends)
        return errh->error("expected a backend index below %d", a->_nbackends);
    if ((intptr_t) thunk == h_drain)
        a->_draining |= (uint16_t) (1U << n);
    else
        a->_draining &= (uint16_t) ~(1U << n);
    return 0;
}

void
AffinityTable::add_handlers()
{
    add_read_handler("sessions", read_handler, h_sessions);
    add_read_handler("backends", read_handler, h_backends);
    add_read_handler("stats", read_handler, h_stats);
    add_write_handler("drain", write_handler, h_drain);
    add_write_handler("undrain", write_handler, h_undrain);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(AffinityTable)
