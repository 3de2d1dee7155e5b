// -*- mode: c++; c-basic-offset: 4 -*-
/*
 * tlsrecordcipher.{cc,hh} -- ChaCha20 record encryption for inline TLS
 */

#include <click/config.h>
#include "tlsrecordcipher.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/packet_anno.hh>
CLICK_DECLS

#define CC_ROTL(v, n)	(((v) << (n)) | ((v) >> (32 - (n))))
#define CC_QR(a, b, c, d)				\
    do {						\
	a += b; d ^= a; d = CC_ROTL(d, 16);		\
	c += d; b ^= c; b = CC_ROTL(b, 12);		\
	a += b; d ^= a; d = CC_ROTL(d, 8);		\
	c += d; b ^= c; b = CC_ROTL(b, 7);		\
    } while (0)

static inline uint32_t
load_le32(const uint8_t *p)
{
    return (uint32_t) p[0] | ((uint32_t) p[1] << 8) | ((uint32_t) p[2] << 16)
	| ((uint32_t) p[3] << 24);
}

static void
chacha20_block(const uint32_t in[16], uint8_t out[64])
{
    uint32_t x[16];
    memcpy(x, in, sizeof(x));
    for (int round = 0; round < 10; round++) {
	CC_QR(x[0], x[4], x[8], x[12]);
	CC_QR(x[1], x[5], x[9], x[13]);
	CC_QR(x[2], x[6], x[10], x[14]);
	CC_QR(x[3], x[7], x[11], x[15]);
	CC_QR(x[0], x[5], x[10], x[15]);
	CC_QR(x[1], x[6], x[11], x[12]);
	CC_QR(x[2], x[7], x[8], x[13]);
	CC_QR(x[3], x[4], x[9], x[14]);
    }
    for (int i = 0; i < 16; i++) {
	uint32_t v = x[i] + in[i];
	out[4 * i] = (uint8_t) v;
	out[4 * i + 1] = (uint8_t) (v >> 8);
	out[4 * i + 2] = (uint8_t) (v >> 16);
	out[4 * i + 3] = (uint8_t) (v >> 24);
    }
}

static void
chacha20_xor(const uint8_t key[32], const uint8_t nonce[12], uint32_t counter,
	     uint8_t *buf, uint32_t len)
{
    uint32_t state[16];
    state[0] = 0x61707865;		// "expand 32-byte k"
    state[1] = 0x3320646e;
    state[2] = 0x79622d32;
    state[3] = 0x6b206574;
    for (int i = 0; i < 8; i++)
	state[4 + i] = load_le32(key + 4 * i);
    state[12] = counter;
    state[13] = load_le32(nonce);
    state[14] = load_le32(nonce + 4);
    state[15] = load_le32(nonce + 8);

    uint8_t ks[64];
    while (len > 0) {
	chacha20_block(state, ks);
	uint32_t n = len < 64 ? len : 64;
	for (uint32_t i = 0; i < n; i++)
	    buf[i] ^= ks[i];
	buf += n;
	len -= n;
	state[12]++;
    }
}

static bool
parse_hex(const String &s, uint8_t *out, int nbytes)
{
    if (s.length() != 2 * nbytes)
	return false;
    for (int i = 0; i < 2 * nbytes; i++) {
	char c = s[i];
	uint8_t v = (c >= '0' && c <= '9') ? c - '0'
	    : (c >= 'a' && c <= 'f') ? c - 'a' + 10
	    : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : 0xFF;
	if (v == 0xFF)
	    return false;
	out[i / 2] = (i & 1) ? (out[i / 2] | v) : (v << 4);
    }
    return true;
}

TLSRecordCipher::TLSRecordCipher()
    : _port(4420), _slot_bits(10), _slots(0),
      _records(0), _bytes(0), _slow_path(0), _evictions(0)
{
}

TLSRecordCipher::~TLSRecordCipher()
{
    delete[] _slots;
}

int
TLSRecordCipher::configure(Vector<String> &conf, ErrorHandler *errh)
{
    String key, iv;
    unsigned slots = 1024;
    if (Args(conf, this, errh)
	.read_mp("KEY", key)
	.read_mp("IV", iv)
	.read_p("PORT", _port)
	.read_p("SLOTS", slots)
	.complete() < 0)
	return -1;
    if (!parse_hex(key, _key, 32))
	return errh->error("KEY must be 64 hex digits");
    if (!parse_hex(iv, _iv, 12))
	return errh->error("IV must be 24 hex digits");
    if (slots < 2 || slots > (1U << 20) || (slots & (slots - 1)))
	return errh->error("SLOTS must be a power of two");
    for (_slot_bits = 0; (1U << _slot_bits) < slots; _slot_bits++)
	/* nada */;
    delete[] _slots;
    _slots = new ConnSlot[slots];
    memset(_slots, 0, sizeof(ConnSlot) * slots);
    return 0;
}

TLSRecordCipher::ConnSlot *
TLSRecordCipher::lookup_conn(const click_ip *iph, const click_tcp *tcph)
{
    uint32_t ports = ((uint32_t) tcph->th_sport << 16) | tcph->th_dport;
    uint32_t k = iph->ip_src.s_addr ^ iph->ip_dst.s_addr ^ ports;
    ConnSlot *s = &_slots[(k * 0x9E3779B1U) >> (32 - _slot_bits)];
    if (!s->in_use || s->saddr != iph->ip_src.s_addr || s->daddr != iph->ip_dst.s_addr
	|| s->ports != ports) {
	if (s->in_use)
	    _evictions++;
	s->saddr = iph->ip_src.s_addr;
	s->daddr = iph->ip_dst.s_addr;
	s->ports = ports;
	s->seq = 0;
	s->in_use = true;
    }
    return s;
}

Packet *
TLSRecordCipher::simple_action(Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!p->has_transport_header() || iph->ip_p != IP_PROTO_TCP || IP_ISFRAG(iph))
	return p;
    const click_tcp *tcph = p->tcp_header();
    if (tcph->th_sport != htons(_port))
	return p;

    uint32_t off = p->transport_header_offset() + (tcph->th_off << 2);
    uint32_t end = p->ip_header_offset() + ntohs(iph->ip_len);
    if (end > p->length() || off >= end)
	return p;

    // every record must end inside this segment, or none is touched
    for (uint32_t o = off; o < end; ) {
	const unsigned char *h = p->data() + o;
	uint32_t rlen = (end - o >= TLS_HDR_LEN) ? (uint32_t) ((h[3] << 8) | h[4]) : TLS_MAX_RECORD + 1;
	if (rlen > TLS_MAX_RECORD || end - o - TLS_HDR_LEN < rlen) {
	    _slow_path++;
	    SET_PAINT_ANNO(p, 1);
	    return p;
	}
	o += TLS_HDR_LEN + rlen;
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
	return 0;
    ConnSlot *conn = lookup_conn(q->ip_header(), q->tcp_header());
    for (uint32_t o = off; o < end; ) {
	unsigned char *h = q->data() + o;
	uint32_t rlen = (h[3] << 8) | h[4];
	if (h[0] == TLS_CT_APPDATA && rlen > TLS_TAG_LEN) {
	    uint8_t nonce[12];
	    memcpy(nonce, _iv, 12);
	    for (int i = 0; i < 8; i++)
		nonce[4 + i] ^= (uint8_t) (conn->seq >> (56 - 8 * i));
	    chacha20_xor(_key, nonce, 1, h + TLS_HDR_LEN, rlen - TLS_TAG_LEN);
	    _records++;
	    _bytes += rlen - TLS_TAG_LEN;
	}
	conn->seq++;
	o += TLS_HDR_LEN + rlen;
    }
    SET_PAINT_ANNO(q, 0);
    return q;
}

void
TLSRecordCipher::add_handlers()
{
    add_data_handlers("records", Handler::f_read, &_records);
    add_data_handlers("bytes", Handler::f_read, &_bytes);
    add_data_handlers("slow_path", Handler::f_read, &_slow_path);
    add_data_handlers("evictions", Handler::f_read, &_evictions);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TLSRecordCipher)
