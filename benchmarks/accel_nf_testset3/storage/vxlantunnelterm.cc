/*
 * vxlantunnelterm.{cc,hh} -- VXLAN decapsulation with outer UDP checksum check
 */

#include <click/config.h>
#include "vxlantunnelterm.hh"
#include <click/args.hh>
#include <click/confparse.hh>
#include <click/error.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

VXLANTunnelTerm::VXLANTunnelTerm()
    : _port(4789), _verify_csum(true), _nvnis(0),
      _decapped(0), _csum_errors(0), _zero_csum(0), _unknown_vni(0), _not_ours(0)
{
}

VXLANTunnelTerm::~VXLANTunnelTerm()
{
}

int
VXLANTunnelTerm::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String vni_list;
    if (Args(conf, this, errh)
	.read_mp("LOCAL_VTEP", _local_vtep)
	.read_mp("VNIS", vni_list)
	.read("PORT", _port)
	.read("VERIFY_CSUM", _verify_csum)
	.complete() < 0)
	return -1;

    Vector<String> words;
    cp_spacevec(vni_list, words);
    _nvnis = 0;
    for (int i = 0; i < words.size(); i++) {
	unsigned vni;
	if (!cp_integer(words[i], &vni) || vni > 0xFFFFFF)
	    return errh->error("bad VNI %s", words[i].c_str());
	if (_nvnis == MAX_VNIS)
	    return errh->error("too many VNIs (max %d)", (int) MAX_VNIS);
	// insertion sort keeps the list ready for binary search
	int j = _nvnis++;
	while (j > 0 && _vnis[j - 1] > vni) {
	    _vnis[j] = _vnis[j - 1];
	    j--;
	}
	_vnis[j] = vni;
    }
    return 0;
}

bool
VXLANTunnelTerm::vni_allowed(uint32_t vni) const
{
    int lo = 0, hi = _nvnis - 1;
    while (lo <= hi) {
	int mid = (lo + hi) >> 1;
	if (_vnis[mid] == vni)
	    return true;
	else if (_vnis[mid] < vni)
	    lo = mid + 1;
	else
	    hi = mid - 1;
    }
    return false;
}

void
VXLANTunnelTerm::push(int, Packet *p)
{
    const unsigned char *data = p->data();
    unsigned len = p->length();
    const unsigned outer = sizeof(click_ether) + sizeof(click_ip) + sizeof(click_udp) + VXLAN_HDR_LEN;

    if (len < outer + sizeof(click_ether)
	|| reinterpret_cast<const click_ether *>(data)->ether_type != htons(ETHERTYPE_IP)) {
	_not_ours++;
	output(2).push(p);
	return;
    }
    const click_ip *ip = reinterpret_cast<const click_ip *>(data + sizeof(click_ether));
    if (ip->ip_v != 4 || ip->ip_hl != 5 || ip->ip_p != IP_PROTO_UDP
	|| IPAddress(ip->ip_dst) != _local_vtep || IP_ISFRAG(ip)) {
	_not_ours++;
	output(2).push(p);
	return;
    }
    const click_udp *udp = reinterpret_cast<const click_udp *>(ip + 1);
    unsigned ulen = ntohs(udp->uh_ulen);
    if (udp->uh_dport != htons(_port) || ulen < sizeof(click_udp) + VXLAN_HDR_LEN
	|| ntohs(ip->ip_len) != sizeof(click_ip) + ulen
	|| sizeof(click_ether) + sizeof(click_ip) + ulen > len) {
	_not_ours++;
	output(2).push(p);
	return;
    }

    if (_verify_csum && udp->uh_sum != 0) {
	// one's-complement sum of pseudo-header and datagram, 16 bits at a time
	const uint16_t *src = reinterpret_cast<const uint16_t *>(&ip->ip_src);
	const uint16_t *dst = reinterpret_cast<const uint16_t *>(&ip->ip_dst);
	uint32_t sum = src[0] + src[1] + dst[0] + dst[1];
	sum += htons(IP_PROTO_UDP);
	sum += udp->uh_ulen;

	const uint16_t *w = reinterpret_cast<const uint16_t *>(udp);
	int nleft = ulen;
	while (nleft > 1) {
	    sum += *w++;
	    nleft -= 2;
	}
	if (nleft == 1) {
	    uint16_t odd = 0;
	    *reinterpret_cast<unsigned char *>(&odd) = *reinterpret_cast<const unsigned char *>(w);
	    sum += odd;
	}
	sum = (sum >> 16) + (sum & 0xFFFF);
	sum += (sum >> 16);
	if ((uint16_t) ~sum != 0) {
	    _csum_errors++;
	    output(1).push(p);
	    return;
	}
    } else if (udp->uh_sum == 0)
	_zero_csum++;

    const unsigned char *vx = reinterpret_cast<const unsigned char *>(udp + 1);
    uint32_t vni = ((uint32_t) vx[4] << 16) | ((uint32_t) vx[5] << 8) | vx[6];
    if (!(vx[0] & VXLAN_FLAG_I) || !vni_allowed(vni)) {
	_unknown_vni++;
	output(2).push(p);
	return;
    }

    // drop any Ethernet padding past the outer datagram, then the outer headers
    unsigned trailer = len - (sizeof(click_ether) + sizeof(click_ip) + ulen);
    if (trailer)
	p->take(trailer);
    p->pull(outer);
    p->set_mac_header(p->data(), sizeof(click_ether));
    SET_AGGREGATE_ANNO(p, vni);
    _decapped++;
    output(0).push(p);
}

void
VXLANTunnelTerm::add_handlers()
{
    add_data_handlers("decapped", Handler::f_read, &_decapped);
    add_data_handlers("csum_errors", Handler::f_read, &_csum_errors);
    add_data_handlers("zero_csum", Handler::f_read, &_zero_csum);
    add_data_handlers("unknown_vni", Handler::f_read, &_unknown_vni);
    add_data_handlers("not_ours", Handler::f_read, &_not_ours);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(VXLANTunnelTerm)
