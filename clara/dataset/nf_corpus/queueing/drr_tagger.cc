/*
 * drr_tagger.cc -- DeficitRoundRobinTagger: field-keyed classification into
 * up to 16 DrrQueue rings (packet pointers plus cached lengths), bindings
 * from ClassKey structs to queues in a HashMap (rebinding idle queues),
 * and a DRR scheduling loop driven by link credit earned from Timestamp
 * deltas; the serving queue picks the output port.
 *
 * Training code for Clara's compute model (nf_corpus/queueing): a realistic
 * scheduler written for the corpus, not an evaluation NF.  Per packet: a
 * switch over the key kind, a HashMap lookup (sometimes a scan of the
 * queues, an erase and an insert), a ring enqueue, then nested loops that
 * walk the active-queue bitmask with count-trailing-zeros and dequeue
 * while deficit and credit last.
 */
#include <click/config.h>
#include "drr_tagger.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <click/packet_anno.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

DeficitRoundRobinTagger::DeficitRoundRobinTagger()
    : _kind(K_DSCP), _nqueues(8), _depth(16), _active(0), _rr(-1), _rate(0),
      _burst(16384), _credit(0), _last_ns(0), _rebinds(0), _shared(0)
{
    for (int i = 0; i < MAX_QUEUES; ++i) {
        DrrQueue &q = _q[i];
        memset(q.ring, 0, sizeof(q.ring));
        memset(q.len, 0, sizeof(q.len));
        q.head = q.count = 0;
        q.bound = q.credited = false;
        q.quantum = 1514;
        q.deficit = q.backlog = 0;
        q.sent_pkts = q.sent_bytes = q.drops = 0;
    }
}

DeficitRoundRobinTagger::~DeficitRoundRobinTagger()
{
}

int
DeficitRoundRobinTagger::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned long long rate = 0;
    unsigned quantum = 1514;
    String key = "dscp", weights;
    if (Args(conf, this, errh)
        .read_mp("RATE", rate)
        .read_p("KEY", key)
        .read("QUEUES", _nqueues)
        .read("DEPTH", _depth)
        .read("QUANTUM", quantum)
        .read("WEIGHTS", weights)
        .read("BURST", _burst)
        .complete() < 0)
        return -1;

    if (key == "dscp")
        _kind = K_DSCP;
    else if (key == "proto")
        _kind = K_PROTO;
    else if (key == "dport")
        _kind = K_DPORT;
    else if (key == "srcnet")
        _kind = K_SRCNET;
    else if (key == "vlan")
        _kind = K_VLAN;
    else
        return errh->error("KEY must be dscp, proto, dport, srcnet or vlan");
    if (rate < 1000 || rate > 12500000000ULL)
        return errh->error("RATE must be 1000 to 12500000000 bytes/s");
    if (_nqueues < 1 || _nqueues > MAX_QUEUES)
        return errh->error("QUEUES must be 1-%d", (int) MAX_QUEUES);
    if (_depth < 1 || _depth > MAX_DEPTH)
        return errh->error("DEPTH must be 1-%d", (int) MAX_DEPTH);
    if (quantum < 64 || quantum > 65535)
        return errh->error("QUANTUM must be 64-65535 bytes");
    if (_burst < 1514)
        return errh->error("BURST must be at least 1514 bytes");

    Vector<String> w;
    cp_spacevec(weights, w);
    if (w.size() > (int) _nqueues)
        return errh->error("more WEIGHTS than QUEUES");
    for (unsigned i = 0; i < _nqueues; ++i) {
        unsigned wi = 1;
        if ((int) i < w.size() && (!cp_integer(w[i], &wi) || wi < 1 || wi > 64))
            return errh->error("WEIGHTS entry %u must be 1-64", i);
        _q[i].quantum = quantum * wi;
    }
    _rate = rate;
    return 0;
}

int
DeficitRoundRobinTagger::initialize(ErrorHandler *)
{
    _last_ns = Timestamp::recent_steady().nsecval();
    _credit = _burst;
    return 0;
}

void
DeficitRoundRobinTagger::cleanup(CleanupStage)
{
    for (unsigned i = 0; i < _nqueues; ++i) {
        DrrQueue &q = _q[i];
        while (q.count) {
            q.ring[q.head]->kill();
            q.head = (q.head + 1) & (MAX_DEPTH - 1);
            q.count--;
        }
    }
    _active = 0;
}

DeficitRoundRobinTagger::ClassKey
DeficitRoundRobinTagger::classify(const Packet *p) const
{
    const click_ip *iph = p->ip_header();
    switch (_kind) {
    case K_DSCP:
        return ClassKey(iph->ip_tos >> 2, 0);
    case K_PROTO:
        return ClassKey(iph->ip_p, 0);
    case K_DPORT:
        if ((iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
            && IP_FIRSTFRAG(iph) && p->transport_length() >= 4)
            return ClassKey(ntohs(p->udp_header()->uh_dport), iph->ip_p);
        return ClassKey(0, iph->ip_p);
    case K_SRCNET:
        return ClassKey(ntohl(iph->ip_src.s_addr) >> 8, 0);
    case K_VLAN:
    default:
        return ClassKey(ntohs(VLAN_TCI_ANNO(p)) & 0x0FFF, 0);
    }
}

int
DeficitRoundRobinTagger::queue_for(const ClassKey &k, const Timestamp &now)
{
    int *bound = _bindings.findp(k);
    if (bound)
        return *bound;

    // a free queue, else the empty queue idle the longest
    int best = -1;
    for (unsigned i = 0; i < _nqueues; ++i) {
        const DrrQueue &q = _q[i];
        if (!q.bound) {
            best = i;
            break;
        }
        if (q.count == 0 && (best < 0 || q.last_active < _q[best].last_active))
            best = i;
    }
    if (best < 0) {
        _shared++;
        return k.hashcode() % _nqueues;
    }
    DrrQueue &q = _q[best];
    if (q.bound) {
        _bindings.erase(q.key);
        _rebinds++;
    }
    q.bound = true;
    q.key = k;
    q.deficit = 0;
    q.last_active = now;
    _bindings.insert(k, best);
    return best;
}

void
DeficitRoundRobinTagger::enqueue(int qi, Packet *p, uint32_t len)
{
    DrrQueue &q = _q[qi];
    if (q.count >= _depth) {
        q.drops++;
        p->kill();
        return;
    }
    unsigned slot = (q.head + q.count) & (MAX_DEPTH - 1);
    q.ring[slot] = p;
    q.len[slot] = (uint16_t) len;
    q.count++;
    q.backlog += len;
    _active |= (uint16_t) (1U << qi);
}

Packet *
DeficitRoundRobinTagger::dequeue(DrrQueue &q, uint32_t &len)
{
    Packet *p = q.ring[q.head];
    len = q.len[q.head];
    q.head = (q.head + 1) & (MAX_DEPTH - 1);
    q.count--;
    q.backlog -= len;
    return p;
}

void
DeficitRoundRobinTagger::schedule()
{
    int nout = noutputs();
    for (int visits = 0; _active && visits < MAX_VISITS; ++visits) {
        if (_rr < 0 || !(_active & (1U << _rr))) {
            _rr = next_active(_rr < 0 ? MAX_QUEUES - 1 : _rr);
            if (_rr < 0)
                return;
        }
        DrrQueue &q = _q[_rr];
        if (!q.credited) {
            q.deficit += q.quantum;
            q.credited = true;
        }
        while (q.count) {
            uint32_t l = q.len[q.head];
            if (l > q.deficit)
                break;                  // this queue's turn is over
            if (l > _credit) {
                if (_credit < _burst)
                    return;             // link busy: resume here next time
                _credit = l;            // oversized packet: send on a full bucket
            }
            Packet *p = dequeue(q, l);
            q.deficit -= l;
            _credit -= l;
            q.sent_pkts++;
            q.sent_bytes += l;
            p->set_paint_anno((uint8_t) _rr);
            SET_AGGREGATE_ANNO(p, q.key.value);
            output(_rr % nout).push(p);
        }
        if (!q.count) {
            q.deficit = 0;              // an emptied queue keeps no credit
            _active &= (uint16_t) ~(1U << _rr);
        }
        q.credited = false;
        _rr = next_active(_rr);
        if (_rr < 0)
            return;
    }
}

void
DeficitRoundRobinTagger::push(int, Packet *p)
{
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)) {
        output(0).push(p);              // not IP: bypass the scheduler
        return;
    }
    uint32_t len = ntohs(p->ip_header()->ip_len);
    if (len < sizeof(click_ip) || len > (uint32_t) p->network_length())
        len = p->network_length();
    if (len > 0xFFFF)
        len = 0xFFFF;

    Timestamp now = p->timestamp_anno();
    if (!now)
        now = Timestamp::recent_steady();
    int64_t elapsed = now.nsecval() - _last_ns;
    if (elapsed > 0) {
        uint64_t add = elapsed >= 1000000000LL
            ? _burst : ((uint64_t) elapsed * _rate) / 1000000000ULL;
        _credit = _credit + add > _burst ? _burst : _credit + add;
        _last_ns = now.nsecval();
    }

    ClassKey k = classify(p);
    int qi = queue_for(k, now);
    _q[qi].last_active = now;
    enqueue(qi, p, len);
    schedule();
}

String
DeficitRoundRobinTagger::read_handler(Element *e, void *)
{
    DeficitRoundRobinTagger *d = static_cast<DeficitRoundRobinTagger *>(e);
    StringAccum sa;
    for (unsigned i = 0; i < d->_nqueues; ++i) {
        const DrrQueue &q = d->_q[i];
        sa << i << ' ';
        if (q.bound)
            sa << q.key.value << '/' << (int) q.key.proto;
        else
            sa << '-';
        sa << ' ' << (int) q.count << ' ' << q.backlog << ' ' << q.deficit << ' '
           << q.sent_pkts << ' ' << q.sent_bytes << ' ' << q.drops << '\n';
    }
    sa << "rebinds " << d->_rebinds << "\nshared " << d->_shared << '\n';
    return sa.take_string();
}

void
DeficitRoundRobinTagger::add_handlers()
{
    add_read_handler("queues", read_handler, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DeficitRoundRobinTagger)
