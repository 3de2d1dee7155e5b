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
 * negates it.  The pattern "-" matches every packet.  Bytes past the end
 * of the packet never match.  Examples: "12/0800" (IPv4 in Ethernet),
 * "12/0806 20/0001" (ARP request), "23/11 36/0035" (UDP to port 53, when
 * the IP header has no options).
 *
 * The patterns are compiled at configuration time into an array of
 * aligned 32-bit (offset, value, mask) words; at run time a packet is
 * tested word by word, pattern by pattern.  At most 32 patterns, 64
 * clauses and 128 words.
 *
 * =h matches read-only    packets per output, space-separated
 * =h no_match read-only   packets that matched no pattern
 * =h program read-only    the compiled words, one per line
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

    enum { MAX_PATTERNS = 32, MAX_CLAUSES = 64, MAX_WORDS = 128, MAX_OFFSET = 65535 };

  private:
    enum { h_matches, h_no_match, h_program };

    /* Bytes [offset, offset+4) of the packet, masked, must equal value.
       value and mask are in packet byte order; min_length is one past the
       last byte the mask covers. */
    struct Word {
        uint32_t offset;
        uint32_t min_length;
        uint32_t value;
        uint32_t mask;
    };
    struct Clause {
        uint16_t first_word;
        uint16_t nwords;
        bool negated;
    };
    struct Pattern {
        uint16_t first_clause;
        uint16_t nclauses;      // 0: matches everything ("-")
    };

    Word _words[MAX_WORDS];
    Clause _clauses[MAX_CLAUSES];
    Pattern _patterns[MAX_PATTERNS];
    int _nwords;
    int _nclauses;
    int _npatterns;

    uint64_t _matches[MAX_PATTERNS];
    uint64_t _no_match;

    int compile_pattern(const String &text, ErrorHandler *errh);
    int compile_clause(const String &text, ErrorHandler *errh);
    bool word_matches(const Word &w, const unsigned char *data, uint32_t length) const;
    bool clause_matches(const Clause &c, const unsigned char *data, uint32_t length) const;
    int classify(const Packet *p) const;

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
