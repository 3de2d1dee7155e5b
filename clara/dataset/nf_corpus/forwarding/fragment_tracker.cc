/*
 * fragment_tracker.cc -- FragmentTracker: IPv4 fragments are filed in a
 * HashMap<FragKey, Datagram> keyed by (src, dst, id, proto); each datagram
 * keeps a sorted, merged list of at most 8 received byte ranges in a
 * member array, overlapping fragments are dropped, and incomplete datagrams
 * time out (lazily and in a periodic sweep into a 512-entry ring).
 *
 * Training code for Clara's compute model (nf_corpus/forwarding): a
 * realistic fragment checker written for the corpus, not an evaluation NF.
 * Per fragment: 16-bit header field decoding, sanity checks, a HashMap
 * lookup or insert, a short loop finding the range position with overlap
 * and merge tests, an array shift, and on completion a histogram update
 * and an erase.
 */
#include <click/config.h>
#include "fragment_tracker.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
#include <clicknet/ip.h>
CLICK_DECLS

FragmentTracker::FragmentTracker()
    : _timeout_pos(0), _timeout_ms(30000), _max_datagrams(16384), _sweep_every(1024),
      _sweep_countdown(1024), _min_fragment(0), _unfragmented(0), _fragments(0),
      _timed_out(0)
{
    for (int i = 0; i < NTIMEOUTS; ++i)
        _timeouts[i] = TimeoutRecord();
    memset(_hist, 0, sizeof(_hist));
    memset(_verdicts, 0, sizeof(_verdicts));
}

FragmentTracker::~FragmentTracker()
{
}

int
FragmentTracker::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned min_fragment = 0;
    if (Args(conf, this, errh)
        .read_p("TIMEOUT_MS", _timeout_ms)
        .read("MAX_DATAGRAMS", _max_datagrams)
        .read("MIN_FRAGMENT", min_fragment)
        .read("SWEEP_EVERY", _sweep_every)
        .complete() < 0)
        return -1;
    if (_timeout_ms == 0)
        return errh->error("TIMEOUT_MS must be positive");
    if (min_fragment > 1480)
        return errh->error("MIN_FRAGMENT must be at most 1480");
    if (_sweep_every == 0)
        _sweep_every = 1;
    _min_fragment = (uint16_t) min_fragment;
    _sweep_countdown = _sweep_every;
    return 0;
}

/* Insert [lo, hi) into d's sorted range list, merging with neighbours. */
FragmentTracker::Verdict
FragmentTracker::add_range(Datagram &d, uint16_t lo, uint16_t hi)
{
    if (d.total_len && hi > d.total_len)
        return V_BAD_LENGTH;

    // position: first range that starts at or after lo
    int pos = 0;
    while (pos < d.nranges && d.ranges[pos].lo < lo)
        ++pos;
    if (pos > 0 && d.ranges[pos - 1].hi > lo)
        return V_OVERLAP;
    if (pos < d.nranges && d.ranges[pos].lo < hi)
        return V_OVERLAP;

    bool join_prev = pos > 0 && d.ranges[pos - 1].hi == lo;
    bool join_next = pos < d.nranges && d.ranges[pos].lo == hi;
    if (join_prev && join_next) {
        // fills a hole exactly: the two neighbours become one range
        d.ranges[pos - 1].hi = d.ranges[pos].hi;
        for (int i = pos; i + 1 < d.nranges; ++i)
            d.ranges[i] = d.ranges[i + 1];
        d.nranges--;
    } else if (join_prev)
        d.ranges[pos - 1].hi = hi;
    else if (join_next)
        d.ranges[pos].lo = lo;
    else {
        if (d.nranges == MAX_RANGES)
            return V_TOO_MANY;
        for (int i = d.nranges; i > pos; --i)
            d.ranges[i] = d.ranges[i - 1];
        d.ranges[pos].lo = lo;
        d.ranges[pos].hi = hi;
        d.nranges++;
    }
    return V_OK;
}

void
FragmentTracker::record_timeout(const FragKey &k, const Datagram &d)
{
    TimeoutRecord &r = _timeouts[_timeout_pos];
    _timeout_pos = (_timeout_pos + 1) % NTIMEOUTS;
    r.key = k;
    r.bytes = d.bytes;
    r.total_len = d.total_len;
    r.nfrags = d.nfrags;
    _timed_out++;
}

void
FragmentTracker::sweep(const Timestamp &now)
{
    _old.clear();
    for (HashMap<FragKey, Datagram>::iterator it = _table.begin(); it.live(); ++it)
        if (too_old(it.value(), now)) {
            record_timeout(it.key(), it.value());
            _old.push_back(it.key());
        }
    for (int i = 0; i < _old.size(); ++i)
        _table.erase(_old[i]);
}

void
FragmentTracker::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!IP_ISFRAG(iph)) {
        _unfragmented++;
        output(0).push(p);
        return;
    }
    _fragments++;

    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent();
    if (--_sweep_countdown == 0) {
        _sweep_countdown = _sweep_every;
        sweep(now);
    }

    uint16_t off_field = ntohs(iph->ip_off);
    uint32_t hlen = iph->ip_hl << 2;
    uint32_t tot = ntohs(iph->ip_len);
    bool more = off_field & IP_MF;
    uint32_t lo = (uint32_t) (off_field & IP_OFFMASK) << 3;
    Verdict v = V_OK;

    if (tot <= hlen || hlen < sizeof(click_ip))
        v = V_BAD_SIZE;
    else {
        uint32_t payload = tot - hlen;
        uint32_t hi = lo + payload;
        if (hi > MAX_END || (more && (payload & 7)))
            v = V_BAD_SIZE;
        else if (more && payload < _min_fragment)
            v = V_TINY;
        else {
            FragKey key(iph->ip_src.s_addr, iph->ip_dst.s_addr, iph->ip_id, iph->ip_p);
            Datagram *d = _table.findp(key);
            if (d && too_old(*d, now)) {
                record_timeout(key, *d);
                *d = Datagram();
                d->first_seen = now;
            } else if (!d) {
                if (_table.size() >= _max_datagrams)
                    v = V_FULL;
                else {
                    Datagram nd;
                    nd.first_seen = now;
                    _table.insert(key, nd);
                    d = _table.findp(key);
                }
            }
            if (d) {
                uint16_t old_total = d->total_len;
                if (!more) {
                    // the last fragment fixes the length: nothing may lie beyond
                    if ((d->total_len && d->total_len != hi)
                        || (d->nranges && d->ranges[d->nranges - 1].hi > hi))
                        v = V_BAD_LENGTH;
                    else
                        d->total_len = (uint16_t) hi;
                }
                if (v == V_OK)
                    v = add_range(*d, (uint16_t) lo, (uint16_t) hi);
                if (v != V_OK)
                    d->total_len = old_total;   // a refused fragment fixes nothing
                else {
                    d->bytes += payload;
                    d->nfrags++;
                    if (complete(*d)) {
                        _hist[d->nfrags < NHIST ? d->nfrags : NHIST - 1]++;
                        _table.erase(key);
                        v = V_COMPLETE;
                    }
                }
            }
        }
    }

    _verdicts[v]++;
    switch (v) {
    case V_OK:
    case V_COMPLETE:
        p->set_paint_anno(v == V_COMPLETE ? 1 : 0);
        output(0).push(p);
        break;
    default:
        p->set_paint_anno((uint8_t) v);
        checked_output_push(1, p);
        break;
    }
}

enum { h_stats, h_timeouts, h_histogram };

String
FragmentTracker::read_handler(Element *e, void *thunk)
{
    FragmentTracker *f = static_cast<FragmentTracker *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_stats: {
        static const char * const names[] = {
            "accepted", "completed", "overlap", "too_many_ranges", "bad_length",
            "bad_size", "tiny", "table_full"
        };
        sa << "unfragmented " << f->_unfragmented << "\nfragments " << f->_fragments
           << "\ntracked " << (unsigned long) f->_table.size()
           << "\ntimed_out " << f->_timed_out << '\n';
        for (int i = 0; i < V_NVERDICTS; ++i)
            sa << names[i] << ' ' << f->_verdicts[i] << '\n';
        break;
    }
    case h_timeouts: {
        uint64_t n = f->_timed_out < (uint64_t) NTIMEOUTS ? f->_timed_out : (uint64_t) NTIMEOUTS;
        uint32_t pos = (f->_timeout_pos + NTIMEOUTS - (uint32_t) n) % NTIMEOUTS;
        for (uint64_t i = 0; i < n; ++i, pos = (pos + 1) % NTIMEOUTS) {
            const TimeoutRecord &r = f->_timeouts[pos];
            sa << IPAddress(r.key.src) << " > " << IPAddress(r.key.dst) << " id "
               << ntohs(r.key.id) << " proto " << (int) r.key.proto << " bytes "
               << r.bytes << '/' << r.total_len << " frags " << r.nfrags << '\n';
        }
        break;
    }
    case h_histogram:
        for (int i = 1; i < NHIST; ++i)
            if (f->_hist[i]) {
                sa << i;
                if (i == NHIST - 1)
                    sa << '+';          // the last bucket holds the rest
                sa << ' ' << f->_hist[i] << '\n';
            }
        break;
    }
    return sa.take_string();
}

void
FragmentTracker::add_handlers()
{
    add_read_handler("stats", read_handler, h_stats);
    add_read_handler("timeouts", read_handler, h_timeouts);
    add_read_handler("histogram", read_handler, h_histogram);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(FragmentTracker)
