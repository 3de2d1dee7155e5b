/*
 * udp_session_table.cc -- UdpSessionTable: bidirectional UDP sessions in a
 * HashMap<SessionKey, Session> keyed by the canonical 5-tuple, per-class
 * idle timeouts from a 64 KiB port-class table, lazy expiry on lookup and
 * a periodic sweep that erases idle sessions.
 *
 * Training code for Clara's compute model (nf_corpus/session): a realistic
 * UDP session table written for the corpus, not an evaluation NF.  Per
 * packet: IP/UDP checks, canonical key construction with compares and
 * swaps, a HashMap lookup then an in-place update or an erase + insert,
 * 64-bit byte counters, a byte-table classification, annotations; every
 * SWEEP_EVERY packets a walk over the whole table and an erase loop.
 */
#include <click/config.h>
#include "udp_session_table.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

UdpSessionTable::UdpSessionTable()
    : _timeout_s(30), _stream_timeout_s(180), _dns_timeout_s(10),
      _max_sessions(65536), _sweep_every(2048), _sweep_countdown(2048),
      _stream_packets(2), _next_id(1), _drop_when_full(false),
      _created(0), _expired(0), _swept(0), _full(0)
{
    memset(_port_class, 0, sizeof(_port_class));
    memset(_class_packets, 0, sizeof(_class_packets));
    memset(_class_timeout, 0, sizeof(_class_timeout));
}

UdpSessionTable::~UdpSessionTable()
{
}

int
UdpSessionTable::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("TIMEOUT", _timeout_s)
        .read("STREAM_TIMEOUT", _stream_timeout_s)
        .read("DNS_TIMEOUT", _dns_timeout_s)
        .read("MAX_SESSIONS", _max_sessions)
        .read("SWEEP_EVERY", _sweep_every)
        .read("STREAM_PACKETS", _stream_packets)
        .read("DROP_WHEN_FULL", _drop_when_full)
        .complete() < 0)
        return -1;
    if (_timeout_s == 0 || _stream_timeout_s == 0 || _dns_timeout_s == 0)
        return errh->error("timeouts must be positive");
    if (_stream_timeout_s < _timeout_s)
        return errh->error("STREAM_TIMEOUT must be at least TIMEOUT");
    if (_max_sessions == 0)
        return errh->error("MAX_SESSIONS must be positive");
    if (_stream_packets == 0 || _stream_packets > 1000000)
        return errh->error("STREAM_PACKETS out of range");
    if (_sweep_every == 0)
        _sweep_every = 1;
    _sweep_countdown = _sweep_every;
    return 0;
}

int
UdpSessionTable::initialize(ErrorHandler *)
{
    // ephemeral range first, then the well-known services on top of it
    for (uint32_t port = 49152; port < 65536; ++port)
        _port_class[port] = C_EPHEMERAL;
    for (uint32_t port = 16384; port < 32768; port += 2)
        _port_class[port] = C_MEDIA;            // RTP on even ports
    static const uint16_t tunnels[] = { 500, 1701, 2152, 4500, 4789, 6081 };
    for (unsigned i = 0; i < sizeof(tunnels) / sizeof(tunnels[0]); ++i)
        _port_class[tunnels[i]] = C_TUNNEL;
    _port_class[53] = _port_class[5353] = _port_class[5355] = C_DNS;
    _port_class[123] = C_NTP;
    _port_class[5004] = _port_class[5005] = C_MEDIA;

    _class_timeout[C_OTHER] = _timeout_s;
    _class_timeout[C_DNS] = _dns_timeout_s;
    _class_timeout[C_NTP] = _dns_timeout_s;
    _class_timeout[C_MEDIA] = 2 * _timeout_s;
    _class_timeout[C_TUNNEL] = _stream_timeout_s;
    _class_timeout[C_EPHEMERAL] = _timeout_s;
    return 0;
}

uint8_t
UdpSessionTable::classify(uint16_t sport, uint16_t dport) const
{
    uint8_t dc = _port_class[dport], sc = _port_class[sport];
    // the service side is the one whose port is not ephemeral or unknown
    if (dc != C_OTHER && dc != C_EPHEMERAL)
        return dc;
    if (sc != C_OTHER && sc != C_EPHEMERAL)
        return sc;
    return dc == C_EPHEMERAL && sc == C_EPHEMERAL ? C_EPHEMERAL : C_OTHER;
}

UdpSessionTable::Session *
UdpSessionTable::create(const SessionKey &k, bool src_is_lo, uint16_t sport,
                        uint16_t dport, const Timestamp &now)
{
    if (_sessions.size() >= _max_sessions) {
        _full++;
        return 0;
    }
    Session s;
    s.first_seen = s.last_seen = now;
    s.bytes[0] = s.bytes[1] = 0;
    s.packets[0] = s.packets[1] = 0;
    s.id = _next_id++;
    if (_next_id == 0)
        _next_id = 1;
    s.max_len = 0;
    s.flags = 0;
    s.klass = classify(sport, dport);
    s.init_is_lo = src_is_lo;
    _sessions.insert(k, s);
    _created++;
    return _sessions.findp(k);
}

void
UdpSessionTable::sweep(const Timestamp &now)
{
    _stale.clear();
    for (HashMap<SessionKey, Session>::iterator it = _sessions.begin(); it.live(); ++it)
        if (stale(it.value(), now))
            _stale.push_back(it.key());
    for (int i = 0; i < _stale.size(); ++i)
        _sessions.erase(_stale[i]);
    _swept += _stale.size();
}

void
UdpSessionTable::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_UDP || !IP_FIRSTFRAG(iph)
        || p->transport_length() < (int) sizeof(click_udp)) {
        output(0).push(p);
        return;
    }

    const click_udp *uh = p->udp_header();
    uint16_t sport = ntohs(uh->uh_sport), dport = ntohs(uh->uh_dport);
    uint32_t saddr = ntohl(iph->ip_src.s_addr), daddr = ntohl(iph->ip_dst.s_addr);
    uint32_t ulen = ntohs(uh->uh_ulen);
    if (ulen < sizeof(click_udp) || ulen > (uint32_t) p->transport_length())
        ulen = p->transport_length();

    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();

    if (--_sweep_countdown == 0) {
        _sweep_countdown = _sweep_every;
        sweep(now);
    }

    SessionKey key;
    bool src_is_lo;
    make_key(saddr, sport, daddr, dport, key, src_is_lo);

    Session *s = _sessions.findp(key);
    bool reused = false;
    if (s && stale(*s, now)) {
        // the old conversation died; this datagram starts a new one
        _sessions.erase(key);
        _expired++;
        s = 0;
        reused = true;
    }
    if (!s) {
        s = create(key, src_is_lo, sport, dport, now);
        if (!s) {
            if (_drop_when_full) {
                checked_output_push(1, p);
                return;
            }
            output(0).push(p);
            return;
        }
        if (reused)
            s->flags |= F_REUSED;
    }

    int dir = (src_is_lo == (bool) s->init_is_lo) ? 0 : 1;
    s->packets[dir]++;
    s->bytes[dir] += ulen;
    s->last_seen = now;
    if (ulen > s->max_len)
        s->max_len = (uint16_t) (ulen > 0xFFFF ? 0xFFFF : ulen);
    s->flags |= (dir == 0 ? F_INIT_SEEN : F_RESP_SEEN);
    if (!(s->flags & F_STREAM) && s->packets[0] >= _stream_packets
        && s->packets[1] >= _stream_packets)
        s->flags |= F_STREAM;
    _class_packets[s->klass]++;

    SET_AGGREGATE_ANNO(p, s->id);
    p->set_paint_anno((uint8_t) (dir | (s->flags << 1)));
    output(0).push(p);
}

enum { h_sessions, h_created, h_expired, h_swept, h_full, h_table, h_classes };

String
UdpSessionTable::read_handler(Element *e, void *thunk)
{
    UdpSessionTable *t = static_cast<UdpSessionTable *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_sessions:
        sa << (unsigned long) t->_sessions.size();
        break;
    case h_created:
        sa << t->_created;
        break;
    case h_expired:
        sa << t->_expired;
        break;
    case h_swept:
        sa << t->_swept;
        break;
    case h_full:
        sa << t->_full;
        break;
    case h_table:
        for (HashMap<SessionKey, Session>::iterator it = t->_sessions.begin(); it.live(); ++it) {
            const SessionKey &k = it.key();
            const Session &s = it.value();
            sa << s.id << ' ' << IPAddress(htonl(k.lo_addr)) << ':' << k.lo_port
               << ' ' << IPAddress(htonl(k.hi_addr)) << ':' << k.hi_port
               << ' ' << s.packets[0] << '/' << s.packets[1]
               << ' ' << s.bytes[0] << '/' << s.bytes[1]
               << ' ' << (int) s.flags << ' ' << (int) s.klass << '\n';
        }
        break;
    case h_classes: {
        static const char *const names[] = { "other", "dns", "ntp", "media",
                                             "tunnel", "ephemeral" };
        for (int i = 0; i < NCLASS; ++i)
            sa << names[i] << ' ' << t->_class_packets[i] << '\n';
        break;
    }
    }
    return sa.take_string();
}

void
UdpSessionTable::add_handlers()
{
    add_read_handler("sessions", read_handler, h_sessions);
    add_read_handler("created", read_handler, h_created);
    add_read_handler("expired", read_handler, h_expired);
    add_read_handler("swept", read_handler, h_swept);
    add_read_handler("full", read_handler, h_full);
    add_read_handler("table", read_handler, h_table);
    add_read_handler("port_classes", read_handler, h_classes);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(UdpSessionTable)
