/*
 * ot_ingress_guard.cc -- IPv4 sanitizer for the OT side of a zone firewall
 */

#include <click/config.h>
#include "ot_ingress_guard.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

#define OTG_FIELD_PORTS_N	6
static const uint16_t otg_field_ports[OTG_FIELD_PORTS_N] = {
    102,	/* S7comm / ISO-TSAP */
    502,	/* Modbus/TCP */
    2404,	/* IEC 60870-5-104 */
    4840,	/* OPC UA binary */
    20000,	/* DNP3 */
    44818	/* EtherNet/IP explicit */
};

#define IS_LOOPBACK(a)	(((a) & 0xFF000000u) == 0x7F000000u)
#define IS_CLASS_E(a)	(((a) & 0xF0000000u) == 0xF0000000u)
#define IS_ZERONET(a)	(((a) & 0xFF000000u) == 0)

OtIngressGuard::OtIngressGuard()
    : _min_ttl(1), _local_ttl(255), _drop_fragments(false), _passed(0)
{
    for (int i = 0; i < OTG_NREASONS; i++)
	_reason_count[i] = 0;
}

int
OtIngressGuard::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
	.read_p("MIN_TTL", _min_ttl)
	.read_p("DROP_FRAGMENTS", _drop_fragments)
	.read_p("LOCAL_TTL", _local_ttl)
	.complete() < 0)
	return -1;
    if (_min_ttl > 255 || _local_ttl > 255)
	return errh->error("TTL values must be <= 255");
    return 0;
}

bool
OtIngressGuard::field_protocol_port(uint16_t port)
{
    /* short sorted list: linear scan is fine */
    for (int i = 0; i < OTG_FIELD_PORTS_N; i++) {
	if (otg_field_ports[i] == port)
	    return true;
	if (otg_field_ports[i] > port)
	    break;
    }
    return false;
}

bool
OtIngressGuard::bad_tcp_flags(uint8_t f)
{
    if ((f & (TH_SYN | TH_FIN)) == (TH_SYN | TH_FIN))
	return true;
    if ((f & (TH_SYN | TH_RST)) == (TH_SYN | TH_RST))
	return true;
    if (f == 0)			/* NULL scan */
	return true;
    /* XMAS scan: FIN, PSH and URG together with at least 3 bits set */
    unsigned bits = f - ((f >> 1) & 0x55);
    bits = (bits & 0x33) + ((bits >> 2) & 0x33);
    bits = (bits + (bits >> 4)) & 0x0F;
    return (f & (TH_FIN | TH_PUSH | TH_URG)) == (TH_FIN | TH_PUSH | TH_URG) && bits >= 3;
}

/* Returns 1 if a source-route or unknown-length option is present. */
int
OtIngressGuard::scan_options(const uint8_t *opt, int optlen)
{
    int i = 0;
    while (i < optlen) {
	uint8_t t = opt[i];
	if (t == IPOPT_EOL)
	    break;
	if (t == IPOPT_NOP) {
	    i++;
	    continue;
	}
	if (i + 1 >= optlen || opt[i + 1] < 2 || i + opt[i + 1] > optlen)
	    return 1;
	if (t == IPOPT_LSRR || t == IPOPT_SSRR || t == IPOPT_RR)
	    return 1;
	i += opt[i + 1];
    }
    return 0;
}

void
OtIngressGuard::push(int, Packet *p)
{
    if (p->length() < sizeof(click_ip))
	return reject(p, OTG_SHORT);

    const click_ip *iph = reinterpret_cast<const click_ip *>(p->data());
    if (iph->ip_v != 4)
	return reject(p, OTG_VERSION);
    unsigned hlw = iph->ip_hl;
    unsigned hlen = hlw << 2;
    if (hlw < 5 || hlen > p->length())
	return reject(p, OTG_HLEN);
    unsigned tlen = ntohs(iph->ip_len);
    if (tlen < hlen || tlen > p->length())
	return reject(p, OTG_TOTLEN);

    if (otg_ipv4_hdr_sum(iph, hlw) != 0)
	return reject(p, OTG_CKSUM);

    if (hlw > 5 && scan_options(reinterpret_cast<const uint8_t *>(iph + 1), hlen - 20))
	return reject(p, OTG_SRCROUTE);

    uint32_t src = ntohl(iph->ip_src.s_addr), dst = ntohl(iph->ip_dst.s_addr);
    if (IS_LOOPBACK(src) || IS_CLASS_E(src) || IS_ZERONET(src)
	|| IS_LOOPBACK(dst) || IS_ZERONET(dst))
	return reject(p, OTG_MARTIAN);

    if (iph->ip_ttl < _min_ttl)
	return reject(p, OTG_TTL);

    uint16_t off = ntohs(iph->ip_off);
    unsigned fragoff = (off & IP_OFFMASK) << 3;
    if (off & (IP_MF | IP_OFFMASK)) {
	if (_drop_fragments)
	    return reject(p, OTG_FRAG);
	/* a first fragment must carry a full transport header; later
	   fragments must not overlap the TCP header (RFC 1858) */
	if (fragoff == 0 && iph->ip_p == IP_PROTO_TCP && tlen - hlen < sizeof(click_tcp))
	    return reject(p, OTG_FRAG);
	if (fragoff == 8 && iph->ip_p == IP_PROTO_TCP)
	    return reject(p, OTG_FRAG);
    }

    p->set_network_header(p->data(), hlen);
    if (fragoff == 0 && (iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)) {
	const uint8_t *l4 = p->data() + hlen;
	unsigned l4len = tlen - hlen;
	uint16_t dport;
	if (iph->ip_p == IP_PROTO_TCP) {
	    if (l4len < sizeof(click_tcp))
		return reject(p, OTG_SHORT);
	    const click_tcp *th = reinterpret_cast<const click_tcp *>(l4);
	    if (bad_tcp_flags(th->th_flags))
		return reject(p, OTG_TCPFLAGS);
	    dport = ntohs(th->th_dport);
	} else {
	    if (l4len < sizeof(click_udp))
		return reject(p, OTG_SHORT);
	    dport = ntohs(reinterpret_cast<const click_udp *>(l4)->uh_dport);
	}
	if (field_protocol_port(dport) && iph->ip_ttl < _local_ttl)
	    return reject(p, OTG_TTL);
    }

    _passed++;
    output(0).push(p);
}

void
OtIngressGuard::add_handlers()
{
    static const char *const names[OTG_NREASONS] = {
	"ok", "short", "bad_version", "bad_hlen", "bad_totlen", "bad_cksum",
	"srcroute", "low_ttl", "bad_frag", "bad_tcpflags", "martian"
    };
    for (int i = 1; i < OTG_NREASONS; i++)
	add_data_handlers(names[i], Handler::f_read, &_reason_count[i]);
    add_data_handlers("passed", Handler::f_read, &_passed);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(OtIngressGuard)
