// -*- c++ -*-
/*
 * priority_aging_classifier.hh -- PriorityAgingClassifier: strict-priority
 * classes assigned by a first-match rule table (protocol/TOS with masks,
 * port ranges), with a direct-mapped match cache and starvation aging that
 * promotes packets of classes the emulated strict-priority link has not
 * served for too long.
 *
 * Training code for Clara's compute model (nf_corpus/queueing); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_CORPUS_PRIORITYAGINGCLASSIFIER_HH
#define CLARA_CORPUS_PRIORITYAGINGCLASSIFIER_HH
#include <click/element.hh>
#include <click/timestamp.hh>
CLICK_DECLS

/*
=c

PriorityAgingClassifier(RULE, ..., KEYWORDS)

=s scheduling

rule-based strict priority classes with starvation aging

=d

Each RULE is a space-separated list of "FIELD VALUE" pairs ending in
"class N" (output N; 0 is the most urgent):

  proto tcp|udp|icmp|NUM[/MASK]   tos VALUE/MASK
  sport LO[-HI]                   dport LO[-HI]

Rules are tried in order (at most 128); packets matching none, and
non-IP packets, go to class DEFAULT (the last output if not given).
Recent (protocol, TOS, ports) tuples are remembered in a 512-entry
direct-mapped cache.

The element also emulates the strict-priority link behind it: each class
has a backlog in bytes that drains at RATE bytes/s, most urgent class
first.  A class with backlog that receives no service during an arrival
interval ages by one; when its age reaches AGE_LIMIT, its next packet is
promoted by AGE_STEP classes and its age halves.

Keywords: RATE (bytes/s, mandatory), DEFAULT, AGE_LIMIT (default 64),
AGE_STEP (default 1), LIMIT (bytes per class backlog, default 1 MiB).

=h rules read-only     per-rule hits
=h classes read-only   per-class packets, bytes, backlog, age, promotions
=h reset write-only
*/

class PriorityAgingClassifier : public Element {
  public:
    PriorityAgingClassifier();
    ~PriorityAgingClassifier();

    const char *class_name() const { return "PriorityAgingClassifier"; }
    const char *port_count() const { return "1/1-8"; }
    const char *processing() const { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh);
    int initialize(ErrorHandler *errh);
    void add_handlers();
    void push(int port, Packet *p);

    enum { MAX_RULES = 128, MAX_CLASSES = 8, CACHE_SIZE = 512, NO_RULE = 0xFF };

    struct Rule {               /* 16 bytes */
        uint8_t proto;
        uint8_t proto_mask;
        uint8_t tos;
        uint8_t tos_mask;
        uint16_t sport_lo, sport_hi;
        uint16_t dport_lo, dport_hi;
        uint8_t cls;
        uint8_t pad[3];
    };

    struct CacheEntry {
        uint64_t key;           /* proto:8 tos:8 sport:16 dport:16, bit 48 = valid */
        uint16_t generation;
        uint8_t rule;
        uint8_t cls;
    };

    struct ClassState {
        uint64_t packets;
        uint64_t bytes;
        uint64_t promoted;      /* packets of this class sent up */
        uint32_t backlog;
        uint32_t age;
    };

  private:
    Rule _rules[MAX_RULES];
    uint32_t _rule_hits[MAX_RULES];
    CacheEntry _cache[CACHE_SIZE];
    ClassState _cls[MAX_CLASSES];
    int _nrules;
    int _nclasses;
    uint8_t _default;
    uint16_t _generation;
    uint64_t _rate;
    uint32_t _limit;
    uint32_t _age_limit;
    unsigned _age_step;
    int64_t _last_ns;
    uint64_t _cache_hits;
    uint64_t _cache_misses;

    int parse_rule(const String &text, Rule &r, ErrorHandler *errh);
    static bool parse_range(const String &s, uint16_t &lo, uint16_t &hi);
    static inline bool rule_matches(const Rule &r, uint8_t proto, uint8_t tos,
                                    uint16_t sport, uint16_t dport) {
        return ((proto ^ r.proto) & r.proto_mask) == 0
            && ((tos ^ r.tos) & r.tos_mask) == 0
            && sport >= r.sport_lo && sport <= r.sport_hi
            && dport >= r.dport_lo && dport <= r.dport_hi;
    }
    int lookup(uint8_t proto, uint8_t tos, uint16_t sport, uint16_t dport);
    void serve(int64_t now_ns);

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
