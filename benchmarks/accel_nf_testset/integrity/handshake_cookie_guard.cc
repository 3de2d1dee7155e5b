/*
 * handshake_cookie_guard.cc -- HandshakeCookieGuard: stateless cookie
 * challenge.  Nothing is stored per sender: a cookie is recomputed from the
 * packet's addresses and the epoch whenever it has to be checked or sent.
 */
#include <click/config.h>
#include "handshake_cookie_guard.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

HandshakeCookieGuard::HandshakeCookieGuard()
    : _port(0), _threshold(1000), _epoch_sec(120), _force(false), _sec_start(0),
      _inits_this_sec(0), _loaded(false), _inits(0), _cookie_ok(0), _challenged(0),
      _passed_other(0), _malformed(0)
{
    memset(_secret, 0, sizeof(_secret));
}

int
HandshakeCookieGuard::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned port;
    String secret;
    if (Args(conf, this, errh)
        .read_mp("PORT", port)
        .read_mp("SECRET", secret)
        .read("THRESHOLD", _threshold)
        .read("EPOCH", _epoch_sec)
        .read("FORCE", _force)
        .complete() < 0)
        return -1;
    if (port == 0 || port > 65535)
        return errh->error("bad PORT");
    if (_epoch_sec == 0)
        return errh->error("EPOCH must be positive");
    if (secret.length() != 32)
        return errh->error("SECRET must be 32 hex digits");
    for (int i = 0; i < 32; ++i) {
        char c = secret[i] | 0x20;
        int v = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
        if (v < 0)
            return errh->error("SECRET must be 32 hex digits");
        _secret[i / 2] = (i & 1) ? (_secret[i / 2] | v) : (uint8_t) (v << 4);
    }
    _port = port;
    return 0;
}

uint64_t
HandshakeCookieGuard::expected_cookie(const click_ip *iph, const click_udp *uh,
                                      uint32_t epoch) const
{
    uint8_t m[10];
    memcpy(m, &iph->ip_src, 4);
    memcpy(m + 4, &uh->uh_sport, 2);
    m[6] = epoch >> 24;
    m[7] = epoch >> 16;
    m[8] = epoch >> 8;
    m[9] = epoch;
    return cookie_tag(_secret, m, sizeof(m));
}

void
HandshakeCookieGuard::send_challenge(Packet *p, uint64_t cookie)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    click_ip *ip = q->ip_header();
    click_udp *uh = q->udp_header();
    uint8_t *msg = q->transport_header() + sizeof(click_udp);

    // reply carries the initiator's sender index back as receiver index
    uint8_t sender[4];
    memcpy(sender, msg + 4, 4);
    msg[0] = MSG_COOKIE_REPLY;
    msg[1] = msg[2] = msg[3] = 0;
    memcpy(msg + 4, sender, 4);
    for (int i = 0; i < 8; ++i)
        msg[8 + i] = (uint8_t) (cookie >> (8 * i));

    uint32_t new_udp = sizeof(click_udp) + REPLY_LEN;
    uint32_t hl = ip->ip_hl << 2;
    q->take(q->length() - (q->transport_header_offset() + new_udp));

    struct in_addr a = ip->ip_src;
    ip->ip_src = ip->ip_dst;
    ip->ip_dst = a;
    ip->ip_len = htons((uint16_t) (hl + new_udp));
    ip->ip_ttl = 64;
    ip->ip_sum = 0;
    uint16_t sp = uh->uh_sport;
    uh->uh_sport = uh->uh_dport;
    uh->uh_dport = sp;
    uh->uh_ulen = htons((uint16_t) new_udp);
    uh->uh_sum = 0;

    q->set_dst_ip_anno(IPAddress(ip->ip_dst));
    _challenged++;
    output(1).push(q);
}

void
HandshakeCookieGuard::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_UDP || IP_ISFRAG(iph)
        || p->transport_length() < (int) (sizeof(click_udp) + 4)) {
        _malformed++;
        p->kill();
        return;
    }
    const click_udp *uh = p->udp_header();
    const uint8_t *msg = p->transport_header() + sizeof(click_udp);
    uint32_t mlen = ntohs(uh->uh_ulen) - sizeof(click_udp);
    if (ntohs(uh->uh_dport) != _port || msg[0] != MSG_INIT) {
        _passed_other++;
        output(0).push(p);
        return;
    }
    if (mlen != INIT_LEN || p->transport_length() < (int) (sizeof(click_udp) + INIT_LEN)) {
        _malformed++;
        p->kill();
        return;
    }
    _inits++;

    click_jiffies_t now = click_jiffies();
    if (now - _sec_start >= (click_jiffies_t) CLICK_HZ) {
        _loaded = _inits_this_sec > _threshold;
        _inits_this_sec = 0;
        _sec_start = now;
    }
    _inits_this_sec++;

    if (!_loaded && !_force) {
        output(0).push(p);
        return;
    }

    uint32_t epoch = (uint32_t) (now / ((click_jiffies_t) CLICK_HZ * _epoch_sec));
    uint64_t carried = ck_load64(msg + COOKIE_OFF);
    uint64_t cur = expected_cookie(iph, uh, epoch);
    if (carried == cur || carried == expected_cookie(iph, uh, epoch - 1)) {
        _cookie_ok++;
        output(0).push(p);
        return;
    }
    send_challenge(p, cur);
}

enum { h_stats, h_force };

String
HandshakeCookieGuard::read_handler(Element *e, void *thunk)
{
    HandshakeCookieGuard *g = static_cast<HandshakeCookieGuard *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_force)
        sa << g->_force << '\n';
    else
        sa << "initiations " << g->_inits << "\ncookie_ok " << g->_cookie_ok
           << "\nchallenged " << g->_challenged << "\nother " << g->_passed_other
           << "\nmalformed " << g->_malformed << "\nunder_load " << g->_loaded << '\n';
    return sa.take_string();
}

int
HandshakeCookieGuard::write_force(const String &s, Element *e, void *, ErrorHandler *errh)
{
    HandshakeCookieGuard *g = static_cast<HandshakeCookieGuard *>(e);
    if (!cp_bool(s.trim_space(), &g->_force))
        return errh->error("force must be a boolean");
    return 0;
}

void
HandshakeCookieGuard::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("force", read_handler, h_force);
    add_write_handler("force", write_force, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(HandshakeCookieGuard)
