#ifndef CLARA_ELEMENTS_CLASSIFIER_HH
#define CLARA_ELEMENTS_CLASSIFIER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * Classifier(PATTERN_1, ..., PATTERN_N)
 *
 * =s classification
 * classifies packets by contents
 *
 * =d
 * Sends each packet to the output of the first pattern it matches; one
 * output per pattern, in order.  A packet that matches no pattern is
 * dropped.
 *
 * A pattern is a space-separated list of clauses; it matches when every
 * clause does.  A clause is OFFSET/VALUE or OFFSET/VALUE%MASK: OFFSET a
 * decimal byte offset from the start of the packet data, VALUE and MASK
 * hex digits, two per byte, of the same length ('?' in VALUE is a
 * nibble that matches anything).  The clause matches when the packet's
 * bytes from OFFSET, ANDed with MASK, equal VALUE.  "!" before a clause
 * negates it.  The pattern "-" matches every packet.  A test of bytes past
 * the end of the packet fails (so, negated, it succeeds).  Examples: "12/0800" (IPv4 in Ethernet),
 * "12/0806 20/0001" (ARP request), "23/11 36/0035" (UDP to port 53, when
 * the IP header has no options).
 *
 * The patterns are compiled at configuration time, as Click does, into an
 * array of tests on aligned 32-bit words: (offset, value, mask, where to go
 * if the masked word equals value, where to go if not), a target being the
 * next test or an output.  A packet follows one path of tests from the
 * first.  At most 32 patterns and 128 word tests.
 *
 * =h matches read-only    packets per output, space-separated
 * =h no_match read-only   packets that matched no pattern
 * =h program read-only    the compiled tests, one per line:
 *                          "INDEX: OFFSET/VALUE%MASK YES NO" (targets: a test
 *                          index, "out K" or "drop")
 */
class Classifier : public Element {
  public:
    Classifier();
    ~Classifier();

    const char *class_name() const override { return "Classifier"; }
    const char *port_count() const override { return "1/-"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

    enum { MAX_PATTERNS = 32, MAX_EXPRS = 128, MAX_OFFSET = 65535 };

  private:
    enum { h_matches, h_no_match, h_program };

    /* One test: bytes [offset, offset+4) of the packet, masked, equal value
       (value and mask in packet byte order; min_length is one past the last
       byte the mask covers, shorter packets fail).  yes/no: the next test's
       index, or -1-K for output K (K == npatterns: drop). */
    struct Expr {
        uint32_t offset;
        uint32_t min_length;
        uint32_t value;
        uint32_t mask;
        int32_t yes;
        int32_t no;
    };

    Expr _exprs[MAX_EXPRS];
    int _nexprs;
    int32_t _start;             // the first test, or an output for a '-' first pattern
    int _npatterns;

    uint64_t _matches[MAX_PATTERNS];
    uint64_t _no_match;

    struct Clause;

    int compile_pattern(const String &text, int index, ErrorHandler *errh);
    void patch_fail(int32_t target);
    int classify(const Packet *p) const;

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
