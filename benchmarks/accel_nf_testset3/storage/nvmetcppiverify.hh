#ifndef CLICK_NVMETCPPIVERIFY_HH
#define CLICK_NVMETCPPIVERIFY_HH
#include <click/element.hh>
#include <click/hashmap.hh>
CLICK_DECLS

/*
 * =c
 * NVMeTCPPIVerify([BLOCK_SIZE, PORT, CHECK_REFTAG])
 *
 * =s storage
 * end-to-end data protection check for NVMe/TCP data PDUs
 *
 * =d
 * Watches NVMe/TCP (default port 4420) connections whose namespace is
 * formatted with extended LBAs carrying 8 bytes of T10 protection
 * information after each BLOCK_SIZE data block (PI type 1: guard tag,
 * application tag, reference tag).  Command capsules are parsed to learn
 * each command's starting LBA; H2CData and C2HData PDUs then have the guard
 * tag of every block checked and, with CHECK_REFTAG, the reference tag
 * compared with the low 32 bits of the block's LBA.  An application tag of
 * 0xFFFF disables checking for a block.
 *
 * Assumes one PDU per TCP segment, which is how the NVMe/TCP initiators in
 * the test rack send with large segment offload disabled.
 *
 * Output 0: PI good (or nothing to check).  Output 1: PI error.  Output 2:
 * not NVMe/TCP, or a PDU that does not fit the segment.
 */
class NVMeTCPPIVerify : public Element {
  public:
    NVMeTCPPIVerify();
    ~NVMeTCPPIVerify();

    const char *class_name() const override { return "NVMeTCPPIVerify"; }
    const char *port_count() const override { return "1/3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

  private:
    enum PduType {
        PDU_ICREQ = 0x00, PDU_ICRESP = 0x01, PDU_CAPSULE_CMD = 0x04,
        PDU_CAPSULE_RESP = 0x05, PDU_H2C_DATA = 0x06, PDU_C2H_DATA = 0x07,
        PDU_R2T = 0x09
    };
    enum {
        CH_LEN = 8, SQE_LEN = 64, DATA_HDR_LEN = 24, PI_LEN = 8,
        FLAG_HDGST = 0x01, FLAG_DDGST = 0x02,
        T10DIF_POLY = 0x8BB7
    };

    struct CmdInfo {
        uint64_t slba;
        uint32_t nlb;
        uint8_t opcode;
    };

    uint32_t _blockSize;
    uint16_t _port;
    bool _checkRefTag;

    HashMap<uint32_t, CmdInfo> _commands;   // (host port << 16 | cid) -> command

    uint64_t _blocksChecked;
    uint64_t _blocksEscaped;
    uint64_t _guardErrors;
    uint64_t _refTagErrors;
    uint64_t _unknownCid;
    uint64_t _badPdus;

    static inline uint16_t le16(const unsigned char *p) {
        return (uint16_t) (p[0] | (p[1] << 8));
    }
    static inline uint32_t le32(const unsigned char *p) {
        return (uint32_t) p[0] | ((uint32_t) p[1] << 8) | ((uint32_t) p[2] << 16)
            | ((uint32_t) p[3] << 24);
    }
    static inline uint32_t be32(const unsigned char *p) {
        return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) | ((uint32_t) p[2] << 8) | p[3];
    }
};

CLICK_ENDDECLS
#endif
