/*
 * flow_nat.cc -- FlowNAT: a NAPT (RFC 3022) for TCP and UDP with a flow
 * table, public-port allocation, both directions, incremental checksum
 * updates and idle timeouts.
 *
 * What it models: the fuller NAT of production NF chains (Click's
 * IPRewriter family).  Per packet it builds an IPFlowID, does one or two
 * HashMap lookups, reads and writes a mapping record in a preallocated pool
 * (last-use Timestamp, counters, TCP close flags), rewrites an address and a
 * port in place and fixes the IP and TCP/UDP checksums incrementally.  The
 * rare path allocates a public port by scanning a rotor over a port-owner
 * array, reclaims expired mappings and inserts into two HashMaps.
 */
#include <click/config.h>
#include "flow_nat.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

FlowNAT::FlowNAT()
    : _free_head(-1), _nmappings(0), _port_lo(1024), _port_hi(65535), _capacity(65536),
      _translated_out(0), _translated_in(0), _rejected(0), _reclaimed(0)
{
    _port_rotor[P_TCP] = _port_rotor[P_UDP] = 0;
}

FlowNAT::~FlowNAT()
{
}

int
FlowNAT::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint16_t port_lo = 1024, port_hi = 65535;
    uint32_t capacity = 65536;
    uint32_t tcp_timeout = 300, udp_timeout = 30, closed_timeout = 4;
    if (Args(conf, this, errh)
        .read_mp("PUBLIC_IP", _public_ip)
        .read("PORT_LO", port_lo)
        .read("PORT_HI", port_hi)
        .read("CAPACITY", capacity)
        .read("TCP_TIMEOUT", tcp_timeout)
        .read("UDP_TIMEOUT", udp_timeout)
        .read("CLOSED_TIMEOUT", closed_timeout)
        .complete() < 0)
        return -1;
    if (port_lo == 0 || port_lo > port_hi)
        return errh->error("PORT_LO must be nonzero and at most PORT_HI");
    if (capacity == 0 || capacity > (1U << 24))
        return errh->error("CAPACITY out of range");
    _port_lo = port_lo;
    _port_hi = port_hi;
    _capacity = capacity;
    _timeout[P_TCP] = Timestamp::make_sec(tcp_timeout);
    _timeout[P_UDP] = Timestamp::make_sec(udp_timeout);
    _closed_timeout = Timestamp::make_sec(closed_timeout);
    return 0;
}

int
FlowNAT::initialize(ErrorHandler *errh)
{
    Mapping blank;
    blank.public_port = 0;
    blank.proto = 0xFF;
    blank.tcp_flags = 0;
    blank.packets = blank.bytes = 0;
    blank.next_free = -1;
    _pool.resize(_capacity, blank);
    if (_pool.size() != (int) _capacity)
        return errh->error("out of memory");
    // thread the free list through the pool
    for (int i = _pool.size() - 1; i >= 0; --i) {
        _pool[i].next_free = _free_head;
        _free_head = i;
    }
    int nports = _port_hi - _port_lo + 1;
    for (int pr = 0; pr < NPROTO; ++pr)
        _port_owner[pr].resize(nports, -1);
    return 0;
}

void
FlowNAT::cleanup(CleanupStage)
{
    for (int pr = 0; pr < NPROTO; ++pr) {
        _out_map[pr].clear();
        _in_map[pr].clear();
    }
}

bool
FlowNAT::expired(const Mapping &m, const Timestamp &now) const
{
    const Timestamp &limit = (m.tcp_flags & F_RST)
        || (m.tcp_flags & (F_FIN_OUT | F_FIN_IN)) == (F_FIN_OUT | F_FIN_IN)
        ? _closed_timeout : _timeout[m.proto];
    return now - m.last_used > limit;
}

void
FlowNAT::free_mapping(int mi)
{
    Mapping &m = _pool[mi];
    _out_map[m.proto].erase(m.inside);
    _in_map[m.proto].erase(m.outside);
    _port_owner[m.proto][ntohs(m.public_port) - _port_lo] = -1;
    m.proto = 0xFF;
    m.next_free = _free_head;
    _free_head = mi;
    _nmappings--;
}

/* Allocate a public port and a pool entry for a new inside flow.  Returns
   the mapping index, or -1 if no port or entry is available. */
int
FlowNAT::create_mapping(const IPFlowID &inside, int proto, const Timestamp &now)
{
    Vector<int> &owner = _port_owner[proto];
    uint32_t nports = owner.size();
    uint32_t slot = _port_rotor[proto];
    int found = -1;

    // scan at most 64 ports: a free one, or one whose mapping expired
    for (int tries = 0; tries < 64; ++tries) {
        int mi = owner[slot];
        if (mi < 0) {
            found = slot;
            break;
        }
        if (expired(_pool[mi], now)) {
            free_mapping(mi);
            _reclaimed++;
            found = slot;
            break;
        }
        slot = (slot + 1 == nports ? 0 : slot + 1);
    }
    if (found < 0 || _free_head < 0)
        return -1;
    _port_rotor[proto] = (found + 1 == (int) nports ? 0 : found + 1);

    int mi = _free_head;
    Mapping &m = _pool[mi];
    _free_head = m.next_free;
    m.next_free = -1;
    m.inside = inside;
    m.public_port = htons(_port_lo + found);
    m.outside = IPFlowID(inside.daddr(), inside.dport(), _public_ip, m.public_port);
    m.proto = proto;
    m.tcp_flags = 0;
    m.last_used = now;
    m.packets = m.bytes = 0;
    owner[found] = mi;
    _out_map[proto].insert(m.inside, mi);
    _in_map[proto].insert(m.outside, mi);
    _nmappings++;
    return mi;
}

void
FlowNAT::reject(Packet *p)
{
    _rejected++;
    checked_output_push(2, p);
}

/* Replace a 32-bit word covered by *sum (network order values). */
static inline void
update_cksum32(uint16_t *sum, uint32_t old_w, uint32_t new_w)
{
    click_update_in_cksum(sum, (uint16_t) (old_w >> 16), (uint16_t) (new_w >> 16));
    click_update_in_cksum(sum, (uint16_t) old_w, (uint16_t) new_w);
}

/* Rewrite one endpoint (address, port) of an IP packet and fix its IP and
   transport checksums.  'src' selects the source endpoint. */
static void
rewrite_endpoint(WritablePacket *p, int proto, bool src, uint32_t addr, uint16_t port)
{
    click_ip *iph = p->ip_header();
    struct in_addr *a = src ? &iph->ip_src : &iph->ip_dst;
    uint16_t *transport_sum = 0;
    uint16_t *pt;
    if (proto == FlowNAT::P_TCP) {
        click_tcp *th = p->tcp_header();
        transport_sum = &th->th_sum;
        pt = src ? &th->th_sport : &th->th_dport;
    } else {
        click_udp *uh = p->udp_header();
        if (uh->uh_sum != 0)    // zero: no UDP checksum
            transport_sum = &uh->uh_sum;
        pt = src ? &uh->uh_sport : &uh->uh_dport;
    }
    update_cksum32(&iph->ip_sum, a->s_addr, addr);
    if (transport_sum) {
        update_cksum32(transport_sum, a->s_addr, addr);
        click_update_in_cksum(transport_sum, *pt, port);
        if (proto == FlowNAT::P_UDP && *transport_sum == 0)
            *transport_sum = 0xFFFF;
    }
    a->s_addr = addr;
    *pt = port;
}

void
FlowNAT::outbound(WritablePacket *p, int proto)
{
    IPFlowID flow(p);
    Timestamp now = Timestamp::recent();
    int *mp = _out_map[proto].findp(flow);
    int mi;
    if (mp)
        mi = *mp;
    else if (proto == P_TCP && (p->tcp_header()->th_flags & (TH_SYN | TH_ACK)) != TH_SYN) {
        // a TCP flow must be opened by a SYN from the inside
        reject(p);
        return;
    } else if ((mi = create_mapping(flow, proto, now)) < 0) {
        reject(p);
        return;
    }

    Mapping &m = _pool[mi];
    m.last_used = now;
    m.packets++;
    m.bytes += p->length();
    if (proto == P_TCP) {
        uint8_t flags = p->tcp_header()->th_flags;
        if (flags & TH_RST)
            m.tcp_flags |= F_RST;
        else if (flags & TH_FIN)
            m.tcp_flags |= F_FIN_OUT;
    }
    rewrite_endpoint(p, proto, true, _public_ip.addr(), m.public_port);
    _translated_out++;
    output(0).push(p);
}

void
FlowNAT::inbound(WritablePacket *p, int proto)
{
    IPFlowID flow(p);
    int *mp = _in_map[proto].findp(flow);
    if (!mp) {
        reject(p);
        return;
    }
    Timestamp now = Timestamp::recent();
    Mapping &m = _pool[*mp];
    if (expired(m, now)) {
        free_mapping(*mp);
        _reclaimed++;
        reject(p);
        return;
    }
    m.last_used = now;
    m.packets++;
    m.bytes += p->length();
    if (proto == P_TCP) {
        uint8_t flags = p->tcp_header()->th_flags;
        if (flags & TH_RST)
            m.tcp_flags |= F_RST;
        else if (flags & TH_FIN)
            m.tcp_flags |= F_FIN_IN;
    }
    rewrite_endpoint(p, proto, false, m.inside.saddr().addr(), m.inside.sport());
    _translated_in++;
    output(1).push(p);
}

void
FlowNAT::push(int port, Packet *p_in)
{
    const click_ip *iph = p_in->ip_header();
    int proto;
    if (iph->ip_p == IP_PROTO_TCP)
        proto = P_TCP;
    else if (iph->ip_p == IP_PROTO_UDP)
        proto = P_UDP;
    else {
        reject(p_in);
        return;
    }
    // fragments after the first carry no ports
    if (!IP_FIRSTFRAG(iph)) {
        reject(p_in);
        return;
    }
    WritablePacket *p = p_in->uniqueify();
    if (!p)
        return;
    if (port == 0)
        outbound(p, proto);
    else
        inbound(p, proto);
}

enum { h_mappings, h_out, h_in, h_rejected, h_reclaimed };

String
FlowNAT::read_handler(Element *e, void *thunk)
{
    FlowNAT *nat = static_cast<FlowNAT *>(e);
    switch ((intptr_t) thunk) {
    case h_mappings:
        return String(nat->_nmappings);
    case h_out:
        return String(nat->_translated_out);
    case h_in:
        return String(nat->_translated_in);
    case h_rejected:
        return String(nat->_rejected);
    case h_reclaimed:
        return String(nat->_reclaimed);
    default:
        return String();
    }
}

void
FlowNAT::add_handlers()
{
    add_read_handler("mappings", read_handler, h_mappings);
    add_read_handler("translated_out", read_handler, h_out);
    add_read_handler("translated_in", read_handler, h_in);
    add_read_handler("rejected", read_handler, h_rejected);
    add_read_handler("reclaimed", read_handler, h_reclaimed);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(FlowNAT)
