/*
 * tcp_state_guard.cc -- TcpStateGuard: connections in a
 * HashMap<IPFlowID, Conn> keyed by the originator's view of the 4-tuple;
 * a packet probes the map with its own tuple, then with the reversed one.
 * Per packet: two exact-match probes at most, a switch on the state, a
 * sequence-window test for RSTs; every 4096 packets a sweep of the table.
 */
#include <click/config.h>
#include "tcp_state_guard.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

TcpStateGuard::TcpStateGuard()
    : _max_conns(65536), _since_gc(0), _tracked(0), _opened(0), _no_conn(0),
      _blind_rst(0), _table_full(0)
{
    _timeout[S_SYN_SENT] = _timeout[S_SYN_RECV] = 30;
    _timeout[S_ESTABLISHED] = 3600;
    _timeout[S_FIN_ONE] = _timeout[S_FIN_BOTH] = 60;
    _timeout[S_CLOSED] = 10;
}

TcpStateGuard::~TcpStateGuard()
{
}

int
TcpStateGuard::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint32_t syn_to = 30, est_to = 3600, fin_to = 60;
    if (Args(conf, this, errh)
        .read_p("MAX_CONNS", _max_conns)
        .read("SYN_TIMEOUT", syn_to)
        .read("EST_TIMEOUT", est_to)
        .read("FIN_TIMEOUT", fin_to)
        .complete() < 0)
        return -1;
    if (_max_conns == 0)
        return errh->error("MAX_CONNS must be positive");
    _timeout[S_SYN_SENT] = _timeout[S_SYN_RECV] = syn_to;
    _timeout[S_ESTABLISHED] = est_to;
    _timeout[S_FIN_ONE] = _timeout[S_FIN_BOTH] = fin_to;
    return 0;
}

void
TcpStateGuard::collect(const Timestamp &now)
{
    _expired.clear();
    for (HashMap<IPFlowID, Conn>::iterator it = _conns.begin(); it.live(); ++it)
        if (expired(it.value(), now))
            _expired.push_back(it.key());
    for (int i = 0; i < _expired.size(); ++i)
        _conns.erase(_expired[i]);
}

void
TcpStateGuard::push(int, Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    const unsigned char *ipb = reinterpret_cast<const unsigned char *>(iph);
    const unsigned char *end = p->end_data();
    if (ipb + sizeof(click_ip) > end || iph->ip_v != 4 || iph->ip_p != IP_PROTO_TCP
        || !IP_FIRSTFRAG(iph)) {
        output(0).push(p);
        return;
    }
    const click_tcp *th = reinterpret_cast<const click_tcp *>(ipb + (iph->ip_hl << 2));
    if (reinterpret_cast<const unsigned char *>(th) + sizeof(click_tcp) > end) {
        output(1).push(p);
        return;
    }

    Timestamp now = Timestamp::recent();
    if (++_since_gc >= 4096) {
        _since_gc = 0;
        collect(now);
    }

    uint8_t fl = th->th_flags;
    IPFlowID flow(IPAddress(iph->ip_src), th->th_sport, IPAddress(iph->ip_dst), th->th_dport);
    int dir = 0;
    Conn *c = _conns.findp(flow);
    if (!c) {
        flow = flow.reverse();
        c = _conns.findp(flow);
        dir = 1;
    }
    if (c && expired(*c, now)) {
        _conns.erase(flow);
        c = 0;
    }

    uint32_t seq = ntohl(th->th_seq);
    int paylen = (int) ntohs(iph->ip_len) - (iph->ip_hl << 2) - (th->th_off << 2);
    uint32_t seg_end = seq + (paylen > 0 ? paylen : 0) + ((fl & TH_SYN) ? 1 : 0)
        + ((fl & TH_FIN) ? 1 : 0);

    if (!c) {
        if ((fl & (TH_SYN | TH_ACK | TH_RST)) != TH_SYN) {
            _no_conn++;
            output(1).push(p);
            return;
        }
        if (_conns.size() >= _max_conns) {
            _table_full++;
            output(1).push(p);
            return;
        }
        Conn n;
        n.state = S_SYN_SENT;
        n.next_seq[0] = seg_end;
        n.window[0] = ntohs(th->th_win);
        n.last = now;
        _conns.set(IPFlowID(IPAddress(iph->ip_src), th->th_sport,
                            IPAddress(iph->ip_dst), th->th_dport), n);
        _opened++;
        output(0).push(p);
        return;
    }

    if (fl & TH_RST) {
        // accept a reset only inside the window the receiver advertised
        uint32_t lo = c->next_seq[dir];
        uint32_t win = c->window[1 - dir] ? c->window[1 - dir] : 1;
        if (c->state != S_SYN_SENT && (SEQ_LT(seq, lo) || !SEQ_LT(seq, lo + win))) {
            _blind_rst++;
            output(1).push(p);
            return;
        }
        _conns.erase(flow);
        output(0).push(p);
        return;
    }

    switch (c->state) {
    case S_SYN_SENT:
        if (dir == 1 && (fl & (TH_SYN | TH_ACK)) == (TH_SYN | TH_ACK))
            c->state = S_SYN_RECV;
        else if (dir == 1 || (fl & TH_SYN) == 0) {
            _no_conn++;                     // nothing else is valid yet
            output(1).push(p);
            return;
        }
        break;
    case S_SYN_RECV:
        if (dir == 0 && (fl & (TH_SYN | TH_ACK)) == TH_ACK)
            c->state = S_ESTABLISHED;
        break;
    case S_ESTABLISHED:
    case S_FIN_ONE:
        if (fl & TH_FIN) {
            c->fin_from |= (uint8_t) (1 << dir);
            c->state = c->fin_from == 3 ? S_FIN_BOTH : S_FIN_ONE;
        }
        break;
    case S_FIN_BOTH:
        if (fl & TH_ACK)
            c->state = S_CLOSED;
        break;
    default:
        break;
    }

    if (c->next_seq[dir] == 0 || SEQ_GT(seg_end, c->next_seq[dir]))
        c->next_seq[dir] = seg_end;
    c->window[dir] = ntohs(th->th_win);
    c->last = now;
    _tracked++;
    output(0).push(p);
}

String
TcpStateGuard::read_stats(Element *e, void *)
{
    static const char *const names[] = { "syn_sent", "syn_recv", "established",
                                         "fin_one", "fin_both", "closed" };
    TcpStateGuard *g = static_cast<TcpStateGuard *>(e);
    uint32_t per_state[NSTATES] = { 0, 0, 0, 0, 0, 0 };
    for (HashMap<IPFlowID, Conn>::iterator it = g->_conns.begin(); it.live(); ++it)
        per_state[it.value().state]++;
    StringAccum sa;
    for (int s = 0; s < NSTATES; ++s)
        sa << names[s] << ' ' << per_state[s] << '\n';
    sa << "tracked " << g->_tracked << "\nopened " << g->_opened << "\nno_conn "
       << g->_no_conn << "\nblind_rst " << g->_blind_rst << "\ntable_full "
       << g->_table_full << '\n';
    return sa.take_string();
}

void
TcpStateGuard::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TcpStateGuard)
