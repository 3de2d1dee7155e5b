/*
 * handshake_rtt.cc -- HandshakeRTT: SYN/SYN-ACK timing, fixed-point
 * smoothing per server and a log2 histogram.
 */
#include <click/config.h>
#include "handshake_rtt.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

HandshakeRTT::HandshakeRTT()
    : _max_pending(65536), _timeout_ms(3000), _max_servers(4096),
      _syns(0), _samples(0), _unmatched(0), _expired(0)
{
    memset(_hist, 0, sizeof(_hist));
}

HandshakeRTT::~HandshakeRTT()
{
}

int
HandshakeRTT::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("MAX_PENDING", _max_pending)
        .read_p("PENDING_TIMEOUT_MS", _timeout_ms)
        .read("MAX_SERVERS", _max_servers)
        .complete() < 0)
        return -1;
    if (_max_pending < 16)
        return errh->error("MAX_PENDING too small");
    return 0;
}

void
HandshakeRTT::expire(const Timestamp &now)
{
    _stale.clear();
    for (HashMap<IPFlowID, Pending>::iterator it = _pending.begin(); it.live(); ++it)
        if ((now - it.value().sent).msecval() > (int64_t) _timeout_ms)
            _stale.push_back(it.key());
    for (int i = 0; i < _stale.size(); ++i)
        _pending.erase(_stale[i]);
    _expired += _stale.size();
}

/* Jacobson/Karels in fixed point: srtt8 += err, rttvar4 += |err| - rttvar4/4. */
void
HandshakeRTT::smooth(Smoothed &s, int32_t us)
{
    if (s.samples++ == 0) {
        s.srtt8 = us << 3;
        s.rttvar4 = us << 1;
        return;
    }
    int32_t err = us - (s.srtt8 >> 3);
    s.srtt8 += err;
    if (err < 0)
        err = -err;
    s.rttvar4 += err - (s.rttvar4 >> 2);
}

Packet *
HandshakeRTT::simple_action(Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_TCP || !IP_FIRSTFRAG(iph)
        || p->transport_length() < (int) sizeof(click_tcp))
        return p;
    const click_tcp *th = p->tcp_header();
    uint8_t fl = th->th_flags & (TH_SYN | TH_ACK | TH_RST);
    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();

    if (fl == TH_SYN) {
        IPFlowID f(iph->ip_src, th->th_sport, iph->ip_dst, th->th_dport);
        if (_pending.size() >= _max_pending) {
            expire(now);
            if (_pending.size() >= _max_pending)
                return p;
        }
        Pending &pe = _pending.find_force(f);
        pe.sent = now;                  // a retransmitted SYN restarts the clock
        pe.isn = ntohl(th->th_seq);
        _syns++;
    } else if (fl == (TH_SYN | TH_ACK)) {
        IPFlowID f(iph->ip_dst, th->th_dport, iph->ip_src, th->th_sport);
        Pending *pe = _pending.findp(f);
        if (!pe || ntohl(th->th_ack) != pe->isn + 1) {
            _unmatched++;
            return p;
        }
        int64_t us = (now - pe->sent).usecval();
        _pending.erase(f);
        if (us < 0)
            return p;
        if (us > 0x7FFFFFF)
            us = 0x7FFFFFF;
        uint32_t u = (uint32_t) us;
        _hist[31 - __builtin_clz(u | 1)]++;
        _samples++;
        SET_AGGREGATE_ANNO(p, u);

        IPAddress server(iph->ip_src);
        Smoothed *s = _servers.findp(server);
        if (!s && _servers.size() < _max_servers) {
            _servers.insert(server, Smoothed());
            s = _servers.findp(server);
        }
        if (s)
            smooth(*s, (int32_t) u);
    }
    return p;
}

enum { h_servers, h_histogram };

String
HandshakeRTT::read_handler(Element *e, void *thunk)
{
    HandshakeRTT *h = static_cast<HandshakeRTT *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_servers) {
        for (HashMap<IPAddress, Smoothed>::iterator it = h->_servers.begin(); it.live(); ++it) {
            const Smoothed &s = it.value();
            sa << it.key() << " srtt_us " << (s.srtt8 >> 3) << " rttvar_us "
               << (s.rttvar4 >> 2) << " samples " << s.samples << '\n';
        }
    } else {
        for (int b = 0; b < 32; ++b)
            if (h->_hist[b])
                sa << (1U << b) << "us " << h->_hist[b] << '\n';
        sa << "syns " << h->_syns << "\nsamples " << h->_samples
           << "\nunmatched " << h->_unmatched << "\nexpired " << h->_expired << '\n';
    }
    return sa.take_string();
}

void
HandshakeRTT::add_handlers()
{
    add_read_handler("servers", read_handler, h_servers);
    add_read_handler("histogram", read_handler, h_histogram);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(HandshakeRTT)
