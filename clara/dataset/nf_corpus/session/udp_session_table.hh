// -*- c++ -*-
/*
 * udp_session_table.hh -- UdpSessionTable: per-5-tuple UDP session records
 * (first/last seen, packets and bytes per direction, direction flags),
 * created on the first datagram and erased once idle.
 *
 * Training code for Clara's compute model (nf_corpus/session); written for
 * the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_UDPSESSIONTABLE_HH
#define CLARA_NFCORPUS_UDPSESSIONTABLE_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * UdpSessionTable([TIMEOUT, KEYWORDS])
 *
 * =s ip
 * keeps a record per bidirectional UDP session
 *
 * =d
 * Input: IPv4 packets with the IP header annotation set.  Every UDP
 * datagram (first fragments only) is mapped to a session keyed by its
 * canonical 5-tuple, so both directions of a conversation share one record;
 * the side that sent the first datagram is the initiator.  A record keeps
 * the first and last time seen, packets and bytes per direction, the
 * largest datagram and direction flags (initiator seen, responder seen,
 * stream).  A session becomes a stream once both sides have sent
 * STREAM_PACKETS datagrams.
 *
 * Idle timeouts depend on the state: TIMEOUT seconds (default 30) for
 * one-way sessions, STREAM_TIMEOUT (default 180) for streams, and
 * DNS_TIMEOUT (default 10) for sessions whose server port is 53, 5353 or
 * 123.  A session found stale on lookup is erased and recreated; every
 * SWEEP_EVERY datagrams (default 2048) the whole table is swept.  At most
 * MAX_SESSIONS (default 65536) sessions are kept; datagrams that find the
 * table full leave on output 1 (if present, else are dropped) when
 * DROP_WHEN_FULL is true, otherwise they pass untracked.
 *
 * The session number goes to the AGGREGATE annotation and the direction
 * (0 initiator, 1 responder) and state to the PAINT annotation.
 *
 * =h sessions, created, expired, swept, full read-only
 * =h table read-only        one line per session
 * =h port_classes read-only packets per server-port class
 */
class UdpSessionTable : public Element {
  public:
    UdpSessionTable();
    ~UdpSessionTable();

    const char *class_name() const override { return "UdpSessionTable"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { F_INIT_SEEN = 1, F_RESP_SEEN = 2, F_STREAM = 4, F_REUSED = 8 };
    enum { C_OTHER = 0, C_DNS, C_NTP, C_MEDIA, C_TUNNEL, C_EPHEMERAL, NCLASS };

    /* Canonical 5-tuple: the lower (addr, port) endpoint first. */
    struct SessionKey {
        uint32_t lo_addr;
        uint32_t hi_addr;
        uint16_t lo_port;
        uint16_t hi_port;

        SessionKey() : lo_addr(0), hi_addr(0), lo_port(0), hi_port(0) {}
        bool operator==(const SessionKey &o) const {
            return lo_addr == o.lo_addr && hi_addr == o.hi_addr
                && lo_port == o.lo_port && hi_port == o.hi_port;
        }
        hashcode_t hashcode() const {
            uint32_t h = lo_addr * 0x9E3779B1U;
            h ^= (hi_addr << 11) | (hi_addr >> 21);
            h += ((uint32_t) lo_port << 16 | hi_port) * 0x85EBCA6BU;
            return h ^ (h >> 16);
        }
    };

    struct Session {
        Timestamp first_seen;
        Timestamp last_seen;
        uint64_t bytes[2];          /* [0] initiator->responder, [1] back */
        uint32_t packets[2];
        uint32_t id;
        uint16_t max_len;
        uint8_t flags;
        uint8_t klass;
        uint8_t init_is_lo;         /* initiator is the key's lo endpoint */
    };

  private:
    HashMap<SessionKey, Session> _sessions;
    Vector<SessionKey> _stale;
    uint8_t _port_class[65536];                 // 64 KiB: server port -> class
    uint64_t _class_packets[NCLASS];
    uint32_t _class_timeout[NCLASS];
    uint32_t _timeout_s;
    uint32_t _stream_timeout_s;
    uint32_t _dns_timeout_s;
    uint32_t _max_sessions;
    uint32_t _sweep_every;
    uint32_t _sweep_countdown;
    uint32_t _stream_packets;
    uint32_t _next_id;
    bool _drop_when_full;

    uint64_t _created;
    uint64_t _expired;
    uint64_t _swept;
    uint64_t _full;

    static inline void make_key(uint32_t sa, uint16_t sp, uint32_t da, uint16_t dp,
                                SessionKey &k, bool &src_is_lo) {
        src_is_lo = (sa < da) || (sa == da && sp <= dp);
        if (src_is_lo) {
            k.lo_addr = sa; k.lo_port = sp; k.hi_addr = da; k.hi_port = dp;
        } else {
            k.lo_addr = da; k.lo_port = dp; k.hi_addr = sa; k.hi_port = sp;
        }
    }
    inline uint32_t idle_limit(const Session &s) const {
        if (s.flags & F_STREAM)
            return _stream_timeout_s > _class_timeout[s.klass]
                ? _stream_timeout_s : _class_timeout[s.klass];
        return _class_timeout[s.klass];
    }
    inline bool stale(const Session &s, const Timestamp &now) const {
        return (now - s.last_seen).sec() >= (Timestamp::seconds_type) idle_limit(s);
    }

    uint8_t classify(uint16_t sport, uint16_t dport) const;
    Session *create(const SessionKey &k, bool src_is_lo, uint16_t sport,
                    uint16_t dport, const Timestamp &now);
    void sweep(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
