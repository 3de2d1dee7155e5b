// -*- c++ -*-
/*
 * protocol_guesser.hh -- ProtocolGuesser: guesses the application protocol
 * of a TCP/UDP payload from a byte-class histogram of its first bytes and
 * a table-driven state machine that recognises the shape of a text command
 * line ("VERB args CRLF") or a numeric reply line ("250 text CRLF"), as
 * SMTP, FTP and POP3 use.
 *
 * Training code for Clara's compute model (nf_corpus/inspection); written
 * for the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_PROTOCOLGUESSER_HH
#define CLARA_NFCORPUS_PROTOCOLGUESSER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * ProtocolGuesser([WINDOW, MAX_LINE, MIN_VERB, ALLOW_LOWER, LAX_EOL, SPLIT])
 *
 * =s inspection
 * guesses a payload's protocol from byte classes and line shape
 *
 * =d
 * Expects IPv4 packets with the IP header annotation set.  Every byte is
 * mapped to one of eight classes (upper-case letter, lower-case letter,
 * digit, blank, CR, LF, other printable, non-printable).  The first WINDOW
 * bytes of the payload (8 to 64, default 64) give a class histogram and a
 * count of distinct byte values.  The first line, at most MAX_LINE bytes
 * (default 512), runs through a 16-state machine over byte classes that
 * accepts "VERB[ args]CRLF" with a verb of MIN_VERB (default 3) to 5
 * letters (lower case too when ALLOW_LOWER, default true), and
 * "DDD[ -]textCRLF" replies.  With LAX_EOL a bare LF ends a line.
 *
 * A recognised verb is looked up in a small table of SMTP, FTP and POP3
 * verbs; together with the server port it picks the protocol.  Otherwise
 * the histogram decides: TLS record headers, mostly printable text, binary
 * data, or high-entropy data (many distinct values, few repeats).
 *
 * The guess (see the "guesses" handler for the numbering) goes into the
 * paint annotation; the last guess per server port is kept in a 64 KiB
 * table, and a port whose guess changes is counted.  With SPLIT, packets
 * leave on the output numbered like their guess (the last output for
 * larger numbers); otherwise all leave on output 0.
 *
 * =h guesses read-only        packets per guess
 * =h replies read-only        reply codes seen
 * =h classes read-only        byte-class totals over the windows
 * =h port_changes read-only   ports whose guess changed
 */
class ProtocolGuesser : public Element {
  public:
    ProtocolGuesser();
    ~ProtocolGuesser();

    const char *class_name() const override { return "ProtocolGuesser"; }
    const char *port_count() const override { return "1/1-10"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum ByteClass {
        C_UPPER = 0, C_LOWER, C_DIGIT, C_BLANK, C_CR, C_LF, C_PUNCT, C_BIN,
        NCLASSES
    };

    enum State {
        S_START = 0, S_VERB1, S_VERB2, S_VERB3, S_VERB4, S_VERB5, S_ARGS,
        S_CODE1, S_CODE2, S_CODE3, S_TEXT, S_CR_CMD, S_CR_REPLY,
        S_ACCEPT_CMD, S_ACCEPT_REPLY, S_REJECT, NSTATES
    };

    enum Guess {
        G_EMPTY = 0, G_SMTP, G_FTP, G_POP3, G_COMMAND, G_REPLY, G_TLS,
        G_TEXT, G_BINARY, G_RANDOM, NGUESSES
    };

    enum { VERB_SLOTS = 64, MAX_WINDOW = 64, NREPLY = 600 };
    enum { P_SMTP = 1, P_FTP = 2, P_POP3 = 4 };

    struct VerbSlot {
        uint32_t verb;              // up to 4 upper-case letters, packed
        uint8_t protos;             // P_* bits
        uint8_t used;
    };

  private:
    uint8_t _class_of[256];
    uint8_t _trans[NSTATES][NCLASSES];
    VerbSlot _verbs[VERB_SLOTS];
    uint8_t _port_guess[65536];             // 64 KiB: last guess + 1, 0 unseen
    uint64_t _guess_count[NGUESSES];
    uint64_t _class_total[NCLASSES];
    uint32_t _reply_count[NREPLY];
    uint32_t _window;
    uint32_t _max_line;
    uint32_t _min_verb;
    bool _allow_lower;
    bool _lax_eol;
    bool _split;

    uint64_t _port_changes;
    uint64_t _long_lines;

    static inline uint32_t verb_slot(uint32_t v) {
        return (v * 0x9E3779B1U) >> 26;
    }
    static inline uint32_t pack_verb(const unsigned char *d, int n) {
        uint32_t v = 0;
        for (int i = 0; i < n && i < 4; ++i)
            v = (v << 8) | (d[i] & 0xDF);       // to upper case
        return v;
    }

    void build_classes();
    void build_machine();
    bool add_verb(const char *verb, uint8_t protos);
    uint8_t verb_protos(uint32_t v) const;
    int run_line(const unsigned char *d, int n, int *line_len) const;
    int guess_by_histogram(const unsigned char *d, int n);
    int guess(const unsigned char *d, int n, uint16_t server_port);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
