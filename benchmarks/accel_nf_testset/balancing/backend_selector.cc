/*
 * backend_selector.cc -- BackendSelector: hash the 5-tuple, pick a real
 * server, rewrite ip_dst and patch both checksums.
 */
#include <click/config.h>
#include "backend_selector.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

BackendSelector::BackendSelector()
    : _vport(0), _salt(0), _nbackends(0), _balanced(0), _passed(0), _dropped(0)
{
    memset(_backend, 0, sizeof(_backend));
    memset(_backend_pkts, 0, sizeof(_backend_pkts));
}

BackendSelector::~BackendSelector()
{
}

int
BackendSelector::configure(Vector<String> &conf, ErrorHandler *errh)
{
    Vector<IPAddress> backends;
    unsigned port = 0;
    if (Args(conf, this, errh)
        .read_mp("VIP", _vip)
        .read_all("BACKEND", backends)
        .read("SALT", _salt)
        .read("PORT", port)
        .complete() < 0)
        return -1;
    if (backends.size() == 0)
        return errh->error("need at least one BACKEND");
    if (backends.size() > MAX_BACKENDS)
        return errh->error("too many BACKENDs (max %d)", (int) MAX_BACKENDS);
    if (port > 65535)
        return errh->error("PORT out of range");
    _vport = htons((uint16_t) port);
    _nbackends = backends.size();
    for (int i = 0; i < _nbackends; ++i)
        _backend[i] = backends[i].addr();
    return 0;
}

void
BackendSelector::push(int, Packet *p)
{
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)) {
        _dropped++;
        p->kill();
        return;
    }
    const click_ip *iph = p->ip_header();
    if (iph->ip_dst.s_addr != _vip.addr()
        || (iph->ip_p != IP_PROTO_TCP && iph->ip_p != IP_PROTO_UDP)
        || !IP_FIRSTFRAG(iph)) {
        _passed++;
        output(1).push(p);
        return;
    }

    int l4len = p->transport_length();
    if (l4len < 8 || (iph->ip_p == IP_PROTO_TCP && l4len < (int) sizeof(click_tcp))) {
        _dropped++;
        p->kill();
        return;
    }
    const uint16_t *ports = reinterpret_cast<const uint16_t *>(p->transport_header());
    if (_vport && ports[1] != _vport) {
        _passed++;
        output(1).push(p);
        return;
    }

    uint32_t key[5];
    key[0] = iph->ip_src.s_addr;
    key[1] = iph->ip_dst.s_addr;
    key[2] = ports[0];
    key[3] = ports[1];
    key[4] = iph->ip_p;
    uint32_t h = bsel::flow_hash5(key, _salt);
    int idx = (int) (h % (uint32_t) _nbackends);

    WritablePacket *q = p->uniqueify();
    if (!q) {
        _dropped++;
        return;
    }
    click_ip *wip = q->ip_header();
    uint32_t old_dst = wip->ip_dst.s_addr;
    uint32_t new_dst = _backend[idx];
    wip->ip_dst.s_addr = new_dst;
    bsel::sum_adjust32(&wip->ip_sum, old_dst, new_dst);
    if (wip->ip_p == IP_PROTO_TCP) {
        click_tcp *th = q->tcp_header();
        bsel::sum_adjust32(&th->th_sum, old_dst, new_dst);
    } else {
        click_udp *uh = q->udp_header();
        if (uh->uh_sum != 0) {
            bsel::sum_adjust32(&uh->uh_sum, old_dst, new_dst);
            if (uh->uh_sum == 0)
                uh->uh_sum = 0xFFFF;
        }
    }
    q->set_dst_ip_anno(IPAddress(new_dst));

    _backend_pkts[idx]++;
    _balanced++;
    output(0).push(q);
}

String
BackendSelector::read_stats(Element *e, void *)
{
    BackendSelector *bs = static_cast<BackendSelector *>(e);
    StringAccum sa;
    sa << "balanced " << bs->_balanced << "\npassed " << bs->_passed
       << "\ndropped " << bs->_dropped << '\n';
    for (int i = 0; i < bs->_nbackends; ++i)
        sa << IPAddress(bs->_backend[i]) << ' ' << bs->_backend_pkts[i] << '\n';
    return sa.take_string();
}

void
BackendSelector::add_handlers()
{
    add_read_handler("stats", read_stats, 0);
    add_data_handlers("salt", Handler::f_read | Handler::f_write, &_salt);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(BackendSelector)
