// -*- c-basic-offset: 4 -*-
/*
 * tcp_rtt_estimator.{cc,hh} -- passive TCP round-trip time estimator
 *
 * Training code for Clara's compute model (nf_corpus/telemetry); written for
 * Clara, not an evaluation NF.
 *
 * Per packet: TCP header fields, a HashMap lookup of the connection in
 * either direction, SYN / SYN-ACK / ACK matching with sequence arithmetic,
 * one timed segment per direction, fixed-point SRTT/RTTVAR updates, and a
 * log-linear histogram plus a ring of recent samples in member arrays.
 */

#include <click/config.h>
#include "tcp_rtt_estimator.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

TcpRttEstimator::TcpRttEstimator()
    : _recent_pos(0), _max_flows(32768), _sample_every(4), _use_anno(false),
      _idle_ns(120LL * Timestamp::nsec_per_sec), _until_sweep(8192),
      _not_tcp(0), _no_flow(0), _overflow(0), _closed(0), _karn(0)
{
    memset(_hist, 0, sizeof(_hist));
    memset(_recent, 0, sizeof(_recent));
    memset(_nsamples, 0, sizeof(_nsamples));
}

TcpRttEstimator::~TcpRttEstimator()
{
}

int
TcpRttEstimator::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned max_flows = 32768, every = 4;
    bool use_anno = false;
    Timestamp idle(120);

    if (Args(conf, this, errh)
        .read_p("MAX_FLOWS", max_flows)
        .read_p("SAMPLE_EVERY", every)
        .read("USE_TIMESTAMP_ANNO", use_anno)
        .read("IDLE", idle)
        .complete() < 0)
        return -1;

    if (max_flows == 0)
        return errh->error("MAX_FLOWS must be positive");
    if (every == 0 || every > 65535)
        return errh->error("SAMPLE_EVERY must be between 1 and 65535");
    if (idle.nsecval() <= 0)
        return errh->error("IDLE must be positive");

    _max_flows = max_flows;
    _sample_every = every;
    _use_anno = use_anno;
    _idle_ns = idle.nsecval();
    return 0;
}

// RFC 6298 smoothing in integers: srtt8 = 8*SRTT, rttvar4 = 4*RTTVAR.
void
TcpRttEstimator::record(RttFlow &f, int kind, uint32_t rtt_us)
{
    if (f.nsamples == 0) {
        f.srtt8 = rtt_us << 3;
        f.rttvar4 = rtt_us << 1;
    } else {
        int32_t err = (int32_t) rtt_us - (int32_t) (f.srtt8 >> 3);
        f.srtt8 = (uint32_t) ((int32_t) f.srtt8 + err);
        if (err < 0)
            err = -err;
        f.rttvar4 = (uint32_t) ((int32_t) f.rttvar4 + err - (int32_t) (f.rttvar4 >> 2));
    }
    if (f.nsamples < 0xFFFF)
        f.nsamples++;
    if (rtt_us < f.min_rtt_us)
        f.min_rtt_us = rtt_us;

    _hist[kind][bucket_of(rtt_us)]++;
    _nsamples[kind]++;
    _recent[_recent_pos] = rtt_us;
    _recent_pos = (_recent_pos + 1) & (RECENT - 1);
}

void
TcpRttEstimator::sweep(int64_t now_ns)
{
    _stale.clear();
    for (HashMap<IPFlowID, RttFlow>::iterator it = _flows.begin(); it.live(); ++it)
        if (now_ns - it.value().last_ns > _idle_ns)
            _stale.push_back(it.key());
    for (int i = 0; i < _stale.size(); i++)
        _flows.erase(_stale[i]);
}

Packet *
TcpRttEstimator::simple_action(Packet *p)
{
    if (!p->has_network_header() || !p->has_transport_header()) {
        _not_tcp++;
        return p;
    }
    const click_ip *iph = p->ip_header();
    if (iph->ip_p != IP_PROTO_TCP || !IP_FIRSTFRAG(iph)
        || p->transport_length() < (int) sizeof(click_tcp)) {
        _not_tcp++;
        return p;
    }

    const click_tcp *th = p->tcp_header();
    uint8_t flags = th->th_flags;
    uint32_t seq = ntohl(th->th_seq);
    uint32_t ack = ntohl(th->th_ack);
    int32_t payload = (int32_t) ntohs(iph->ip_len) - (int32_t) (iph->ip_hl << 2)
        - (int32_t) (th->th_off << 2);
    if (payload < 0)
        payload = 0;

    int64_t now;
    if (_use_anno && p->timestamp_anno().is_set())
        now = p->timestamp_anno().nsecval();
    else
        now = Timestamp::now().nsecval();

    IPFlowID key(IPAddress(iph->ip_src), th->th_sport, IPAddress(iph->ip_dst), th->th_dport);

    // A fresh SYN (re)starts the connection record, keyed by the client.
    if ((flags & (TH_SYN | TH_ACK)) == TH_SYN) {
        RttFlow *f = _flows.findp(key);
        if (!f) {
            if (_flows.size() >= _max_flows) {
                _overflow++;
                goto done;
            }
            _flows.insert(key, RttFlow());
            f = _flows.findp(key);
        } else if (f->state == S_SYN && f->client_isn == seq) {
            // SYN retransmission: the handshake time is ambiguous
            f->syn_ns = 0;
            f->karn_voids++;
            _karn++;
            f->last_ns = now;
            goto done;
        } else
            *f = RttFlow();
        f->state = S_SYN;
        f->client_isn = seq;
        f->syn_ns = now;
        f->last_ns = now;
        goto done;
    }

    {
        // Which direction is this packet?  dir 0: client->server.
        int dir = 0;
        RttFlow *f = _flows.findp(key);
        if (!f) {
            f = _flows.findp(key.reverse());
            dir = 1;
        }
        if (!f) {
            _no_flow++;
            goto done;
        }
        f->last_ns = now;

        switch (f->state) {
        case S_SYN:
            if (dir == 1 && (flags & (TH_SYN | TH_ACK)) == (TH_SYN | TH_ACK)
                && ack == f->client_isn + 1) {
                f->server_isn = seq;
                f->synack_ns = now;
                f->state = S_SYNACK;
                if (f->syn_ns)
                    record(*f, K_HANDSHAKE, ns_to_us(now - f->syn_ns));
            }
            break;
        case S_SYNACK:
            if (dir == 0 && (flags & TH_ACK) && ack == f->server_isn + 1) {
                f->state = S_OPEN;
                record(*f, K_HANDSHAKE, ns_to_us(now - f->synack_ns));
            }
            if (f->state != S_OPEN)
                break;
            // the handshake ACK may carry data: fall through to sampling
            /* fallthrough */
        case S_OPEN: {
            // 1. Does this ACK complete the other direction's sample?
            Sample &other = f->sample[1 - dir];
            if ((flags & TH_ACK) && other.live && SEQ_GEQ(ack, other.end_seq)) {
                record(*f, K_DATA, ns_to_us(now - other.sent_ns));
                other.live = false;
            }

            // 2. Start or void a sample of our own direction.
            Sample &mine = f->sample[dir];
            if (payload > 0) {
                uint32_t end = seq + (uint32_t) payload;
                if (mine.live) {
                    // Retransmission of (part of) the timed segment.
                    if (SEQ_LT(seq, mine.end_seq) && SEQ_GEQ(end, mine.start_seq)
                        && SEQ_LEQ(end, mine.end_seq)) {
                        mine.live = false;
                        f->karn_voids++;
                        _karn++;
                    }
                } else if (++f->eligible >= _sample_every) {
                    f->eligible = 0;
                    mine.start_seq = seq;
                    mine.end_seq = end;
                    mine.sent_ns = now;
                    mine.live = true;
                }
            }
            break;
        }
        default:
            break;
        }

        if (flags & (TH_FIN | TH_RST)) {
            _flows.erase(dir == 0 ? key : key.reverse());
            _closed++;
        }
    }

  done:
    if (--_until_sweep == 0) {
        _until_sweep = 8192;
        sweep(now);
    }
    return p;
}

// The value below which 'permille'/1000 of the samples of one kind fall,
// to bucket resolution.
uint32_t
TcpRttEstimator::percentile(int kind, unsigned permille) const
{
    uint64_t total = _nsamples[kind];
    if (total == 0)
        return 0;
    uint64_t want = (total * permille + 999) / 1000;
    uint64_t acc = 0;
    for (int b = 0; b < NBUCKETS; b++) {
        acc += _hist[kind][b];
        if (acc >= want)
            return bucket_low(b + 1 < NBUCKETS ? b + 1 : b);
    }
    return bucket_low(NBUCKETS - 1);
}

String
TcpRttEstimator::unparse_histogram() const
{
    StringAccum sa;
    for (int b = 0; b < NBUCKETS; b++) {
        if (_hist[K_HANDSHAKE][b] == 0 && _hist[K_DATA][b] == 0)
            continue;
        sa << bucket_low(b) << ' ' << _hist[K_HANDSHAKE][b] << ' '
           << _hist[K_DATA][b] << '\n';
    }
    return sa.take_string();
}

String
TcpRttEstimator::read_handler(Element *e, void *thunk)
{
    TcpRttEstimator *t = static_cast<TcpRttEstimator *>(e);
    StringAccum sa;
    switch ((int) reinterpret_cast<uintptr_t>(thunk)) {
    case h_samples:
        sa << t->_nsamples[K_HANDSHAKE] << ' ' << t->_nsamples[K_DATA];
        break;
    case h_flows:
        sa << (unsigned long) t->_flows.size();
        break;
    case h_histogram:
        return t->unparse_histogram();
    case h_percentiles:
        sa << t->percentile(K_DATA, 500) << ' ' << t->percentile(K_DATA, 900)
           << ' ' << t->percentile(K_DATA, 990);
        break;
    case h_srtt: {
        uint64_t sum = 0, n = 0;
        for (HashMap<IPFlowID, RttFlow>::const_iterator it = t->_flows.begin();
             it.live(); ++it)
            if (it.value().nsamples) {
                sum += it.value().srtt8 >> 3;
                n++;
            }
        sa << (n ? sum / n : 0);
        break;
    }
    default:
        break;
    }
    return sa.take_string();
}

int
TcpRttEstimator::write_handler(const String &, Element *e, void *, ErrorHandler *)
{
    TcpRttEstimator *t = static_cast<TcpRttEstimator *>(e);
    t->_flows.clear();
    memset(t->_hist, 0, sizeof(t->_hist));
    memset(t->_recent, 0, sizeof(t->_recent));
    memset(t->_nsamples, 0, sizeof(t->_nsamples));
    t->_recent_pos = 0;
    t->_not_tcp = t->_no_flow = t->_overflow = t->_closed = t->_karn = 0;
    return 0;
}

void
TcpRttEstimator::add_handlers()
{
    add_read_handler("samples", read_handler, h_samples);
    add_read_handler("flows", read_handler, h_flows);
    add_read_handler("histogram", read_handler, h_histogram);
    add_read_handler("percentiles", read_handler, h_percentiles);
    add_read_handler("srtt", read_handler, h_srtt);
    add_data_handlers("karn_voids", Handler::f_read, &_karn);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TcpRttEstimator)
