/*
 * tcpsegoffload.{cc,hh} -- TCP segmentation / checksum offload emulation
 */

#include <click/config.h>
#include "tcpsegoffload.hh"
#include <click/args.hh>
#include <click/error.hh>
CLICK_DECLS

// RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m')
static inline void
tso_csum_replace16(uint16_t *sum, uint16_t from, uint16_t to)
{
    uint32_t s = (uint16_t) ~*sum;
    s += (uint16_t) ~from;
    s += to;
    s = (s & 0xFFFF) + (s >> 16);
    s = (s & 0xFFFF) + (s >> 16);
    *sum = (uint16_t) ~s;
}

// Full TCP checksum over pseudo-header, header and payload.  Sums 32-bit
// words in memory order into a 64-bit accumulator; the result is returned in
// memory (network) order, ready to be stored in th_sum.
static uint16_t
tso_tcp_checksum(const click_ip *iph, const unsigned char *seg, uint32_t seg_len)
{
    uint64_t acc = 0;
    acc += iph->ip_src.s_addr;
    acc += iph->ip_dst.s_addr;
    acc += htonl((IP_PROTO_TCP << 16) | seg_len);

    const unsigned char *p = seg;
    uint32_t n = seg_len;
    while (n >= 4) {
	uint32_t w;
	memcpy(&w, p, 4);
	acc += w;
	p += 4;
	n -= 4;
    }
    if (n >= 2) {
	uint16_t h;
	memcpy(&h, p, 2);
	acc += h;
	p += 2;
	n -= 2;
    }
    if (n) {
	uint16_t h = 0;
	memcpy(&h, p, 1);
	acc += h;
    }

    acc = (acc & 0xFFFFFFFFULL) + (acc >> 32);
    acc = (acc & 0xFFFFFFFFULL) + (acc >> 32);
    uint32_t s = (uint32_t) (acc & 0xFFFF) + (uint32_t) (acc >> 16);
    s = (s & 0xFFFF) + (s >> 16);
    return (uint16_t) ~s;
}

TCPSegOffload::TCPSegOffload()
    : _mss(1448), _max_segs(64), _fill_csum(true),
      _super_frames(0), _segments_out(0), _passthrough(0), _rejected(0)
{
}

TCPSegOffload::~TCPSegOffload()
{
}

int
TCPSegOffload::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
	.read_p("MSS", _mss)
	.read("MAX_SEGS", _max_segs)
	.read("FILL_CSUM", _fill_csum)
	.complete() < 0)
	return -1;
    if (_mss < 64 || _mss > 9000)
	return errh->error("MSS must be between 64 and 9000");
    if (_max_segs == 0 || _max_segs > 256)
	return errh->error("MAX_SEGS must be between 1 and 256");
    return 0;
}

void
TCPSegOffload::reject(Packet *p)
{
    _rejected++;
    checked_output_push(1, p);
}

WritablePacket *
TCPSegOffload::make_segment(const unsigned char *hdrs, uint32_t l2, uint32_t iphl,
			    uint32_t thl, const unsigned char *payload, uint32_t seg_off,
			    uint32_t seg_len, uint32_t index, bool last)
{
    uint32_t hdr_len = l2 + iphl + thl;
    WritablePacket *q = Packet::make(Packet::default_headroom, 0, hdr_len + seg_len, 0);
    if (!q)
	return 0;
    unsigned char *d = q->data();
    memcpy(d, hdrs, hdr_len);
    memcpy(d + hdr_len, payload + seg_off, seg_len);

    click_ip *iph = reinterpret_cast<click_ip *>(d + l2);
    click_tcp *tcph = reinterpret_cast<click_tcp *>(d + l2 + iphl);
    q->set_mac_header(d, l2);
    q->set_ip_header(iph, iphl);

    uint16_t old_len = iph->ip_len, new_len = htons(iphl + thl + seg_len);
    uint16_t old_id = iph->ip_id, new_id = htons(ntohs(old_id) + index);
    iph->ip_len = new_len;
    iph->ip_id = new_id;
    tso_csum_replace16(&iph->ip_sum, old_len, new_len);
    tso_csum_replace16(&iph->ip_sum, old_id, new_id);

    tcph->th_seq = htonl(ntohl(tcph->th_seq) + seg_off);
    if (!last)
	tcph->th_flags &= ~(TH_FIN | TH_PUSH);
    if (index != 0)
	tcph->th_flags &= ~TH_CWR;
    tcph->th_sum = 0;
    tcph->th_sum = tso_tcp_checksum(iph, reinterpret_cast<unsigned char *>(tcph), thl + seg_len);
    return q;
}

void
TCPSegOffload::push(int, Packet *p)
{
    const unsigned char *d = p->data();
    uint32_t len = p->length();
    const uint32_t l2 = sizeof(click_ether);

    if (len < l2 + sizeof(click_ip) + sizeof(click_tcp)
	|| reinterpret_cast<const click_ether *>(d)->ether_type != htons(ETHERTYPE_IP)) {
	reject(p);
	return;
    }
    const click_ip *iph = reinterpret_cast<const click_ip *>(d + l2);
    uint32_t iphl = iph->ip_hl << 2;
    uint32_t ip_len = ntohs(iph->ip_len);
    if (iph->ip_v != 4 || iph->ip_p != IP_PROTO_TCP || iphl < sizeof(click_ip)
	|| IP_ISFRAG(iph) || ip_len > len - l2 || ip_len < iphl + sizeof(click_tcp)) {
	reject(p);
	return;
    }
    const click_tcp *tcph = reinterpret_cast<const click_tcp *>(d + l2 + iphl);
    uint32_t thl = tcph->th_off << 2;
    if (thl < sizeof(click_tcp) || iphl + thl > ip_len) {
	reject(p);
	return;
    }
    uint32_t payload_len = ip_len - iphl - thl;

    if (payload_len <= _mss) {
	// checksum offload only
	_passthrough++;
	if (_fill_csum) {
	    WritablePacket *q = p->uniqueify();
	    if (!q)
		return;
	    click_ip *wip = reinterpret_cast<click_ip *>(q->data() + l2);
	    click_tcp *wtcp = reinterpret_cast<click_tcp *>(q->data() + l2 + iphl);
	    wtcp->th_sum = 0;
	    wtcp->th_sum = tso_tcp_checksum(wip, reinterpret_cast<unsigned char *>(wtcp),
					    ip_len - iphl);
	    p = q;
	}
	output(0).push(p);
	return;
    }

    uint32_t nsegs = (payload_len + _mss - 1) / _mss;
    if (nsegs > _max_segs) {
	reject(p);
	return;
    }
    _super_frames++;

    const unsigned char *payload = d + l2 + iphl + thl;
    for (uint32_t i = 0, off = 0; i < nsegs; i++, off += _mss) {
	uint32_t seg_len = (off + _mss <= payload_len) ? _mss : payload_len - off;
	WritablePacket *q = make_segment(d, l2, iphl, thl, payload, off, seg_len,
					 i, i + 1 == nsegs);
	if (!q)
	    break;
	q->copy_annotations(p);
	_segments_out++;
	output(0).push(q);
    }
    p->kill();
}

void
TCPSegOffload::add_handlers()
{
    add_data_handlers("mss", Handler::f_read | Handler::f_write, &_mss);
    add_data_handlers("super_frames", Handler::f_read, &_super_frames);
    add_data_handlers("segments", Handler::f_read, &_segments_out);
    add_data_handlers("passthrough", Handler::f_read, &_passthrough);
    add_data_handlers("rejected", Handler::f_read, &_rejected);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(TCPSegOffload)
