// -*- c++ -*-
/*
 * gtp_tunnel_sessions.hh -- GtpTunnelSessions: per-TEID session records
 * for GTP-U-like tunnels over UDP (UE address binding, counters, QoS class,
 * a per-session rate meter), signalling bookkeeping per peer; packets are
 * annotated and passed on, never decapsulated.
 *
 * Training code for Clara's compute model (nf_corpus/session); written for
 * the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_GTPTUNNELSESSIONS_HH
#define CLARA_NFCORPUS_GTPTUNNELSESSIONS_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * GtpTunnelSessions([PORT, KEYWORDS])
 *
 * =s tunnel
 * keeps per-TEID tunnel sessions and annotates GTP-U packets
 *
 * =d
 * Input: IPv4 packets with the IP header annotation set.  UDP datagrams to
 * PORT (default 2152) carry an 8-byte GTP-U-like header (version 1, PT 1,
 * flags E/S/PN, message type, length, TEID), optionally followed by a
 * 4-byte field holding a 16-bit sequence number.  For G-PDUs (type 255)
 * the TEID selects a session in a HashMap: it is created on first sight,
 * binds the UE address (the inner source with UPLINK true, the inner
 * destination otherwise) and takes its QoS class (QCI) from the inner DSCP
 * through a 64-entry table (DEFAULT_QCI, default 9, when unmapped).  Each
 * session counts packets and bytes, checks sequence continuity and runs a
 * token bucket at the QCI's rate (GBR classes 1-4 use fixed rates,
 * others AMBR_KBPS, default 100000; bucket depth BURST bytes).
 *
 * Echo requests/responses update a small table of peers; an error
 * indication erases the session named by its TEID Data I element; an end
 * marker erases its own session.  Idle sessions (IDLE_TIMEOUT seconds,
 * default 600) are swept every SWEEP_EVERY packets (default 4096).
 *
 * Annotations on G-PDUs: AGGREGATE = TEID, PAINT = QCI | 0x40 if the inner
 * address is not the session's UE | 0x80 if over rate, SEQUENCE_NUMBER =
 * session packet count.  G-PDUs and non-GTP traffic leave on output 0;
 * signalling and malformed GTP on output 1 (dropped if absent).
 *
 * =h sessions, created, erased, malformed, ue_mismatch, over_rate read-only
 * =h qci read-only     packets and bytes per QCI
 * =h peers read-only   echo counts per peer
 */
class GtpTunnelSessions : public Element {
  public:
    GtpTunnelSessions();
    ~GtpTunnelSessions();

    const char *class_name() const override { return "GtpTunnelSessions"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum {
        GTP_HDR = 8, GTP_OPT = 4, F_PN = 0x01, F_S = 0x02, F_E = 0x04, F_PT = 0x10,
        T_ECHO_REQ = 1, T_ECHO_RESP = 2, T_ERROR_IND = 26, T_END_MARKER = 254,
        T_GPDU = 255, IE_RECOVERY = 14, IE_TEID_I = 16, IE_GSN_ADDR = 133,
        IE_PRIVATE = 255, NQCI = 16, MAX_PEERS = 32
    };
    enum { S_SEQ_VALID = 1, S_ENDING = 2 };

    struct GtpSession {
        Timestamp created;
        Timestamp last_seen;
        Timestamp last_refill;
        uint64_t packets;
        uint64_t bytes;
        int64_t tokens;             /* bytes */
        uint32_t peer;
        uint32_t ue_addr;
        uint32_t ue_mismatch;
        uint16_t seq_errors;
        uint16_t next_seq;
        uint8_t qci;
        uint8_t state;
    };

    struct PeerPath {
        uint32_t addr;
        uint32_t echo_req;
        uint32_t echo_resp;
        uint16_t last_echo_seq;
        uint8_t restart_counter;
        uint8_t restarts;
    };

  private:
    HashMap<uint32_t, GtpSession> _sessions;
    Vector<uint32_t> _idle;
    PeerPath _peers[MAX_PEERS];
    int _npeers;
    uint8_t _dscp_qci[64];
    uint32_t _qci_rate_kbps[NQCI];
    uint64_t _qci_packets[NQCI];
    uint64_t _qci_bytes[NQCI];
    uint32_t _msg_count[256];
    uint16_t _port;
    uint8_t _default_qci;
    bool _uplink;
    uint32_t _ambr_kbps;
    uint32_t _burst;
    uint32_t _max_sessions;
    uint32_t _idle_s;
    uint32_t _sweep_every;
    uint32_t _sweep_countdown;

    uint64_t _created;
    uint64_t _erased;
    uint64_t _malformed;
    uint64_t _ue_mismatch;
    uint64_t _over_rate;

    static inline uint16_t be16(const unsigned char *p) {
        return (uint16_t) ((p[0] << 8) | p[1]);
    }
    static inline uint32_t be32(const unsigned char *p) {
        return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16)
            | ((uint32_t) p[2] << 8) | p[3];
    }

    PeerPath *peer(uint32_t addr);
    void signalling(uint8_t type, uint32_t peer_addr, const unsigned char *ies,
                    int ielen, bool has_seq, uint16_t seq);
    bool meter(GtpSession &s, uint32_t len, const Timestamp &now);
    GtpSession *session(uint32_t teid, uint32_t peer_addr, uint32_t ue,
                        uint8_t tos, const Timestamp &now);
    void sweep(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
