// -*- c++ -*-
/*
 * gtpu_decap.hh -- GtpUDecap: terminates GTP-U (3GPP TS 29.281) tunnels:
 * validates the outer UDP and GTP-U headers, walks the optional extension
 * header chain, keeps per-TEID counters and strips the outer headers off
 * the inner IP packet.
 *
 * Training code for Clara's compute model (nf_corpus/protocol); written for
 * Clara, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_GTPUDECAP_HH
#define CLARA_NFCORPUS_GTPUDECAP_HH
#include <click/element.hh>
#include <click/hashmap.hh>
CLICK_DECLS

/*
 * =c
 * GtpUDecap([PORT, KEYWORDS])
 *
 * =s tunnel
 * validates and removes GTP-U encapsulation
 *
 * =d
 * Input: IPv4 packets with the IP header annotation set, carrying UDP to
 * PORT (default 2152).  The GTP-U header must have version 1 and protocol
 * type 1; its length field must match the UDP payload.  If any of the E,
 * S or PN flags is set the 4-byte optional field (sequence number, N-PDU
 * number, next extension type) follows, and with E the extension headers
 * are walked (at most MAX_EXT, default 8): each is a multiple of 4 bytes
 * long, starts with its length in 4-byte units and ends with the next type.
 * The PDU session container (0x85) yields the QoS flow identifier, which
 * is written to the paint annotation; an unknown extension whose type has
 * the comprehension-required bit (0x80) set makes the packet invalid.
 *
 * G-PDUs (type 255) must carry a TEID in [TEID_MIN, TEID_MAX]; their inner
 * packet must be a consistent IPv4 packet (header length, total length,
 * and with VERIFY true the header checksum) or, with IPV6 true, an IPv6
 * packet whose payload length fits.  Per TEID a HashMap keeps packets,
 * bytes, sequence number gaps and the last QFI (at most MAX_TEIDS TEIDs).
 * The outer headers are removed, the IP header annotation is moved to the
 * inner header and the TEID is stored in the AGGREGATE annotation.
 *
 * Decapsulated G-PDUs leave on output 0.  Echo request/response, error
 * indication, supported-extension notification and end marker messages
 * leave on output 1 (signalling); malformed packets on output 2.  Output 1
 * and 2 are optional (their packets are dropped if absent).  Non-GTP
 * packets pass on output 0 untouched.
 *
 * =h decapped, signalling, malformed read-only
 * =h teids read-only      "TEID PACKETS BYTES SEQ_GAPS QFI" lines
 * =h qfi read-only        packets per QoS flow identifier seen
 * =h reset write-only
 */
class GtpUDecap : public Element {
  public:
    GtpUDecap();
    ~GtpUDecap();

    const char *class_name() const override { return "GtpUDecap"; }
    const char *port_count() const override { return "1/1-3"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum {
        GTP_HDR_LEN = 8, GTP_OPT_LEN = 4,
        GTP_FLAG_E = 0x04, GTP_FLAG_S = 0x02, GTP_FLAG_PN = 0x01,
        GTP_FLAG_PT = 0x10, GTP_VERSION_SHIFT = 5,
        MSG_ECHO_REQ = 1, MSG_ECHO_RESP = 2, MSG_ERROR_IND = 26,
        MSG_SUPP_EXT = 31, MSG_END_MARKER = 254, MSG_GPDU = 255,
        EXT_NONE = 0x00, EXT_UDP_PORT = 0x40, EXT_PDU_SESSION = 0x85,
        EXT_PDCP_NUMBER = 0xC0, EXT_LONG_PDCP = 0x82,
        NQFI = 64
    };
    enum { bad_none = 0, bad_udp, bad_version, bad_length, bad_ext,
           bad_teid, bad_inner, bad_msg, bad_count };

    struct TeidStats {
        uint64_t packets;
        uint64_t bytes;
        uint32_t seq_gaps;
        uint16_t last_seq;
        uint8_t qfi;
        uint8_t seq_valid;
        TeidStats() : packets(0), bytes(0), seq_gaps(0), last_seq(0), qfi(0),
                      seq_valid(0) {}
    };

  private:
    uint16_t _port;
    uint8_t _max_ext;
    bool _verify_inner;
    bool _ipv6;
    uint32_t _teid_min;
    uint32_t _teid_max;
    uint32_t _max_teids;

    HashMap<uint32_t, TeidStats> _teids;

    uint64_t _decapped;
    uint64_t _signalling;
    uint64_t _malformed;
    uint64_t _qfi_count[NQFI];
    uint32_t _msg_count[256];
    uint32_t _ext_count[256];
    uint32_t _bad[bad_count];

    static inline uint16_t be16(const unsigned char *p) {
        return (uint16_t) ((p[0] << 8) | p[1]);
    }
    static inline uint32_t be32(const unsigned char *p) {
        return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16)
            | ((uint32_t) p[2] << 8) | p[3];
    }
    static inline bool is_signalling(uint8_t type) {
        return type == MSG_ECHO_REQ || type == MSG_ECHO_RESP
            || type == MSG_ERROR_IND || type == MSG_SUPP_EXT
            || type == MSG_END_MARKER;
    }

    int walk_extensions(const unsigned char *ext, int avail, uint8_t first_type,
                        int *qfi);
    int check_inner(const unsigned char *inner, int avail, uint32_t *inner_len) const;
    void account(uint32_t teid, bool has_seq, uint16_t seq, int qfi, uint32_t len);
    void bad(Packet *p, int why);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
