/*
 * tcp_sequence_tracker.cc -- TcpSequenceTracker: per-flow-direction
 * expected sequence numbers in a HashMap<IPFlowID, FlowSeq>; classifies
 * segments as in-order / retransmission / out-of-order / gap with 32-bit
 * wraparound comparisons and counts packets and bytes per class.
 *
 * Training code for Clara's compute model (nf_corpus/protocol); written for
 * Clara, not an evaluation NF.  Per packet: IP/TCP length arithmetic, one
 * HashMap lookup (insert on a new flow), signed-difference sequence
 * comparisons, a walk over at most four holes with splitting and
 * compaction, a log2 loop for the gap histogram, paint annotation.
 */
#include <click/config.h>
#include "tcp_sequence_tracker.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

TcpSequenceTracker::TcpSequenceTracker()
    : _max_flows(65536), _window(0x40000000U), _midstream(true),
      _drop_retransmits(false), _pure_acks(0), _untracked(0), _resyncs(0)
{
    for (int i = 0; i < c_count; i++)
        _pkts[i] = _bytes[i] = 0;
    for (int i = 0; i < GAP_BUCKETS; i++)
        _gap_hist[i] = 0;
}

TcpSequenceTracker::~TcpSequenceTracker()
{
}

int
TcpSequenceTracker::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint32_t window = 0x40000000U;
    if (Args(conf, this, errh)
        .read("MIDSTREAM", _midstream)
        .read("DROP_RETRANSMITS", _drop_retransmits)
        .read("MAX_FLOWS", _max_flows)
        .read("WINDOW", window)
        .complete() < 0)
        return -1;
    if (window == 0 || window > 0x7FFFFFFFU)
        return errh->error("WINDOW must be between 1 and 2^31-1");
    if (_max_flows == 0)
        return errh->error("MAX_FLOWS must be positive");
    _window = window;
    return 0;
}

/* Remove [seq, end) from the holes it overlaps.  True if it overlapped any
   hole.  A segment in the middle of a hole splits it in two. */
bool
TcpSequenceTracker::fill_holes(FlowSeq &f, uint32_t seq, uint32_t end)
{
    bool hit = false;
    int i = 0;
    while (i < f.nholes) {
        Hole &h = f.holes[i];
        if (SEQ_LEQ(end, h.start) || SEQ_GEQ(seq, h.end)) {
            i++;
            continue;
        }
        hit = true;
        bool keep_left = SEQ_GT(seq, h.start);
        bool keep_right = SEQ_LT(end, h.end);
        if (keep_left && keep_right) {
            uint32_t right_end = h.end;
            h.end = seq;
            if (f.nholes < MAX_HOLES) {
                f.holes[f.nholes].start = end;
                f.holes[f.nholes].end = right_end;
                f.nholes++;
            }
            i++;
        } else if (keep_left) {
            h.end = seq;
            i++;
        } else if (keep_right) {
            h.start = end;
            i++;
        } else {
            // hole filled completely: move the last hole here
            f.holes[i] = f.holes[f.nholes - 1];
            f.nholes--;
        }
    }
    return hit;
}

int
TcpSequenceTracker::classify(FlowSeq &f, uint32_t seq, uint32_t len)
{
    uint32_t end = seq + len;

    if (seq == f.next_seq) {
        f.next_seq = end;
        if (SEQ_GT(end, f.high_seq))
            f.high_seq = end;
        // data at the expected point can still close the lowest hole
        if (f.nholes)
            fill_holes(f, seq, end);
        return c_in_order;
    }

    if (SEQ_LT(seq, f.next_seq)) {
        // all or part of it was delivered before
        if (SEQ_GT(end, f.next_seq)) {
            f.next_seq = end;
            if (SEQ_GT(end, f.high_seq))
                f.high_seq = end;
        }
        if (f.nholes)
            fill_holes(f, seq, end);
        return c_retransmit;
    }

    // seq is beyond next_seq
    if (SEQ_LT(seq, f.high_seq)) {
        if (fill_holes(f, seq, end)) {
            if (SEQ_GT(end, f.high_seq))
                f.high_seq = end;
            return c_out_of_order;
        }
        return c_retransmit;        // above next_seq but already seen
    }

    // A new hole between the highest byte seen and this segment.
    uint32_t gap = seq - f.high_seq;
    if (gap > 0) {
        add_hole(f, f.high_seq, seq);
        _gap_hist[log2_bucket(gap)]++;
    }
    f.high_seq = end;
    // gap == 0: the segment continues data already seen beyond a hole,
    // so it is still out of order with respect to next_seq.
    return gap > 0 ? c_gap : c_out_of_order;
}

Packet *
TcpSequenceTracker::simple_action(Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || iph->ip_p != IP_PROTO_TCP || !IP_FIRSTFRAG(iph)
        || p->transport_length() < (int) sizeof(click_tcp))
        return p;

    const click_tcp *th = p->tcp_header();
    uint32_t ip_len = ntohs(iph->ip_len);
    uint32_t hdrs = (iph->ip_hl << 2) + (th->th_off << 2);
    if (th->th_off < 5 || ip_len < hdrs)
        return p;
    uint32_t payload = ip_len - hdrs;
    uint8_t flags = th->th_flags;
    uint32_t seq = ntohl(th->th_seq);
    uint32_t slen = seq_length(flags, payload);

    IPFlowID id(IPAddress(iph->ip_src), th->th_sport,
                IPAddress(iph->ip_dst), th->th_dport);
    FlowSeq *f = _flows.findp(id);

    if (flags & TH_RST) {
        if (f)
            _flows.erase(id);
        return p;
    }

    if (!f) {
        if (!(flags & TH_SYN) && !_midstream) {
            _untracked++;
            return p;
        }
        if (_flows.size() >= _max_flows) {
            _untracked++;
            return p;
        }
        FlowSeq nf;
        nf.isn = seq;
        nf.next_seq = seq;
        nf.high_seq = seq;
        nf.synced = (flags & TH_SYN) ? 1 : 0;
        _flows.insert(id, nf);
        f = _flows.findp(id);
        if (!f)
            return p;
    }

    if (slen == 0) {
        _pure_acks++;
        return p;
    }

    // A jump further than the window is not this flow's data any more
    // (port reuse, or a missed SYN): start over from here.
    if ((uint32_t) (seq - f->next_seq) > _window
        && (uint32_t) (f->next_seq - seq) > _window) {
        f->next_seq = f->high_seq = seq;
        f->nholes = 0;
        f->synced = 0;
        _resyncs++;
    }
    if ((flags & TH_SYN) && !f->synced) {
        f->isn = seq;
        f->next_seq = f->high_seq = seq;
        f->synced = 1;
    }

    int cls = classify(*f, seq, slen);
    _pkts[cls]++;
    _bytes[cls] += payload;
    f->bytes += payload;
    f->segments++;
    f->last = p->timestamp_anno();
    p->set_paint_anno(cls);

    if (flags & TH_FIN) {
        f->fin_seen = 1;
        FlowSeq *r = _flows.findp(id.reverse());
        if (r && r->fin_seen) {
            _flows.erase(id.reverse());
            _flows.erase(id);
        }
    }

    if (cls == c_retransmit && _drop_retransmits && !(flags & (TH_SYN | TH_FIN))) {
        p->kill();
        return 0;
    }
    return p;
}

enum { h_in_order, h_retransmit, h_out_of_order, h_gap, h_bytes,
       h_gap_sizes, h_flows, h_reset };

String
TcpSequenceTracker::read_handler(Element *e, void *thunk)
{
    TcpSequenceTracker *t = static_cast<TcpSequenceTracker *>(e);
    StringAccum sa;
    int which = (intptr_t) thunk;
    switch (which) {
    case h_in_order:
    case h_retransmit:
    case h_out_of_order:
    case h_gap:
        sa << t->_pkts[which + 1];
        break;
    case h_bytes:
        for (int c = c_in_order; c < c_count; c++)
            sa << t->_bytes[c] << (c + 1 < c_count ? ' ' : '\n');
        break;
    case h_gap_sizes:
        for (int b = 1; b < GAP_BUCKETS; b++)
            if (t->_gap_hist[b])
                sa << (1U << (b - 1)) << ' ' << t->_gap_hist[b] << '\n';
        break;
    case h_flows:
        sa << (unsigned long) t->_flows.size();
        break;
    }
    return sa.take_string();
}

int
TcpSequenceTracker::write_handler(const String &, Element *e, void *thunk,
                                  ErrorHandler *)
{
    TcpSequenceTracker *t = static_cast<TcpSequenceTracker *>(e);
    if ((intptr_t) thunk == h_reset) {
        for (int i = 0; i < c_count; i++)
            t->_pkts[i] = t->_bytes[i] = 0;
        for (int i = 0; i < GAP_BUCKETS; i++)
            t->_gap_hist[i] = 0;
        t->_pure_acks = t->_untracked = t->_resyncs = 0;
        t->_flows.clear();
    }
    return 0;
}

void
TcpSequenceTracker::add_handlers()
{
    add_read_handler("in_order", read_handler, h_in_order);
    add_read_handler("retransmissions", read_handler, h_retransmit);
    add_read_handler("out_of_order", read_handler, h_out_of_order);
    add_read_handler("gaps", read_handler, h_gap);
    add_read_handler("bytes", read_handler, h_bytes);
    add_read_handler("gap_sizes", read_handler, h_gap_sizes);
    add_read_handler("flows", read_handler, h_flows);
    add_write_handler("reset", write_handler, h_reset, Handler::f_button);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TcpSequenceTracker)
