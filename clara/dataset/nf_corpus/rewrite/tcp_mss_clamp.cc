// -*- c-basic-offset: 4 -*-
/*
 * tcp_mss_clamp.cc -- TcpMssClamp: walks the TCP options of SYN segments,
 * finds the MSS option and lowers it to a global or per-destination limit,
 * patching the TCP checksum incrementally.
 *
 * Training code for Clara's compute model (nf_corpus/rewrite); written for
 * Clara, not an evaluation NF.
 */
#include <click/config.h>
#include "tcp_mss_clamp.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

TcpMssClamp::TcpMssClamp()
    : _mss(1460), _both(false)
{
    memset(_path_mss, 0, sizeof(_path_mss));
    memset(_outcome, 0, sizeof(_outcome));
    memset(_hist, 0, sizeof(_hist));
}

TcpMssClamp::~TcpMssClamp()
{
}

int
TcpMssClamp::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned mss = 1460;
    Vector<String> paths;
    if (Args(conf, this, errh)
        .read_mp("MSS", mss)
        .read_all("PATH", paths)
        .read("BOTH_DIRECTIONS", _both)
        .complete() < 0)
        return -1;
    if (mss < 536 || mss > 65495)
        return errh->error("MSS must be between 536 and 65495");
    _mss = mss;
    for (int i = 0; i < paths.size(); i++) {
        Vector<String> w;
        cp_spacevec(paths[i], w);
        IPAddress addr;
        unsigned m;
        if (w.size() != 2 || !cp_ip_address(w[0], &addr, this) || !cp_integer(w[1], &m)
            || m < 536 || m > 65495)
            return errh->error("PATH %d: expected ADDR MSS", i);
        _path_mss[path_slot(ntohl(addr.addr()))] = m;
    }
    return 0;
}

/* Offset in opt of the MSS option's value, 0 if there is none, -1 if the
   option area is malformed. */
int
TcpMssClamp::find_mss(const unsigned char *opt, int optlen) const
{
    int i = 0;
    for (int steps = 0; steps < MAX_OPTS && i < optlen; steps++) {
        uint8_t kind = opt[i];
        if (kind == TCPOPT_EOL)
            return 0;
        if (kind == TCPOPT_NOP) {
            i++;
            continue;
        }
        if (i + 1 >= optlen)
            return -1;
        uint8_t len = opt[i + 1];
        if (len < 2 || i + len > optlen)
            return -1;
        if (kind == TCPOPT_MAXSEG) {
            if (len != TCPOLEN_MAXSEG)
                return -1;
            return i + 2;
        }
        i += len;
    }
    return 0;
}

/* Store mss at byte offset voff of the TCP header and patch th_sum one
   aligned 16-bit word at a time (the value may straddle two words). */
void
TcpMssClamp::rewrite_mss(click_tcp *tcp, int voff, uint16_t mss)
{
    unsigned char *b = reinterpret_cast<unsigned char *>(tcp);
    int first = voff & ~1;
    int last = (voff + 1) & ~1;
    uint16_t old_words[2];
    for (int k = 0, o = first; o <= last; o += 2, k++)
        memcpy(&old_words[k], b + o, 2);
    b[voff] = (unsigned char) (mss >> 8);
    b[voff + 1] = (unsigned char) mss;
    for (int k = 0, o = first; o <= last; o += 2, k++) {
        uint16_t nw;
        memcpy(&nw, b + o, 2);
        click_update_in_cksum(&tcp->th_sum, old_words[k], nw);
    }
}

Packet *
TcpMssClamp::simple_action(Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (iph->ip_p != IP_PROTO_TCP || !IP_FIRSTFRAG(iph)) {
        _outcome[o_not_tcp]++;
        return p;
    }
    const click_tcp *tcp = p->tcp_header();
    if (p->transport_length() < (int) sizeof(click_tcp)) {
        _outcome[o_malformed]++;
        checked_output_push(1, p);
        return 0;
    }
    uint8_t flags = tcp->th_flags;
    if (!(flags & TH_SYN) || (flags & TH_RST)) {
        _outcome[o_not_syn]++;
        return p;
    }
    if ((flags & TH_ACK) && !_both) {
        _outcome[o_synack_skipped]++;
        return p;
    }

    int thlen = tcp->th_off << 2;
    if (thlen < (int) sizeof(click_tcp) || thlen > p->transport_length()) {
        _outcome[o_malformed]++;
        checked_output_push(1, p);
        return 0;
    }
    const unsigned char *opt = reinterpret_cast<const unsigned char *>(tcp + 1);
    int where = find_mss(opt, thlen - (int) sizeof(click_tcp));
    if (where < 0) {
        _outcome[o_malformed]++;
        checked_output_push(1, p);
        return 0;
    }
    if (where == 0) {
        _outcome[o_no_mss]++;
        return p;
    }

    uint16_t mss = (uint16_t) (opt[where] << 8 | opt[where + 1]);
    note_mss(mss);
    uint32_t dst;
    memcpy(&dst, &iph->ip_dst, 4);
    uint16_t limit = limit_for(dst);
    if (mss <= limit) {
        _outcome[o_below]++;
        return p;
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    rewrite_mss(q->tcp_header(), (int) sizeof(click_tcp) + where, limit);
    _outcome[o_clamped]++;
    return q;
}

String
TcpMssClamp::read_handler(Element *e, void *thunk)
{
    static const char * const names[] = {
        "not_tcp", "not_syn", "no_mss", "below", "clamped", "malformed",
        "synack_skipped"
    };
    TcpMssClamp *c = static_cast<TcpMssClamp *>(e);
    StringAccum sa;
    switch (reinterpret_cast<uintptr_t>(thunk)) {
    case h_clamped:
        sa << c->_outcome[o_clamped];
        break;
    case h_outcomes:
        for (int i = 0; i < o_count; i++)
            sa << names[i] << ' ' << c->_outcome[i] << '\n';
        break;
    case h_histogram:
        for (int i = 0; i < HIST_BUCKETS; i++)
            if (c->_hist[i])
                sa << (i << 6) << ' ' << c->_hist[i] << '\n';
        break;
    }
    return sa.take_string();
}

void
TcpMssClamp::add_handlers()
{
    add_read_handler("clamped", read_handler, h_clamped);
    add_read_handler("outcomes", read_handler, h_outcomes);
    add_read_handler("histogram", read_handler, h_histogram);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TcpMssClamp)
