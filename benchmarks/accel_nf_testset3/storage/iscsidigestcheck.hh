// -*- c-basic-offset: 4 -*-
#ifndef CLICK_ISCSIDIGESTCHECK_HH
#define CLICK_ISCSIDIGESTCHECK_HH
#include <click/element.hh>
#include <click/glue.hh>
CLICK_DECLS

/*
=c

ISCSIDigestCheck([PORT, I<keywords> HEADER_DIGEST, DATA_DIGEST, MAX_RECV_DSL])

=s storage

checks iSCSI header and data digests on PDU-aligned TCP segments

=d

Inspects TCP segments to or from the iSCSI target port (default 3260) whose
payload starts on a PDU boundary, walks every PDU in the segment and checks
the HeaderDigest and DataDigest (CRC32C, RFC 3720 section 12.1) that the
session negotiated.  The IP header annotation must be set.

Output 0: all digests good.  Output 1: a digest failed.  Output 2: not iSCSI,
or a segment that does not start on a PDU boundary (resynchronisation is left
to the host stack).

=a

NVMeTCPPIVerify
*/

#define ISCSI_BHS_LEN		48
#define ISCSI_DIGEST_LEN	4

// CRC32C (Castagnoli, reflected polynomial 0x82F63B78), nibble table
static const uint32_t iscsi_crc32c_nibble[16] = {
    0x00000000, 0x105EC76F, 0x20BD8EDE, 0x30E349B1,
    0x417B1DBC, 0x5125DAD3, 0x61C69362, 0x7198540D,
    0x82F63B78, 0x92A8FC17, 0xA24BB5A6, 0xB21572C9,
    0xC38D26C4, 0xD3D3E1AB, 0xE330A81A, 0xF36E6F75
};

static inline uint32_t
iscsi_crc32c(uint32_t crc, const unsigned char *buf, uint32_t len)
{
    crc = ~crc;
    for (uint32_t i = 0; i < len; i++) {
	crc ^= buf[i];
	crc = (crc >> 4) ^ iscsi_crc32c_nibble[crc & 0x0F];
	crc = (crc >> 4) ^ iscsi_crc32c_nibble[crc & 0x0F];
    }
    return ~crc;
}

// DataSegmentLength: 24 bits, big endian, BHS bytes 5..7
static inline uint32_t
iscsi_bhs_dsl(const unsigned char *bhs)
{
    return ((uint32_t) bhs[5] << 16) | ((uint32_t) bhs[6] << 8) | bhs[7];
}

static inline uint32_t
iscsi_pad4(uint32_t n)
{
    return (n + 3) & ~3U;
}

class ISCSIDigestCheck : public Element { public:

    ISCSIDigestCheck();

    const char *class_name() const	{ return "ISCSIDigestCheck"; }
    const char *port_count() const	{ return "1/3"; }
    const char *processing() const	{ return PUSH; }

    int configure(Vector<String> &, ErrorHandler *);
    void add_handlers();

    void push(int, Packet *);

  private:

    uint16_t _port;
    bool _header_digest;
    bool _data_digest;
    uint32_t _max_recv_dsl;

    uint32_t _pdus;
    uint32_t _segments;
    uint32_t _header_errors;
    uint32_t _data_errors;
    uint32_t _unaligned;
    uint32_t _opcode_count[64];

    static String read_opcodes(Element *, void *);

};

CLICK_ENDDECLS
#endif
