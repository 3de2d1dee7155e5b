// -*- c++ -*-
/*
 * syn_flood_guard.hh -- SynFloodGuard: per-source half-open TCP connection
 * accounting with a drop threshold and time-based decay.
 *
 * Training code for Clara's compute model (nf_corpus/security); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_CORPUS_SYNFLOODGUARD_HH
#define CLARA_CORPUS_SYNFLOODGUARD_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/ipaddress.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
=c

SynFloodGuard(KEYWORDS)

=s tcp

limits half-open TCP handshakes per source address

=d

Keeps, per IPv4 source address, an estimate of the handshakes it has
opened (SYN without ACK) and not completed (final ACK) or aborted (RST).
The estimate is halved every DECAY milliseconds of packet time.  A source
whose estimate exceeds THRESHOLD is blocked for BLOCK seconds: its SYNs
are dropped (output 1, or killed).  SYN-ACKs coming back from servers are
counted per destination (the client) as pending; a later bare ACK from the
client consumes one pending SYN-ACK and counts as a completed handshake
(an approximation: flows are not tracked individually).  A RST from the
source also closes one half-open handshake.  Non-TCP packets pass on
output 0.

Keywords: THRESHOLD (default 64), DECAY (ms, 1000), BLOCK (s, 10),
MAX_SOURCES (table size before it is flushed, 65536), STRIKES (blocks
before a source is blocked permanently until reset, 0 = never).

=h syns, synacks, completed, dropped, blocked_now, sources read-only
=h reset write-only
*/

class SynFloodGuard : public Element {
  public:
    SynFloodGuard();
    ~SynFloodGuard();

    const char *class_name() const { return "SynFloodGuard"; }
    const char *port_count() const { return PORTS_1_1X2; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    struct SourceState {
        uint32_t half_open;        /* decayed estimate of open handshakes */
        uint32_t syns;             /* SYNs in total */
        uint32_t synacks;          /* SYN-ACKs received by this host */
        uint32_t pending;          /* SYN-ACKs not yet answered by an ACK */
        uint32_t completed;        /* handshakes finished by an ACK */
        uint16_t strikes;          /* times this source has been blocked */
        uint16_t flags;            /* F_* below */
        Timestamp last_decay;
        Timestamp blocked_until;
    };

    enum { F_BLOCKED = 1, F_PERMANENT = 2 };

  private:
    HashMap<IPAddress, SourceState> _sources;
    uint32_t _threshold;
    uint32_t _decay_ms;
    uint32_t _block_s;
    uint32_t _max_sources;
    uint16_t _max_strikes;

    uint64_t _syns;
    uint64_t _synacks;
    uint64_t _completed;
    uint64_t _dropped;
    uint64_t _flushes;

    void decay(SourceState &s, const Timestamp &now) const;
    bool is_blocked(SourceState &s, const Timestamp &now);
    SourceState *lookup_or_create(IPAddress src, const Timestamp &now);

    static inline bool is_pure_syn(uint8_t flags) {
        return (flags & (TH_SYN | TH_ACK | TH_RST | TH_FIN)) == TH_SYN;
    }
    static inline bool is_synack(uint8_t flags) {
        return (flags & (TH_SYN | TH_ACK | TH_RST)) == (TH_SYN | TH_ACK);
    }
    static inline bool is_handshake_ack(uint8_t flags) {
        return (flags & (TH_SYN | TH_ACK | TH_RST | TH_FIN)) == TH_ACK;
    }

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &data, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
