// -*- c++ -*-
/*
 * sip_dialog_tracker.hh -- SipDialogTracker: follows SIP-like call dialogs
 * over UDP: parses the start line, the Call-ID and CSeq headers, and drives
 * a per-dialog state machine (calling, early, confirmed, established,
 * terminating) kept in a HashMap keyed by a hash of the Call-ID.
 *
 * Training code for Clara's compute model (nf_corpus/session); written for
 * the corpus, not one of the evaluation NFs.
 */
#ifndef CLARA_NFCORPUS_SIPDIALOGTRACKER_HH
#define CLARA_NFCORPUS_SIPDIALOGTRACKER_HH
#include <click/element.hh>
#include <click/hashmap.hh>
#include <click/timestamp.hh>
#include <click/vector.hh>
CLICK_DECLS

/*
 * =c
 * SipDialogTracker([PORT, KEYWORDS])
 *
 * =s ip
 * tracks SIP call dialogs and their state transitions
 *
 * =d
 * UDP datagrams to or from PORT (default 5060; IP header annotation set)
 * are parsed as SIP text: a request or status line, then header lines up
 * to the blank line, of which Call-ID (or compact "i") and CSeq are used.
 * The Call-ID is hashed (64-bit FNV-1a) into the dialog key.  An INVITE
 * creates a dialog; responses to it, ACK, CANCEL, BYE and the answer to
 * BYE move it through a table-driven state machine (an event the table
 * forbids is a violation).  Answered BYEs erase the dialog; post-dial
 * delay goes to a 100 ms histogram; retransmissions are only counted.
 * Dialogs idle SETUP_TIMEOUT s (32), or SESSION_TIMEOUT s (3600) once
 * established, are swept every SWEEP_EVERY datagrams (1024); at most
 * MAX_DIALOGS (16384).  PAINT = state, AGGREGATE = low hash bits.
 * Malformed SIP and violations leave on output 1 (dropped if absent).
 *
 * =h dialogs, established, completed, failed, violations, retransmits,
 *    malformed, duration_s, pdd read-only
 */
class SipDialogTracker : public Element {
  public:
    SipDialogTracker();
    ~SipDialogTracker();

    const char *class_name() const override { return "SipDialogTracker"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum Method { M_UNKNOWN = 0, M_INVITE, M_ACK, M_BYE, M_CANCEL, M_REGISTER,
                  M_OPTIONS, M_PRACK, M_UPDATE, M_INFO, M_NOTIFY, M_SUBSCRIBE,
                  M_MESSAGE, M_REFER, NMETHOD };
    enum State { S_NONE = 0, S_CALLING, S_PROCEEDING, S_EARLY, S_CONFIRMED,
                 S_ESTABLISHED, S_TERMINATING, S_TERMINATED, S_FAILED, NSTATE,
                 S_INVALID = 0xFF };
    enum Event { E_INVITE = 0, E_ACK, E_BYE, E_CANCEL, E_TRYING, E_RINGING,
                 E_INVITE_OK, E_INVITE_FAIL, E_BYE_OK, E_OTHER, NEVENT };
    enum { PDD_BUCKETS = 64, MAX_LINE = 512, MAX_HEADERS = 48 };
    enum { ST_ESTABLISHED, ST_COMPLETED, ST_FAILED, ST_VIOLATIONS,
           ST_RETRANSMITS, ST_MALFORMED, ST_DURATION_S, NSTAT };

    struct CallKey {
        uint64_t hash;
        uint32_t len;

        CallKey() : hash(0), len(0) {}
        CallKey(uint64_t h, uint32_t l) : hash(h), len(l) {}
        bool operator==(const CallKey &o) const { return hash == o.hash && len == o.len; }
        hashcode_t hashcode() const { return (hashcode_t) (hash ^ (hash >> 29)) + len; }
    };

    struct Dialog {
        Timestamp invite_at;
        Timestamp answer_at;
        Timestamp last_seen;
        uint32_t caller;
        uint32_t last_cseq;
        uint16_t last_status;
        uint16_t messages;
        uint8_t state;
        uint8_t last_method;
        uint8_t retransmits;
        uint8_t pdd_recorded;
        Dialog() : caller(0), last_cseq(0), last_status(0), messages(0), state(S_NONE),
                   last_method(0), retransmits(0), pdd_recorded(0) {}
    };

  private:
    HashMap<CallKey, Dialog> _dialogs;
    Vector<CallKey> _dead;
    uint8_t _next_state[NSTATE][NEVENT];
    uint16_t _port;
    uint32_t _setup_timeout_s;
    uint32_t _session_timeout_s;
    uint32_t _max_dialogs;
    uint32_t _sweep_every;
    uint32_t _sweep_countdown;

    uint64_t _method_count[NMETHOD];
    uint64_t _status_class[7];
    uint32_t _pdd_hist[PDD_BUCKETS];
    uint64_t _stats[NSTAT];

    static inline uint8_t lower(uint8_t c) {
        return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
    }
    static inline bool name_is(const unsigned char *s, int len, const char *name) {
        int i = 0;
        for (; i < len && name[i]; ++i)
            if (lower(s[i]) != (uint8_t) name[i])
                return false;
        return i == len && name[i] == 0;
    }

    static int parse_method(const unsigned char *s, int len);
    static int line_end(const unsigned char *s, int pos, int len);
    int classify(bool request, int method, int status, int cseq_method) const;
    void apply(Dialog &d, int event, const Timestamp &now);
    void sweep(const Timestamp &now);

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
