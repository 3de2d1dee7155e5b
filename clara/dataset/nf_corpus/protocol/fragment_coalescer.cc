/*
 * fragment_coalescer.cc -- FragmentCoalescer: reassembles IPv4 datagrams
 * of at most four fragments and 1500 payload bytes in a fixed in-object
 * pool (64 x 1500-byte buffers plus slot metadata, ~100 KiB).  Payload is
 * copied with byte loops; the finished datagram is a new Packet::make
 * packet with a recomputed header checksum.
 *
 * Training code for Clara's compute model (nf_corpus/protocol); written for
 * Clara, not an evaluation NF.  Per fragment: header arithmetic, a hashed
 * probe of four slots with timeout checks, an overlap loop over at most
 * four recorded fragments, a byte copy of up to 1480 bytes, and sometimes a
 * second copy loop into a freshly made packet.
 */
#include <click/config.h>
#include "fragment_coalescer.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/glue.hh>
#include <click/straccum.hh>
CLICK_DECLS

namespace {
enum { r_stored = 0, r_complete, r_duplicate, r_abandon };
}

FragmentCoalescer::FragmentCoalescer()
    : _timeout(30 * CLICK_HZ), _pass_oversize(false), _reassembled(0),
      _fragments(0), _duplicates(0), _overlaps(0), _timeouts(0),
      _evictions(0), _too_big(0), _abandoned(0)
{
    for (int i = 0; i < NSLOTS; i++) {
        free_slot(_slots[i]);
        _slots[i].started = 0;
    }
}

FragmentCoalescer::~FragmentCoalescer()
{
}

int
FragmentCoalescer::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned timeout_ms = 30000;
    if (Args(conf, this, errh)
        .read("TIMEOUT", timeout_ms)
        .read("PASS_OVERSIZE", _pass_oversize)
        .complete() < 0)
        return -1;
    if (timeout_ms < 10 || timeout_ms > 120000)
        return errh->error("TIMEOUT must be between 10 and 120000 ms");
    _timeout = (click_jiffies_t) timeout_ms * CLICK_HZ / 1000;
    return 0;
}

/* The slot for this key: an existing one, else a free, timed-out or the
   oldest slot among the probed ones (*fresh is then true). */
int
FragmentCoalescer::find_slot(uint32_t src, uint32_t dst, uint16_t id,
                             uint8_t proto, click_jiffies_t now, bool *fresh)
{
    uint32_t h = slot_hash(src, dst, id, proto);
    int victim = -1;
    for (int k = 0; k < PROBES; k++) {
        int si = (h + k) & (NSLOTS - 1);
        Slot &s = _slots[si];
        if (!(s.state & S_IN_USE)) {
            if (victim < 0 || (_slots[victim].state & S_IN_USE))
                victim = si;
            continue;
        }
        if (same_key(s, src, dst, id, proto)) {
            if (!expired(s, now)) {
                *fresh = false;
                return si;
            }
            _timeouts++;
            free_slot(s);
            victim = si;
            continue;
        }
        if (expired(s, now)) {
            _timeouts++;
            free_slot(s);
            if (victim < 0 || (_slots[victim].state & S_IN_USE))
                victim = si;
        } else if (victim < 0
                   || ((_slots[victim].state & S_IN_USE)
                       && click_jiffies_less(s.started, _slots[victim].started)))
            victim = si;
    }

    Slot &v = _slots[victim];
    if (v.state & S_IN_USE)
        _evictions++;
    free_slot(v);
    v.src = src;
    v.dst = dst;
    v.id = id;
    v.proto = proto;
    v.state = S_IN_USE;
    v.started = now;
    *fresh = true;
    return victim;
}

int
FragmentCoalescer::add_fragment(int si, const click_ip *iph,
                                const unsigned char *payload, uint16_t off,
                                uint16_t len, bool more)
{
    Slot &s = _slots[si];
    uint16_t end = off + len;

    // exact duplicate, or overlap with anything already stored?
    for (int i = 0; i < s.nfrags; i++) {
        uint16_t fo = s.frag_off[i], fe = fo + s.frag_len[i];
        if (fo == off && fe == end)
            return r_duplicate;
        if (off < fe && fo < end) {
            _overlaps++;
            return r_abandon;
        }
    }
    if (s.nfrags == MAX_FRAGS)
        return r_abandon;

    if (!more) {
        if ((s.state & S_HAVE_LAST) && s.total != end)
            return r_abandon;
        for (int i = 0; i < s.nfrags; i++)
            if (s.frag_off[i] + s.frag_len[i] > end)
                return r_abandon;       // data beyond the announced end
        s.total = end;
        s.state |= S_HAVE_LAST;
    } else if ((s.state & S_HAVE_LAST) && end > s.total)
        return r_abandon;

    unsigned char *dst = _buf[si] + off;
    for (uint16_t i = 0; i < len; i++)
        dst[i] = payload[i];

    if (off == 0) {
        const unsigned char *h = reinterpret_cast<const unsigned char *>(iph);
        uint8_t hlen = iph->ip_hl << 2;
        for (uint8_t i = 0; i < hlen; i++)
            s.hdr[i] = h[i];
        s.hlen = hlen;
        s.state |= S_HAVE_FIRST;
    }

    s.frag_off[s.nfrags] = off;
    s.frag_len[s.nfrags] = len;
    s.nfrags++;
    s.received += len;

    if ((s.state & (S_HAVE_FIRST | S_HAVE_LAST)) == (S_HAVE_FIRST | S_HAVE_LAST)
        && s.received == s.total)
        return r_complete;
    return r_stored;
}

WritablePacket *
FragmentCoalescer::emit(int si)
{
    Slot &s = _slots[si];
    uint32_t tlen = s.hlen + s.total;
    WritablePacket *q = Packet::make(Packet::default_headroom, 0, tlen, 0);
    if (!q)
        return 0;

    unsigned char *d = q->data();
    for (int i = 0; i < s.hlen; i++)
        d[i] = s.hdr[i];
    const unsigned char *src = _buf[si];
    unsigned char *pd = d + s.hlen;
    for (int i = 0; i < s.total; i++)
        pd[i] = src[i];

    click_ip *iph = reinterpret_cast<click_ip *>(d);
    iph->ip_len = htons(tlen);
    iph->ip_off &= htons(IP_DF);        // no MF, offset 0
    iph->ip_sum = 0;
    iph->ip_sum = click_in_cksum(d, s.hlen);

    q->set_ip_header(iph, s.hlen);
    q->set_dst_ip_anno(IPAddress(iph->ip_dst));
    q->set_timestamp_anno(s.stamp);
    return q;
}

void
FragmentCoalescer::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!iph || !IP_ISFRAG(iph)) {
        output(0).push(p);
        return;
    }
    _fragments++;

    uint32_t hlen = iph->ip_hl << 2;
    uint32_t tlen = ntohs(iph->ip_len);
    uint16_t frag = ntohs(iph->ip_off);
    bool more = (frag & IP_MF) != 0;
    uint32_t off = (uint32_t) (frag & IP_OFFMASK) << 3;
    if (tlen <= hlen || (int) tlen > p->network_length()
        || (more && ((tlen - hlen) & 7) != 0)) {
        checked_output_push(1, p);
        return;
    }
    uint32_t len = tlen - hlen;
    if (off + len > BUF_SIZE) {
        _too_big++;
        if (_pass_oversize)
            output(0).push(p);
        else
            checked_output_push(1, p);
        return;
    }

    click_jiffies_t now = click_jiffies();
    bool fresh;
    int si = find_slot(iph->ip_src.s_addr, iph->ip_dst.s_addr, iph->ip_id,
                       iph->ip_p, now, &fresh);
    if (fresh)
        _slots[si].stamp = p->timestamp_anno();

    const unsigned char *payload = reinterpret_cast<const unsigned char *>(iph) + hlen;
    switch (add_fragment(si, iph, payload, off, len, more)) {
    case r_stored:
        p->kill();
        return;
    case r_duplicate:
        _duplicates++;
        p->kill();
        return;
    case r_abandon:
        _abandoned++;
        free_slot(_slots[si]);
        checked_output_push(1, p);
        return;
    case r_complete: {
        p->kill();
        WritablePacket *q = emit(si);
        free_slot(_slots[si]);
        if (q) {
            _reassembled++;
            output(0).push(q);
        }
        return;
    }
    }
}

enum { h_reassembled, h_fragments, h_duplicates, h_overlaps, h_timeouts,
       h_evictions, h_too_big, h_in_use };

String
FragmentCoalescer::read_handler(Element *e, void *thunk)
{
    FragmentCoalescer *f = static_cast<FragmentCoalescer *>(e);
    StringAccum sa;
    switch ((intptr_t) thunk) {
    case h_reassembled: sa << f->_reassembled; break;
    case h_fragments:   sa << f->_fragments; break;
    case h_duplicates:  sa << f->_duplicates; break;
    case h_overlaps:    sa << f->_overlaps; break;
    case h_timeouts:    sa << f->_timeouts; break;
    case h_evictions:   sa << f->_evictions; break;
    case h_too_big:     sa << f->_too_big; break;
    case h_in_use: {
        int n = 0;
        for (int i = 0; i < NSLOTS; i++)
            if (f->_slots[i].state & S_IN_USE)
                n++;
        sa << n;
        break;
    }
    }
    return sa.take_string();
}

void
FragmentCoalescer::add_handlers()
{
    add_read_handler("reassembled", read_handler, h_reassembled);
    add_read_handler("fragments", read_handler, h_fragments);
    add_read_handler("duplicates", read_handler, h_duplicates);
    add_read_handler("overlaps", read_handler, h_overlaps);
    add_read_handler("timeouts", read_handler, h_timeouts);
    add_read_handler("evictions", read_handler, h_evictions);
    add_read_handler("too_big", read_handler, h_too_big);
    add_read_handler("in_use", read_handler, h_in_use);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(FragmentCoalescer)
