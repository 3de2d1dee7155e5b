// -*- c-basic-offset: 4 -*-
/*
 * payload_stats_sampler.cc -- PayloadStatsSampler: per-flow payload byte
 * statistics in a HashMap<FlowKey, FlowStats>, gathered on the first
 * packets of each flow and then on every Nth; printable ratio, zero runs,
 * byte sums and an Adler-32 per sample; flows with unusual payloads are
 * flagged and diverted.
 *
 * Training code for Clara's compute model (nf_corpus/inspection): a
 * realistic payload sampler written for the corpus, not an evaluation NF.
 * Per packet: a protocol switch for the key and payload bounds, a HashMap
 * lookup/insert (erase on FIN/RST), a modulo sampling test; on a sample a
 * blocked scan -- 2 KiB blocks, each walked eight bytes at a time with a
 * 64-bit all-zero fast path and a per-byte inner loop, then a byte tail
 * loop, with modulo reductions per block -- a division for the ratio,
 * histogram updates, annotations; every 65536 packets a sweep of idle
 * flows through a Vector.
 */
#include <click/config.h>
#include "payload_stats_sampler.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

PayloadStatsSampler::PayloadStatsSampler()
    : _every(8), _first(4), _max_bytes(1500), _max_flows(32768), _timeout_s(120),
      _low_printable(0), _zero_run(0), _min_samples(4),
      _sweep_countdown(SWEEP_EVERY), _color(2), _packets(0), _sampled(0),
      _scanned_bytes(0), _repeats(0), _flagged_flows(0), _untracked(0), _swept(0)
{
    memset(_ratio_hist, 0, sizeof(_ratio_hist));
    memset(_zero_hist, 0, sizeof(_zero_hist));
}

PayloadStatsSampler::~PayloadStatsSampler()
{
}

int
PayloadStatsSampler::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned color = 2;
    if (Args(conf, this, errh)
        .read_p("EVERY", _every)
        .read("FIRST", _first)
        .read("MAX_BYTES", _max_bytes)
        .read("MAX_FLOWS", _max_flows)
        .read("TIMEOUT", _timeout_s)
        .read("LOW_PRINTABLE", _low_printable)
        .read("ZERO_RUN", _zero_run)
        .read("MIN_SAMPLES", _min_samples)
        .read("COLOR", color)
        .complete() < 0)
        return -1;
    if (_every == 0)
        return errh->error("EVERY must be positive");
    if (_max_bytes < 8 || _max_bytes > 65535)
        return errh->error("MAX_BYTES must be between 8 and 65535");
    if (_low_printable > 1000)
        return errh->error("LOW_PRINTABLE is per mille (0-1000)");
    if (_zero_run > 65535)
        return errh->error("ZERO_RUN must be below 65536");
    if (_timeout_s == 0)
        return errh->error("TIMEOUT must be positive");
    if (color > 255)
        return errh->error("COLOR must be a byte");
    if (_min_samples == 0)
        _min_samples = 1;
    _color = color;
    return 0;
}

void
PayloadStatsSampler::reset_flow(FlowStats &f, const Timestamp &now) const
{
    f.byte_sum = 0;
    f.packets = f.payload_packets = f.samples = 0;
    f.sampled_bytes = f.printable = f.zeros = 0;
    f.last_adler = 0;
    f.max_zero_run = 0;
    f.ratio = 1000;
    f.repeats = 0;
    f.flagged = 0;
    f.first = now;
    f.last = now;
}

/* Scan n payload bytes.  Adler-32 sums are reduced after every block of
   ADLER_BLOCK bytes, small enough that b cannot overflow 32 bits. */
void
PayloadStatsSampler::scan(const unsigned char *d, int n, Scan &s) const
{
    uint32_t prn = 0, zeros = 0, run = 0, maxrun = 0, sum = 0;
    uint32_t a = 1, b = 0;
    int i = 0;
    while (i < n) {
        int block_end = n - i > ADLER_BLOCK ? i + ADLER_BLOCK : n;
        for (; i + 8 <= block_end; i += 8) {
            uint64_t w;
            memcpy(&w, d + i, 8);
            if (w == 0) {
                // eight zero bytes: a stays, b grows by a each byte
                zeros += 8;
                run += 8;
                b += 8 * a;
                continue;
            }
            for (int j = 0; j < 8; ++j) {
                unsigned char c = d[i + j];
                if (c == 0) {
                    zeros++;
                    run++;
                } else {
                    if (run > maxrun)
                        maxrun = run;
                    run = 0;
                    sum += c;
                    prn += printable(c);
                }
                a += c;
                b += a;
            }
        }
        for (; i < block_end; ++i) {
            unsigned char c = d[i];
            if (c == 0) {
                zeros++;
                run++;
            } else {
                if (run > maxrun)
                    maxrun = run;
                run = 0;
                sum += c;
                prn += printable(c);
            }
            a += c;
            b += a;
        }
        a %= ADLER_MOD;
        b %= ADLER_MOD;
    }
    if (run > maxrun)
        maxrun = run;
    s.printable = prn;
    s.zeros = zeros;
    s.max_zero_run = maxrun;
    s.sum = sum;
    s.adler = (b << 16) | a;
}

void
PayloadStatsSampler::sweep(const Timestamp &now)
{
    _stale.clear();
    for (HashMap<FlowKey, FlowStats>::iterator it = _flows.begin(); it.live(); ++it)
        if ((now - it.value().last).sec() >= (Timestamp::seconds_type) _timeout_s)
            _stale.push_back(it.key());
    for (int i = 0; i < _stale.size(); ++i)
        _flows.erase(_stale[i]);
    _swept += _stale.size();
}

void
PayloadStatsSampler::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph) {
        output(0).push(p);
        return;
    }
    _packets++;
    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();
    if (--_sweep_countdown == 0) {
        _sweep_countdown = SWEEP_EVERY;
        sweep(now);
    }

    FlowKey key;
    key.src = iph->ip_src.s_addr;
    key.dst = iph->ip_dst.s_addr;
    key.proto = iph->ip_p;
    int ip_end = p->network_header_offset() + ntohs(iph->ip_len);
    int end = (int) p->length() < ip_end ? (int) p->length() : ip_end;
    int off = p->transport_header_offset();
    bool closing = false;

    if (!IP_FIRSTFRAG(iph))
        off = end;                          // a later fragment: no L4 header
    else
        switch (iph->ip_p) {
        case IP_PROTO_TCP: {
            if (p->transport_length() < (int) sizeof(click_tcp))
                goto untracked;
            const click_tcp *th = p->tcp_header();
            key.sport = th->th_sport;
            key.dport = th->th_dport;
            off += th->th_off << 2;
            closing = th->th_flags & (TH_FIN | TH_RST);
            break;
        }
        case IP_PROTO_UDP: {
            if (p->transport_length() < (int) sizeof(click_udp))
                goto untracked;
            const click_udp *uh = p->udp_header();
            key.sport = uh->uh_sport;
            key.dport = uh->uh_dport;
            off += sizeof(click_udp);
            break;
        }
        default:
            // the whole IP payload, keyed by addresses and protocol only
            break;
        }

    {
        FlowStats *f = _flows.findp(key);
        if (!f) {
            if (closing || _flows.size() >= _max_flows)
                goto untracked;
            FlowStats nf;
            reset_flow(nf, now);
            _flows.insert(key, nf);
            f = _flows.findp(key);
            if (!f)
                goto untracked;
        } else if ((now - f->last).sec() >= (Timestamp::seconds_type) _timeout_s)
            reset_flow(*f, now);            // idle too long: a new flow

        f->packets++;
        f->last = now;
        int n = end - off;
        if (n > 0) {
            f->payload_packets++;
            uint32_t seq = f->payload_packets;
            if (seq <= _first || (seq - _first) % _every == 0) {
                if (n > (int) _max_bytes)
                    n = _max_bytes;
                Scan s;
                scan(p->data() + off, n, s);
                _sampled++;
                _scanned_bytes += n;

                f->samples++;
                f->sampled_bytes += n;
                f->printable += s.printable;
                f->zeros += s.zeros;
                f->byte_sum += s.sum;
                if (s.max_zero_run > f->max_zero_run)
                    f->max_zero_run = s.max_zero_run > 0xFFFF ? 0xFFFF : s.max_zero_run;
                if (f->samples > 1 && s.adler == f->last_adler) {
                    f->repeats++;
                    _repeats++;
                }
                f->last_adler = s.adler;
                f->ratio = (uint16_t) ((uint64_t) f->printable * 1000 / f->sampled_bytes);

                _ratio_hist[s.printable * 100 / n]++;
                int zb = log2_bucket(s.max_zero_run);
                _zero_hist[zb < ZERO_BUCKETS ? zb : ZERO_BUCKETS - 1]++;

                if (!f->flagged && f->samples >= _min_samples
                    && ((_low_printable && f->ratio < _low_printable)
                        || (_zero_run && f->max_zero_run >= _zero_run))) {
                    f->flagged = 1;
                    _flagged_flows++;
                }
            }
        }

        bool flagged = f->flagged;
        p->set_anno_u16(RATIO_ANNO_OFFSET, f->ratio);
        if (closing)
            _flows.erase(key);
        if (flagged) {
            p->set_paint_anno(_color);
            checked_output_push(1, p);
            return;
        }
        output(0).push(p);
        return;
    }

  untracked:
    _untracked++;
    output(0).push(p);
}

enum { h_flows, h_ratio_hist, h_zero_runs, h_stats };

String
PayloadStatsSampler::read_handler(Element *e, void *thunk)
{
    PayloadStatsSampler *ps = static_cast<PayloadStatsSampler *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_flows:
        for (HashMap<FlowKey, FlowStats>::const_iterator it = ps->_flows.begin();
             it.live(); ++it) {
            const FlowKey &k = it.key();
            const FlowStats &f = it.value();
            sa << IPAddress(k.src) << ':' << ntohs(k.sport) << " > "
               << IPAddress(k.dst) << ':' << ntohs(k.dport) << ' ' << (int) k.proto
               << ' ' << f.packets << ' ' << f.samples << ' ' << f.ratio << ' '
               << f.max_zero_run << ' ' << f.repeats << (f.flagged ? " flagged" : "")
               << '\n';
        }
        break;
    case h_ratio_hist:
        for (int r = 0; r <= 100; ++r)
            if (ps->_ratio_hist[r])
                sa << r << ' ' << ps->_ratio_hist[r] << '\n';
        break;
    case h_zero_runs:
        for (int z = 0; z < ZERO_BUCKETS; ++z)
            sa << ps->_zero_hist[z] << (z + 1 < ZERO_BUCKETS ? ' ' : '\n');
        break;
    case h_stats:
        sa << "packets " << ps->_packets << "\nsampled " << ps->_sampled
           << "\nscanned_bytes " << ps->_scanned_bytes << "\nrepeats " << ps->_repeats
           << "\nflagged_flows " << ps->_flagged_flows << "\nuntracked "
           << ps->_untracked << "\nswept " << ps->_swept << "\nflows "
           << (unsigned long) ps->_flows.size() << '\n';
        break;
    }
    return sa.take_string();
}

void
PayloadStatsSampler::add_handlers()
{
    add_read_handler("flows", read_handler, h_flows);
    add_read_handler("ratio_hist", read_handler, h_ratio_hist);
    add_read_handler("zero_runs", read_handler, h_zero_runs);
    add_read_handler("stats", read_handler, h_stats);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(PayloadStatsSampler)
