/*
 * gtp_tunnel_sessions.cc -- GtpTunnelSessions: GTP-U-like header parsing,
 * a HashMap<uint32_t TEID, GtpSession> with UE binding, QCI from the inner
 * DSCP, sequence checks and a token-bucket rate meter per session; echo
 * bookkeeping in a 32-entry peer array; error indications and end markers
 * erase sessions.  Packets keep their encapsulation and get annotations.
 *
 * Training code for Clara's compute model (nf_corpus/session): a realistic
 * tunnel session monitor written for the corpus, not an evaluation NF.
 * Per packet: UDP/port checks, flag-dependent header length, a bounded
 * extension skip loop, a switch on the message type, a TEID HashMap lookup
 * or insert with 64-bit counters and token arithmetic, a linear peer
 * search, a TV/TLV information element walk, annotations.
 */
#include <click/config.h>
#include "gtp_tunnel_sessions.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

GtpTunnelSessions::GtpTunnelSessions()
    : _npeers(0), _port(2152), _default_qci(9), _uplink(true), _ambr_kbps(100000),
      _burst(64000), _max_sessions(65536), _idle_s(600), _sweep_every(4096),
      _sweep_countdown(4096), _created(0), _erased(0), _malformed(0),
      _ue_mismatch(0), _over_rate(0)
{
    memset(_peers, 0, sizeof(_peers));
    memset(_dscp_qci, 0, sizeof(_dscp_qci));
    memset(_qci_rate_kbps, 0, sizeof(_qci_rate_kbps));
    memset(_qci_packets, 0, sizeof(_qci_packets));
    memset(_qci_bytes, 0, sizeof(_qci_bytes));
    memset(_msg_count, 0, sizeof(_msg_count));
}

GtpTunnelSessions::~GtpTunnelSessions()
{
}

int
GtpTunnelSessions::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned port = 2152, default_qci = 9;
    if (Args(conf, this, errh)
        .read_p("PORT", port)
        .read("UPLINK", _uplink)
        .read("DEFAULT_QCI", default_qci)
        .read("AMBR_KBPS", _ambr_kbps)
        .read("BURST", _burst)
        .read("MAX_SESSIONS", _max_sessions)
        .read("IDLE_TIMEOUT", _idle_s)
        .read("SWEEP_EVERY", _sweep_every)
        .complete() < 0)
        return -1;
    if (port == 0 || port > 0xFFFF)
        return errh->error("PORT must be a 16-bit port number");
    if (default_qci == 0 || default_qci >= NQCI)
        return errh->error("DEFAULT_QCI must be between 1 and %d", NQCI - 1);
    if (_ambr_kbps == 0 || _burst < 1500)
        return errh->error("AMBR_KBPS must be positive and BURST at least 1500");
    if (_idle_s == 0 || _max_sessions == 0)
        return errh->error("IDLE_TIMEOUT and MAX_SESSIONS must be positive");
    _port = (uint16_t) port;
    _default_qci = (uint8_t) default_qci;
    if (_sweep_every == 0)
        _sweep_every = 1;
    _sweep_countdown = _sweep_every;

    // DSCP -> QCI: EF voice, AF4x video, CS5 signalling, AF3x/AF2x data
    for (int d = 0; d < 64; ++d)
        _dscp_qci[d] = _default_qci;
    _dscp_qci[46] = 1;
    _dscp_qci[34] = _dscp_qci[36] = _dscp_qci[38] = 2;
    _dscp_qci[40] = 5;
    _dscp_qci[26] = _dscp_qci[28] = _dscp_qci[30] = 6;
    _dscp_qci[18] = _dscp_qci[20] = _dscp_qci[22] = 7;
    _dscp_qci[8] = 8;
    static const uint32_t gbr[5] = { 0, 128, 4000, 2000, 8000 };
    for (int q = 0; q < NQCI; ++q)
        _qci_rate_kbps[q] = (q >= 1 && q <= 4) ? gbr[q] : _ambr_kbps;
    return 0;
}

GtpTunnelSessions::PeerPath *
GtpTunnelSessions::peer(uint32_t addr)
{
    for (int i = 0; i < _npeers; ++i)
        if (_peers[i].addr == addr)
            return &_peers[i];
    if (_npeers == MAX_PEERS)
        return 0;
    PeerPath *pp = &_peers[_npeers++];
    memset(pp, 0, sizeof(*pp));
    pp->addr = addr;
    return pp;
}

void
GtpTunnelSessions::signalling(uint8_t type, uint32_t peer_addr, const unsigned char *ies,
                              int ielen, bool has_seq, uint16_t seq)
{
    PeerPath *pp = peer(peer_addr);
    uint32_t teid = 0;
    bool have_teid = false;
    int pos = 0;
    while (pos < ielen) {
        uint8_t t = ies[pos];
        if (t < 128) {
            // TV elements with fixed lengths
            int vlen = (t == IE_RECOVERY ? 1 : t == IE_TEID_I ? 4 : -1);
            if (vlen < 0 || pos + 1 + vlen > ielen)
                break;
            if (t == IE_TEID_I) {
                teid = be32(ies + pos + 1);
                have_teid = true;
            } else if (pp && pp->restart_counter != ies[pos + 1]) {
                if (pp->echo_resp)
                    pp->restarts++;         // the peer restarted: counter moved
                pp->restart_counter = ies[pos + 1];
            }
            pos += 1 + vlen;
        } else {
            if (pos + 3 > ielen)
                break;
            int vlen = be16(ies + pos + 1);
            pos += 3 + vlen;                // GSN address, private extension, ...
        }
    }

    switch (type) {
    case T_ECHO_REQ:
        if (pp) {
            pp->echo_req++;
            if (has_seq)
                pp->last_echo_seq = seq;
        }
        break;
    case T_ECHO_RESP:
        if (pp)
            pp->echo_resp++;
        break;
    case T_ERROR_IND:
        // the peer does not know this TEID: the session is gone
        if (have_teid && _sessions.erase(teid))
            _erased++;
        break;
    default:
        break;
    }
}

bool
GtpTunnelSessions::meter(GtpSession &s, uint32_t len, const Timestamp &now)
{
    int64_t us = (now - s.last_refill).usecval();
    if (us > 0) {
        if (us > 10000000)
            us = 10000000;
        s.tokens += us * (int64_t) _qci_rate_kbps[s.qci] / 8000;
        if (s.tokens > (int64_t) _burst)
            s.tokens = _burst;
        s.last_refill = now;
    }
    if (s.tokens >= (int64_t) len) {
        s.tokens -= len;
        return true;
    }
    return false;
}

GtpTunnelSessions::GtpSession *
GtpTunnelSessions::session(uint32_t teid, uint32_t peer_addr, uint32_t ue,
                           uint8_t tos, const Timestamp &now)
{
    GtpSession *s = _sessions.findp(teid);
    if (s)
        return s;
    if (_sessions.size() >= _max_sessions)
        return 0;
    GtpSession ns;
    ns.created = ns.last_seen = ns.last_refill = now;
    ns.packets = ns.bytes = 0;
    ns.tokens = _burst;
    ns.peer = peer_addr;
    ns.ue_addr = ue;
    ns.ue_mismatch = 0;
    ns.seq_errors = 0;
    ns.next_seq = 0;
    ns.qci = _dscp_qci[tos >> 2];
    ns.state = 0;
    _sessions.insert(teid, ns);
    _created++;
    return _sessions.findp(teid);
}

void
GtpTunnelSessions::sweep(const Timestamp &now)
{
    _idle.clear();
    for (HashMap<uint32_t, GtpSession>::iterator it = _sessions.begin(); it.live(); ++it)
        if ((now - it.value().last_seen).sec() >= (Timestamp::seconds_type) _idle_s)
            _idle.push_back(it.key());
    for (int i = _idle.size() - 1; i >= 0; --i)
        _sessions.erase(_idle[i]);
    _erased += _idle.size();
}

void
GtpTunnelSessions::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_UDP || IP_ISFRAG(iph)
        || p->transport_length() < (int) sizeof(click_udp)
        || ntohs(p->udp_header()->uh_dport) != _port) {
        output(0).push(p);
        return;
    }

    const unsigned char *g = p->transport_header() + sizeof(click_udp);
    int avail = p->transport_length() - (int) sizeof(click_udp);
    if (avail < GTP_HDR || (g[0] >> 5) != 1 || !(g[0] & F_PT))
        goto malformed;
    {
        uint8_t flags = g[0], type = g[1];
        int end = GTP_HDR + be16(g + 2);
        uint32_t teid = be32(g + 4);
        if (end > avail)
            goto malformed;
        int off = GTP_HDR;
        bool has_seq = false;
        uint16_t seq = 0;
        if (flags & (F_E | F_S | F_PN)) {
            if (end < GTP_HDR + GTP_OPT)
                goto malformed;
            has_seq = (flags & F_S) != 0;
            seq = be16(g + 8);
            uint8_t next = g[11];
            off += GTP_OPT;
            for (int hops = 0; (flags & F_E) && next != 0; ++hops) {
                if (hops == 4 || off >= end)
                    goto malformed;
                int elen = g[off] * 4;
                if (elen == 0 || off + elen > end)
                    goto malformed;
                next = g[off + elen - 1];
                off += elen;
            }
        }
        _msg_count[type]++;

        if (type != T_GPDU) {
            if (type == T_END_MARKER) {
                if (_sessions.erase(teid))
                    _erased++;
            } else
                signalling(type, iph->ip_src.s_addr, g + off, end - off, has_seq, seq);
            checked_output_push(1, p);
            return;
        }

        if (end - off < (int) sizeof(click_ip))
            goto malformed;
        const click_ip *inner = reinterpret_cast<const click_ip *>(g + off);
        if (inner->ip_v != 4)
            goto malformed;
        uint32_t ue = _uplink ? inner->ip_src.s_addr : inner->ip_dst.s_addr;
        uint32_t inner_len = end - off;

        Timestamp now = p->timestamp_anno();
        if (!now)
            now = Timestamp::recent();
        if (--_sweep_countdown == 0) {
            _sweep_countdown = _sweep_every;
            sweep(now);
        }

        GtpSession *s = session(teid, iph->ip_src.s_addr, ue, inner->ip_tos, now);
        if (!s) {
            SET_AGGREGATE_ANNO(p, teid);
            output(0).push(p);
            return;
        }
        uint8_t paint = s->qci;
        s->packets++;
        s->bytes += inner_len;
        s->last_seen = now;
        if (has_seq) {
            if ((s->state & S_SEQ_VALID) && seq != s->next_seq && s->seq_errors < 0xFFFF)
                s->seq_errors++;
            s->next_seq = (uint16_t) (seq + 1);
            s->state |= S_SEQ_VALID;
        }
        if (s->ue_addr != ue) {
            s->ue_mismatch++;
            _ue_mismatch++;
            paint |= 0x40;
        }
        if (!meter(*s, inner_len, now)) {
            _over_rate++;
            paint |= 0x80;
        }
        _qci_packets[s->qci]++;
        _qci_bytes[s->qci] += inner_len;

        SET_AGGREGATE_ANNO(p, teid);
        SET_SEQUENCE_NUMBER_ANNO(p, (uint32_t) s->packets);
        p->set_paint_anno(paint);
        output(0).push(p);
        return;
    }

  malformed:
    _malformed++;
    checked_output_push(1, p);
}

enum { h_sessions, h_created, h_erased, h_malformed, h_ue_mismatch, h_over_rate,
       h_qci, h_peers };

String
GtpTunnelSessions::read_handler(Element *e, void *thunk)
{
    GtpTunnelSessions *g = static_cast<GtpTunnelSessions *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_sessions:    sa << (unsigned long) g->_sessions.size(); break;
    case h_created:     sa << g->_created; break;
    case h_erased:      sa << g->_erased; break;
    case h_malformed:   sa << g->_malformed; break;
    case h_ue_mismatch: sa << g->_ue_mismatch; break;
    case h_over_rate:   sa << g->_over_rate; break;
    case h_qci:
        for (int q = 1; q < NQCI; ++q)
            if (g->_qci_packets[q])
                sa << q << ' ' << g->_qci_packets[q] << ' ' << g->_qci_bytes[q] << '\n';
        break;
    case h_peers:
        for (int i = 0; i < g->_npeers; ++i) {
            const PeerPath &pp = g->_peers[i];
            sa << IPAddress(pp.addr) << ' ' << pp.echo_req << ' ' << pp.echo_resp
               << ' ' << (int) pp.restarts << '\n';
        }
        break;
    }
    return sa.take_string();
}

void
GtpTunnelSessions::add_handlers()
{
    add_read_handler("sessions", read_handler, h_sessions);
    add_read_handler("created", read_handler, h_created);
    add_read_handler("erased", read_handler, h_erased);
    add_read_handler("malformed", read_handler, h_malformed);
    add_read_handler("ue_mismatch", read_handler, h_ue_mismatch);
    add_read_handler("over_rate", read_handler, h_over_rate);
    add_read_handler("qci", read_handler, h_qci);
    add_read_handler("peers", read_handler, h_peers);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(GtpTunnelSessions)
