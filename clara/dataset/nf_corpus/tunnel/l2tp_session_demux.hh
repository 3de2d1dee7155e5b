// -*- c++ -*-
/*
 * l2tp_session_demux.hh -- L2tpSessionDemux: demultiplexes L2TP data
 * messages (L2TPv2 over UDP, RFC 2661; L2TPv3 over UDP or directly over
 * IP, RFC 3931) to per-session outputs.  Parses the flag-dependent header
 * layout, checks cookies and sequence numbers, keeps per-session counters
 * and removes the tunnel headers.
 *
 * Training code for Clara's compute model (nf_corpus/tunnel); written for
 * the corpus, not an evaluation NF.
 */
#ifndef CLARA_NFCORPUS_L2TPSESSIONDEMUX_HH
#define CLARA_NFCORPUS_L2TPSESSIONDEMUX_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * L2tpSessionDemux(SESSION ..., [KEYWORDS])
 *
 * =s tunnel
 * sends L2TP data messages to their session's output
 *
 * =d
 * Input: IPv4 packets with the IP header annotation set: UDP to PORT
 * (default 1701) carrying L2TPv2 or L2TPv3, or IP protocol 115 carrying
 * L2TPv3.  For L2TPv2 the flag bits decide the layout: an optional length
 * (L), tunnel and session IDs, optional Ns/Nr (S) and an optional offset
 * field and padding (O).  For L2TPv3 the 32-bit session ID is followed by
 * the session's cookie (0, 4 or 8 bytes) and, with the session's
 * SUBLAYER flag, the default L2-specific sublayer carrying a 24-bit
 * sequence number.  Control messages (T bit, or a zero L2TPv3 session ID)
 * leave on output 0.
 *
 * SESSION "VERSION TUNNEL SESSION PORT [COOKIE] [sublayer]" maps a session
 * to output PORT (1 or above); TUNNEL is ignored for version 3; COOKIE is
 * hex.  With LEARN true, unknown L2TPv2 sessions are added with
 * DEFAULT_PORT (at most MAX_SESSIONS).  Sequence numbers are checked per
 * session: a number ahead of the expected one counts the gap as lost, one
 * behind counts as out of order (and, with DROP_LATE, is dropped).  A
 * session with more than ERROR_LIMIT sequence errors (0 = no limit) is
 * torn down.  The L2TP headers are removed (for L2TPv2 also a PPP
 * address/control field FF 03) and the session ID put in the AGGREGATE
 * annotation.  Malformed packets and unknown sessions are dropped.
 *
 * =h data, control, dropped read-only
 * =h sessions read-only    "VER TUNNEL SESSION PORT PACKETS LOST OOO" lines
 */
class L2tpSessionDemux : public Element {
  public:
    L2tpSessionDemux();
    ~L2tpSessionDemux();

    const char *class_name() const override { return "L2tpSessionDemux"; }
    const char *port_count() const override { return "1/2-32"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum {
        L2TP_T = 0x8000, L2TP_L = 0x4000, L2TP_S = 0x0800, L2TP_O = 0x0200,
        L2TP_P = 0x0100, L2TP_V2_RESERVED = 0x34F0, L2TP_VER_MASK = 0x000F,
        IP_PROTO_L2TP = 115, V3_TUNNEL = 0x10000,
        SUBLAYER_S = 0x40, SEQ24_MASK = 0xFFFFFF
    };
    enum { d_none, d_short, d_version, d_flags, d_length, d_unknown, d_cookie,
           d_late, d_torn_down, d_count };

    struct SessionKey {
        uint32_t tunnel;        /* v2 tunnel ID, or V3_TUNNEL for L2TPv3 */
        uint32_t session;
        SessionKey() : tunnel(0), session(0) {}
        SessionKey(uint32_t t, uint32_t s) : tunnel(t), session(s) {}
        bool operator==(const SessionKey &o) const {
            return tunnel == o.tunnel && session == o.session;
        }
        hashcode_t hashcode() const {
            return (tunnel * 0x9E3779B1U) ^ session ^ (session >> 16);
        }
    };

    struct Session {
        uint16_t port;
        uint8_t cookie_len;
        uint8_t sublayer;
        uint8_t cookie[8];
        uint32_t expected;      /* next expected Ns */
        uint8_t seq_valid;
        uint64_t packets;
        uint64_t bytes;
        uint32_t lost;
        uint32_t out_of_order;
        uint32_t errors;
        Session() : port(1), cookie_len(0), sublayer(0), expected(0), seq_valid(0),
                    packets(0), bytes(0), lost(0), out_of_order(0), errors(0) {
            memset(cookie, 0, sizeof(cookie));
        }
    };

  private:
    HashMap<SessionKey, Session> _sessions;
    uint16_t _udp_port;
    bool _learn;
    bool _drop_late;
    uint16_t _default_port;
    uint32_t _max_sessions;
    uint32_t _error_limit;

    uint64_t _data;
    uint64_t _control;
    uint64_t _torn_down;
    uint32_t _drops[d_count];
    uint32_t _tunnel_pkts[1024];        /* by v2 tunnel ID, low 10 bits */

    static inline uint16_t be16(const unsigned char *p) {
        return (uint16_t) ((p[0] << 8) | p[1]);
    }
    static int parse_cookie(const String &hex, uint8_t *out);
    static inline uint32_t be32(const unsigned char *p) {
        return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16)
            | ((uint32_t) p[2] << 8) | p[3];
    }

    int parse_v2(const unsigned char *h, int &avail, SessionKey &key,
                 bool *has_seq, uint32_t *ns, bool *control);
    bool check_sequence(Session &s, uint32_t ns, uint32_t modmask);
    void drop(Packet *p, int why);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
