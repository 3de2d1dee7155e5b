// -*- c++ -*-
/*
 * affinity_table.hh -- AffinityTable: session persistence for a
 * direct-server-return balancer.  Clients are pinned to a backend in a
 * HashMap; new sessions go to the backend with the fewest active sessions
 * per unit of weight; the frame's destination MAC becomes the backend's.
 *
 * Training code for Clara's compute model (nf_corpus/balancing); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_AFFINITYTABLE_HH
#define CLARA_NFCORPUS_AFFINITYTABLE_HH
#include <click/element.hh>
#include <click/etheraddress.hh>
#include <click/hashmap.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * AffinityTable(BACKEND ETH, ... [, WEIGHT W, ..., PERSIST, PREFIX, TIMEOUT,
 *               MAX_SESSIONS, MAX_PER_BACKEND, SRC_ETH, SWEEP_EVERY])
 *
 * =s balancing
 * pins client sessions to backends, least-connections for new ones
 *
 * =d
 * Input frames are Ethernet with an IPv4 network header set.  A session is
 * keyed by the client address masked to PREFIX bits (default 32) and, with
 * PERSIST SERVICE, also by the service address, protocol and destination
 * port (PERSIST CLIENT, the default, pins a client for all services).  A
 * session idle for TIMEOUT seconds (default 300) has expired.  A packet of
 * a known live session goes to its backend; otherwise the backend with the
 * lowest active/WEIGHT ratio among those not draining and below
 * MAX_PER_BACKEND sessions is chosen (ties rotate) and, if the table has
 * fewer than MAX_SESSIONS entries, the session is pinned.  The frame's
 * destination MAC is set to the backend's BACKEND address (and the source
 * MAC to SRC_ETH if given); it leaves on output 0 with the backend index in
 * the paint annotation.  Frames without an IPv4 header, and frames for
 * which every backend is full or draining, leave on output 1 if present.
 * Every SWEEP_EVERY packets (default 16384) expired sessions are removed.
 *
 * =h sessions read-only    pinned sessions
 * =h backends read-only    per-backend load and counters
 * =h drain write-only      stop giving backend N new sessions
 * =h undrain write-only    give backend N new sessions again
 */
class AffinityTable : public Element {
  public:
    AffinityTable();
    ~AffinityTable();

    const char *class_name() const override { return "AffinityTable"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { MAX_BACKENDS = 16 };

    struct SessionKey {
        uint32_t client;        /* masked source, network order */
        uint32_t service;       /* destination, 0 with PERSIST CLIENT */
        uint16_t port;          /* destination port, network order */
        uint8_t proto;
        uint8_t pad;
        SessionKey() : client(0), service(0), port(0), proto(0), pad(0) {}
        bool operator==(const SessionKey &o) const {
            return client == o.client && service == o.service
                && port == o.port && proto == o.proto;
        }
        hashcode_t hashcode() const {
            uint32_t h = client * 0x9E3779B1U;
            h ^= (service >> 16 | service << 16) * 0x85EBCA77U;
            h ^= ((uint32_t) port << 8 | proto) * 0xC2B2AE3DU;
            return h ^ (h >> 15);
        }
    };

    struct Session {
        uint8_t backend;
        uint8_t reassigned;
        uint16_t flows;         /* TCP SYNs seen */
        uint32_t packets;
        uint64_t bytes;
        Timestamp created;
        Timestamp last_seen;
    };

  private:
    HashMap<SessionKey, Session> _sessions;
    Vector<SessionKey> _expired;
    EtherAddress _macs[MAX_BACKENDS];
    EtherAddress _src_mac;
    uint32_t _active[MAX_BACKENDS];
    uint32_t _weight[MAX_BACKENDS];
    uint64_t _bk_new[MAX_BACKENDS];
    uint64_t _bk_packets[MAX_BACKENDS];
    uint64_t _bk_bytes[MAX_BACKENDS];
    int _nbackends;
    uint16_t _draining;
    bool _per_service;
    bool _set_src;
    uint32_t _mask;             /* network order */
    uint32_t _timeout_s;
    uint32_t _max_sessions;
    uint32_t _max_per_backend;
    uint32_t _sweep_every;
    uint32_t _sweep_countdown;
    uint32_t _rotor;

    uint64_t _pinned;
    uint64_t _expired_count;
    uint64_t _unpinned;
    uint64_t _refused;

    inline bool expired(const Session &s, const Timestamp &now) const {
        return (now - s.last_seen).sec() >= (Timestamp::seconds_type) _timeout_s;
    }
    inline void release(int b) {
        if (_active[b])
            _active[b]--;
    }
    int choose_backend();
    void sweep(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
