// -*- c-basic-offset: 4 -*-
/*
 * esp_sequence_checker.cc -- EspSequenceChecker: ESP anti-replay.  Finds
 * ESP in IP protocol 50 or UDP 4500 (telling IKE and keepalives apart),
 * looks the SPI up in a HashMap of SA records, infers extended sequence
 * numbers and runs the 128-bit sliding-window check with shift/update
 * logic and lost-number accounting.  No cryptography is done.
 *
 * Training code for Clara's compute model (nf_corpus/tunnel): a realistic
 * IPsec receive-side sequence checker written for the corpus, not an
 * evaluation NF.  Per packet: protocol demux, 32-bit field extraction, a
 * HashMap lookup (insert when learning, remove at the SA's hard limit),
 * 64-bit arithmetic for ESN inference, a two-word bitmap shift with a
 * masked popcount loop, and a ring of recent refusals.
 */
#include <click/config.h>
#include "esp_sequence_checker.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

EspSequenceChecker::EspSequenceChecker()
    : _natt_port(4500), _learn(false), _max_sa(4096), _hard_limit(0),
      _learn_window(64), _control(0), _removed(0), _recent_pos(0)
{
    memset(_counts, 0, sizeof(_counts));
    memset(_recent, 0, sizeof(_recent));
}

EspSequenceChecker::~EspSequenceChecker()
{
}

int
EspSequenceChecker::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> sas;
    unsigned port = 4500, lwin = 64;
    if (Args(conf, this, errh)
        .read_all("SA", sas)
        .read("NATT_PORT", port)
        .read("LEARN", _learn)
        .read("LEARN_WINDOW", lwin)
        .read("MAX_SA", _max_sa)
        .read("HARD_LIMIT", _hard_limit)
        .complete() < 0)
        return -1;
    if (port > 0xFFFF)
        return errh->error("NATT_PORT out of range");
    if (lwin != 32 && lwin != 64 && lwin != 128)
        return errh->error("LEARN_WINDOW must be 32, 64 or 128");
    _natt_port = port;
    _learn_window = lwin;

    _sas.clear();
    for (int i = 0; i < sas.size(); i++) {
        Vector<String> w;
        cp_spacevec(sas[i], w);
        unsigned spi;
        if (w.empty() || !cp_integer(w[0], 0, &spi) || spi < 256)
            return errh->error("SA %d: bad SPI", i);
        SaState sa;
        for (int k = 1; k < w.size(); k++) {
            unsigned v;
            if (w[k] == "esn")
                sa.esn = 1;
            else if (w[k].starts_with("icv=") && cp_integer(w[k].substring(4), &v)
                     && v <= 32 && (v & 3) == 0)
                sa.icv_len = v;
            else if (cp_integer(w[k], &v) && (v == 32 || v == 64 || v == 128))
                sa.window = v;
            else
                return errh->error("SA %d: bad word %s", i, w[k].c_str());
        }
        if (!_sas.insert(spi, sa))
            return errh->error("SA %d: duplicate SPI %u", i, spi);
    }
    if (_sas.empty() && !_learn)
        return errh->error("no SA given and LEARN is false");
    return 0;
}

/* Slide the window by n positions; returns how many sequence numbers left
   it (or were jumped over) without having been seen. */
uint32_t
EspSequenceChecker::shift_window(uint64_t *b, uint64_t n, uint16_t window, uint64_t top)
{
    uint32_t lost = 0;
    uint32_t lo = n >= window ? 0 : window - (uint32_t) n;
    // positions [lo, hi) leave the window; position i stands for sequence
    // number top - i, which exists only for i < top
    uint32_t hi = top < window ? (uint32_t) top : window;
    uint32_t seen = 0;
    for (uint32_t w = 0; w < 2 && lo < hi; w++) {
        uint32_t base = w * 64;
        if (hi <= base || lo >= base + 64)
            continue;
        uint32_t a = (lo > base ? lo : base) - base;
        uint32_t e = (hi < base + 64 ? hi : base + 64) - base;
        uint64_t mask = (e - a == 64) ? ~(uint64_t) 0
            : (((uint64_t) 1 << (e - a)) - 1) << a;
        seen += __builtin_popcountll(b[w] & mask);
    }
    if (lo < hi)
        lost = (hi - lo) - seen;
    if (n > window)
        lost += (uint32_t) (n - window);

    if (n >= 128) {
        b[0] = b[1] = 0;
    } else if (n >= 64) {
        b[1] = b[0] << (n - 64);
        b[0] = 0;
    } else if (n > 0) {
        b[1] = (b[1] << n) | (b[0] >> (64 - n));
        b[0] <<= n;
    }
    return lost;
}

/* RFC 4303 Appendix A2: the full 64-bit sequence number for the low bits
   seq, given the window; 0 if it would fall before the first epoch. */
uint64_t
EspSequenceChecker::infer_esn(const SaState &sa, uint32_t seq)
{
    uint32_t tl = (uint32_t) sa.top;
    uint32_t th = (uint32_t) (sa.top >> 32);
    uint32_t w = sa.window;
    uint32_t sh;
    if (tl >= w - 1) {
        // case A: the window lies within one epoch
        sh = seq >= tl - w + 1 ? th : th + 1;
    } else {
        // case B: the window spans the epoch boundary
        if (seq >= tl - w + 1) {
            if (th == 0)
                return 0;
            sh = th - 1;
        } else
            sh = th;
    }
    return ((uint64_t) sh << 32) | seq;
}

int
EspSequenceChecker::check_replay(SaState &sa, uint32_t seq, uint64_t *full)
{
    uint64_t s = sa.esn ? infer_esn(sa, seq) : seq;
    *full = s;
    if (s == 0)
        return r_malformed;
    if (s > sa.top) {
        uint64_t n = s - sa.top;
        sa.lost += shift_window(sa.bitmap, n, sa.window, sa.top);
        set_bit(sa.bitmap, 0);
        sa.top = s;
        return r_ok;
    }
    uint64_t diff = sa.top - s;
    if (diff >= sa.window) {
        sa.too_old++;
        return r_old;
    }
    if (test_bit(sa.bitmap, (uint32_t) diff)) {
        sa.replayed++;
        return r_replay;
    }
    set_bit(sa.bitmap, (uint32_t) diff);
    return r_ok;
}

void
EspSequenceChecker::refuse(Packet *p, int why, uint32_t spi, uint32_t seq)
{
    _counts[why]++;
    _recent[_recent_pos & (RECENT - 1)] = ((uint64_t) spi << 32) | seq;
    _recent_pos++;
    checked_output_push(1, p);
}

void
EspSequenceChecker::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || IP_ISFRAG(iph)) {
        output(0).push(p);
        return;
    }
    const unsigned char *esp = p->transport_header();
    int avail = (int) ntohs(iph->ip_len) - (int) (iph->ip_hl << 2);
    if (avail > (int) (p->end_data() - esp))
        avail = (int) (p->end_data() - esp);

    switch (iph->ip_p) {
    case IP_PROTO_ESP:
        break;
    case IP_PROTO_UDP: {
        const click_udp *uh = reinterpret_cast<const click_udp *>(esp);
        if (avail < (int) sizeof(click_udp) || ntohs(uh->uh_dport) != _natt_port) {
            output(0).push(p);
            return;
        }
        esp += sizeof(click_udp);
        avail -= sizeof(click_udp);
        // RFC 3948: keepalive (one 0xFF byte) or non-ESP marker (IKE)
        if ((avail == 1 && esp[0] == 0xFF) || (avail >= 4 && be32(esp) == 0)) {
            _control++;
            checked_output_push(2, p);
            return;
        }
        break;
    }
    default:
        output(0).push(p);
        return;
    }

    if (avail < ESP_HDR_LEN) {
        refuse(p, r_malformed, 0, 0);
        return;
    }
    uint32_t spi = be32(esp);
    uint32_t seq = be32(esp + 4);
    if (spi < 256) {
        refuse(p, r_malformed, spi, seq);
        return;
    }

    SaState *sa = _sas.findp(spi);
    if (!sa) {
        if (!_learn || _sas.size() >= _max_sa) {
            refuse(p, r_unknown, spi, seq);
            return;
        }
        SaState ns;
        ns.window = _learn_window;
        _sas.insert(spi, ns);
        sa = _sas.findp(spi);
        if (!sa) {
            refuse(p, r_unknown, spi, seq);
            return;
        }
    }

    // header + at least one byte of padding length/next header + ICV,
    // and the whole must end on a 4-byte boundary
    if (avail < ESP_HDR_LEN + ESP_TRAILER + sa->icv_len || (avail & 3) != 0) {
        refuse(p, r_malformed, spi, seq);
        return;
    }

    uint64_t full;
    int r = check_replay(*sa, seq, &full);
    if (r != r_ok) {
        refuse(p, r, spi, seq);
        return;
    }

    sa->packets++;
    sa->bytes += avail;
    _counts[r_ok]++;
    SET_AGGREGATE_ANNO(p, spi);
    SET_SEQUENCE_NUMBER_ANNO(p, (uint32_t) full);
    if (_hard_limit && sa->packets >= _hard_limit) {
        // lifetime exhausted: the SA must be renegotiated
        _sas.remove(spi);
        _removed++;
    }
    output(0).push(p);
}

enum { h_accepted, h_replayed, h_old, h_unknown, h_malformed, h_sas, h_recent };

String
EspSequenceChecker::read_handler(Element *e, void *thunk)
{
    EspSequenceChecker *c = static_cast<EspSequenceChecker *>(e);
    StringAccum sa;
    int which = (int) reinterpret_cast<uintptr_t>(thunk);
    switch (which) {
    case h_accepted:
    case h_replayed:
    case h_old:
    case h_unknown:
    case h_malformed:
        sa << c->_counts[which];    // the handler codes follow r_ok..r_malformed
        break;
    case h_sas:
        for (HashMap<uint32_t, SaState>::const_iterator it = c->_sas.begin(); it.live(); ++it) {
            const SaState &s = it.value();
            sa << it.key() << ' ' << s.top << ' ' << s.packets << ' ' << s.replayed
               << ' ' << s.lost << '\n';
        }
        break;
    case h_recent: {
        uint32_t n = c->_recent_pos < RECENT ? c->_recent_pos : RECENT;
        for (uint32_t i = c->_recent_pos - n; i != c->_recent_pos; i++) {
            uint64_t v = c->_recent[i & (RECENT - 1)];
            sa << (uint32_t) (v >> 32) << ' ' << (uint32_t) v << '\n';
        }
        break;
    }
    }
    return sa.take_string();
}

void
EspSequenceChecker::add_handlers()
{
    add_read_handler("accepted", read_handler, h_accepted);
    add_read_handler("replayed", read_handler, h_replayed);
    add_read_handler("too_old", read_handler, h_old);
    add_read_handler("unknown", read_handler, h_unknown);
    add_read_handler("malformed", read_handler, h_malformed);
    add_read_handler("sas", read_handler, h_sas);
    add_read_handler("recent", read_handler, h_recent);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EspSequenceChecker)
