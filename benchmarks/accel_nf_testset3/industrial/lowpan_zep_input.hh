#ifndef CLICK_LOWPANZEPINPUT_HH
#define CLICK_LOWPANZEPINPUT_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * LowpanZepInput(PANID [, CHANNEL, STRIP_FCS])
 *
 * Border-router ingress for IEEE 802.15.4 radios that report over ZEP v2
 * (Zigbee Encapsulation Protocol, UDP 17754).  Validates the ZEP header and
 * the 802.15.4 frame check sequence, parses the MAC header and sorts frames:
 *   output 0  data frames carrying 6LoWPAN (dispatch / IPHC)
 *   output 1  data frames carrying a Zigbee NWK frame
 *   output 2  beacons, acks and MAC commands
 *   output 3  bad frames (ZEP error, FCS error, foreign PAN, truncated)
 * On outputs 0-2 the packet starts at the 802.15.4 frame; the MAC header
 * pointer marks it and the network header pointer marks the MAC payload.
 */

#define ZEP_PORT		17754
#define ZEP_V2_HDR_LEN		32

#define IEEE154_FT_BEACON	0
#define IEEE154_FT_DATA		1
#define IEEE154_FT_ACK		2
#define IEEE154_FT_CMD		3

/* ITU-T CRC-16 as used for the 802.15.4 FCS: x^16+x^12+x^5+1, processed
 * LSB first, zero initial value.  Four bits per step. */
static const uint16_t ieee154_fcs_nibble[16] = {
    0x0000, 0x1081, 0x2102, 0x3183, 0x4204, 0x5285, 0x6306, 0x7387,
    0x8408, 0x9489, 0xA50A, 0xB58B, 0xC60C, 0xD68D, 0xE70E, 0xF78F
};

static inline uint16_t
ieee154_fcs(const unsigned char *buf, unsigned len)
{
    uint16_t fcs = 0x0000;
    const unsigned char *end = buf + len;
    while (buf != end) {
	unsigned char c = *buf++;
	fcs = (fcs >> 4) ^ ieee154_fcs_nibble[(fcs ^ c) & 0x0F];
	fcs = (fcs >> 4) ^ ieee154_fcs_nibble[(fcs ^ (c >> 4)) & 0x0F];
    }
    return fcs;
}

/* Length of the auxiliary security header, from its security control byte. */
static inline unsigned
ieee154_aux_sec_len(unsigned char secctl)
{
    static const unsigned char keyid_len[4] = { 0, 1, 5, 9 };
    unsigned n = 1 + keyid_len[(secctl >> 3) & 3];
    if (!(secctl & 0x20))		/* frame counter not suppressed */
	n += 4;
    return n;
}

class LowpanZepInput : public Element { public:

    LowpanZepInput();

    const char *class_name() const	{ return "LowpanZepInput"; }
    const char *port_count() const	{ return "1/4"; }
    const char *processing() const	{ return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

  private:

    uint16_t _panid;
    int _channel;
    bool _strip_fcs;

    uint32_t _zep_errors;
    uint32_t _fcs_errors;
    uint32_t _no_fcs;
    uint32_t _foreign_pan;
    uint32_t _truncated;
    uint32_t _by_type[4];
    uint32_t _lqi_sum;
    uint32_t _last_seq;

    int parse_mhr(const unsigned char *f, unsigned flen, unsigned *mhr_len) const;
    void bad(Packet *p, uint32_t &counter) { counter++; output(3).push(p); }

};

CLICK_ENDDECLS
#endif
