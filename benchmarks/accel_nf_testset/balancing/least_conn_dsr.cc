/*
 * least_conn_dsr.cc -- LeastConnDSR: least-connections server choice, a
 * connection table indexed by client port, MAC rewrite.
 */
#include <click/config.h>
#include "least_conn_dsr.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ether.h>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

LeastConnDSR::LeastConnDSR()
    : _nservers(0), _unknown(0), _table_full(0), _not_tcp(0)
{
    memset(_tab, 0, sizeof(_tab));
    memset(_active, 0, sizeof(_active));
    memset(_total, 0, sizeof(_total));
}

LeastConnDSR::~LeastConnDSR()
{
}

int
LeastConnDSR::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<String> servers;
    if (Args(conf, this, errh)
        .read_mp("ETH", _eth)
        .read_all("SERVER", servers)
        .complete() < 0)
        return -1;
    if (servers.size() == 0 || servers.size() > MAX_SERVERS)
        return errh->error("need 1 to %d SERVERs", (int) MAX_SERVERS);
    for (int i = 0; i < servers.size(); ++i) {
        Vector<String> w;
        cp_spacevec(servers[i], w);
        unsigned weight = 1;
        if (w.size() < 1 || w.size() > 2 || !cp_ethernet_address(w[0], &_mac[i], this)
            || (w.size() == 2 && (!cp_integer(w[1], &weight) || weight == 0)))
            return errh->error("SERVER %d: expected \"MAC [WEIGHT]\"", i + 1);
        _weight[i] = weight;
    }
    _nservers = servers.size();
    return 0;
}

/* Server with the smallest active/weight ratio (cross-multiplied). */
int
LeastConnDSR::least_loaded() const
{
    int best = 0;
    for (int i = 1; i < _nservers; ++i) {
        uint64_t lhs = (uint64_t) _active[i] * _weight[best];
        uint64_t rhs = (uint64_t) _active[best] * _weight[i];
        if (lhs < rhs || (lhs == rhs && _weight[i] > _weight[best]))
            best = i;
    }
    return best;
}

/* Open addressing: start at the client port's slot, probe forward. */
LeastConnDSR::Entry *
LeastConnDSR::lookup(uint64_t key, uint16_t sport, bool insert)
{
    unsigned start = sport & TMASK;
    Entry *hole = 0;
    for (int i = 0; i < PROBES; ++i) {
        Entry *e = &_tab[(start + i) & TMASK];
        if (e->key == key)
            return e;
        if (e->key == 0) {
            if (!hole)
                hole = e;
            break;
        }
        if (!hole && e->closing)
            hole = e;
    }
    if (!insert || !hole)
        return 0;
    if (hole->key)
        release(hole);
    int s = least_loaded();
    hole->key = key;
    hole->server = (uint8_t) s;
    hole->closing = 0;
    _active[s]++;
    _total[s]++;
    return hole;
}

void
LeastConnDSR::release(Entry *e)
{
    if (_active[e->server])
        _active[e->server]--;
    e->key = 0;
    e->closing = 0;
}

void
LeastConnDSR::push(int, Packet *p)
{
    unsigned len = p->length();
    const uint8_t *d = p->data();
    const click_ether *eh = reinterpret_cast<const click_ether *>(d);
    const click_ip *iph = reinterpret_cast<const click_ip *>(d + sizeof(click_ether));
    if (len < sizeof(click_ether) + sizeof(click_ip) || eh->ether_type != htons(ETHERTYPE_IP)
        || iph->ip_p != IP_PROTO_TCP || !IP_FIRSTFRAG(iph)
        || len < sizeof(click_ether) + (iph->ip_hl << 2) + sizeof(click_tcp)) {
        _not_tcp++;
        output(1).push(p);
        return;
    }
    const click_tcp *th = reinterpret_cast<const click_tcp *>(
        d + sizeof(click_ether) + (iph->ip_hl << 2));
    uint8_t flags = th->th_flags;
    uint64_t key = conn_key(iph, th);
    bool syn = (flags & (TH_SYN | TH_ACK)) == TH_SYN;

    Entry *e = lookup(key, ntohs(th->th_sport), syn);
    if (!e) {
        if (syn)
            _table_full++;
        else
            _unknown++;
        output(1).push(p);
        return;
    }
    int s = e->server;
    if (flags & TH_RST)
        release(e);
    else if (flags & TH_FIN)
        e->closing = 1;         // slot may be reused from now on

    WritablePacket *q = p->uniqueify();
    if (!q)
        return;
    click_ether *weh = reinterpret_cast<click_ether *>(q->data());
    memcpy(weh->ether_dhost, _mac[s].data(), 6);
    memcpy(weh->ether_shost, _eth.data(), 6);
    output(0).push(q);
}

String
LeastConnDSR::read_servers(Element *e, void *)
{
    LeastConnDSR *lc = static_cast<LeastConnDSR *>(e);
    StringAccum sa;
    for (int i = 0; i < lc->_nservers; ++i)
        sa << lc->_mac[i] << " weight " << lc->_weight[i] << " active "
           << lc->_active[i] << " total " << lc->_total[i] << '\n';
    sa << "unknown " << lc->_unknown << "\ntable_full " << lc->_table_full
       << "\nnot_tcp " << lc->_not_tcp << '\n';
    return sa.take_string();
}

void
LeastConnDSR::add_handlers()
{
    add_read_handler("servers", read_servers, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(LeastConnDSR)
