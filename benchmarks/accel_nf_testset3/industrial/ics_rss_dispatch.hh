#ifndef CLICK_ICSRSSDISPATCH_HH
#define CLICK_ICSRSSDISPATCH_HH
#include <click/element.hh>
CLICK_DECLS

/*
=c

IcsRssDispatch([KEY, SYMMETRIC, RETA_SIZE])

=s industrial

spreads ICS flows over DPI workers with a receive-side-scaling hash

=d

Front end of a multi-core industrial DPI sensor (Modbus, DNP3, S7, OPC UA
decoders run on each output).  Computes the same Toeplitz hash a NIC would
(RSS, 40-byte KEY, default: the well-known Microsoft key) over the IPv4
addresses and, for unfragmented TCP/UDP, the ports; the low bits of the
hash index a redirection table that maps to an output.  With SYMMETRIC
true the endpoints are ordered first, so both directions of a session
reach the same decoder.  The hash goes to the AGGREGATE annotation.

*/

class IcsRssDispatch : public Element { public:

    IcsRssDispatch();

    const char *class_name() const	{ return "IcsRssDispatch"; }
    const char *port_count() const	{ return "1/1-"; }
    const char *processing() const	{ return PUSH; }
    int configure(Vector<String> &, ErrorHandler *);
    void add_handlers();

    void push(int, Packet *);

  private:

    enum { KEY_LEN = 40, MAX_RETA = 512, MAX_OUT = 64 };

    uint8_t _key[KEY_LEN];
    uint16_t _reta[MAX_RETA];
    unsigned _reta_mask;
    bool _symmetric;

    uint64_t _per_output[MAX_OUT];
    uint64_t _two_tuple;
    uint64_t _non_ip;

};

CLICK_ENDDECLS
#endif
