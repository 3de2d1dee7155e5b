// -*- c-basic-offset: 4 -*-
/*
 * l2tp_session_demux.cc -- L2tpSessionDemux: L2TP data-plane session
 * demultiplexing.  Parses L2TPv2 headers whose layout depends on the
 * L/S/O flag bits and L2TPv3 headers with per-session cookies and the
 * default L2-specific sublayer, finds the session in a HashMap keyed by
 * a (tunnel, session) struct, checks 16- or 24-bit sequence numbers,
 * counts, strips the headers and pushes to the session's output.
 *
 * Training code for Clara's compute model (nf_corpus/tunnel): a realistic
 * LNS/LAC data-plane demultiplexer written for the corpus, not an
 * evaluation NF.  Per packet: UDP/IP demux, flag-driven offset arithmetic,
 * a HashMap lookup (insert when learning, remove at the error limit), a
 * cookie compare loop, modular sequence arithmetic, pull() and a push on a
 * per-session port.
 */
#include <click/config.h>
#include "l2tp_session_demux.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

L2tpSessionDemux::L2tpSessionDemux()
    : _udp_port(1701), _learn(false), _drop_late(false), _default_port(1),
      _max_sessions(16384), _error_limit(0), _data(0), _control(0), _torn_down(0)
{
    memset(_drops, 0, sizeof(_drops));
    memset(_tunnel_pkts, 0, sizeof(_tunnel_pkts));
}

L2tpSessionDemux::~L2tpSessionDemux()
{
}

/* Hex text to at most 8 bytes; returns the length (0, 4 or 8) or -1. */
int
L2tpSessionDemux::parse_cookie(const String &hex, uint8_t *out)
{
    int n = hex.length();
    if (n != 8 && n != 16)
        return -1;
    for (int i = 0; i < n; i++) {
        char c = hex[i];
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            d = (c | 0x20) - 'a' + 10;
        else
            return -1;
        if (i & 1)
            out[i >> 1] |= d;
        else
            out[i >> 1] = d << 4;
    }
    return n / 2;
}

int
L2tpSessionDemux::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> sessions;
    unsigned port = 1701, dport = 1;
    if (Args(conf, this, errh)
        .read_all("SESSION", sessions)
        .read("PORT", port)
        .read("LEARN", _learn)
        .read("DEFAULT_PORT", dport)
        .read("MAX_SESSIONS", _max_sessions)
        .read("DROP_LATE", _drop_late)
        .read("ERROR_LIMIT", _error_limit)
        .complete() < 0)
        return -1;
    if (port == 0 || port > 0xFFFF)
        return errh->error("PORT out of range");
    if (dport == 0 || dport >= (unsigned) noutputs())
        return errh->error("DEFAULT_PORT must name a data output");
    _udp_port = port;
    _default_port = dport;

    _sessions.clear();
    for (int i = 0; i < sessions.size(); i++) {
        Vector<String> w;
        cp_spacevec(sessions[i], w);
        unsigned ver, tunnel, sid, out;
        if (w.size() < 4 || !cp_integer(w[0], &ver) || !cp_integer(w[1], &tunnel)
            || !cp_integer(w[2], &sid) || !cp_integer(w[3], &out))
            return errh->error("SESSION %d: expected VERSION TUNNEL SESSION PORT", i);
        if (out == 0 || out >= (unsigned) noutputs())
            return errh->error("SESSION %d: PORT %u is not a data output", i, out);
        Session s;
        s.port = out;
        SessionKey key;
        if (ver == 2) {
            if (tunnel == 0 || tunnel > 0xFFFF || sid == 0 || sid > 0xFFFF || w.size() > 4)
                return errh->error("SESSION %d: bad L2TPv2 IDs", i);
            key = SessionKey(tunnel, sid);
        } else if (ver == 3) {
            if (sid == 0)
                return errh->error("SESSION %d: session ID 0 is reserved", i);
            for (int k = 4; k < w.size(); k++) {
                if (w[k] == "sublayer")
                    s.sublayer = 1;
                else {
                    int cl = parse_cookie(w[k], s.cookie);
                    if (cl < 0 || s.cookie_len)
                        return errh->error("SESSION %d: bad cookie %s", i, w[k].c_str());
                    s.cookie_len = cl;
                }
            }
            key = SessionKey(V3_TUNNEL, sid);
        } else
            return errh->error("SESSION %d: VERSION must be 2 or 3", i);
        if (!_sessions.insert(key, s))
            return errh->error("SESSION %d: duplicate", i);
    }
    if (_sessions.empty() && !_learn)
        return errh->error("no SESSION given and LEARN is false");
    return 0;
}

/* Parse an L2TPv2 header.  Returns its length or -d_*; may shrink avail
   to the length field. */
int
L2tpSessionDemux::parse_v2(const unsigned char *h, int &avail, SessionKey &key,
                           bool *has_seq, uint32_t *ns, bool *control)
{
    uint16_t flags = be16(h);
    if (flags & L2TP_V2_RESERVED)
        return -d_flags;
    *control = (flags & L2TP_T) != 0;
    if (*control && (flags & (L2TP_L | L2TP_S | L2TP_O)) != (L2TP_L | L2TP_S))
        return -d_flags;                    // control needs L and S, no O

    int off = 2;
    if (flags & L2TP_L) {
        if (off + 2 > avail)
            return -d_short;
        int len = be16(h + off);
        if (len < 6 || len > avail)
            return -d_length;
        avail = len;
        off += 2;
    }
    if (off + 4 > avail)
        return -d_short;
    key.tunnel = be16(h + off);
    key.session = be16(h + off + 2);
    off += 4;
    *has_seq = (flags & L2TP_S) != 0;
    if (*has_seq) {
        if (off + 4 > avail)
            return -d_short;
        *ns = be16(h + off);                // Nr (h + off + 2) is for control
        off += 4;
    }
    if (flags & L2TP_O) {
        if (off + 2 > avail)
            return -d_short;
        int pad = be16(h + off);
        off += 2 + pad;
        if (off > avail)
            return -d_length;
    }
    return off;
}

/* Check ns against the session's expectation; false to drop the packet. */
bool
L2tpSessionDemux::check_sequence(Session &s, uint32_t ns, uint32_t modmask)
{
    if (!s.seq_valid) {
        s.seq_valid = 1;
        s.expected = (ns + 1) & modmask;
        return true;
    }
    uint32_t diff = (ns - s.expected) & modmask;
    uint32_t half = (modmask >> 1) + 1;
    if (diff == 0) {
        s.expected = (ns + 1) & modmask;
        return true;
    }
    if (diff < half) {
        // ahead: the numbers in between are lost (for now)
        s.lost += diff;
        s.errors++;
        s.expected = (ns + 1) & modmask;
        return true;
    }
    // behind: a late packet, one of those counted as lost
    s.out_of_order++;
    s.errors++;
    if (s.lost)
        s.lost--;
    return !_drop_late;
}

void
L2tpSessionDemux::drop(Packet *p, int why)
{
    _drops[why]++;
    p->kill();
}

void
L2tpSessionDemux::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || IP_ISFRAG(iph)) {
        drop(p, d_version);
        return;
    }
    const unsigned char *h = p->transport_header();
    int avail = (int) ntohs(iph->ip_len) - (iph->ip_hl << 2);
    if (avail > (int) (p->end_data() - h))
        avail = (int) (p->end_data() - h);

    SessionKey key;
    bool has_seq = false, control = false;
    uint32_t ns = 0, modmask = 0xFFFF;
    int off, version;

    if (iph->ip_p == IP_PROTO_UDP) {
        const click_udp *uh = reinterpret_cast<const click_udp *>(h);
        if (avail < (int) sizeof(click_udp) + 2
            || (ntohs(uh->uh_dport) != _udp_port && ntohs(uh->uh_sport) != _udp_port)) {
            drop(p, d_version);
            return;
        }
        h += sizeof(click_udp);
        avail -= sizeof(click_udp);
        version = h[1] & L2TP_VER_MASK;
        if (version == 2) {
            off = parse_v2(h, avail, key, &has_seq, &ns, &control);
            if (off < 0) {
                drop(p, -off);
                return;
            }
        } else if (version == 3) {
            if (avail < 8 || be16(h + 2) != 0) {
                drop(p, d_short);
                return;
            }
            control = (h[0] & 0x80) != 0;
            key = SessionKey(V3_TUNNEL, be32(h + 4));
            off = 8;
        } else {
            drop(p, d_version);
            return;
        }
    } else if (iph->ip_p == IP_PROTO_L2TP) {
        if (avail < 4) {
            drop(p, d_short);
            return;
        }
        version = 3;
        key = SessionKey(V3_TUNNEL, be32(h));
        control = key.session == 0;
        off = 4;
    } else {
        drop(p, d_version);
        return;
    }

    if (control) {
        _control++;
        output(0).push(p);
        return;
    }

    Session *s = _sessions.findp(key);
    if (!s) {
        if (version != 2 || !_learn || _sessions.size() >= _max_sessions) {
            drop(p, d_unknown);
            return;
        }
        Session ns_;
        ns_.port = _default_port;
        _sessions.insert(key, ns_);
        s = _sessions.findp(key);
        if (!s) {
            drop(p, d_unknown);
            return;
        }
    }

    if (version == 3) {
        if (off + s->cookie_len > avail) {
            drop(p, d_short);
            return;
        }
        uint8_t diff = 0;
        for (int i = 0; i < s->cookie_len; i++)
            diff |= h[off + i] ^ s->cookie[i];
        if (diff) {
            drop(p, d_cookie);
            return;
        }
        off += s->cookie_len;
        if (s->sublayer) {
            if (off + 4 > avail) {
                drop(p, d_short);
                return;
            }
            uint32_t sl = be32(h + off);
            has_seq = ((sl >> 24) & SUBLAYER_S) != 0;
            ns = sl & SEQ24_MASK;
            modmask = SEQ24_MASK;
            off += 4;
        }
    } else
        _tunnel_pkts[key.tunnel & 1023]++;

    if (has_seq && !check_sequence(*s, ns, modmask)) {
        drop(p, d_late);
        return;
    }
    if (_error_limit && s->errors > _error_limit) {
        _sessions.remove(key);
        _torn_down++;
        drop(p, d_torn_down);
        return;
    }

    int payload = avail - off;
    s->packets++;
    s->bytes += payload;
    int out = s->port;

    p->pull((uint32_t) (h + off - p->data()));
    if (p->length() > (uint32_t) payload)
        p->take(p->length() - payload);
    p->clear_network_header();
    if (version == 2) {
        p->clear_mac_header();
        const unsigned char *d = p->data();
        if (p->length() >= 2 && d[0] == 0xFF && d[1] == 0x03)
            p->pull(2);                     // PPP address and control
    } else if (p->length() >= 14)
        p->set_mac_header(p->data(), 14);   // Ethernet pseudowire
    else
        p->clear_mac_header();
    SET_AGGREGATE_ANNO(p, key.session);
    _data++;
    checked_output_push(out, p);
}

enum { h_data, h_control, h_dropped, h_sessions };

String
L2tpSessionDemux::read_handler(Element *e, void *thunk)
{
    L2tpSessionDemux *d = static_cast<L2tpSessionDemux *>(e);
    StringAccum sa;
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_data:
        sa << d->_data;
        break;
    case h_control:
        sa << d->_control;
        break;
    case h_dropped: {
        uint64_t n = 0;
        for (int i = 0; i < d_count; i++)
            n += d->_drops[i];
        sa << n;
        break;
    }
    case h_sessions:
        for (HashMap<SessionKey, Session>::const_iterator it = d->_sessions.begin();
             it.live(); ++it) {
            const SessionKey &k = it.key();
            const Session &s = it.value();
            sa << (k.tunnel == V3_TUNNEL ? 3 : 2) << ' ' << (k.tunnel & 0xFFFF) << ' '
               << k.session << ' ' << s.port << ' ' << s.packets << ' ' << s.lost
               << ' ' << s.out_of_order << '\n';
        }
        break;
    }
    return sa.take_string();
}

void
L2tpSessionDemux::add_handlers()
{
    add_read_handler("data", read_handler, h_data);
    add_read_handler("control", read_handler, h_control);
    add_read_handler("dropped", read_handler, h_dropped);
    add_read_handler("sessions", read_handler, h_sessions);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(L2tpSessionDemux)
