/*
 * dcqcnecnmarker.{cc,hh} -- ECN marking for DCQCN / RoCEv2 congestion control
 */

#include <click/config.h>
#include "dcqcnecnmarker.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <click/straccum.hh>
CLICK_DECLS

#define ROCEV2_PORT	4791
#define BTH_OPCODE_CNP	0x81

DCQCNECNMarker::DCQCNECNMarker()
    : _rate_mbps(100000), _kmin(5 * 1024), _kmax(200 * 1024), _pmax_permille(10),
      _weight(4), _vq_bytes(0), _avg_q(0), _rng(0x2545F491),
      _marked(0), _not_ect(0), _already_ce(0), _forced(0)
{
}

DCQCNECNMarker::~DCQCNECNMarker()
{
}

int
DCQCNECNMarker::configure(Vector<String> &conf, ErrorHandler *errh)
{
    uint32_t seed = 0;
    if (Args(conf, this, errh)
	.read_mp("RATE", _rate_mbps)
	.read_mp("KMIN", _kmin)
	.read_mp("KMAX", _kmax)
	.read_p("PMAX", _pmax_permille)
	.read_p("WEIGHT", _weight)
	.read_p("SEED", seed)
	.complete() < 0)
	return -1;
    if (_kmin >= _kmax)
	return errh->error("KMIN must be smaller than KMAX");
    if (_pmax_permille > 1000)
	return errh->error("PMAX is in per mille, at most 1000");
    if (_weight > 15)
	return errh->error("WEIGHT too large");
    if (_rate_mbps == 0)
	return errh->error("RATE must be positive");
    if (seed)
	_rng = seed;
    return 0;
}

Packet *
DCQCNECNMarker::simple_action(Packet *p)
{
    if (!p->has_network_header())
	return p;
    const click_ip *iph = p->ip_header();
    uint32_t len = ntohs(iph->ip_len);

    // drain the virtual queue for the time since the previous packet
    Timestamp now = Timestamp::now_steady();
    if (_last.is_set()) {
	uint64_t ns = (uint64_t) (now - _last).nsecval();
	uint64_t drained = ns * _rate_mbps / 8000;	// bytes: Mb/s * ns / 8e3
	_vq_bytes = drained >= _vq_bytes ? 0 : _vq_bytes - drained;
    }
    _last = now;
    _vq_bytes += len;

    // EWMA in 16.16 fixed point
    uint64_t q = _vq_bytes << 16;
    if (q > _avg_q)
	_avg_q += (q - _avg_q) >> _weight;
    else
	_avg_q -= (_avg_q - q) >> _weight;
    uint32_t avg = (uint32_t) (_avg_q >> 16);

    // CNPs are control traffic: count, never mark
    if (iph->ip_p == IP_PROTO_UDP && p->transport_length() >= (int) (sizeof(click_udp) + 1)
	&& p->udp_header()->uh_dport == htons(ROCEV2_PORT)
	&& p->transport_header()[sizeof(click_udp)] == BTH_OPCODE_CNP) {
	uint32_t &c = _cnp_count.find_force(iph->ip_dst.s_addr, 0);
	sat_inc(c);
	return p;
    }

    if (avg <= _kmin)
	return p;
    bool mark;
    if (avg >= _kmax) {
	mark = true;
	sat_inc(_forced);
    } else {
	// P = PMAX * (avg - KMIN) / (KMAX - KMIN), compared against a 32-bit draw
	uint64_t threshold = ((uint64_t) _pmax_permille << 32) / 1000;
	threshold = threshold * (avg - _kmin) / (_kmax - _kmin);
	mark = next_random() < threshold;
    }
    if (!mark)
	return p;

    uint8_t ecn = iph->ip_tos & IP_ECNMASK;
    if (ecn == IP_ECN_NOT_ECT) {
	sat_inc(_not_ect);
	return p;
    }
    if (ecn == IP_ECN_CE) {
	sat_inc(_already_ce);
	return p;
    }

    WritablePacket *wp = p->uniqueify();
    if (!wp)
	return 0;
    click_ip *wip = wp->ip_header();
    uint16_t old_hw = reinterpret_cast<uint16_t *>(wip)[0];
    wip->ip_tos |= IP_ECN_CE;
    click_update_in_cksum(&wip->ip_sum, old_hw, reinterpret_cast<uint16_t *>(wip)[0]);
    sat_inc(_marked);
    return wp;
}

String
DCQCNECNMarker::read_cnps(Element *e, void *)
{
    DCQCNECNMarker *m = static_cast<DCQCNECNMarker *>(e);
    StringAccum sa;
    for (HashMap<uint32_t, uint32_t>::iterator it = m->_cnp_count.begin(); it.live(); it++)
	sa << IPAddress(it.key()) << ' ' << it.value() << '\n';
    return sa.take_string();
}

void
DCQCNECNMarker::add_handlers()
{
    add_data_handlers("marked", Handler::f_read, &_marked);
    add_data_handlers("not_ect", Handler::f_read, &_not_ect);
    add_data_handlers("already_ce", Handler::f_read, &_already_ce);
    add_data_handlers("forced", Handler::f_read, &_forced);
    add_data_handlers("kmin", Handler::f_read | Handler::f_write, &_kmin);
    add_data_handlers("kmax", Handler::f_read | Handler::f_write, &_kmax);
    add_read_handler("cnps", read_cnps, 0);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(DCQCNECNMarker)
