/*
 * can_udp_gateway.cc -- filtering gateway for CAN frames tunnelled over UDP
 */

#include <click/config.h>
#include "can_udp_gateway.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/confparse.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

// CAN FD DLC codes 9..15 map to these payload sizes; classic frames stop at 8.
static const uint8_t fd_len_ok[65] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0,
    1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 1
};

CanUdpGateway::CanUdpGateway()
    : _nfilters(0), _npgn(0), _ne2e(0), _last_seq(0), _frames_in(0), _frames_out(0),
      _filtered(0), _pgn_blocked(0), _e2e_errors(0), _seq_gaps(0), _malformed(0)
{
}

int
CanUdpGateway::configure(Vector<String> &conf, ErrorHandler *errh)
{
    for (int i = 0; i < conf.size(); i++) {
	Vector<String> w;
	cp_spacevec(conf[i], w);
	unsigned v, m;
	if (w.size() == 3 && w[0] == "FILTER" && _nfilters < MAX_FILTERS) {
	    int slash = w[1].find_left('/');
	    if (slash < 0 || !cp_integer(w[1].substring(0, slash), 16, &v)
		|| !cp_integer(w[1].substring(slash + 1), 16, &m)
		|| (w[2] != "PASS" && w[2] != "DROP"))
		return errh->error("FILTER %d: expected id/mask PASS|DROP", i);
	    Filter &f = _filters[_nfilters++];
	    f.id = v & m;
	    f.mask = m;
	    f.pass = (w[2] == "PASS");
	    f.hits = 0;
	} else if (w.size() == 2 && w[0] == "BLOCK_PGN" && _npgn < MAX_PGN
		   && cp_integer(w[1], 16, &v) && v <= 0x3FFFF)
	    _blocked_pgn[_npgn++] = v;
	else if (w.size() == 2 && w[0] == "E2E" && _ne2e < MAX_E2E && cp_integer(w[1], 16, &v)) {
	    _e2e[_ne2e].id = v;
	    _e2e[_ne2e].seen = false;
	    _e2e[_ne2e].errors = 0;
	    _ne2e++;
	} else
	    return errh->error("argument %d not understood", i);
    }
    return 0;
}

bool
CanUdpGateway::accept_frame(uint32_t can_id, const uint8_t *data, unsigned len)
{
    uint32_t id = can_id & ((can_id & CAN_EFF_FLAG) ? CAN_EFF_MASK : CAN_SFF_MASK);

    // ordered acceptance list, first match decides, default drop
    bool pass = false;
    int i;
    for (i = 0; i < _nfilters; i++)
	if ((id & _filters[i].mask) == _filters[i].id)
	    break;
    if (i < _nfilters) {
	_filters[i].hits++;
	pass = _filters[i].pass;
    }
    if (!pass) {
	_filtered++;
	return false;
    }

    if (can_id & CAN_EFF_FLAG) {
	// J1939: priority(3) EDP(1) DP(1) PF(8) PS(8) SA(8)
	uint32_t pf = (id >> 16) & 0xFF;
	uint32_t pgn = (id >> 8) & 0x3FF00;
	if (pf >= 0xF0)
	    pgn |= (id >> 8) & 0xFF;	// PDU2: PS is the group extension
	for (int k = 0; k < _npgn; k++)
	    if (_blocked_pgn[k] == pgn) {
		_pgn_blocked++;
		return false;
	    }
    }

    for (int k = 0; k < _ne2e; k++) {
	E2eMsg &e = _e2e[k];
	if (e.id != id)
	    continue;
	if (len < 2) {
	    e.errors++;
	    _e2e_errors++;
	    return false;
	}
	uint8_t x = 0;
	const uint8_t *q = data + 1;
	while (q < data + len)
	    x ^= *q++;
	uint8_t ctr = data[1] & 0x0F;
	bool ctr_ok = !e.seen || ctr == ((e.last_counter + 1) & 0x0F) || ctr == ((e.last_counter + 2) & 0x0F);
	if (x != data[0] || !ctr_ok) {
	    e.errors++;
	    _e2e_errors++;
	    return false;
	}
	e.last_counter = ctr;
	e.seen = true;
	break;
    }
    return true;
}

void
CanUdpGateway::push(int, Packet *p)
{
    WritablePacket *q;
    if (!p->has_transport_header() || p->transport_length() < (int) sizeof(click_udp) + 5
	|| !(q = p->uniqueify())) {
	_malformed++;
	checked_output_push(1, p);
	return;
    }
    uint8_t *hdr = q->transport_header() + sizeof(click_udp);
    uint8_t *end = q->end_data();
    if (hdr[0] != 2 || hdr[1] != 0) {
	_malformed++;
	output(1).push(q);
	return;
    }
    if (hdr[2] != (uint8_t) (_last_seq + 1))
	_seq_gaps++;
    _last_seq = hdr[2];

    unsigned count = (hdr[3] << 8) | hdr[4], kept = 0;
    uint8_t *rd = hdr + 5, *wr = hdr + 5;
    for (unsigned n = 0; n < count; n++) {
	if (rd + 5 > end)
	    break;
	uint32_t can_id = ((uint32_t) rd[0] << 24) | (rd[1] << 16) | (rd[2] << 8) | rd[3];
	unsigned len = rd[4] & 0x7F, hlen = 5;
	if (rd[4] & CANFD_FLAG_LEN)
	    hlen = 6;
	if (len > 64 || !fd_len_ok[len] || (hlen == 5 && len > 8) || rd + hlen + len > end) {
	    _malformed++;
	    break;
	}
	_frames_in++;
	if (!(can_id & CAN_ERR_FLAG) && accept_frame(can_id, rd + hlen, (can_id & CAN_RTR_FLAG) ? 0 : len)) {
	    if (wr != rd)
		for (unsigned b = 0; b < hlen + len; b++)
		    wr[b] = rd[b];
	    wr += hlen + len;
	    kept++;
	}
	rd += hlen + len;
    }

    if (kept == 0) {
	output(1).push(q);
	return;
    }
    _frames_out += kept;
    hdr[3] = kept >> 8;
    hdr[4] = kept & 0xFF;
    q->take(end - wr);

    // new lengths; IPv4 allows a zero UDP checksum
    click_ip *iph = q->ip_header();
    click_udp *uh = q->udp_header();
    uint16_t newulen = htons(wr - q->transport_header());
    uint16_t newiplen = htons(wr - q->network_header());
    uh->uh_ulen = newulen;
    uh->uh_sum = 0;
    click_update_in_cksum(&iph->ip_sum, iph->ip_len, newiplen);
    iph->ip_len = newiplen;
    output(0).push(q);
}

void
CanUdpGateway::add_handlers()
{
    add_data_handlers("frames_in", Handler::f_read, &_frames_in);
    add_data_handlers("frames_out", Handler::f_read, &_frames_out);
    add_data_handlers("filtered", Handler::f_read, &_filtered);
    add_data_handlers("pgn_blocked", Handler::f_read, &_pgn_blocked);
    add_data_handlers("e2e_errors", Handler::f_read, &_e2e_errors);
    add_data_handlers("seq_gaps", Handler::f_read, &_seq_gaps);
    add_data_handlers("malformed", Handler::f_read, &_malformed);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(CanUdpGateway)
