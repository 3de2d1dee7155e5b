#ifndef CLICK_BPFCAPTUREFILTER_HH
#define CLICK_BPFCAPTUREFILTER_HH
#include <click/element.hh>
CLICK_DECLS

/*
 * =c
 * BPFCaptureFilter(INSN, ..., I<keywords> TRUNCATE)
 *
 * =s telemetry
 * runs a classic BPF capture filter (tcpdump -dd output) on each packet
 *
 * =d
 * Each INSN argument is one classic BPF instruction written as four
 * numbers, "CODE JT JF K", as printed by "tcpdump -dd" (without braces).
 * The program runs over the packet from its first byte; a non-zero result
 * accepts the packet on output 0 (cut to that many bytes if TRUNCATE is
 * true), zero sends it to output 1 if that exists.  The program is checked
 * at configuration time: jumps must stay inside it, scratch indices must be
 * below 16 and the last instruction must be a return.
 */

struct bpf_insn_t {
    uint16_t code;
    uint8_t jt;
    uint8_t jf;
    uint32_t k;
};

class BPFCaptureFilter : public Element { public:

    BPFCaptureFilter();

    const char *class_name() const		{ return "BPFCaptureFilter"; }
    const char *port_count() const		{ return PORTS_1_1X2; }
    const char *processing() const		{ return PUSH; }

    int configure(Vector<String> &, ErrorHandler *);
    void add_handlers();

    void push(int, Packet *);

  private:

    enum { MAX_INSNS = 512, MEMWORDS = 16 };

    bpf_insn_t _prog[MAX_INSNS];
    int _ninsns;
    bool _truncate;

    uint64_t _accepted;
    uint64_t _rejected;
    uint64_t _oob;

    uint32_t run(const uint8_t *pkt, uint32_t len);

};

CLICK_ENDDECLS
#endif
