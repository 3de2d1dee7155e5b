/*
 * ecn_threshold_marker.cc -- EcnThresholdMarker: up to 16 VirtualPort
 * queues (uint64_t, bytes << 8) drained together by the time since the
 * previous packet, a shared-buffer dynamic threshold for admission, step
 * CE marking above K, and a 1024-entry FlowBucket array (16 KiB) holding
 * DCTCP-style alpha estimates updated once per window.
 *
 * Training code for Clara's compute model (nf_corpus/queueing): a realistic
 * data-centre ECN marker written for the corpus, not an evaluation NF.
 * Per packet: IPv4/TCP/UDP parsing, a drain loop over all ports, 64-bit
 * fixed-point arithmetic, a multiplicative flow hash into the bucket
 * array, wrap-safe 32-bit window arithmetic, an occasional division and
 * decay loop, CE marking with a checksum update and an annotation write.
 */
#include <click/config.h>
#include "ecn_threshold_marker.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

EcnThresholdMarker::EcnThresholdMarker()
    : _nports(4), _rate_q24(0), _k(30000), _buffer(1048576), _dt_shift(1),
      _gain_shift(4), _window_us(1000), _last_ns(0), _windows(0)
{
    memset(_ports, 0, sizeof(_ports));
    memset(_buckets, 0, sizeof(_buckets));
}

EcnThresholdMarker::~EcnThresholdMarker()
{
}

int
EcnThresholdMarker::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned long long rate = 0;
    unsigned drain = 100;
    Timestamp window = Timestamp::make_msec(1);
    if (Args(conf, this, errh)
        .read_mp("RATE", rate)
        .read("PORTS", _nports)
        .read("K", _k)
        .read("BUFFER", _buffer)
        .read("DT_SHIFT", _dt_shift)
        .read("DRAIN", drain)
        .read("WINDOW", window)
        .read("GAIN_SHIFT", _gain_shift)
        .complete() < 0)
        return -1;
    if (rate < 1000 || rate > 12500000000ULL)
        return errh->error("RATE must be 1000 to 12500000000 bytes/s");
    if (_nports < 1 || _nports > MAX_PORTS)
        return errh->error("PORTS must be 1-%d", (int) MAX_PORTS);
    if (_buffer < 16384 || _buffer > (1U << 30))
        return errh->error("BUFFER must be 16 KiB to 1 GiB");
    if (_k == 0 || _k >= _buffer)
        return errh->error("K must be positive and below BUFFER");
    if (_dt_shift > 4)
        return errh->error("DT_SHIFT must be 0-4");
    if (drain < 50 || drain > 100)
        return errh->error("DRAIN must be 50-100 percent");
    if (_gain_shift < 1 || _gain_shift > 8)
        return errh->error("GAIN_SHIFT must be 1-8");
    int64_t wus = window.usecval();
    if (wus < 10 || wus > 1000000)
        return errh->error("WINDOW must be 10us to 1s");
    _window_us = (uint32_t) wus;
    _rate_q24 = ((rate * drain / 100) << RATE_SHIFT) / 1000000000ULL;
    if (_rate_q24 == 0)
        _rate_q24 = 1;
    return 0;
}

int
EcnThresholdMarker::initialize(ErrorHandler *)
{
    _last_ns = Timestamp::recent_steady().nsecval();
    uint32_t now_us = (uint32_t) (_last_ns / 1000);
    for (int i = 0; i < NBUCKETS; ++i)
        _buckets[i].window_start_us = now_us;
    return 0;
}

uint32_t
EcnThresholdMarker::drain_all(int64_t now_ns)
{
    uint64_t drained = 0;
    int64_t elapsed = now_ns - _last_ns;
    if (elapsed > 0) {
        _last_ns = now_ns;
        if (elapsed > (1LL << 30))
            elapsed = 1LL << 30;        // ~1s empties any buffer we accept
        drained = ((uint64_t) elapsed * _rate_q24) >> (RATE_SHIFT - VQ_SHIFT);
    }
    uint32_t total = 0;
    for (unsigned i = 0; i < _nports; ++i) {
        VirtualPort &vp = _ports[i];
        vp.vq = vp.vq > drained ? vp.vq - drained : 0;
        total += (uint32_t) (vp.vq >> VQ_SHIFT);
    }
    return total;
}

void
EcnThresholdMarker::fold_window(FlowBucket &b, uint32_t now_us)
{
    uint32_t alpha = b.alpha;
    if (b.bytes) {
        uint32_t f = (uint32_t) (((uint64_t) b.marked_bytes * ALPHA_ONE) / b.bytes);
        alpha = alpha - (alpha >> _gain_shift) + (f >> _gain_shift);
    } else {
        // windows without traffic each pull alpha toward zero
        uint32_t idle = (now_us - b.window_start_us) / _window_us;
        for (uint32_t i = 0; i < idle && i < 16 && alpha; ++i)
            alpha -= (alpha >> _gain_shift) + 1;
    }
    b.alpha = (uint16_t) (alpha > (uint32_t) ALPHA_ONE ? (uint32_t) ALPHA_ONE : alpha);
    b.bytes = 0;
    b.marked_bytes = 0;
    b.window_start_us = now_us;
    _windows++;
}

Packet *
EcnThresholdMarker::mark_ce(Packet *p)
{
    WritablePacket *q = p->uniqueify();
    if (!q)
        return 0;
    click_ip *iph = q->ip_header();
    uint16_t old_hw = *reinterpret_cast<uint16_t *>(iph);
    iph->ip_tos = (uint8_t) (iph->ip_tos | IP_ECN_CE);
    click_update_in_cksum(&iph->ip_sum, old_hw, *reinterpret_cast<uint16_t *>(iph));
    return q;
}

void
EcnThresholdMarker::push(int, Packet *p)
{
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)) {
        output(0).push(p);
        return;
    }
    const click_ip *iph = p->ip_header();
    uint32_t len = ntohs(iph->ip_len);
    if (len < sizeof(click_ip) || len > (uint32_t) p->network_length())
        len = p->network_length();

    const Timestamp &ts = p->timestamp_anno();
    int64_t now = ts ? ts.nsecval() : Timestamp::recent_steady().nsecval();
    uint32_t total = drain_all(now);

    // shared buffer, dynamic threshold: a port may use a fraction of what is free
    VirtualPort &vp = _ports[p->paint_anno() % _nports];
    uint32_t free_bytes = _buffer > total ? _buffer - total : 0;
    uint32_t occ = (uint32_t) (vp.vq >> VQ_SHIFT);
    if (occ + len > (free_bytes >> _dt_shift)) {
        vp.dropped++;
        checked_output_push(1, p);
        return;
    }
    vp.vq += (uint64_t) len << VQ_SHIFT;
    occ += len;
    vp.enqueued++;
    if (occ > vp.peak)
        vp.peak = occ;

    uint16_t sport = 0, dport = 0;
    uint8_t tcp_flags = 0;
    if (IP_FIRSTFRAG(iph) && p->transport_length() >= 4) {
        if (iph->ip_p == IP_PROTO_TCP && p->transport_length() >= (int) sizeof(click_tcp)) {
            const click_tcp *th = p->tcp_header();
            sport = th->th_sport;
            dport = th->th_dport;
            tcp_flags = th->th_flags;
        } else if (iph->ip_p == IP_PROTO_UDP) {
            sport = p->udp_header()->uh_sport;
            dport = p->udp_header()->uh_dport;
        }
    }
    uint32_t src = iph->ip_src.s_addr, dst = iph->ip_dst.s_addr;
    uint32_t now_us = (uint32_t) (now / 1000);

    FlowBucket &b = _buckets[flow_hash(src, dst, sport, dport)];
    if ((int32_t) (now_us - b.window_start_us) >= (int32_t) _window_us)
        fold_window(b, now_us);
    b.bytes += len;

    // an ACK echoing congestion speaks for the reverse flow's sender
    if ((tcp_flags & (TH_ACK | TH_ECE | TH_SYN)) == (TH_ACK | TH_ECE)) {
        FlowBucket &rb = _buckets[flow_hash(dst, src, dport, sport)];
        if (rb.ece_acks != 0xFFFF)
            rb.ece_acks++;
    }

    if (occ > _k) {
        uint8_t ecn = iph->ip_tos & IP_ECNMASK;
        if (ecn == IP_ECN_NOT_ECT)
            vp.not_ect++;
        else {
            if (ecn != IP_ECN_CE && !(p = mark_ce(p)))
                return;
            vp.marked++;
            b.marked_bytes += len;
        }
    }
    p->set_anno_u16(ALPHA_ANNO_OFFSET, b.alpha);
    output(0).push(p);
}

enum { h_ports, h_alpha };

String
EcnThresholdMarker::read_handler(Element *e, void *thunk)
{
    EcnThresholdMarker *m = static_cast<EcnThresholdMarker *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_ports) {
        for (unsigned i = 0; i < m->_nports; ++i) {
            const VirtualPort &vp = m->_ports[i];
            sa << i << ' ' << (unsigned long long) (vp.vq >> VQ_SHIFT) << ' ' << vp.peak
               << ' ' << vp.enqueued << ' ' << vp.marked << ' ' << vp.not_ect << ' '
               << vp.dropped << '\n';
        }
        sa << "windows " << m->_windows << '\n';
        return sa.take_string();
    }
    // the TOP_N buckets by alpha, kept sorted by insertion
    int top[TOP_N], n = 0;
    for (int i = 0; i < NBUCKETS; ++i) {
        uint16_t a = m->_buckets[i].alpha;
        if (!a || (n == TOP_N && a <= m->_buckets[top[n - 1]].alpha))
            continue;
        int j = n < TOP_N ? n++ : n - 1;
        while (j > 0 && m->_buckets[top[j - 1]].alpha < a) {
            top[j] = top[j - 1];
            --j;
        }
        top[j] = i;
    }
    for (int i = 0; i < n; ++i) {
        const FlowBucket &b = m->_buckets[top[i]];
        sa << top[i] << ' ' << ((b.alpha * 1000U) / ALPHA_ONE) << "/1000 " << b.ece_acks
           << '\n';
    }
    return sa.take_string();
}

void
EcnThresholdMarker::add_handlers()
{
    add_read_handler("ports", read_handler, h_ports);
    add_read_handler("alpha", read_handler, h_alpha);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(EcnThresholdMarker)
