// -*- c-basic-offset: 4 -*-
/*
 * flow_size_histogram.{cc,hh} -- log2 histograms of finished flows
 *
 * Training code for Clara's compute model (an NF-like Click element written
 * for the dataset); not one of the evaluation NFs.
 *
 * Per packet: IPFlowID of a TCP/UDP packet, HashMap findp or insert of the
 * flow's byte/packet counters and times; on FIN/RST the flow is binned into
 * log2 histograms (member arrays) and erased.  Every SWEEP packets the table
 * is walked with an iterator and idle flows are binned and erased.
 */

#include <click/config.h>
#include "flow_size_histogram.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

FlowSizeHistogram::FlowSizeHistogram()
    : _timeout(30), _max_flows(65536), _sweep_every(4096), _until_sweep(4096),
      _untracked(0), _ignored(0)
{
    memset(_byte_hist, 0, sizeof(_byte_hist));
    memset(_pkt_hist, 0, sizeof(_pkt_hist));
    memset(_dur_hist, 0, sizeof(_dur_hist));
    memset(_ended, 0, sizeof(_ended));
}

FlowSizeHistogram::~FlowSizeHistogram()
{
}

int
FlowSizeHistogram::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Timestamp timeout(30);
    unsigned max_flows = 65536, sweep = 4096;

    if (Args(conf, this, errh)
        .read_p("TIMEOUT", timeout)
        .read("MAX_FLOWS", max_flows)
        .read("SWEEP", sweep)
        .complete() < 0)
        return -1;

    if (timeout.nsecval() <= 0)
        return errh->error("TIMEOUT must be positive");
    if (max_flows == 0 || sweep == 0)
        return errh->error("MAX_FLOWS and SWEEP must be positive");

    _timeout = timeout;
    _max_flows = max_flows;
    _sweep_every = _until_sweep = sweep;
    return 0;
}

// floor(log2(v)) by halving the search range: six steps for 64 bits.
int
FlowSizeHistogram::log2_fast(uint64_t v)
{
    if (v == 0)
        return 0;
    int r = 0;
    if (v >> 32) { v >>= 32; r += 32; }
    if (v >> 16) { v >>= 16; r += 16; }
    if (v >> 8)  { v >>= 8;  r += 8; }
    if (v >> 4)  { v >>= 4;  r += 4; }
    if (v >> 2)  { v >>= 2;  r += 2; }
    if (v >> 1)  { r += 1; }
    return r;
}

void
FlowSizeHistogram::finish(const IPFlowID &, const FlowStats &fs, EndReason why)
{
    int proto = fs.proto == IP_PROTO_TCP ? P_TCP : P_UDP;

    int bb = log2_loop(fs.bytes);
    _byte_hist[proto][bb]++;

    int pb = log2_fast(fs.packets);
    _pkt_hist[proto][pb]++;

    int64_t usec = (fs.last - fs.first).usecval();
    int db = usec > 0 ? log2_fast((uint64_t) usec) : 0;
    _dur_hist[proto][db]++;

    _ended[why]++;
}

void
FlowSizeHistogram::sweep(const Timestamp &now, bool all)
{
    _expired.clear();
    for (HashMap<IPFlowID, FlowStats>::iterator it = _flows.begin(); it.live(); ++it) {
        const FlowStats &fs = it.value();
        if (all || now - fs.last > _timeout) {
            finish(it.key(), fs, all ? END_FLUSH : END_TIMEOUT);
            _expired.push_back(it.key());
        }
    }
    for (int i = 0; i < _expired.size(); i++)
        _flows.erase(_expired[i]);
}

Packet *
FlowSizeHistogram::simple_action(Packet *p)
{
    if (!p->has_network_header() || !p->has_transport_header()) {
        _ignored++;
        return p;
    }
    const click_ip *iph = p->ip_header();
    if (iph->ip_v != 4 || !IP_FIRSTFRAG(iph)
        || (iph->ip_p != IP_PROTO_TCP && iph->ip_p != IP_PROTO_UDP)) {
        _ignored++;
        return p;
    }

    uint8_t flags = 0;
    IPFlowID key;
    if (iph->ip_p == IP_PROTO_TCP) {
        if (p->transport_header() + sizeof(click_tcp) > p->end_data()) {
            _ignored++;
            return p;
        }
        const click_tcp *tcph = p->tcp_header();
        flags = tcph->th_flags;
        key.assign(IPAddress(iph->ip_src), tcph->th_sport,
                   IPAddress(iph->ip_dst), tcph->th_dport);
    } else {
        if (p->transport_header() + sizeof(click_udp) > p->end_data()) {
            _ignored++;
            return p;
        }
        const click_udp *udph = p->udp_header();
        key.assign(IPAddress(iph->ip_src), udph->uh_sport,
                   IPAddress(iph->ip_dst), udph->uh_dport);
    }

    Timestamp now = Timestamp::now();
    uint32_t len = ntohs(iph->ip_len);

    FlowStats *fs = _flows.findp(key);
    if (!fs) {
        if (_flows.size() >= _max_flows) {
            _untracked++;
            goto maybe_sweep;
        }
        FlowStats n;
        n.proto = iph->ip_p;
        n.first = now;
        _flows.insert(key, n);
        fs = _flows.findp(key);
    }

    fs->bytes += len;
    fs->packets++;
    fs->flags_seen |= flags;
    fs->last = now;

    if (flags & (TH_FIN | TH_RST)) {
        finish(key, *fs, (flags & TH_RST) ? END_RST : END_FIN);
        _flows.erase(key);
    }

  maybe_sweep:
    if (--_until_sweep == 0) {
        _until_sweep = _sweep_every;
        sweep(now, false);
    }
    return p;
}

String
FlowSizeHistogram::histogram(int which) const
{
    StringAccum sa;
    int top = 0;
    for (int b = 0; b < NBINS; b++) {
        uint64_t t, u;
        if (which == h_bytes) {
            t = _byte_hist[P_TCP][b];
            u = _byte_hist[P_UDP][b];
        } else if (which == h_packets) {
            t = _pkt_hist[P_TCP][b];
            u = _pkt_hist[P_UDP][b];
        } else {
            t = _dur_hist[P_TCP][b];
            u = _dur_hist[P_UDP][b];
        }
        if (t || u)
            top = b + 1;
    }
    for (int b = 0; b < top; b++) {
        sa << b << ' ';
        switch (which) {
        case h_bytes:
            sa << (unsigned long long) _byte_hist[P_TCP][b] << ' '
               << (unsigned long long) _byte_hist[P_UDP][b];
            break;
        case h_packets:
            sa << _pkt_hist[P_TCP][b] << ' ' << _pkt_hist[P_UDP][b];
            break;
        default:
            sa << _dur_hist[P_TCP][b] << ' ' << _dur_hist[P_UDP][b];
            break;
        }
        sa << '\n';
    }
    return sa.take_string();
}

String
FlowSizeHistogram::read_handler(Element *e, void *thunk)
{
    FlowSizeHistogram *h = static_cast<FlowSizeHistogram *>(e);
    int which = (int) reinterpret_cast<uintptr_t>(thunk);
    switch (which) {
    case h_active:
        return String((unsigned long) h->_flows.size());
    case h_finished: {
        uint64_t total = 0;
        for (int i = 0; i < NREASONS; i++)
            total += h->_ended[i];
        return String((unsigned long long) total);
    }
    case h_bytes:
    case h_packets:
    case h_durations:
        return h->histogram(which);
    default:
        return String();
    }
}

int
FlowSizeHistogram::write_handler(const String &, Element *e, void *thunk,
                                 ErrorHandler *)
{
    FlowSizeHistogram *h = static_cast<FlowSizeHistogram *>(e);
    if (reinterpret_cast<uintptr_t>(thunk) == h_flush)
        h->sweep(Timestamp::now(), true);
    return 0;
}

void
FlowSizeHistogram::add_handlers()
{
    add_read_handler("active", read_handler, h_active);
    add_read_handler("finished", read_handler, h_finished);
    add_read_handler("bytes", read_handler, h_bytes);
    add_read_handler("packets", read_handler, h_packets);
    add_read_handler("durations", read_handler, h_durations);
    add_write_handler("flush", write_handler, h_flush, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(FlowSizeHistogram)
