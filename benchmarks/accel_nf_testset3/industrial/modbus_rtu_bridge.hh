#ifndef CLICK_MODBUSRTUBRIDGE_HH
#define CLICK_MODBUSRTUBRIDGE_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
=c

ModbusRtuBridge([UNIT_BASE, MAX_UNITS, ALLOW_WRITES, BAUD])

=s industrial

turns Modbus/TCP requests into Modbus RTU frames for a serial line

=d

Input packets are IPv4/TCP segments (network and transport headers set, as
after CheckIPHeader/CheckTCPHeader) that carry one Modbus/TCP ADU (MBAP
header + PDU).  The element strips IP, TCP and the first six MBAP bytes,
keeps the unit identifier and the PDU, and appends the RTU CRC, so that the
packet can be written to an RS-485 port by the next element.  The MBAP
transaction identifier of each unit is remembered so that the response path
can restore it.

Output 0: RTU frames.  Output 1: segments that are not Modbus (bad MBAP,
bad length, unknown unit).  Output 2 (optional): write requests refused
because ALLOW_WRITES is false.

*/

class ModbusRtuBridge : public Element { public:

    ModbusRtuBridge();
    ~ModbusRtuBridge();

    const char *class_name() const override	{ return "ModbusRtuBridge"; }
    const char *port_count() const override	{ return "1/2-3"; }
    const char *processing() const override	{ return PUSH; }

    int configure(Vector<String> &, ErrorHandler *) override;
    void add_handlers() override;

    void push(int, Packet *) override;

  private:

    enum { MBAP_LEN = 7, MAX_PDU = 253, MAX_UNIT_SLOTS = 248 };

    struct UnitState {
	uint16_t last_tid;
	uint16_t outstanding;
	uint32_t requests;
	uint32_t exceptions_local;
    };

    uint16_t _crc_table[256];
    UnitState _units[MAX_UNIT_SLOTS];

    unsigned _unit_base;
    unsigned _max_units;
    bool _allow_writes;
    uint32_t _baud;
    uint32_t _t35_usec;		// RTU inter-frame gap (3.5 character times)

    uint64_t _frames_out;
    uint64_t _not_modbus;
    uint64_t _refused;
    uint64_t _bytes_out;

    static bool is_write_function(uint8_t fc);
    static int expected_min_pdu(uint8_t fc);

};

CLICK_ENDDECLS
#endif
