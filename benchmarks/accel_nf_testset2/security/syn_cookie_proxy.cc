/*
 * syn_cookie_proxy.cc -- SynCookieProxy: per SYN, a cookie and a 44-byte
 * SYN-ACK built from scratch; per ACK, the cookie is recomputed and the
 * connection remembered in a HashMap<IPFlowID, Conn>.
 */
#include <click/config.h>
#include "syn_cookie_proxy.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/glue.hh>
CLICK_DECLS

static const uint16_t mss_steps[8] = { 536, 1220, 1300, 1380, 1440, 1452, 1460, 8960 };

SynCookieProxy::SynCookieProxy()
    : _k0(0), _k1(0), _mss(1460), _window(65535), _syns(0), _synacks(0), _valid(0),
      _invalid(0), _stale(0), _passed(0), _stray(0)
{
}

int
SynCookieProxy::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String ports;
    unsigned long long k0 = 0, k1 = 0;
    unsigned mss = 1460, window = 65535;
    if (Args(conf, this, errh)
        .read_mp("PORTS", ports)
        .read("K0", k0)
        .read("K1", k1)
        .read("MSS", mss)
        .read("WINDOW", window)
        .complete() < 0)
        return -1;
    Vector<String> words;
    cp_spacevec(ports, words);
    _ports.clear();
    for (int i = 0; i < words.size(); ++i) {
        int port;
        if (!cp_integer(words[i], &port) || port <= 0 || port > 65535)
            return errh->error("PORTS: bad port");
        _ports.push_back(port);
    }
    if (_ports.empty())
        return errh->error("PORTS is empty");
    if (mss < 536 || mss > 9000 || window > 65535)
        return errh->error("bad MSS or WINDOW");
    if (k0 == 0 && k1 == 0)
        for (int i = 0; i < 4; ++i) {   // no key: a random one (cookies die with us)
            k0 = (k0 << 16) ^ click_random();
            k1 = (k1 << 16) ^ click_random();
        }
    _k0 = k0;
    _k1 = k1;
    _mss = (uint16_t) mss;
    _window = (uint16_t) window;
    return 0;
}

/* The 24-bit MAC of the client-to-server 4-tuple and ctr. */
uint32_t
SynCookieProxy::cookie_mac(const click_ip *iph, const click_tcp *th, uint32_t ctr) const
{
    uint8_t m[16];
    memcpy(m, &iph->ip_src, 4);
    memcpy(m + 4, &iph->ip_dst, 4);
    memcpy(m + 8, &th->th_sport, 2);
    memcpy(m + 10, &th->th_dport, 2);
    m[12] = (uint8_t) ctr;
    m[13] = (uint8_t) (ctr >> 8);
    m[14] = m[15] = 0;
    return (uint32_t) cookie_prf(_k0, _k1, m, sizeof(m)) & 0x00FFFFFFU;
}

void
SynCookieProxy::push(int, Packet *p)
{
    const click_ip *iph = p->has_network_header() ? p->ip_header()
        : reinterpret_cast<const click_ip *>(p->data());
    const unsigned char *ipb = reinterpret_cast<const unsigned char *>(iph);
    const unsigned char *end = p->end_data();
    if (ipb + sizeof(click_ip) > end || iph->ip_v != 4 || iph->ip_p != IP_PROTO_TCP
        || IP_ISFRAG(iph)) {
        output(0).push(p);
        return;
    }
    const click_tcp *th = reinterpret_cast<const click_tcp *>(ipb + (iph->ip_hl << 2));
    const unsigned char *tb = reinterpret_cast<const unsigned char *>(th);
    if (tb + sizeof(click_tcp) > end || !protected_port(th->th_dport)) {
        output(0).push(p);
        return;
    }

    IPFlowID flow(IPAddress(iph->ip_src), th->th_sport, IPAddress(iph->ip_dst), th->th_dport);
    uint8_t fl = th->th_flags;
    uint32_t now_count = (uint32_t) (Timestamp::recent().sec() >> 6) & 31;

    if (fl & TH_RST) {
        if (_conns.erase(flow))
            output(0).push(p);
        else {
            _stray++;
            p->kill();
        }
        return;
    }

    if ((fl & (TH_SYN | TH_ACK)) == TH_SYN) {
        _syns++;
        // the client's MSS, if it sent one
        unsigned client_mss = 536;
        const unsigned char *o = tb + sizeof(click_tcp);
        const unsigned char *oend = tb + (th->th_off << 2);
        if (oend > end)
            oend = end;
        while (o < oend && *o != TCPOPT_EOL) {
            if (*o == TCPOPT_NOP) {
                o++;
                continue;
            }
            if (o + 2 > oend || o[1] < 2 || o + o[1] > oend)
                break;
            if (o[0] == TCPOPT_MAXSEG && o[1] == TCPOLEN_MAXSEG)
                client_mss = (o[2] << 8) | o[3];
            o += o[1];
        }
        uint32_t mi = 0;
        while (mi < 7 && mss_steps[mi + 1] <= client_mss)
            mi++;
        uint32_t ctr = (now_count << 3) | mi;
        uint32_t isn = (ctr << 24) | cookie_mac(iph, th, ctr);

        WritablePacket *q = Packet::make(Packet::default_headroom, 0, 44, 0);
        if (!q) {
            p->kill();
            return;
        }
        click_ip *rip = reinterpret_cast<click_ip *>(q->data());
        click_tcp *rth = reinterpret_cast<click_tcp *>(q->data() + sizeof(click_ip));
        memset(q->data(), 0, 44);
        rip->ip_v = 4;
        rip->ip_hl = 5;
        rip->ip_len = htons(44);
        rip->ip_off = htons(IP_DF);
        rip->ip_ttl = 64;
        rip->ip_p = IP_PROTO_TCP;
        rip->ip_src = iph->ip_dst;
        rip->ip_dst = iph->ip_src;
        rip->ip_sum = click_in_cksum(q->data(), sizeof(click_ip));
        rth->th_sport = th->th_dport;
        rth->th_dport = th->th_sport;
        rth->th_seq = htonl(isn);
        rth->th_ack = htonl(ntohl(th->th_seq) + 1);
        rth->th_off = 6;
        rth->th_flags = TH_SYN | TH_ACK;
        rth->th_win = htons(_window);
        unsigned char *opt = q->data() + sizeof(click_ip) + sizeof(click_tcp);
        opt[0] = TCPOPT_MAXSEG;
        opt[1] = TCPOLEN_MAXSEG;
        opt[2] = (uint8_t) (_mss >> 8);
        opt[3] = (uint8_t) _mss;

        // TCP checksum: pseudo-header, then the 24-byte segment as 16-bit words
        int seglen = 24;
        const uint16_t *w = reinterpret_cast<const uint16_t *>(rth);
        uint32_t sum = (rip->ip_src.s_addr >> 16) + (rip->ip_src.s_addr & 0xFFFF)
            + (rip->ip_dst.s_addr >> 16) + (rip->ip_dst.s_addr & 0xFFFF)
            + htons(IP_PROTO_TCP) + htons((uint16_t) seglen);
        for (int i = 0; i < seglen / 2; ++i)
            sum += w[i];
        sum = (sum >> 16) + (sum & 0xFFFF);
        sum += sum >> 16;
        rth->th_sum = (uint16_t) ~sum;

        q->set_ip_header(rip, sizeof(click_ip));
        q->set_dst_ip_anno(IPAddress(rip->ip_dst));
        _synacks++;
        p->kill();
        output(1).push(q);
        return;
    }

    if ((fl & (TH_SYN | TH_ACK)) != TH_ACK) {
        _stray++;                           // SYN-ACK from outside, or no ACK bit
        p->kill();
        return;
    }

    if (Conn *c = _conns.findp(flow)) {
        _passed++;
        SET_AGGREGATE_ANNO(p, c->mss);
        if (fl & TH_FIN)
            _conns.erase(flow);
        output(0).push(p);
        return;
    }

    uint32_t cookie = ntohl(th->th_ack) - 1;
    uint32_t ctr = cookie >> 24;
    if (((now_count - (ctr >> 3)) & 31) > 1) {
        _stale++;
        p->kill();
        return;
    }
    if (cookie_mac(iph, th, ctr) != (cookie & 0x00FFFFFFU)) {
        _invalid++;
        p->kill();
        return;
    }
    Conn c;
    c.client_isn = ntohl(th->th_seq) - 1;
    c.cookie = cookie;
    c.mss = mss_steps[ctr & 7];
    _conns.set(flow, c);
    _valid++;
    SET_AGGREGATE_ANNO(p, c.mss);
    output(2).push(p);
}

void
SynCookieProxy::add_handlers()
{
    add_data_handlers("syns", Handler::f_read, &_syns);
    add_data_handlers("synacks", Handler::f_read, &_synacks);
    add_data_handlers("valid", Handler::f_read, &_valid);
    add_data_handlers("invalid", Handler::f_read, &_invalid);
    add_data_handlers("stale", Handler::f_read, &_stale);
    add_data_handlers("passed", Handler::f_read, &_passed);
    add_data_handlers("stray", Handler::f_read, &_stray);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(SynCookieProxy)
