// -*- c++ -*-
/*
 * soft_rss.hh -- SoftRSS: receive-side scaling in software.  Spreads
 * IPv4 traffic over worker outputs the way a NIC would, so that a
 * software path and a hardware path agree on flow placement.
 */
#ifndef BALANCING_SOFTRSS_HH
#define BALANCING_SOFTRSS_HH
#include <click/element.hh>
#include <click/string.hh>
CLICK_DECLS

/*
 * =c
 * SoftRSS([KEY, L4, OFFSET])
 *
 * =d
 * Input: Ethernet frames (OFFSET 14, default) or bare IPv4 (OFFSET 0).
 * KEY is the 40-byte secret as 80 hex digits (default: the key most NIC
 * drivers ship).  With L4 true (default) TCP/UDP first fragments use the
 * 4-tuple, everything else the address pair.  The 32-bit result is stored
 * in the AGGREGATE annotation; its low 7 bits index a 128-entry
 * redirection table whose entries name an output.  Non-IPv4 frames go to
 * output 0.
 *
 * =h reta read/write   the redirection table, one output per entry
 */
class SoftRSS : public Element {
  public:
    SoftRSS();
    ~SoftRSS();

    const char *class_name() const override { return "SoftRSS"; }
    const char *port_count() const override { return "1/1-16"; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    int initialize(ErrorHandler *errh) override;
    void add_handlers() override;
    void push(int port, Packet *p) override;

    enum { KEY_BYTES = 40, RETA_SIZE = 128 };

  private:
    uint8_t _key[KEY_BYTES];
    uint8_t _reta[RETA_SIZE];
    unsigned _offset;
    bool _l4;

    uint64_t _per_out[16];
    uint64_t _non_ip;
    uint64_t _two_tuple;

    uint32_t spread(const uint8_t *in, unsigned n) const;
    static int parse_key(const String &hex, uint8_t *out);

    static String read_handler(Element *e, void *thunk);
    static int write_reta(const String &s, Element *e, void *, ErrorHandler *errh);
};

CLICK_ENDDECLS
#endif
