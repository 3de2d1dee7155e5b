/*
 * icmp_echo_tracker.cc -- IcmpEchoTracker: outstanding echo requests in a
 * HashMap<EchoKey, Request>, per-host RTT state in a HashMap<IPAddress,
 * HostRtt>; replies are matched, their payload compared by a word sum,
 * the RTT smoothed and binned; a sweep turns old requests into losses.
 *
 * Training code for Clara's compute model (nf_corpus/session): a realistic
 * ping monitor written for the corpus, not an evaluation NF.  Per packet:
 * IP/ICMP checks, an optional checksum call, a strided 32-bit word loop
 * over the payload, 16-bit modular sequence arithmetic, two HashMaps with
 * lookups, inserts, in-place updates and an erase, signed 64-bit fixed
 * point RTT smoothing and a count-leading-zeros histogram bucket.
 */
#include <click/config.h>
#include "icmp_echo_tracker.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/icmp.h>
CLICK_DECLS

IcmpEchoTracker::IcmpEchoTracker()
    : _check_bytes(64), _timeout_s(3), _max_requests(16384), _max_hosts(4096),
      _sweep_every(512), _sweep_countdown(512), _verify(false),
      _n_requests(0), _n_replies(0), _matched(0), _unsolicited(0), _corrupt(0),
      _bad_cksum(0), _lost(0), _gaps(0), _reorders(0), _duplicates(0)
{
    memset(_rtt_hist, 0, sizeof(_rtt_hist));
}

IcmpEchoTracker::~IcmpEchoTracker()
{
}

int
IcmpEchoTracker::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read("CHECK_BYTES", _check_bytes)
        .read("TIMEOUT", _timeout_s)
        .read("MAX_REQUESTS", _max_requests)
        .read("MAX_HOSTS", _max_hosts)
        .read("SWEEP_EVERY", _sweep_every)
        .read("VERIFY", _verify)
        .complete() < 0)
        return -1;
    if (_check_bytes > 1472)
        return errh->error("CHECK_BYTES must be at most 1472");
    if (_timeout_s == 0)
        return errh->error("TIMEOUT must be positive");
    if (_max_requests == 0 || _max_hosts == 0)
        return errh->error("table sizes must be positive");
    if (_sweep_every == 0)
        _sweep_every = 1;
    _sweep_countdown = _sweep_every;
    return 0;
}

/* Order-sensitive sum over the first _check_bytes payload bytes. */
uint32_t
IcmpEchoTracker::payload_sum(const unsigned char *d, int len) const
{
    if ((uint32_t) len > _check_bytes)
        len = _check_bytes;
    uint32_t a = 1, b = 0;
    int i = 0;
    while (i + 4 <= len) {
        uint32_t w;
        memcpy(&w, d + i, 4);
        a += w;
        b += a;
        i += 4;
    }
    for (; i < len; ++i) {
        a += d[i];
        b += a;
    }
    return a ^ (b << 16 | b >> 16);
}

IcmpEchoTracker::HostRtt *
IcmpEchoTracker::host(IPAddress a)
{
    HostRtt *h = _hosts.findp(a);
    if (h || _hosts.size() >= _max_hosts)
        return h;
    HostRtt nh;
    memset(&nh, 0, sizeof(nh));
    nh.min_rtt_us = ~(uint64_t) 0;
    _hosts.insert(a, nh);
    return _hosts.findp(a);
}

void
IcmpEchoTracker::note_request(const click_ip *iph, const click_icmp_echo *ie,
                              const unsigned char *payload, int plen,
                              const Timestamp &now)
{
    _n_requests++;
    uint16_t ident = ntohs(ie->icmp_identifier), seq = ntohs(ie->icmp_sequence);

    if (HostRtt *h = host(IPAddress(iph->ip_dst))) {
        if (!h->seq_valid || h->last_ident != ident) {
            h->seq_valid = 1;
            h->last_ident = ident;
            h->last_seq = seq;
        } else {
            uint16_t step = (uint16_t) (seq - h->last_seq);
            // step 0 is the same probe again: counted as a duplicate below
            if (step != 0 && step < 0x8000) {
                if (step > 1) {
                    h->gaps += step - 1;
                    _gaps += step - 1;
                }
                h->last_seq = seq;
            } else if (step != 0) {
                h->reorders++;
                _reorders++;
            }
        }
    }

    EchoKey k(iph->ip_src.s_addr, iph->ip_dst.s_addr, ident, seq);
    if (Request *r = _requests.findp(k)) {
        // retransmitted probe: the newest send time is the one to measure
        _duplicates++;
        r->sent = now;
        return;
    }
    if (_requests.size() >= _max_requests)
        return;
    Request r;
    r.sent = now;
    r.payload_sum = payload_sum(payload, plen);
    r.payload_len = (uint16_t) plen;
    r.ip_id = iph->ip_id;
    _requests.insert(k, r);
}

bool
IcmpEchoTracker::note_reply(const click_ip *iph, const click_icmp_echo *ie,
                            const unsigned char *payload, int plen,
                            const Timestamp &now, uint32_t *rtt_us)
{
    _n_replies++;
    EchoKey k(iph->ip_dst.s_addr, iph->ip_src.s_addr, ntohs(ie->icmp_identifier),
              ntohs(ie->icmp_sequence));
    Request *r = _requests.findp(k);
    if (!r) {
        _unsolicited++;
        return false;
    }
    if (r->payload_len != plen || r->payload_sum != payload_sum(payload, plen)) {
        _corrupt++;
        _requests.erase(k);
        return false;
    }

    int64_t rtt = (now - r->sent).usecval();
    if (rtt < 0)
        rtt = 0;
    _requests.erase(k);
    _matched++;
    _rtt_hist[rtt_bucket((uint64_t) rtt)]++;
    *rtt_us = rtt > 0xFFFFFFFFLL ? 0xFFFFFFFFU : (uint32_t) rtt;

    HostRtt *h = host(IPAddress(iph->ip_src));
    if (!h)
        return true;
    if (h->samples == 0) {
        h->srtt_us = rtt << 3;
        h->rttvar_us = rtt << 1;
    } else {
        int64_t err = rtt - (h->srtt_us >> 3);
        h->srtt_us += err;
        if (err < 0)
            err = -err;
        h->rttvar_us += err - (h->rttvar_us >> 2);
    }
    if ((uint64_t) rtt < h->min_rtt_us)
        h->min_rtt_us = (uint64_t) rtt;
    h->samples++;
    return true;
}

void
IcmpEchoTracker::sweep(const Timestamp &now)
{
    _lost_scratch.clear();
    for (HashMap<EchoKey, Request>::iterator it = _requests.begin(); it.live(); ++it)
        if ((now - it.value().sent).sec() >= (Timestamp::seconds_type) _timeout_s)
            _lost_scratch.push_back(it.key());
    for (int i = 0; i < _lost_scratch.size(); ++i) {
        const EchoKey &k = _lost_scratch[i];
        if (HostRtt *h = _hosts.findp(IPAddress(k.dst)))
            h->lost++;
        _requests.erase(k);
    }
    _lost += _lost_scratch.size();
}

void
IcmpEchoTracker::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_ICMP || IP_ISFRAG(iph)
        || p->transport_length() < ECHO_HDR_LEN) {
        output(0).push(p);
        return;
    }
    const click_icmp_echo *ie =
        reinterpret_cast<const click_icmp_echo *>(p->transport_header());
    if (ie->icmp_type != ICMP_ECHO && ie->icmp_type != ICMP_ECHOREPLY) {
        output(0).push(p);
        return;
    }

    int tlen = p->transport_length();
    int ip_payload = (int) ntohs(iph->ip_len) - (int) (iph->ip_hl << 2);
    if (ip_payload >= ECHO_HDR_LEN && ip_payload < tlen)
        tlen = ip_payload;                  // ignore link-layer padding
    if (_verify && click_in_cksum(p->transport_header(), tlen) != 0) {
        _bad_cksum++;
        checked_output_push(1, p);
        return;
    }

    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();
    if (--_sweep_countdown == 0) {
        _sweep_countdown = _sweep_every;
        sweep(now);
    }

    const unsigned char *payload = p->transport_header() + ECHO_HDR_LEN;
    int plen = tlen - ECHO_HDR_LEN;
    if (ie->icmp_type == ICMP_ECHO) {
        note_request(iph, ie, payload, plen, now);
        output(0).push(p);
        return;
    }
    uint32_t rtt = 0;
    if (!note_reply(iph, ie, payload, plen, now, &rtt)) {
        checked_output_push(1, p);
        return;
    }
    SET_AGGREGATE_ANNO(p, rtt);
    output(0).push(p);
}

enum { h_requests, h_replies, h_matched, h_unsolicited, h_corrupt, h_lost,
       h_gaps, h_reorders, h_duplicates, h_hosts, h_hist };

String
IcmpEchoTracker::read_handler(Element *e, void *thunk)
{
    IcmpEchoTracker *t = static_cast<IcmpEchoTracker *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_requests:    sa << t->_n_requests; break;
    case h_replies:     sa << t->_n_replies; break;
    case h_matched:     sa << t->_matched; break;
    case h_unsolicited: sa << t->_unsolicited; break;
    case h_corrupt:     sa << t->_corrupt; break;
    case h_lost:        sa << t->_lost; break;
    case h_gaps:        sa << t->_gaps; break;
    case h_reorders:    sa << t->_reorders; break;
    case h_duplicates:  sa << t->_duplicates; break;
    case h_hosts:
        for (HashMap<IPAddress, HostRtt>::iterator it = t->_hosts.begin(); it.live(); ++it) {
            const HostRtt &h = it.value();
            sa << it.key() << ' ' << (h.srtt_us >> 3) << ' ' << (h.rttvar_us >> 2)
               << ' ' << h.samples << ' ' << h.lost << '\n';
        }
        break;
    case h_hist:
        for (int b = 0; b < RTT_BUCKETS; ++b)
            if (t->_rtt_hist[b])
                sa << b << ' ' << t->_rtt_hist[b] << '\n';
        break;
    }
    return sa.take_string();
}

void
IcmpEchoTracker::add_handlers()
{
    add_read_handler("requests", read_handler, h_requests);
    add_read_handler("replies", read_handler, h_replies);
    add_read_handler("matched", read_handler, h_matched);
    add_read_handler("unsolicited", read_handler, h_unsolicited);
    add_read_handler("corrupt", read_handler, h_corrupt);
    add_read_handler("lost", read_handler, h_lost);
    add_read_handler("gaps", read_handler, h_gaps);
    add_read_handler("reorders", read_handler, h_reorders);
    add_read_handler("duplicates", read_handler, h_duplicates);
    add_read_handler("hosts", read_handler, h_hosts);
    add_read_handler("rtt_histogram", read_handler, h_hist);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(IcmpEchoTracker)
