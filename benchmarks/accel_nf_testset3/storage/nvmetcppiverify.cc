/*
 * nvmetcppiverify.{cc,hh} -- T10 protection information check for NVMe/TCP
 */
#include <click/config.h>
#include "nvmetcppiverify.hh"
#include <click/args.hh>
#include <click/error.hh>
CLICK_DECLS

NVMeTCPPIVerify::NVMeTCPPIVerify()
    : _blockSize(512), _port(4420), _checkRefTag(true),
      _blocksChecked(0), _blocksEscaped(0), _guardErrors(0), _refTagErrors(0),
      _unknownCid(0), _badPdus(0)
{
}

NVMeTCPPIVerify::~NVMeTCPPIVerify()
{
}

int
NVMeTCPPIVerify::configure(Vector<String> &conf, ErrorHandler *errh)
{
    if (Args(conf, this, errh)
        .read_p("BLOCK_SIZE", _blockSize)
        .read_p("PORT", _port)
        .read("CHECK_REFTAG", _checkRefTag)
        .complete() < 0)
        return -1;
    if (_blockSize != 512 && _blockSize != 4096)
        return errh->error("BLOCK_SIZE must be 512 or 4096");
    return 0;
}

void
NVMeTCPPIVerify::push(int, Packet *p)
{
    const click_ip *iph = p->ip_header();
    if (!p->has_network_header() || iph->ip_p != IP_PROTO_TCP) {
        output(2).push(p);
        return;
    }
    const click_tcp *th = p->tcp_header();
    bool to_target = th->th_dport == htons(_port);
    if (!to_target && th->th_sport != htons(_port)) {
        output(2).push(p);
        return;
    }
    uint16_t host_port = ntohs(to_target ? th->th_sport : th->th_dport);

    const unsigned char *pdu = p->transport_header() + th->th_off * 4;
    const unsigned char *seg_end = reinterpret_cast<const unsigned char *>(iph) + ntohs(iph->ip_len);
    if (seg_end > p->end_data() || pdu + CH_LEN > seg_end) {
        output(2).push(p);
        return;
    }

    uint8_t type = pdu[0], flags = pdu[1], hlen = pdu[2], pdo = pdu[3];
    uint32_t plen = le32(pdu + 4);
    if (plen > (uint32_t) (seg_end - pdu) || hlen < CH_LEN || hlen > plen) {
        _badPdus++;
        output(2).push(p);
        return;
    }

    if (type == PDU_CAPSULE_CMD && hlen >= CH_LEN + SQE_LEN) {
        const unsigned char *sqe = pdu + CH_LEN;
        uint8_t opc = sqe[0];
        if (opc == 0x01 || opc == 0x02) {       // Write / Read
            CmdInfo ci;
            ci.slba = (uint64_t) le32(sqe + 40) | ((uint64_t) le32(sqe + 44) << 32);
            ci.nlb = (le32(sqe + 48) & 0xFFFF) + 1;
            ci.opcode = opc;
            _commands.set(((uint32_t) host_port << 16) | le16(sqe + 2), ci);
        }
        output(0).push(p);
        return;
    }
    if (type == PDU_CAPSULE_RESP && plen >= CH_LEN + 16) {
        // CQE dword 3 holds the command identifier
        _commands.erase(((uint32_t) host_port << 16) | le16(pdu + CH_LEN + 12));
        output(0).push(p);
        return;
    }
    if ((type != PDU_H2C_DATA && type != PDU_C2H_DATA) || hlen != DATA_HDR_LEN) {
        output(0).push(p);
        return;
    }

    uint16_t cccid = le16(pdu + 8);
    uint32_t datao = le32(pdu + 12);
    uint32_t datal = le32(pdu + 16);
    uint32_t data_off = pdo ? pdo : hlen + ((flags & FLAG_HDGST) ? 4 : 0);
    uint32_t ext = _blockSize + PI_LEN;
    if (data_off + datal + ((flags & FLAG_DDGST) ? 4 : 0) > plen || datal % ext || datao % ext) {
        _badPdus++;
        output(2).push(p);
        return;
    }

    CmdInfo *ci = _commands.findp(((uint32_t) host_port << 16) | cccid);
    if (!ci)
        _unknownCid++;

    const unsigned char *blk = pdu + data_off;
    uint32_t nblocks = datal / ext;
    uint32_t first = datao / ext;
    int verdict = 0;
    for (uint32_t b = 0; b < nblocks && verdict == 0; b++, blk += ext) {
        const unsigned char *pi = blk + _blockSize;
        if (pi[2] == 0xFF && pi[3] == 0xFF) {
            _blocksEscaped++;
            continue;
        }

        uint16_t crc = 0;
        for (const unsigned char *q = blk; q != pi; ++q) {
            crc ^= (uint16_t) (*q << 8);
            for (int bit = 0; bit < 8; bit++) {
                if (crc & 0x8000)
                    crc = (uint16_t) ((crc << 1) ^ T10DIF_POLY);
                else
                    crc = (uint16_t) (crc << 1);
            }
        }
        _blocksChecked++;

        if (crc != (uint16_t) ((pi[0] << 8) | pi[1])) {
            _guardErrors++;
            verdict = 1;
        } else if (_checkRefTag && ci
                   && be32(pi + 4) != (uint32_t) (ci->slba + first + b)) {
            _refTagErrors++;
            verdict = 1;
        }
    }

    output(verdict).push(p);
}

void
NVMeTCPPIVerify::add_handlers()
{
    add_data_handlers("blocks_checked", Handler::f_read, &_blocksChecked);
    add_data_handlers("blocks_escaped", Handler::f_read, &_blocksEscaped);
    add_data_handlers("guard_errors", Handler::f_read, &_guardErrors);
    add_data_handlers("reftag_errors", Handler::f_read, &_refTagErrors);
    add_data_handlers("unknown_cid", Handler::f_read, &_unknownCid);
    add_data_handlers("bad_pdus", Handler::f_read, &_badPdus);
}

CLICK_ENDDECLS
EXPORT_ELEMENT(NVMeTCPPIVerify)
