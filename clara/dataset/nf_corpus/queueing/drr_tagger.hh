// -*- c++ -*-
/*
 * drr_tagger.hh -- DeficitRoundRobinTagger: classifies packets into up to
 * 16 small per-class queues (rings of packet pointers) by one header field
 * and releases them in deficit-round-robin order at an emulated link rate,
 * each queue on its own output port.
 *
 * Training code for Clara's compute model (nf_corpus/queueing); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_CORPUS_DRRTAGGER_HH
#define CLARA_CORPUS_DRRTAGGER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
=c

DeficitRoundRobinTagger(KEYWORDS)

=s scheduling

DRR over field-keyed classes, choosing the output port

=d

KEY selects the classification field: dscp, proto, dport (TCP/UDP
destination port), srcnet (source /24) or vlan (VLAN_TCI annotation).
Each distinct value is bound to one of QUEUES queues when first seen; a
queue whose class has gone idle is rebound when all are taken, and if none
is idle the value shares a queue chosen by hash.  Queue i holds at most
DEPTH packets (tail drop) and earns QUANTUM times its WEIGHTS entry per
round.  Every arrival credits the link with the bytes it could have sent
since the previous one (RATE bytes/s, at most BURST bytes) and then runs
DRR rounds, releasing packets while credit lasts.  Queue i's packets leave
on output i modulo the number of outputs, with the paint annotation set to
i and the aggregate annotation to the class value.

Keywords: RATE (bytes/s, mandatory), KEY (default dscp), QUEUES (1-16,
default 8), DEPTH (1-32, default 16), QUANTUM (bytes, default 1514),
WEIGHTS (space-separated, default all 1), BURST (bytes, default 16384).

=h queues read-only    per-queue class, backlog, deficit, sent, drops
*/

class DeficitRoundRobinTagger : public Element {
  public:
    DeficitRoundRobinTagger();
    ~DeficitRoundRobinTagger();

    const char *class_name() const { return "DeficitRoundRobinTagger"; }
    const char *port_count() const { return "1/1-16"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    int initialize(ErrorHandler *errh);
    void cleanup(CleanupStage stage);
    void add_handlers();
    void push(int port, Packet *p);

    enum { MAX_QUEUES = 16, MAX_DEPTH = 32, MAX_VISITS = 64 };
    enum KeyKind { K_DSCP, K_PROTO, K_DPORT, K_SRCNET, K_VLAN };

    struct ClassKey {
        uint32_t value;
        uint8_t proto;
        ClassKey() : value(0), proto(0) {}
        ClassKey(uint32_t v, uint8_t pr) : value(v), proto(pr) {}
        bool operator==(const ClassKey &o) const {
            return value == o.value && proto == o.proto;
        }
        hashcode_t hashcode() const { return value * 0x9E3779B1U ^ proto; }
    };

    struct DrrQueue {
        Packet *ring[MAX_DEPTH];
        uint16_t len[MAX_DEPTH];    /* cached IP lengths */
        uint8_t head;
        uint8_t count;
        bool bound;
        bool credited;              /* quantum added in this visit */
        uint32_t quantum;
        uint32_t deficit;
        uint32_t backlog;
        ClassKey key;
        Timestamp last_active;
        uint64_t sent_pkts;
        uint64_t sent_bytes;
        uint64_t drops;
    };

  private:
    DrrQueue _q[MAX_QUEUES];
    HashMap<ClassKey, int> _bindings;
    KeyKind _kind;
    unsigned _nqueues;
    unsigned _depth;
    uint16_t _active;           /* bit i: queue i has packets */
    int _rr;                    /* queue under service */
    uint64_t _rate;
    uint32_t _burst;
    uint64_t _credit;           /* bytes the link may still send */
    int64_t _last_ns;
    uint64_t _rebinds;
    uint64_t _shared;

    ClassKey classify(const Packet *p) const;
    int queue_for(const ClassKey &k, const Timestamp &now);
    void enqueue(int qi, Packet *p, uint32_t len);
    Packet *dequeue(DrrQueue &q, uint32_t &len);
    void schedule();
    int next_active(int from) const {
        uint32_t mask = ((uint32_t) _active << MAX_QUEUES) | _active;
        mask >>= (from + 1) & (MAX_QUEUES - 1);
        if (!(mask & 0xFFFF))
            return -1;
        return (from + 1 + __builtin_ctz(mask)) & (MAX_QUEUES - 1);
    }

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
