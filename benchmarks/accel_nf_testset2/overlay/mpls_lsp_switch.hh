// -*- c++ -*-
/*
 * mpls_lsp_switch.hh -- MplsLspSwitch: label switching for an LSR (RFC
 * 3031/3032): swap, pop, swap-and-push, with TTL and traffic-class handling.
 */
#ifndef OVERLAY_MPLS_LSP_SWITCH_HH
#define OVERLAY_MPLS_LSP_SWITCH_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * MplsLspSwitch(ENTRY "IN OP PORT [LABEL...]", ..., [MODEL, TC_MAP])
 *
 * =s mpls
 * switches MPLS packets by their top label
 *
 * =d
 * Input: MPLS packets whose data starts at the top label stack entry (after
 * Strip(14)).  Each ENTRY maps an incoming label (16..4095) to an operation:
 * SWAP PORT LABEL, POP PORT, or PUSH PORT LABEL L1 [L2 [L3]] (swap to LABEL,
 * then push L1.. so that the last one ends up on top).  Explicit-null labels
 * 0 and 2 are popped and the packet goes to output 0.  An entropy label
 * pair (ELI 7 + EL) on top is removed before the lookup.  TTL is
 * decremented in the top entry; packets whose TTL would reach 0, router
 * alert packets, unknown labels and broken stacks go to the last output.
 * MODEL "uniform" (default) copies the TTL into the new top entry after a
 * pop inside the stack, "pipe" leaves it; popping the bottom entry never
 * touches the IP header (short-pipe, DecIPTTL follows if wanted).  TC_MAP
 * lists eight values that rewrite the traffic class of every swapped or
 * pushed entry.
 *
 * =h stats read-only       counters
 */
class MplsLspSwitch : public Element {
  public:
    MplsLspSwitch();
    ~MplsLspSwitch();

    const char *class_name() const override { return "MplsLspSwitch"; }
    const char *port_count() const override { return "1/2-16"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum {
        TABLE = 4096, MAX_PUSH = 3, MAX_DEPTH = 8,
        L_IPV4_NULL = 0, L_ROUTER_ALERT = 1, L_IPV6_NULL = 2, L_ELI = 7
    };
    enum Op { OP_NONE = 0, OP_SWAP, OP_POP, OP_PUSH };

  private:
    uint8_t _op[TABLE];
    uint8_t _port[TABLE];
    uint32_t _out_label[TABLE];
    uint8_t _npush[TABLE];
    uint32_t _push_labels[TABLE][MAX_PUSH];
    uint8_t _tc_map[8];
    bool _uniform;

    uint64_t _switched[4];
    uint64_t _ttl_expired;
    uint64_t _unknown;
    uint64_t _bad_stack;
    uint64_t _alerts;
    uint64_t _entropy_pairs;

    static inline uint32_t entry(uint32_t label, uint32_t tc, uint32_t s, uint32_t ttl) {
        return (label << 12) | (tc << 9) | (s << 8) | ttl;
    }
    void to_error(Packet *p, uint64_t &counter) {
        counter++;
        output(noutputs() - 1).push(p);
    }
    int parse_entry(const String &text, ErrorHandler *errh);

    static String read_stats(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
