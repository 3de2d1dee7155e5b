#ifndef CLICK_CAPTUREBALANCER_HH
#define CLICK_CAPTUREBALANCER_HH
#include <click/element.hh>
CLICK_DECLS

/*
=c

CaptureBalancer([KEY, I<keywords> SYMMETRIC, L4])

=s telemetry

spreads captured traffic over capture workers, flow-consistently

=d

Each output feeds one capture worker (a disk writer or analysis thread).
Packets of one flow must reach the same worker, and with SYMMETRIC (the
default) both directions of a connection must too.  The output is chosen the
way a NIC's receive-side scaling does it: a Toeplitz hash of the addresses
(and ports, if L4) indexes a 128-entry indirection table.  KEY is the 40-byte
RSS key as 80 hex digits; by default the well-known Microsoft key.  Non-IP
frames and IP fragments without ports use the address pair only.
*/

class CaptureBalancer : public Element { public:

    CaptureBalancer();

    const char *class_name() const	{ return "CaptureBalancer"; }
    const char *port_count() const	{ return "1/1-64"; }
    const char *processing() const	{ return PUSH; }

    int configure(Vector<String> &, ErrorHandler *);
    void add_handlers();

    void push(int, Packet *);

    enum { KEY_LEN = 40, RETA_SIZE = 128 };

  private:

    uint8_t _rss_key[KEY_LEN];
    uint8_t _reta[RETA_SIZE];
    bool _symmetric;
    bool _l4;

    uint64_t _per_output[64];
    uint64_t _non_ip;
    uint64_t _fragments;

    static String read_spread(Element *, void *);

};

CLICK_ENDDECLS
#endif
