/*
 * lorawan_uplink_router.cc -- DevAddr-prefix routing of LoRaWAN uplinks
 */

#include <click/config.h>
#include "lorawan_uplink_router.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/confparse.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

#define MTYPE_JOIN_REQ		0
#define MTYPE_UNCONF_UP		2
#define MTYPE_CONF_UP		4
#define MTYPE_REJOIN_REQ	6

static inline void
sum_replace(uint16_t *sum, const uint16_t *oldw, const uint16_t *neww, int n)
{
    uint32_t s = (uint16_t) ~*sum;
    for (int i = 0; i < n; i++)
	s += (uint16_t) ~oldw[i] + (uint32_t) neww[i];
    s = (s & 0xFFFF) + (s >> 16);
    s = (s & 0xFFFF) + (s >> 16);
    *sum = (uint16_t) ~s;
}

LoRaWanUplinkRouter::LoRaWanUplinkRouter()
    : _nnodes(1), _nns(0), _dedup_jiffies(200 * CLICK_HZ / 1000),
      _malformed(0), _unroutable(0), _duplicates(0), _joins(0)
{
    _nodes[0].child[0] = _nodes[0].child[1] = -1;
    _nodes[0].ns = -1;
    memset(_seen, 0, sizeof(_seen));
}

int
LoRaWanUplinkRouter::add_route(uint32_t prefix, int len, int ns)
{
    int n = 0;
    for (int i = 0; i < len; i++) {
	int bit = (prefix >> (31 - i)) & 1;
	if (_nodes[n].child[bit] < 0) {
	    if (_nnodes >= MAX_NODES)
		return -1;
	    DaNode &c = _nodes[_nnodes];
	    c.child[0] = c.child[1] = -1;
	    c.ns = -1;
	    _nodes[n].child[bit] = _nnodes++;
	}
	n = _nodes[n].child[bit];
    }
    _nodes[n].ns = ns;
    return 0;
}

int
LoRaWanUplinkRouter::find_ns(IPAddress a, uint16_t port, bool create)
{
    for (int i = 0; i < _nns; i++)
	if (_ns[i].addr == a && _ns[i].port == htons(port))
	    return i;
    if (!create || _nns >= MAX_NS)
	return -1;
    _ns[_nns].addr = a;
    _ns[_nns].port = htons(port);
    _ns[_nns].uplinks = 0;
    return _nns++;
}

static bool
parse_endpoint(const String &s, IPAddress &a, uint16_t &port, const Element *e)
{
    int colon = s.find_left(':');
    int p;
    if (colon < 0 || !cp_ip_address(s.substring(0, colon), &a, e)
	|| !cp_integer(s.substring(colon + 1), &p) || p <= 0 || p > 65535)
	return false;
    port = p;
    return true;
}

int
LoRaWanUplinkRouter::configure(Vector<String> &conf, ErrorHandler *errh)
{
    bool have_join = false;
    for (int i = 0; i < conf.size(); i++) {
	Vector<String> w;
	cp_spacevec(conf[i], w);
	IPAddress a;
	uint16_t port;
	if (w.size() == 3 && w[0] == "ROUTE") {
	    int slash = w[1].find_left('/');
	    unsigned prefix;
	    int len;
	    if (slash < 0 || !cp_integer(w[1].substring(0, slash), 16, &prefix)
		|| !cp_integer(w[1].substring(slash + 1), &len) || len < 0 || len > 32
		|| !parse_endpoint(w[2], a, port, this))
		return errh->error("bad ROUTE %s", w[1].c_str());
	    int ns = find_ns(a, port, true);
	    if (ns < 0 || add_route(prefix, len, ns) < 0)
		return errh->error("routing table full");
	} else if (w.size() == 2 && w[0] == "JOIN") {
	    if (!parse_endpoint(w[1], a, port, this))
		return errh->error("bad JOIN endpoint");
	    _ns[MAX_NS].addr = a;
	    _ns[MAX_NS].port = htons(port);
	    _ns[MAX_NS].uplinks = 0;
	    have_join = true;
	} else if (w.size() == 2 && w[0] == "DEDUP_MS") {
	    unsigned ms;
	    if (!cp_integer(w[1], &ms))
		return errh->error("bad DEDUP_MS");
	    _dedup_jiffies = ms * CLICK_HZ / 1000;
	} else
	    return errh->error("argument %d not understood", i);
    }
    if (!have_join)
	return errh->error("JOIN server missing");
    return 0;
}

void
LoRaWanUplinkRouter::readdress(WritablePacket *q, const NetServer &ns)
{
    click_ip *iph = q->ip_header();
    click_udp *uh = q->udp_header();
    uint16_t oldw[3], neww[3];
    memcpy(oldw, &iph->ip_dst, 4);
    oldw[2] = uh->uh_dport;
    uint32_t na = ns.addr.addr();
    memcpy(neww, &na, 4);
    neww[2] = ns.port;

    sum_replace(&iph->ip_sum, oldw, neww, 2);
    if (uh->uh_sum)
	sum_replace(&uh->uh_sum, oldw, neww, 3);
    iph->ip_dst.s_addr = na;
    uh->uh_dport = ns.port;
}

void
LoRaWanUplinkRouter::push(int, Packet *p)
{
    if (!p->has_transport_header())
	return drop(p, _malformed);
    const uint8_t *meta = p->transport_header() + sizeof(click_udp);
    const uint8_t *phy = meta + META_LEN;
    if (phy + 1 > p->end_data() || meta[0] != 'L' || meta[1] != 'U')
	return drop(p, _malformed);
    unsigned phylen = p->end_data() - phy;
    unsigned mtype = phy[0] >> 5;

    if (mtype == MTYPE_JOIN_REQ || mtype == MTYPE_REJOIN_REQ) {
	if (phylen < (mtype == MTYPE_JOIN_REQ ? 23U : 19U))
	    return drop(p, _malformed);
	_joins++;
	if (WritablePacket *q = p->uniqueify()) {
	    readdress(q, _ns[MAX_NS]);
	    output(1).push(q);
	}
	return;
    }
    if ((mtype != MTYPE_UNCONF_UP && mtype != MTYPE_CONF_UP)
	|| phylen < 12 || 8 + (phy[5] & 0x0F) + 4 > phylen)
	return drop(p, _malformed);

    uint32_t devaddr = phy[1] | (phy[2] << 8) | (phy[3] << 16) | ((uint32_t) phy[4] << 24);
    uint16_t fcnt = phy[6] | (phy[7] << 8);
    uint32_t mic;
    memcpy(&mic, phy + phylen - 4, 4);

    // the same frame heard by several gateways
    click_jiffies_t now = click_jiffies();
    Seen &s = _seen[(devaddr ^ fcnt) & (DEDUP_SLOTS - 1)];
    if (s.devaddr == devaddr && s.fcnt == fcnt && s.mic == mic
	&& !click_jiffies_less(s.when + _dedup_jiffies, now)) {
	_duplicates++;
	checked_output_push(2, p);
	return;
    }

    // longest DevAddr prefix: walk the binary trie, remember the last server seen
    int best = _nodes[0].ns;
    const DaNode *n = &_nodes[0];
    uint32_t bits = devaddr;
    for (int depth = 0; depth < 32; depth++) {
	int32_t next = n->child[bits >> 31];
	if (next < 0)
	    break;
	n = &_nodes[next];
	if (n->ns >= 0)
	    best = n->ns;
	bits <<= 1;
    }
    if (best < 0)
	return drop(p, _unroutable);

    s.devaddr = devaddr;
    s.fcnt = fcnt;
    s.mic = mic;
    s.when = now;

    WritablePacket *q = p->uniqueify();
    if (!q)
	return;
    _ns[best].uplinks++;
    readdress(q, _ns[best]);
    SET_AGGREGATE_ANNO(q, devaddr);
    output(0).push(q);
}

void
LoRaWanUplinkRouter::add_handlers()
{
    add_data_handlers("malformed", Handler::f_read, &_malformed);
    add_data_handlers("unroutable", Handler::f_read, &_unroutable);
    add_data_handlers("duplicates", Handler::f_read, &_duplicates);
    add_data_handlers("joins", Handler::f_read, &_joins);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(LoRaWanUplinkRouter)
