#ifndef CLARA_ELEMENTS_ETHERENCAP_HH
#define CLARA_ELEMENTS_ETHERENCAP_HH
#include <click/element.hh>
#include <click/etheraddress.hh>
#include <clicknet/ether.h>
CLICK_DECLS

/*
 * =c
 * EtherEncap(ETHERTYPE, SRC, DST)
 *
 * =s ethernet
 * prepends an Ethernet header
 *
 * =d
 * Prepends a 14-byte Ethernet header with the given EtherType (e.g. 0x0800
 * for IPv4), source and destination addresses to every packet and sets the
 * MAC header annotation to it.  The header is built once at configuration
 * time and copied per packet.  A packet without room for the header (and
 * whose buffer cannot be grown) is dropped.
 *
 * =h src read-only        the source address
 * =h dst read-only        the destination address
 * =h ethertype read-only  the EtherType
 */
class EtherEncap : public Element {
  public:
    EtherEncap();
    ~EtherEncap();

    const char *class_name() const override { return "EtherEncap"; }
    const char *port_count() const override { return PORTS_1_1; }

    int configure(Vector<String> &conf, ErrorHandler *errh) override;
    void add_handlers() override;

    Packet *simple_action(Packet *p) override;

  private:
    enum { h_src, h_dst, h_ethertype };

    click_ether _ethh;      // the header every packet gets (network order)

    static String read_handler(Element *e, void *thunk);
};

CLICK_ENDDECLS
#endif
