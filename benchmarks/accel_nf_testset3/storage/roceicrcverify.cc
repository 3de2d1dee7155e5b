/*
 * roceicrcverify.{cc,hh} -- check the RoCEv2 invariant CRC
 *
 * Part of the storage fabric element set.  The ICRC is the Ethernet CRC-32
 * taken over a masked image of the IP/UDP/BTH headers followed by the IB
 * payload; it is carried least significant byte first, like the FCS.
 */

#include <click/config.h>
#include "roceicrcverify.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

RoCEv2ICRCVerify::RoCEv2ICRCVerify()
    : _udp_port(4791), _check_psn(true), _drop_bad(false),
      _good(0), _bad_icrc(0), _other(0), _malformed(0), _psn_gaps(0), _psn_dups(0)
{
}

RoCEv2ICRCVerify::~RoCEv2ICRCVerify()
{
}

int
RoCEv2ICRCVerify::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
	.read_p("UDP_PORT", _udp_port)
	.read("CHECK_PSN", _check_psn)
	.read("DROP_BAD", _drop_bad)
	.complete() < 0)
	return -1;

    // reflected CRC-32 tables for slicing four bytes at a time
    for (uint32_t i = 0; i < 256; i++) {
	uint32_t c = i;
	for (int k = 0; k < 8; k++)
	    c = (c & 1) ? (c >> 1) ^ 0xEDB88320U : (c >> 1);
	_crc_tab[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++)
	for (int t = 1; t < 4; t++)
	    _crc_tab[t][i] = (_crc_tab[t - 1][i] >> 8)
		^ _crc_tab[0][_crc_tab[t - 1][i] & 0xFF];

    memset(_expected_psn, 0xFF, sizeof(_expected_psn));
    return 0;
}

uint32_t
RoCEv2ICRCVerify::icrc_update(uint32_t crc, const unsigned char *buf, uint32_t len) const
{
    while (len >= 4) {
	crc ^= (uint32_t) buf[0] | ((uint32_t) buf[1] << 8)
	    | ((uint32_t) buf[2] << 16) | ((uint32_t) buf[3] << 24);
	crc = _crc_tab[3][crc & 0xFF] ^ _crc_tab[2][(crc >> 8) & 0xFF]
	    ^ _crc_tab[1][(crc >> 16) & 0xFF] ^ _crc_tab[0][crc >> 24];
	buf += 4;
	len -= 4;
    }
    while (len--)
	crc = (crc >> 8) ^ _crc_tab[0][(crc ^ *buf++) & 0xFF];
    return crc;
}

void
RoCEv2ICRCVerify::track_psn(const unsigned char *bth)
{
    uint32_t qpn = ((uint32_t) bth[5] << 16) | ((uint32_t) bth[6] << 8) | bth[7];
    uint32_t psn = (((uint32_t) bth[9] << 16) | ((uint32_t) bth[10] << 8) | bth[11]) & PSN_MASK;
    uint32_t &expect = _expected_psn[qpn & (PSN_SLOTS - 1)];

    if (expect != 0xFFFFFFFFU) {
	// 24-bit serial number arithmetic: ahead by less than half the space is a gap
	uint32_t delta = (psn - expect) & PSN_MASK;
	if (delta != 0 && delta < (PSN_MASK + 1) / 2)
	    _psn_gaps++;
	else if (delta != 0) {
	    _psn_dups++;
	    return;
	}
    }
    expect = (psn + 1) & PSN_MASK;
}

int
RoCEv2ICRCVerify::classify(Packet *p)
{
    const unsigned char *d = p->data();
    uint32_t len = p->length();
    uint32_t l2 = sizeof(click_ether);

    if (len < l2 + sizeof(click_ip) + sizeof(click_udp))
	return OUT_OTHER;
    uint16_t etype = reinterpret_cast<const click_ether *>(d)->ether_type;
    if (etype == htons(ETHERTYPE_8021Q)) {
	l2 = sizeof(click_ether_vlan);
	etype = reinterpret_cast<const click_ether_vlan *>(d)->ether_vlan_encap_proto;
    }
    if (etype != htons(ETHERTYPE_IP) || len < l2 + sizeof(click_ip) + sizeof(click_udp))
	return OUT_OTHER;

    const click_ip *iph = reinterpret_cast<const click_ip *>(d + l2);
    // RoCEv2 over IPv4 carries no options and is never fragmented
    if (iph->ip_v != 4 || iph->ip_hl != 5 || iph->ip_p != IP_PROTO_UDP || IP_ISFRAG(iph))
	return OUT_OTHER;
    const click_udp *udph = reinterpret_cast<const click_udp *>(iph + 1);
    if (udph->uh_dport != htons(_udp_port))
	return OUT_OTHER;

    uint32_t ip_len = ntohs(iph->ip_len);
    uint32_t min_len = sizeof(click_ip) + sizeof(click_udp) + ROCE_BTH_LEN + ROCE_ICRC_LEN;
    if (ip_len < min_len || l2 + ip_len > len
	|| ntohs(udph->uh_ulen) != ip_len - sizeof(click_ip)) {
	_malformed++;
	return OUT_OTHER;
    }

    const unsigned char *bth = reinterpret_cast<const unsigned char *>(udph + 1);
    const unsigned char *icrc = d + l2 + ip_len - ROCE_ICRC_LEN;

    // masked header image: 8 bytes of ones stand in for the IB LRH
    unsigned char img[ICRC_LRH_ONES + sizeof(click_ip) + sizeof(click_udp) + ROCE_BTH_LEN];
    unsigned char *ip_img = img + ICRC_LRH_ONES;
    unsigned char *udp_img = ip_img + sizeof(click_ip);
    unsigned char *bth_img = udp_img + sizeof(click_udp);
    memset(img, 0xFF, ICRC_LRH_ONES);
    memcpy(ip_img, iph, sizeof(click_ip));
    memcpy(udp_img, udph, sizeof(click_udp));
    memcpy(bth_img, bth, ROCE_BTH_LEN);
    ip_img[1] = 0xFF;			// DSCP and ECN
    ip_img[8] = 0xFF;			// TTL
    ip_img[10] = ip_img[11] = 0xFF;	// header checksum
    udp_img[6] = udp_img[7] = 0xFF;	// UDP checksum
    bth_img[4] = 0xFF;			// FECN, BECN, reserved

    uint32_t crc = icrc_update(0xFFFFFFFFU, img, sizeof(img));
    crc = icrc_update(crc, bth + ROCE_BTH_LEN, (uint32_t) (icrc - (bth + ROCE_BTH_LEN)));
    crc = ~crc;

    uint32_t wire = (uint32_t) icrc[0] | ((uint32_t) icrc[1] << 8)
	| ((uint32_t) icrc[2] << 16) | ((uint32_t) icrc[3] << 24);
    if (crc != wire) {
	_bad_icrc++;
	return OUT_BAD;
    }

    if (_check_psn)
	track_psn(bth);
    // remember the destination QP for downstream per-QP elements
    SET_AGGREGATE_ANNO(p, ((uint32_t) bth[5] << 16) | ((uint32_t) bth[6] << 8) | bth[7]);
    _good++;
    return OUT_GOOD;
}

void
RoCEv2ICRCVerify::push(int, Packet *p)
{
    int port = classify(p);
    if (port == OUT_OTHER)
	_other++;
    if (port == OUT_BAD && _drop_bad) {
	p->kill();
	return;
    }
    checked_output_push(port, p);
}

String
RoCEv2ICRCVerify::read_counter(Element *e, void *user_data)
{
    RoCEv2ICRCVerify *r = static_cast<RoCEv2ICRCVerify *>(e);
    switch ((intptr_t) user_data) {
      case 0: return String(r->_good);
      case 1: return String(r->_bad_icrc);
      case 2: return String(r->_other);
      case 3: return String(r->_malformed);
      case 4: return String(r->_psn_gaps);
      default: return String(r->_psn_dups);
    }
}

void
RoCEv2ICRCVerify::add_handlers()
{
    add_read_handler("good", read_counter, 0);
    add_read_handler("bad_icrc", read_counter, 1);
    add_read_handler("other", read_counter, 2);
    add_read_handler("malformed", read_counter, 3);
    add_read_handler("psn_gaps", read_counter, 4);
    add_read_handler("psn_dups", read_counter, 5);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(RoCEv2ICRCVerify)
