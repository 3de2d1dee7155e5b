// ot_zone_firewall.cc -- IEC 62443 zone / conduit firewall for plant networks

#include <click/config.h>
#include "ot_zone_firewall.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/confparse.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

namespace {

// Multibit trie, stride 8, controlled prefix expansion.  Node 0 is the root.
bool
zt_insert(ZtNode *nodes, unsigned &nnodes, unsigned max_nodes,
	  uint32_t addr, int len, int zone)
{
    unsigned node = 0;
    int level = 0;
    while (len > (level + 1) * 8) {
	ZtSlot &s = nodes[node].slot[(addr >> (24 - 8 * level)) & 0xFF];
	if (!s.child) {
	    if (nnodes >= max_nodes)
		return false;
	    memset(&nodes[nnodes], 0, sizeof(ZtNode));
	    s.child = nnodes++;
	}
	node = s.child;
	level++;
    }
    int bits = len - 8 * level;
    unsigned first = (addr >> (24 - 8 * level)) & 0xFF;
    first &= bits ? (0xFF << (8 - bits)) & 0xFF : 0;
    unsigned count = 1U << (8 - bits);
    for (unsigned i = first; i < first + count; i++) {
	ZtSlot &s = nodes[node].slot[i];
	if (!s.zone1 || s.plen <= len) {
	    s.zone1 = zone + 1;
	    s.plen = len;
	}
    }
    return true;
}

int
zt_lookup(const ZtNode *nodes, uint32_t a)
{
    int zone = -1;
    const ZtNode *n = nodes;
    int shift = 24;
    for (;;) {
	const ZtSlot &s = n->slot[(a >> shift) & 0xFF];
	if (s.zone1)
	    zone = s.zone1 - 1;
	if (!s.child || shift == 0)
	    break;
	n = nodes + s.child;
	shift -= 8;
    }
    return zone;
}

int
parse_action(const String &w)
{
    return w == "ALLOW" ? OtZoneFirewall::ACT_ALLOW
	: w == "INSPECT" ? OtZoneFirewall::ACT_INSPECT
	: w == "DENY" ? OtZoneFirewall::ACT_DENY : -1;
}

}

OtZoneFirewall::OtZoneFirewall()
    : _ntrie(1), _nzones(1), _nrules(0),
      _allowed(0), _denied(0), _logged(0), _cache_hits(0), _unzoned(0)
{
    memset(_trie, 0, sizeof(ZtNode));
    memset(_conduit, ACT_DENY, sizeof(_conduit));
    memset(_vcache, 0, sizeof(_vcache));
}

int
OtZoneFirewall::zone_index(const String &name, bool create)
{
    for (int i = 1; i < _nzones; i++)
	if (_zone_name[i] == name)
	    return i;
    if (!create || _nzones > MAX_ZONES)
	return -1;
    _zone_name[_nzones] = name;
    return _nzones++;
}

int
OtZoneFirewall::configure(Vector<String> &conf, ErrorHandler *errh)
{
    for (int i = 0; i < conf.size(); i++) {
	Vector<String> w;
	cp_spacevec(conf[i], w);
	if (w.size() == 0)
	    continue;
	if (w[0] == "ZONE" && w.size() >= 3) {
	    int z = zone_index(w[1], true);
	    if (z < 0)
		return errh->error("too many zones");
	    for (int j = 2; j < w.size(); j++) {
		IPAddress a, m;
		if (!cp_ip_prefix(w[j], &a, &m, true, this))
		    return errh->error("ZONE %s: bad prefix", w[1].c_str());
		int len = m.mask_to_prefix_len();
		if (len < 0 || !zt_insert(_trie, _ntrie, MAX_NODES, ntohl(a.addr()), len, z))
		    return errh->error("ZONE %s: prefix not usable", w[1].c_str());
	    }
	} else if (w[0] == "CONDUIT" && w.size() == 4) {
	    int zs = zone_index(w[1], false), zd = zone_index(w[2], false);
	    int act = parse_action(w[3]);
	    if (zs < 0 || zd < 0 || act < 0)
		return errh->error("argument %d: bad CONDUIT", i);
	    _conduit[zs][zd] = act;
	} else if (w[0] == "MODBUS" && w.size() == 6) {
	    int zs = zone_index(w[1], false), zd = zone_index(w[2], false);
	    int lo, hi, act = parse_action(w[5]);
	    if (zs < 0 || zd < 0 || act < 0 || act == ACT_INSPECT
		|| !cp_integer(w[3], &lo) || !cp_integer(w[4], &hi)
		|| lo < 1 || hi > 127 || lo > hi || _nrules >= MAX_RULES)
		return errh->error("argument %d: bad MODBUS rule", i);
	    ModbusRule &r = _rules[_nrules++];
	    r.zsrc = zs; r.zdst = zd; r.fc_lo = lo; r.fc_hi = hi;
	    r.action = act; r.matches = 0;
	} else
	    return errh->error("argument %d: unknown keyword", i);
    }
    return 0;
}

// Ordered rule list, first match wins.
int
OtZoneFirewall::modbus_verdict(int zs, int zd, uint8_t fc)
{
    for (int i = 0; i < _nrules; i++) {
	ModbusRule &r = _rules[i];
	if (r.zsrc == zs && r.zdst == zd && fc >= r.fc_lo && fc <= r.fc_hi) {
	    r.matches++;
	    return r.action == ACT_ALLOW ? 0 : 1;
	}
    }
    return 2;
}

void
OtZoneFirewall::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    uint32_t src = ntohl(iph->ip_src.s_addr), dst = ntohl(iph->ip_dst.s_addr);

    int zs = zt_lookup(_trie, src), zd = zt_lookup(_trie, dst);
    if (zs < 0 || zd < 0) {
	_unzoned++;
	zs = zs < 0 ? 0 : zs;
	zd = zd < 0 ? 0 : zd;
    }

    int out;
    uint8_t act = _conduit[zs][zd];
    if (zs == zd && zs != 0)
	out = 0;				// intra-zone traffic
    else if (act == ACT_ALLOW)
	out = 0;
    else if (act == ACT_DENY)
	out = 1;
    else if (iph->ip_p != IP_PROTO_TCP || p->transport_length() < (int) sizeof(click_tcp))
	out = 1;				// inspected conduits carry Modbus/TCP only
    else {
	const click_tcp *th = p->tcp_header();
	uint16_t dport = ntohs(th->th_dport);
	const uint8_t *pdu = p->transport_header() + (th->th_off << 2) + 7;
	if (dport != 502)
	    out = 1;
	else {
	    // verdict cache for the address pair, used by segments without a PDU
	    uint32_t key = src ^ dst;
	    VerdictCacheEntry &e = _vcache[(key * 2654435761U) >> (32 - FC_BITS)];
	    if (pdu < p->end_data()) {
		out = modbus_verdict(zs, zd, *pdu);
		e.key = key;
		e.verdict = out;
		e.valid = 1;
	    } else if (e.valid && e.key == key) {
		_cache_hits++;
		out = e.verdict == 1 ? 1 : 0;
	    } else
		out = 0;			// handshake before the first request
	}
    }

    if (out == 0)
	_allowed++;
    else if (out == 1)
	_denied++;
    else
	_logged++;
    SET_PAINT_ANNO(p, (zs << 4) | (zd & 0x0F));
    checked_output_push(out, p);
}

void
OtZoneFirewall::add_handlers()
{
    add_data_handlers("allowed", Handler::f_read, &_allowed);
    add_data_handlers("denied", Handler::f_read, &_denied);
    add_data_handlers("logged", Handler::f_read, &_logged);
    add_data_handlers("cache_hits", Handler::f_read, &_cache_hits);
    add_data_handlers("unzoned", Handler::f_read, &_unzoned);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(OtZoneFirewall)
