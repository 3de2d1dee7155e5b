#ifndef CLARA_ELEMENTS_ARPRESPONDER_HH
#define CLARA_ELEMENTS_ARPRESPONDER_HH
#include <click/element.hh>
#include <click/etheraddress.hh>
#include <click/ipaddress.hh>
CLICK_DECLS

/*
 * =c
 * ARPResponder(IP [IP...] ETH, ...)
 *
 * =s arp
 * answers ARP requests for its addresses
 *
 * =d
 * Input packets are Ethernet frames.  An ARP request (Ethernet hardware,
 * IPv4 protocol, 6/4 address lengths, opcode 1) whose target protocol
 * address matches one of the configured entries is answered: a new 42-byte
 * frame is made with Packet::make, addressed to the requester, carrying an
 * ARP reply that maps the requested address to the entry's Ethernet
 * address; the reply leaves on output 0 and the request is consumed.
 * Every other packet (not ARP, not a request, malformed, or for an address
 * not served) leaves unchanged on output 1 if the element has two outputs,
 * else it is dropped.
 *
 * Each argument is one or more IP addresses or prefixes (ADDR/LEN or
 * ADDR/MASK; a prefix answers for every address in it, e.g. proxy ARP)
 * and one Ethernet address, separated by spaces.  The first matching
 * entry wins; at most 16 address entries in all.
 *
 * =h requests read-only   ARP requests seen
 * =h replies read-only    replies sent
 * =h passed read-only     packets not answered
 * =h table read-only      "ADDR/MASK ETH" per line
 */
class ARPResponder : public Element {
  public:
    ARPResponder();
    ~ARPResponder();

    const char *class_name() const override { return "ARPResponder"; }
    const char *port_count() const override { return PORTS_1_1X2; }
    const char *processing() const override { return PUSH; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    void push(int port, Packet *p) override;

    enum { MAX_ENTRIES = 16 };

  private:
    enum { h_requests, h_replies, h_passed, h_table };

    struct Entry {
        IPAddress addr;         // network order, already masked
        IPAddress mask;
        EtherAddress eth;
    };

    Entry _entries[MAX_ENTRIES];
    int _nentries;

    uint64_t _requests;
    uint64_t _replies;
    uint64_t _passed;

    int add_argument(const String &arg, ErrorHandler *errh);
    const Entry *lookup(IPAddress target) const;
    WritablePacket *make_reply(const Packet *request, const Entry *e) const;

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
