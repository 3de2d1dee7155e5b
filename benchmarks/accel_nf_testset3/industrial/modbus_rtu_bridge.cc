/*
 * modbus_rtu_bridge.{cc,hh} -- Modbus/TCP to Modbus RTU gateway element
 *
 * The serial side of a field gateway: TCP clients (SCADA, HMI) talk
 * Modbus/TCP to port 502, the PLCs behind the gateway only speak RTU over
 * RS-485.  This element rewrites one request per packet.
 */

#include <click/config.h>
#include "modbus_rtu_bridge.hh"
#include <click/args.hh>
#include <click/error.hh>
#include <clicknet/ip.h>
#include <clicknet/tcp.h>
CLICK_DECLS

// Function codes that are accepted at all (bit set = known code).
static const uint8_t known_fc_bitmap[32] = {
    0x7E, 0x98, 0xF3, 0x01, 0x00, 0x08, 0x00, 0x00,	// 1-6, 11-12, 15-17, 20-24, 43
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
};

ModbusRtuBridge::ModbusRtuBridge()
    : _unit_base(1), _max_units(32), _allow_writes(true), _baud(19200),
      _t35_usec(0), _frames_out(0), _not_modbus(0), _refused(0), _bytes_out(0)
{
    memset(_units, 0, sizeof(_units));
}

ModbusRtuBridge::~ModbusRtuBridge()
{
}

int
ModbusRtuBridge::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
	.read_p("UNIT_BASE", _unit_base)
	.read_p("MAX_UNITS", _max_units)
	.read("ALLOW_WRITES", _allow_writes)
	.read("BAUD", _baud)
	.complete() < 0)
	return -1;
    if (_unit_base < 1 || _unit_base > 247)
	return errh->error("UNIT_BASE must be in 1..247");
    if (_max_units == 0 || _unit_base + _max_units > MAX_UNIT_SLOTS)
	return errh->error("MAX_UNITS out of range");
    if (_baud == 0)
	return errh->error("BAUD must be positive");

    // 11 bit times per character; above 19200 baud the spec fixes 1750 us.
    if (_baud > 19200)
	_t35_usec = 1750;
    else
	_t35_usec = (uint32_t) ((35ULL * 11 * 1000000ULL) / (10ULL * _baud));

    // RTU frame check: reflected 0x8005 (0xA001), one entry per byte value.
    for (unsigned n = 0; n < 256; n++) {
	uint16_t r = n;
	for (int k = 0; k < 8; k++)
	    r = (r & 1) ? (uint16_t) ((r >> 1) ^ 0xA001) : (uint16_t) (r >> 1);
	_crc_table[n] = r;
    }
    return 0;
}

bool
ModbusRtuBridge::is_write_function(uint8_t fc)
{
    return fc == 5 || fc == 6 || fc == 15 || fc == 16 || fc == 22 || fc == 23;
}

int
ModbusRtuBridge::expected_min_pdu(uint8_t fc)
{
    switch (fc) {
    case 1: case 2: case 3: case 4: case 5: case 6:
	return 5;
    case 15: case 16:
	return 6;
    case 22:
	return 7;
    case 23:
	return 10;
    default:
	return 1;
    }
}

void
ModbusRtuBridge::push(int, Packet *p)
{
    const click_tcp *th = p->tcp_header();
    if (!p->has_transport_header() || p->transport_length() < (int) sizeof(click_tcp)) {
	_not_modbus++;
	output(1).push(p);
	return;
    }
    unsigned thl = th->th_off << 2;
    const uint8_t *mbap = p->transport_header() + thl;
    if (thl < sizeof(click_tcp) || mbap + MBAP_LEN + 1 > p->end_data()) {
	_not_modbus++;
	output(1).push(p);
	return;
    }

    uint16_t tid = (mbap[0] << 8) | mbap[1];
    uint16_t proto = (mbap[2] << 8) | mbap[3];
    uint16_t mlen = (mbap[4] << 8) | mbap[5];
    uint8_t unit = mbap[6];
    uint8_t fc = mbap[7];

    // mlen counts the unit byte plus the PDU
    if (proto != 0 || mlen < 2 || mlen - 1 > MAX_PDU
	|| mbap + 6 + mlen > p->end_data()
	|| unit < _unit_base || unit >= _unit_base + _max_units
	|| !(known_fc_bitmap[fc >> 3] & (1 << (fc & 7)))
	|| (int) mlen - 1 < expected_min_pdu(fc)) {
	_not_modbus++;
	output(1).push(p);
	return;
    }

    if (!_allow_writes && is_write_function(fc)) {
	_refused++;
	_units[unit].exceptions_local++;
	checked_output_push(2, p);
	return;
    }

    WritablePacket *q = p->uniqueify();
    if (!q)
	return;

    // Drop everything before the unit identifier and any TCP padding after the ADU.
    unsigned head = (mbap + 6) - q->data();
    q->pull(head);
    if (q->length() > mlen)
	q->take(q->length() - mlen);

    q = q->put(2);
    if (!q)
	return;

    uint8_t *adu = q->data();
    uint32_t adu_len = mlen;
    uint16_t crc = 0xFFFF;
    for (uint32_t i = 0; i < adu_len; i++)
	crc = (crc >> 8) ^ _crc_table[(crc ^ adu[i]) & 0xFF];
    adu[adu_len] = crc & 0xFF;		// RTU sends the low byte first
    adu[adu_len + 1] = crc >> 8;

    UnitState &us = _units[unit];
    us.last_tid = tid;
    us.outstanding++;
    us.requests++;

    q->clear_mac_header();
    q->clear_network_header();
    q->set_anno_u16(22, tid);			// user annotation: MBAP transaction id
    q->set_anno_u32(SEQUENCE_NUMBER_ANNO_OFFSET, _t35_usec);

    _frames_out++;
    _bytes_out += adu_len + 2;
    output(0).push(q);
}

void
ModbusRtuBridge::add_handlers()
{
    add_data_handlers("frames_out", Handler::f_read, &_frames_out);
    add_data_handlers("not_modbus", Handler::f_read, &_not_modbus);
    add_data_handlers("refused", Handler::f_read, &_refused);
    add_data_handlers("bytes_out", Handler::f_read, &_bytes_out);
    add_data_handlers("allow_writes", Handler::f_read | Handler::f_write, &_allow_writes);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(ModbusRtuBridge)
