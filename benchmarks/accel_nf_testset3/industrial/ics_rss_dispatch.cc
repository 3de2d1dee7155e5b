/*
 * ics_rss_dispatch.cc -- RSS-style flow dispatch for an ICS DPI sensor
 */

#include <click/config.h>
#include "ics_rss_dispatch.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
#include <clicknet/udp.h>
CLICK_DECLS

static const uint8_t default_rss_key[40] = {
    0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2,
    0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
    0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4,
    0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
    0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa
};

/* 64 key bits stay in 'win'; the top 32 of them are the key segment that
 * lines up with the current input bit. */
#define TZ_BIT(mask)					\
    do {						\
	if (c & (mask))					\
	    h ^= (uint32_t) (win >> 32);		\
	win <<= 1;					\
    } while (0)

static uint32_t
rss_hash(const uint8_t *key, const uint8_t *in, unsigned n)
{
    uint32_t h = 0;
    uint64_t win = 0;
    unsigned k;
    for (k = 0; k < 8; k++)
	win = (win << 8) | key[k];
    for (const uint8_t *end = in + n; in != end; in++) {
	uint8_t c = *in;
	TZ_BIT(0x80); TZ_BIT(0x40); TZ_BIT(0x20); TZ_BIT(0x10);
	TZ_BIT(0x08); TZ_BIT(0x04); TZ_BIT(0x02); TZ_BIT(0x01);
	win |= k < 40 ? key[k] : 0;
	k++;
    }
    return h;
}

#undef TZ_BIT

IcsRssDispatch::IcsRssDispatch()
    : _reta_mask(127), _symmetric(false), _two_tuple(0), _non_ip(0)
{
    memcpy(_key, default_rss_key, KEY_LEN);
    memset(_per_output, 0, sizeof(_per_output));
}

int
IcsRssDispatch::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String key;
    unsigned reta_size = 128;
    if (Args(conf, this, errh)
	.read_p("KEY", key)
	.read("SYMMETRIC", _symmetric)
	.read("RETA_SIZE", reta_size)
	.complete() < 0)
	return -1;

    if (key.length()) {
	if (key.length() != 2 * KEY_LEN)
	    return errh->error("KEY must be %d hex digits", 2 * KEY_LEN);
	for (int i = 0; i < KEY_LEN; i++) {
	    uint8_t v = 0;
	    for (int j = 0; j < 2; j++) {
		char ch = key[2 * i + j];
		v <<= 4;
		if (ch >= '0' && ch <= '9') v |= ch - '0';
		else if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'f') v |= (ch | 0x20) - 'a' + 10;
		else return errh->error("KEY: bad hex digit");
	    }
	    _key[i] = v;
	}
    }
    if (reta_size < 8 || reta_size > MAX_RETA || (reta_size & (reta_size - 1)))
	return errh->error("RETA_SIZE must be a power of two in 8..%d", (int) MAX_RETA);
    if (noutputs() > MAX_OUT)
	return errh->error("at most %d outputs", (int) MAX_OUT);

    _reta_mask = reta_size - 1;
    int n = noutputs() > 0 ? noutputs() : 1;
    for (unsigned i = 0; i < reta_size; i++)
	_reta[i] = i % n;
    return 0;
}

void
IcsRssDispatch::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!p->has_network_header() || p->network_length() < (int) sizeof(click_ip)
	|| iph->ip_v != 4) {
	_non_ip++;
	_per_output[0]++;
	output(0).push(p);
	return;
    }

    uint8_t tuple[12];
    unsigned tlen = 8;
    uint32_t a = iph->ip_src.s_addr, b = iph->ip_dst.s_addr;
    uint16_t pa = 0, pb = 0;
    bool ports = (iph->ip_p == IP_PROTO_TCP || iph->ip_p == IP_PROTO_UDP)
	&& !IP_ISFRAG(iph) && p->transport_length() >= 4;
    if (ports) {
	const click_udp *uh = p->udp_header();	/* ports sit at the same place in TCP */
	pa = uh->uh_sport;
	pb = uh->uh_dport;
	tlen = 12;
    } else
	_two_tuple++;

    if (_symmetric && (ntohl(a) > ntohl(b) || (a == b && ntohs(pa) > ntohs(pb)))) {
	uint32_t t = a; a = b; b = t;
	uint16_t tp = pa; pa = pb; pb = tp;
    }
    memcpy(tuple, &a, 4);
    memcpy(tuple + 4, &b, 4);
    memcpy(tuple + 8, &pa, 2);
    memcpy(tuple + 10, &pb, 2);

    uint32_t h = rss_hash(_key, tuple, tlen);
    SET_AGGREGATE_ANNO(p, h);
    int port = _reta[h & _reta_mask];
    _per_output[port]++;
    output(port).push(p);
}

void
IcsRssDispatch::add_handlers()
{
    add_data_handlers("two_tuple", Handler::f_read, &_two_tuple);
    add_data_handlers("non_ip", Handler::f_read, &_non_ip);
    add_data_handlers("symmetric", Handler::f_read | Handler::f_write, &_symmetric);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(IcsRssDispatch)
