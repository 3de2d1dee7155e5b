// lowpan_zep_input.cc -- ZEP / IEEE 802.15.4 ingress for a 6LoWPAN-Zigbee border router

#include <click/config.h>
#include "lowpan_zep_input.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/udp.h>
CLICK_DECLS

LowpanZepInput::LowpanZepInput()
    : _panid(0xFFFF), _channel(-1), _strip_fcs(true),
      _zep_errors(0), _fcs_errors(0), _no_fcs(0), _foreign_pan(0),
      _truncated(0), _lqi_sum(0), _last_seq(0)
{
    _by_type[0] = _by_type[1] = _by_type[2] = _by_type[3] = 0;
}

int
LowpanZepInput::configure(Vector<String> &conf, ErrorHandler *errh)
{
    unsigned panid = 0xFFFF;
    int channel = -1;
    if (Args(conf, this, errh)
	.read_mp("PANID", panid)
	.read_p("CHANNEL", channel)
	.read("STRIP_FCS", _strip_fcs)
	.complete() < 0)
	return -1;
    if (panid > 0xFFFF)
	return errh->error("PANID must fit in 16 bits");
    if (channel != -1 && (channel < 11 || channel > 26))
	return errh->error("CHANNEL must be an O-QPSK channel, 11..26");
    _panid = panid;
    _channel = channel;
    return 0;
}

/* Returns the frame type, or -1 if the header is malformed or not for us. */
int
LowpanZepInput::parse_mhr(const unsigned char *f, unsigned flen, unsigned *mhr_len) const
{
    if (flen < 3)
	return -1;
    unsigned fcf = f[0] | (f[1] << 8);
    int ftype = fcf & 7;
    int dmode = (fcf >> 10) & 3, smode = (fcf >> 14) & 3;
    bool panid_comp = fcf & 0x40, secured = fcf & 0x08;
    static const unsigned char addr_len[4] = { 0, 0, 2, 8 };

    if (dmode == 1 || smode == 1 || ftype > IEEE154_FT_CMD)
	return -1;
    unsigned off = 3;			/* FCF + sequence number */
    uint16_t dpan = 0xFFFF;
    if (dmode) {
	if (off + 2 + addr_len[dmode] > flen)
	    return -1;
	dpan = f[off] | (f[off + 1] << 8);
	off += 2 + addr_len[dmode];
    }
    if (smode) {
	if (!panid_comp)
	    off += 2;
	off += addr_len[smode];
	if (off > flen)
	    return -1;
    }
    if (secured) {
	if (off >= flen)
	    return -1;
	off += ieee154_aux_sec_len(f[off]);
	if (off > flen)
	    return -1;
    }
    if (_panid != 0xFFFF && dmode && dpan != 0xFFFF && dpan != _panid)
	return -2;
    *mhr_len = off;
    return ftype;
}

void
LowpanZepInput::push(int, Packet *p)
{
    const click_udp *uh = p->udp_header();
    if (!p->has_transport_header() || p->transport_length() < (int) sizeof(click_udp)
	|| ntohs(uh->uh_dport) != ZEP_PORT)
	return bad(p, _zep_errors);

    const unsigned char *zep = p->transport_header() + sizeof(click_udp);
    if (zep + ZEP_V2_HDR_LEN > p->end_data())
	return bad(p, _truncated);
    if (zep[0] != 'E' || zep[1] != 'X' || zep[2] != 2 || zep[3] != 1)
	return bad(p, _zep_errors);
    if (_channel >= 0 && zep[4] != _channel)
	return bad(p, _zep_errors);

    bool crc_mode = zep[7] != 0;
    unsigned char lqi = zep[8];
    uint32_t zseq = ((uint32_t) zep[17] << 24) | (zep[18] << 16) | (zep[19] << 8) | zep[20];
    unsigned flen = zep[31];
    const unsigned char *frame = zep + ZEP_V2_HDR_LEN;
    if (flen < 5 || flen > 127 || frame + flen > p->end_data())
	return bad(p, _truncated);

    if (crc_mode) {
	uint16_t rx = frame[flen - 2] | (frame[flen - 1] << 8);
	if (ieee154_fcs(frame, flen - 2) != rx)
	    return bad(p, _fcs_errors);
    } else
	_no_fcs++;		/* LQI mode: the radio already checked, last 2 bytes are LQI/RSSI */

    unsigned mhr_len;
    int ftype = parse_mhr(frame, flen - 2, &mhr_len);
    if (ftype == -2)
	return bad(p, _foreign_pan);
    if (ftype < 0)
	return bad(p, _truncated);

    _by_type[ftype]++;
    _lqi_sum += lqi;
    _last_seq = zseq;

    int out = 2;
    if (ftype == IEEE154_FT_DATA && mhr_len < flen - 2) {
	unsigned char d = frame[mhr_len];
	if ((d & 0xE0) == 0x60 || d == 0x41 || (d & 0xC0) == 0x80
	    || (d & 0xD8) == 0xC0)
	    out = 0;		/* IPHC, IPv6, mesh, FRAG1/FRAGN */
	else if (((d >> 2) & 0x0F) == 2)
	    out = 1;		/* Zigbee PRO NWK frame control, protocol version 2 */
	else
	    return bad(p, _zep_errors);
    }

    p->pull(frame - p->data());
    if (_strip_fcs)
	p->take(p->length() - (flen - 2));
    else
	p->take(p->length() - flen);
    p->set_mac_header(p->data(), mhr_len);
    p->set_network_header(p->data() + mhr_len, 0);
    SET_PAINT_ANNO(p, lqi);
    output(out).push(p);
}

void
LowpanZepInput::add_handlers()
{
    add_data_handlers("fcs_errors", Handler::f_read, &_fcs_errors);
    add_data_handlers("zep_errors", Handler::f_read, &_zep_errors);
    add_data_handlers("foreign_pan", Handler::f_read, &_foreign_pan);
    add_data_handlers("truncated", Handler::f_read, &_truncated);
    add_data_handlers("no_fcs", Handler::f_read, &_no_fcs);
    add_data_handlers("beacons", Handler::f_read, &_by_type[0]);
    add_data_handlers("data", Handler::f_read, &_by_type[1]);
    add_data_handlers("acks", Handler::f_read, &_by_type[2]);
    add_data_handlers("commands", Handler::f_read, &_by_type[3]);
    add_data_handlers("lqi_sum", Handler::f_read, &_lqi_sum);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(LowpanZepInput)
