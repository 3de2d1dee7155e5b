#ifndef CLARA_EXAMPLES_DPIMATCHER_HH
#define CLARA_EXAMPLES_DPIMATCHER_HH
#include <click/element.hh>
#include <click/string.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * DPIMatcher(PATTERN, ... [, NOCASE, PROTO, OFFSET, DEPTH, ALL])
 *
 * =s classification
 * multi-pattern payload matching with an Aho-Corasick automaton
 *
 * =d
 * Models the content-matching engine of an IDS/IPS or a DPI-based traffic
 * classifier (Snort's "content" rules, L7 protocol detection): the
 * TCP or UDP payload of every IPv4 packet is scanned for any of up to
 * MAX_PATTERNS byte strings at once.  Packets containing a pattern go to
 * output 1; all others, and non-IP packets, go to output 0.
 *
 * At configure time the patterns are compiled into a deterministic
 * Aho-Corasick automaton held in fixed arrays: bytes are first mapped to
 * equivalence classes (bytes that occur in no pattern share class 0, and
 * with NOCASE both cases share a class), and the transition table has one
 * row per trie state and one column per class, with failure transitions
 * already folded in.  The packet path is then one table lookup per
 * payload byte.
 *
 * Keyword arguments:
 * =item PATTERN  String.  A pattern; give the keyword once per pattern.
 * =item NOCASE   Boolean.  Match ASCII letters case-insensitively.  Default
 *                false.
 * =item PROTO    tcp, udp or both.  Default both.
 * =item OFFSET   Integer.  Payload bytes to skip before matching.  Default 0.
 * =item DEPTH    Integer.  Payload bytes to inspect at most (after OFFSET).
 *                Default 1460.
 * =item ALL      Boolean.  Scan the whole window and record every pattern,
 *                rather than stopping at the first match.  Default false.
 *
 * =h count read-only          packets seen
 * =h scanned read-only        packets whose payload was scanned
 * =h scanned_bytes read-only  payload bytes scanned
 * =h matches read-only        packets sent to output 1
 * =h patterns read-only       "PATTERN HITS" per line
 * =h states read-only         automaton states
 * =h reset write-only         zero the counters
 */
class DPIMatcher : public Element {
  public:
    DPIMatcher();
    ~DPIMatcher();

    const char *class_name() const override { return "DPIMatcher"; }
    const char *port_count() const override { return "1/2"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

    enum { MAX_PATTERNS = 32, MAX_PATTERN_LEN = 64,
           MAX_STATES = 512, MAX_CLASSES = 64 };

  private:
    enum { PROTO_TCP = 1, PROTO_UDP = 2 };
    enum { h_count, h_scanned, h_scanned_bytes, h_matches, h_patterns,
           h_states, h_reset };
    static const uint16_t NO_STATE = 0xFFFF;

    // automaton
    uint16_t _delta[MAX_STATES][MAX_CLASSES];
    uint32_t _out[MAX_STATES];          // bitmask of patterns ending here
    uint8_t _byte_class[256];
    int _nstates;
    int _nclasses;

    // configuration
    Vector<String> _patterns;
    bool _nocase;
    int _protos;
    uint32_t _offset;
    uint32_t _depth;
    bool _all;

    // statistics
    uint64_t _count;
    uint64_t _scanned;
    uint64_t _scanned_bytes;
    uint64_t _matches;
    uint64_t _pattern_hits[MAX_PATTERNS];

    int build_automaton(ErrorHandler *errh);
    int byte_class_for(uint8_t c, ErrorHandler *errh);
    uint32_t scan(const unsigned char *payload, uint32_t len) const;

    static String read_handler(Element *e, void *thunk);
    static int write_handler(const String &s, Element *e, void *thunk,
                             ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
