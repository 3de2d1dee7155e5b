/*
 * arp_cache.cc -- ArpCache: an ARP table in a HashMap<IPAddress, ArpEntry>,
 * Ethernet encapsulation of resolved packets, a fixed member ring of at most
 * QUEUE packets per unresolved address, ARP parsing straight from
 * p->data(), in-place replies to requests for our address, and expiry.
 *
 * Training code for Clara's compute model (nf_corpus/forwarding): a
 * realistic ARP resolver written for the corpus, not an evaluation NF.  Per
 * IP packet: a HashMap lookup, then a 14-byte push and header fill, or a
 * ring enqueue and possibly a Packet::make of a request.  Per ARP frame:
 * field checks, a HashMap update, a loop releasing the waiting packets,
 * and occasionally a walk over the table.
 */
#include <click/config.h>
#include "arp_cache.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/glue.hh>
CLICK_DECLS

ArpCache::ArpCache()
    : _nfree(0), _timeout_s(300), _retry_ms(1000), _queue_len(4), _max_retries(5),
      _arp_seen(0), _encapsulated(0), _requests_sent(0), _replies_sent(0),
      _arp_in(0), _bad_arp(0), _queued(0), _drops(0), _gratuitous(0)
{
    memset(_ring, 0, sizeof(_ring));
    memset(_ring_head, 0, sizeof(_ring_head));
    memset(_ring_count, 0, sizeof(_ring_count));
    for (int i = 0; i < NSLOTS; ++i)
        _free_slots[_nfree++] = (uint16_t) (NSLOTS - 1 - i);
}

ArpCache::~ArpCache()
{
}

int
ArpCache::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned queue = 4, retries = 5;
    Vector<String> entries;
    if (Args(conf, this, errh)
        .read_mp("IP", _my_ip)
        .read_mp("ETH", _my_eth)
        .read("TIMEOUT", _timeout_s)
        .read("QUEUE", queue)
        .read("RETRY_MS", _retry_ms)
        .read("MAX_RETRIES", retries)
        .read_all("ENTRY", entries)
        .complete() < 0)
        return -1;
    if (queue < 1 || queue > RING)
        return errh->error("QUEUE must be between 1 and %d", (int) RING);
    if (retries > 255)
        return errh->error("MAX_RETRIES too large");
    _queue_len = (uint8_t) queue;
    _max_retries = (uint8_t) retries;

    for (int i = 0; i < entries.size(); ++i) {
        Vector<String> words;
        cp_spacevec(entries[i], words);
        IPAddress a;
        EtherAddress m;
        if (words.size() != 2 || !cp_ip_address(words[0], &a, this)
            || !cp_ethernet_address(words[1], &m, this))
            return errh->error("ENTRY %d: expected \"IP MAC\"", i + 1);
        ArpEntry e;
        e.mac = m;
        e.state = S_STATIC;
        _table.set(a, e);
    }
    return 0;
}

void
ArpCache::cleanup(CleanupStage)
{
    for (int s = 0; s < NSLOTS; ++s)
        for (int i = 0; i < RING; ++i)
            if (_ring[s][i]) {
                _ring[s][i]->kill();
                _ring[s][i] = 0;
            }
}

void
ArpCache::drop(Packet *p)
{
    _drops++;
    checked_output_push(1, p);
}

void
ArpCache::encap_and_send(Packet *p, const EtherAddress &dst)
{
    WritablePacket *q = p->push_mac_header(sizeof(click_ether));
    if (!q)
        return;
    click_ether *eh = q->ether_header();
    memcpy(eh->ether_dhost, dst.data(), 6);
    memcpy(eh->ether_shost, _my_eth.data(), 6);
    eh->ether_type = htons(ETHERTYPE_IP);
    _encapsulated++;
    output(0).push(q);
}

void
ArpCache::send_request(IPAddress target)
{
    WritablePacket *q = Packet::make(Packet::default_headroom, 0, sizeof(ArpFrame), 0);
    if (!q)
        return;
    ArpFrame *f = reinterpret_cast<ArpFrame *>(q->data());
    memset(f->eh.ether_dhost, 0xFF, 6);
    memcpy(f->eh.ether_shost, _my_eth.data(), 6);
    f->eh.ether_type = htons(ETHERTYPE_ARP);
    f->arp.ea_hdr.ar_hrd = htons(ARPHRD_ETHER);
    f->arp.ea_hdr.ar_pro = htons(ETHERTYPE_IP);
    f->arp.ea_hdr.ar_hln = 6;
    f->arp.ea_hdr.ar_pln = 4;
    f->arp.ea_hdr.ar_op = htons(ARPOP_REQUEST);
    memcpy(f->arp.arp_sha, _my_eth.data(), 6);
    memcpy(f->arp.arp_spa, _my_ip.data(), 4);
    memset(f->arp.arp_tha, 0, 6);
    memcpy(f->arp.arp_tpa, target.data(), 4);
    q->set_ether_header(&f->eh);
    _requests_sent++;
    output(0).push(q);
}

void
ArpCache::enqueue(IPAddress nh, ArpEntry &e, Packet *p)
{
    if (e.slot == NO_SLOT) {
        if (_nfree == 0) {
            drop(p);                        // every ring is busy
            return;
        }
        e.slot = _free_slots[--_nfree];
        _slot_owner[e.slot] = nh;
        _ring_head[e.slot] = 0;
        _ring_count[e.slot] = 0;
    }
    uint16_t s = e.slot;
    if (_ring_count[s] == _queue_len) {
        // full: the oldest packet makes room
        Packet *old = _ring[s][_ring_head[s]];
        _ring[s][_ring_head[s]] = 0;
        _ring_head[s] = (uint8_t) ((_ring_head[s] + 1) % _queue_len);
        _ring_count[s]--;
        if (old)
            drop(old);
    }
    uint8_t tail = (uint8_t) ((_ring_head[s] + _ring_count[s]) % _queue_len);
    _ring[s][tail] = p;
    _ring_count[s]++;
    _queued++;
}

/* Send (or drop) every packet waiting in slot, oldest first, and free it. */
void
ArpCache::flush_slot(uint16_t slot, bool send, const EtherAddress &dst)
{
    uint8_t head = _ring_head[slot];
    for (uint8_t n = _ring_count[slot]; n > 0; --n) {
        Packet *p = _ring[slot][head];
        _ring[slot][head] = 0;
        head = (uint8_t) ((head + 1) % _queue_len);
        if (!p)
            continue;
        if (send)
            encap_and_send(p, dst);
        else
            drop(p);
    }
    _ring_count[slot] = 0;
    _ring_head[slot] = 0;
    _slot_owner[slot] = IPAddress();
    _free_slots[_nfree++] = slot;
}

void
ArpCache::release(ArpEntry &e)
{
    if (e.slot != NO_SLOT) {
        uint16_t s = e.slot;
        e.slot = NO_SLOT;
        flush_slot(s, true, e.mac);
    }
}

void
ArpCache::handle_ip(Packet *p)
{
    if (p->length() < sizeof(click_ip)) {
        drop(p);
        return;
    }
    IPAddress nh = p->dst_ip_anno();
    if (!nh) {
        const click_ip *iph = p->has_network_header() ? p->ip_header()
            : reinterpret_cast<const click_ip *>(p->data());
        nh = IPAddress(iph->ip_dst);
    }
    if (nh.is_broadcast()) {
        encap_and_send(p, EtherAddress::make_broadcast());
        return;
    }

    Timestamp now = Timestamp::recent();
    ArpEntry *e = _table.findp(nh);
    if (e && e->state != S_INCOMPLETE && !stale(*e, now)) {
        e->hits++;
        encap_and_send(p, e->mac);
        return;
    }
    if (!e) {
        _table.insert(nh, ArpEntry());
        e = _table.findp(nh);
        if (!e) {
            drop(p);
            return;
        }
    } else if (e->state == S_REACHABLE) {
        // stale: resolve again, starting a fresh retry budget
        e->state = S_INCOMPLETE;
        e->requests = 0;
    }

    if (e->requests >= _max_retries) {
        drop(p);                            // host is not answering
        return;
    }
    enqueue(nh, *e, p);
    int64_t since_ms = (now - e->last_request).msecval();
    if (!e->last_request || since_ms >= (int64_t) _retry_ms) {
        e->last_request = now;
        e->requests++;
        send_request(nh);
    }
}

void
ArpCache::handle_arp(Packet *p)
{
    _arp_in++;
    if (p->length() < sizeof(ArpFrame)) {
        _bad_arp++;
        p->kill();
        return;
    }
    const ArpFrame *f = reinterpret_cast<const ArpFrame *>(p->data());
    if (f->eh.ether_type != htons(ETHERTYPE_ARP) || !arp_ok(&f->arp)) {
        _bad_arp++;
        p->kill();
        return;
    }

    uint16_t op = ntohs(f->arp.ea_hdr.ar_op);
    IPAddress spa(f->arp.arp_spa), tpa(f->arp.arp_tpa);
    EtherAddress sha(f->arp.arp_sha);
    Timestamp now = Timestamp::recent();

    if (spa == tpa)
        _gratuitous++;
    if (sha.is_group() || spa == _my_ip) {
        _bad_arp++;                         // spoofed or looped back
        p->kill();
        return;
    }

    // RFC 826 merge: refresh a known sender; learn it when it talks to us
    if (spa) {
        ArpEntry *e = _table.findp(spa);
        if (!e && tpa == _my_ip) {
            _table.insert(spa, ArpEntry());
            e = _table.findp(spa);
        }
        if (e && e->state != S_STATIC) {
            e->mac = sha;
            e->state = S_REACHABLE;
            e->requests = 0;
            e->updated = now;
            release(*e);
        }
    }

    if (++_arp_seen >= 512) {
        _arp_seen = 0;
        expire(now);
    }

    switch (op) {
    case ARPOP_REQUEST:
        if (tpa == _my_ip) {
            WritablePacket *q = p->uniqueify();
            if (!q)
                return;
            ArpFrame *r = reinterpret_cast<ArpFrame *>(q->data());
            memcpy(r->eh.ether_dhost, r->arp.arp_sha, 6);
            memcpy(r->eh.ether_shost, _my_eth.data(), 6);
            r->arp.ea_hdr.ar_op = htons(ARPOP_REPLY);
            memcpy(r->arp.arp_tha, r->arp.arp_sha, 6);
            memcpy(r->arp.arp_tpa, r->arp.arp_spa, 4);
            memcpy(r->arp.arp_sha, _my_eth.data(), 6);
            memcpy(r->arp.arp_spa, _my_ip.data(), 4);
            _replies_sent++;
            output(0).push(q);
            return;
        }
        break;
    case ARPOP_REPLY:
        break;
    default:
        _bad_arp++;
        break;
    }
    p->kill();
}

/* Free rings of addresses that never answered; forget long-dead entries. */
void
ArpCache::expire(const Timestamp &now)
{
    _dead.clear();
    for (HashMap<IPAddress, ArpEntry>::iterator it = _table.begin(); it.live(); ++it) {
        ArpEntry &e = it.value();
        if (e.state == S_INCOMPLETE) {
            bool given_up = e.requests >= _max_retries
                && (now - e.last_request).msecval() >= (int64_t) _retry_ms;
            if (given_up) {
                if (e.slot != NO_SLOT) {
                    flush_slot(e.slot, false, e.mac);
                    e.slot = NO_SLOT;
                }
                _dead.push_back(it.key());
            }
        } else if (e.state == S_REACHABLE
                   && (now - e.updated).sec() >= 2 * (Timestamp::seconds_type) _timeout_s)
            _dead.push_back(it.key());
    }
    for (int i = 0; i < _dead.size(); ++i)
        _table.erase(_dead[i]);
}

void
ArpCache::push(int port, Packet *p)
{
    if (port == 0)
        handle_ip(p);
    else
        handle_arp(p);
}

enum { h_table, h_stats };

String
ArpCache::read_handler(Element *e, void *thunk)
{
    ArpCache *c = static_cast<ArpCache *>(e);
    StringAccum sa;
    if ((intptr_t) thunk == h_table) {
        Timestamp now = Timestamp::recent();
        for (HashMap<IPAddress, ArpEntry>::iterator it = c->_table.begin(); it.live(); ++it) {
            const ArpEntry &a = it.value();
            sa << it.key() << ' ';
            switch (a.state) {
            case S_INCOMPLETE:
                sa << "incomplete " << (int) a.requests << " req";
                if (a.slot != NO_SLOT)
                    sa << ' ' << (int) c->_ring_count[a.slot] << " waiting";
                break;
            case S_REACHABLE:
                sa << a.mac;
                if (c->stale(a, now))
                    sa << " stale ";
                else
                    sa << " ok ";
                sa << a.hits;
                break;
            default:
                sa << a.mac << " static " << a.hits;
                break;
            }
            sa << '\n';
        }
    } else {
        sa << "encapsulated " << c->_encapsulated << "\nrequests " << c->_requests_sent
           << "\nreplies " << c->_replies_sent << "\narp_in " << c->_arp_in
           << "\nbad_arp " << c->_bad_arp << "\ngratuitous " << c->_gratuitous
           << "\nqueued " << c->_queued << "\ndrops " << c->_drops
           << "\nfree_slots " << (int) c->_nfree << '\n';
    }
    return sa.take_string();
}

int
ArpCache::insert_handler(const String &s, Element *e, void *, ErrorHandler *errh)
{
    ArpCache *c = static_cast<ArpCache *>(e);
    Vector<String> words;
    cp_spacevec(s, words);
    IPAddress a;
    EtherAddress m;
    if (words.size() != 2 || !cp_ip_address(words[0], &a, e)
        || !cp_ethernet_address(words[1], &m, e))
        return errh->error("expected \"IP MAC\"");
    ArpEntry &entry = c->_table.find_force(a);
    entry.mac = m;
    entry.state = S_STATIC;
    entry.requests = 0;
    c->release(entry);
    return 0;
}

void
ArpCache::add_handlers()
{
    add_read_handler("table", read_handler, h_table);
    add_read_handler("stats", read_handler, h_stats);
    add_write_handler("insert", insert_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(ArpCache)
