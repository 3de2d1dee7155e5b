/*
 * tunnel_reassembler.cc -- TunnelReassembler: slot search by comparison,
 * hole-list update per fragment, copy into the slot buffer.
 */
#include <click/config.h>
#include "tunnel_reassembler.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

TunnelReassembler::TunnelReassembler()
    : _max_datagram(9216), _timeout_ms(2000), _headroom(64), _passed(0),
      _fragments(0), _reassembled(0), _evicted(0), _too_big(0), _hole_overflow(0)
{
    memset(_slots, 0, sizeof(_slots));
}

TunnelReassembler::~TunnelReassembler()
{
}

int
TunnelReassembler::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("MAX_DATAGRAM", _max_datagram)
        .read("TIMEOUT_MS", _timeout_ms)
        .read("HEADROOM", _headroom)
        .complete() < 0)
        return -1;
    if (_max_datagram < 576 || _max_datagram > 65535)
        return errh->error("MAX_DATAGRAM must be 576..65535");
    return 0;
}

int
TunnelReassembler::initialize(ErrorHandler *errh)
{
    for (int i = 0; i < SLOTS; ++i)
        if (!(_slots[i].buf = new unsigned char[_max_datagram]))
            return errh->error("out of memory");
    return 0;
}

void
TunnelReassembler::cleanup(CleanupStage)
{
    for (int i = 0; i < SLOTS; ++i) {
        delete[] _slots[i].buf;
        _slots[i].buf = 0;
    }
}

TunnelReassembler::Slot *
TunnelReassembler::find_slot(const click_ip *ip, click_jiffies_t now)
{
    Slot *free_slot = 0, *oldest = 0;
    for (int i = 0; i < SLOTS; ++i) {
        Slot &s = _slots[i];
        if (s.used && now - s.started > _timeout_ms) {
            release(s);
            _evicted++;
        }
        if (!s.used) {
            if (!free_slot)
                free_slot = &s;
            continue;
        }
        if (s.src == ip->ip_src.s_addr && s.dst == ip->ip_dst.s_addr
            && s.id == ip->ip_id && s.proto == ip->ip_p)
            return &s;
        if (!oldest || click_jiffies_less(s.started, oldest->started))
            oldest = &s;
    }
    Slot *s = free_slot;
    if (!s) {
        s = oldest;                             // all busy: recycle the oldest
        _evicted++;
    }
    s->used = true;
    s->src = ip->ip_src.s_addr;
    s->dst = ip->ip_dst.s_addr;
    s->id = ip->ip_id;
    s->proto = ip->ip_p;
    s->started = now;
    s->total = 0;
    s->hl = 0;
    s->nholes = 1;
    s->holes[0].first = 0;
    s->holes[0].last = OPEN_END;
    return s;
}

void
TunnelReassembler::push(int, Packet *p)
{
    const click_ip *ip = p->ip_header();
    if (!p->has_network_header() || !IP_ISFRAG(ip)) {
        _passed++;
        output(0).push(p);
        return;
    }
    _fragments++;
    unsigned hl = ip->ip_hl << 2;
    unsigned tot = ntohs(ip->ip_len);
    uint16_t off_field = ntohs(ip->ip_off);
    bool more = (off_field & IP_MF) != 0;
    uint32_t first = (uint32_t) (off_field & IP_OFFMASK) << 3;
    if (hl < sizeof(click_ip) || tot <= hl || tot > (unsigned) p->network_length()
        || (more && ((tot - hl) & 7))) {
        discard(p, _too_big);
        return;
    }
    uint32_t last = first + (tot - hl) - 1;
    if (hl + last + 1 > _max_datagram) {
        discard(p, _too_big);
        return;
    }

    Slot *s = find_slot(ip, click_jiffies());
    // RFC 815: every hole the fragment touches is removed, leaving at most
    // the uncovered part before it and (if more fragments follow) after it
    Hole next[MAX_HOLES + 1];
    int n = 0;
    for (int i = 0; i < s->nholes; ++i) {
        Hole h = s->holes[i];
        if (first > h.last || last < h.first) {
            next[n++] = h;
        } else {
            if (first > h.first)
                next[n++] = Hole{h.first, first - 1};
            if (last < h.last && more)
                next[n++] = Hole{last + 1, h.last};
        }
        if (n > MAX_HOLES) {
            release(*s);
            discard(p, _hole_overflow);
            return;
        }
    }
    memcpy(s->holes, next, n * sizeof(Hole));
    s->nholes = (uint8_t) n;
    if (!more)
        s->total = last + 1;
    if (first == 0) {
        s->hl = hl;
        memcpy(s->hdr, ip, hl);
    }
    memcpy(s->buf + first, reinterpret_cast<const unsigned char *>(ip) + hl, tot - hl);
    p->kill();

    if (s->nholes != 0 || s->hl == 0 || s->total == 0)
        return;
    WritablePacket *q = Packet::make(_headroom, 0, s->hl + s->total, 0);
    if (q) {
        memcpy(q->data(), s->hdr, s->hl);
        memcpy(q->data() + s->hl, s->buf, s->total);
        click_ip *qip = reinterpret_cast<click_ip *>(q->data());
        qip->ip_len = htons((uint16_t) (s->hl + s->total));
        qip->ip_off &= htons(IP_DF);
        qip->ip_sum = 0;
        q->set_ip_header(qip, s->hl);
        _reassembled++;
        output(0).push(q);
    }
    release(*s);
}

String
TunnelReassembler::read_stats(Element *e, void *)
{
    TunnelReassembler *r = static_cast<TunnelReassembler *>(e);
    StringAccum sa;
    int busy = 0;
    for (int i = 0; i < SLOTS; ++i)
        busy += r->_slots[i].used;
    sa << "passed " << r->_passed << "\nfragments " << r->_fragments
       << "\nreassembled " << r->_reassembled << "\nevicted " << r->_evicted
       << "\ntoo_big " << r->_too_big << "\nhole_overflow " << r->_hole_overflow
       << "\nbusy_slots " << busy << '\n';
    return sa.take_string();
}

void
TunnelReassembler::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TunnelReassembler)
