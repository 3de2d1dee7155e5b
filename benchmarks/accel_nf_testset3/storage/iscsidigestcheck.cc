// -*- c-basic-offset: 4 -*-
/*
 * iscsidigestcheck.{cc,hh} -- verify iSCSI header/data digests in flight
 */

#include <click/config.h>
#include "iscsidigestcheck.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

ISCSIDigestCheck::ISCSIDigestCheck()
    : _port(3260), _header_digest(true), _data_digest(true), _max_recv_dsl(262144),
      _pdus(0), _segments(0), _header_errors(0), _data_errors(0), _unaligned(0)
{
    memset(_opcode_count, 0, sizeof(_opcode_count));
}

int
ISCSIDigestCheck::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
	.read_p("PORT", _port)
	.read("HEADER_DIGEST", _header_digest)
	.read("DATA_DIGEST", _data_digest)
	.read("MAX_RECV_DSL", _max_recv_dsl)
	.complete() < 0)
	return -1;
    if (_max_recv_dsl < 512 || _max_recv_dsl > 16777215)
	return errh->error("MAX_RECV_DSL out of range [512, 2^24-1]");
    return 0;
}

void
ISCSIDigestCheck::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!p->has_network_header() || iph->ip_p != IP_PROTO_TCP || IP_ISFRAG(iph)) {
	output(2).push(p);
	return;
    }
    const click_tcp *tcph = p->tcp_header();
    if (tcph->th_dport != htons(_port) && tcph->th_sport != htons(_port)) {
	output(2).push(p);
	return;
    }

    const unsigned char *end = reinterpret_cast<const unsigned char *>(iph) + ntohs(iph->ip_len);
    if (end > p->end_data())
	end = p->end_data();
    const unsigned char *pdu = p->transport_header() + (tcph->th_off << 2);
    if (pdu >= end) {			// pure ACK
	output(2).push(p);
	return;
    }
    _segments++;

    uint32_t hd_len = _header_digest ? ISCSI_DIGEST_LEN : 0;
    int verdict = 0;
    while (pdu < end && verdict == 0) {
	uint32_t avail = end - pdu;
	if (avail < ISCSI_BHS_LEN) {
	    verdict = 2;
	    break;
	}
	uint8_t opcode = pdu[0] & 0x3F;
	uint32_t ahs_len = (uint32_t) pdu[4] << 2;
	uint32_t dsl = iscsi_bhs_dsl(pdu);
	uint32_t hlen = ISCSI_BHS_LEN + ahs_len;
	uint32_t dd_len = (_data_digest && dsl) ? ISCSI_DIGEST_LEN : 0;
	uint32_t total = hlen + hd_len + iscsi_pad4(dsl) + dd_len;
	if (dsl > _max_recv_dsl || total > avail) {
	    verdict = 2;
	    break;
	}

	if (_header_digest) {
	    const unsigned char *dg = pdu + hlen;
	    uint32_t rx = dg[0] | (dg[1] << 8) | (dg[2] << 16) | ((uint32_t) dg[3] << 24);
	    if (iscsi_crc32c(0, pdu, hlen) != rx) {
		_header_errors++;
		verdict = 1;
		break;
	    }
	}
	if (dd_len) {
	    // the data digest covers the data segment and its padding
	    const unsigned char *data = pdu + hlen + hd_len;
	    const unsigned char *dg = data + iscsi_pad4(dsl);
	    uint32_t rx = dg[0] | (dg[1] << 8) | (dg[2] << 16) | ((uint32_t) dg[3] << 24);
	    if (iscsi_crc32c(0, data, iscsi_pad4(dsl)) != rx) {
		_data_errors++;
		verdict = 1;
		break;
	    }
	}

	_opcode_count[opcode]++;
	_pdus++;
	pdu += total;
    }

    if (verdict == 2)
	_unaligned++;
    output(verdict).push(p);
}

String
ISCSIDigestCheck::read_opcodes(Element *e, void *)
{
    ISCSIDigestCheck *c = static_cast<ISCSIDigestCheck *>(e);
    StringAccum sa;
    for (int op = 0; op < 64; op++)
	if (c->_opcode_count[op])
	    sa << op << ' ' << c->_opcode_count[op] << '\n';
    return sa.take_string();
}

void
ISCSIDigestCheck::add_handlers()
{
    add_data_handlers("pdus", Handler::f_read, &_pdus);
    add_data_handlers("segments", Handler::f_read, &_segments);
    add_data_handlers("header_errors", Handler::f_read, &_header_errors);
    add_data_handlers("data_errors", Handler::f_read, &_data_errors);
    add_data_handlers("unaligned", Handler::f_read, &_unaligned);
    add_read_handler("opcodes", read_opcodes, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(ISCSIDigestCheck)
