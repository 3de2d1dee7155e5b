#ifndef CLARA_ELEMENTS_CHECKIPHEADER_HH
#define CLARA_ELEMENTS_CHECKIPHEADER_HH
#include <click/element.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * CheckIPHeader([OFFSET, CHECKSUM, BADSRC])
 *
 * =s ip
 * checks IP header validity and sets the IP header annotation
 *
 * =d
 * Expects an IPv4 header OFFSET bytes into each packet (0 after Strip(14))
 * and checks, in this order: the packet holds a 20-byte header; the version
 * is 4; the header length is at least 20 bytes and fits the packet; the
 * header checksum is correct (unless CHECKSUM false); the total length is
 * at least the header length and fits the packet; the source address is
 * neither the limited broadcast nor multicast (RFC 1812 5.3.7) nor one of
 * BADSRC.  A good packet gets its network and transport header annotations
 * set and bytes beyond the IP total length (link-layer padding) trimmed,
 * and leaves on output 0.  A bad one leaves on output 1 if the element has
 * two outputs, else it is dropped.
 *
 * Keyword arguments:
 * =item OFFSET    Unsigned.  Where the IP header starts.  Default 0.
 * =item CHECKSUM  Boolean.  Verify the header checksum.  Default true.
 * =item BADSRC    Space-separated list of up to 8 source addresses to
 *                 reject, e.g. the router's own.  Default empty.
 *
 * =h count read-only         good packets
 * =h drops read-only         bad packets
 * =h drop_details read-only  bad packets per reason, one "REASON COUNT" a line
 */
class CheckIPHeader : public Element {
  public:
    CheckIPHeader();
    ~CheckIPHeader();

    const char *class_name() const override { return "CheckIPHeader"; }
    const char *port_count() const override { return PORTS_1_1X2; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

  private:
    enum Reason {
        REASON_GOOD = -1, REASON_TOO_SHORT = 0, REASON_BAD_VERSION, REASON_BAD_HLEN,
        REASON_BAD_CHECKSUM, REASON_BAD_LENGTH, REASON_BAD_SOURCE, NREASONS
    };
    enum { MAX_BADSRC = 8 };
    enum { h_count, h_drops, h_drop_details };

    unsigned _offset;
    bool _checksum;
    IPAddress _badsrc[MAX_BADSRC];
    int _nbadsrc;

    uint64_t _count;
    uint64_t _drops;
    uint64_t _reason_drops[NREASONS];

    int check(const click_ip *ip, unsigned room) const;
    bool bad_source(IPAddress src) const;

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
